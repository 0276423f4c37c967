import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, request } from '../lib/api';
import type { HandoverView, KeyCreate, KeyHolder, KeyView, LoanView, loanCreate, loanReturn, handoverCreate } from '../../domain/keys/keys.contract';

export type LoanBody = z.input<typeof loanCreate>;
export type ReturnBody = z.input<typeof loanReturn>;
export type HandoverBody = z.input<typeof handoverCreate>;

export const keyQueryKeys = {
  all: ['keys'] as const,
  list: (projectId: string, q: string) => ['keys', 'list', projectId, q] as const,
  loans: (projectId: string, open: boolean, from?: string, to?: string) => ['keys', 'loans', projectId, open, from, to] as const,
  owners: (keyId: string) => ['keys', 'owners', keyId] as const,
  approvers: (projectId: string) => ['keys', 'approvers', projectId] as const,
};

export function useKeys(projectId: string | undefined, q: string) {
  return useQuery({
    queryKey: keyQueryKeys.list(projectId ?? '', q),
    queryFn: ({ signal }) => api.get<{ items: KeyView[]; canCreate: boolean }>('/api/keys', { projectId, q }, signal),
    enabled: Boolean(projectId),
  });
}

export function useLoans(projectId: string | undefined, open: boolean, from?: string, to?: string) {
  return useQuery({
    queryKey: keyQueryKeys.loans(projectId ?? '', open, from, to),
    queryFn: ({ signal }) => api.get<{ items: LoanView[] }>('/api/key-loans', { projectId, open: open ? 'true' : undefined, from, to }, signal),
    select: (d) => d.items,
    enabled: Boolean(projectId),
    refetchInterval: open ? 30_000 : false,
  });
}

export function useKeyOwners(keyId: string) {
  return useQuery({
    queryKey: keyQueryKeys.owners(keyId),
    queryFn: ({ signal }) => api.get<{ items: KeyHolder[] }>(`/api/keys/${keyId}/owners`, undefined, signal),
    select: (d) => d.items,
  });
}

export function useApprovers(projectId: string) {
  return useQuery({
    queryKey: keyQueryKeys.approvers(projectId),
    queryFn: ({ signal }) => api.get<{ items: { id: string; displayName: string }[] }>('/api/key-approvers', { projectId }, signal),
    select: (d) => d.items,
    staleTime: 60_000,
  });
}

function useKeyMutation<B, R>(fn: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: keyQueryKeys.all }) });
}

export const useCreateKey = () => useKeyMutation((body: KeyCreate) => api.post<KeyView>('/api/keys', body));
export const useLend = (keyId: string) => useKeyMutation((body: LoanBody) => api.post<LoanView>(`/api/keys/${keyId}/loans`, body));
export const useReturn = (loanId: string) => useKeyMutation((body: ReturnBody) => api.post<LoanView>(`/api/key-loans/${loanId}/return`, body));
export const useHandover = (keyId: string) => useKeyMutation((body: HandoverBody) => request<HandoverView>('POST', `/api/keys/${keyId}/handover`, { body }));
