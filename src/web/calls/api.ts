import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HouseholdSummary } from '../property/api';
import { api, request } from '../lib/api';
import type { CallCreateBody, CallListFilter, ClassifyBody } from '../../domain/calls/calls.contract';
import type { CallDetail } from '../../domain/work-orders/call-views.contract';
import type { CallPage } from '../../domain/calls/ledger.contract';
import type { CallRecord, Classification } from '../../domain/calls/call-record.contract';
import type { AssigneeView as Assignee, ServiceCategoryView as ServiceCategory, VendorView as Vendor } from '../../domain/calls/reference.contract';

export const callKeys = {
  all: ['calls'] as const,
  list: (q: CallListFilter) => ['calls', 'list', q] as const,
  recentOf: (projectId: string, householdId: string) => ['calls', 'recent', projectId, householdId] as const,
  detail: (id: string) => ['calls', 'detail', id] as const,
  classify: (input: ClassifyBody) => ['calls', 'classify', input] as const,
  categories: (projectId: string) => ['reference', 'categories', projectId] as const,
  vendors: (projectId: string) => ['reference', 'vendors', projectId] as const,
  assignees: (projectId: string, kind: 'normal' | 'Z') => ['reference', 'assignees', projectId, kind] as const,
};

const REFERENCE_STALE = 10 * 60_000;

export function useCategories(projectId: string | undefined) {
  return useQuery({
    queryKey: callKeys.categories(projectId ?? ''),
    queryFn: ({ signal }) => api.get<{ items: ServiceCategory[] }>('/api/service-categories', { projectId }, signal),
    enabled: Boolean(projectId),
    staleTime: REFERENCE_STALE,
    select: (d) => d.items,
  });
}

export function useVendors(projectId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: callKeys.vendors(projectId ?? ''),
    queryFn: ({ signal }) => api.get<{ items: Vendor[] }>('/api/vendors', { projectId }, signal),
    enabled: Boolean(projectId) && enabled,
    staleTime: REFERENCE_STALE,
    select: (d) => d.items,
  });
}

export function useAssignees(projectId: string | undefined, kind: 'normal' | 'Z', enabled = true) {
  return useQuery({
    queryKey: callKeys.assignees(projectId ?? '', kind),
    queryFn: ({ signal }) => api.get<{ items: Assignee[] }>('/api/assignees', { projectId, kind }, signal),
    enabled: Boolean(projectId) && enabled,
    staleTime: REFERENCE_STALE,
    select: (d) => d.items,
  });
}

/** The proposed class and why (CALL-2, 5, 6, 7, 8), asked again whenever one of its inputs changes. */
export function useClassification(input: ClassifyBody | null) {
  return useQuery({
    queryKey: callKeys.classify(input ?? { projectId: '', explicitComplaint: false, needsCoordination: false }),
    queryFn: ({ signal }) => request<Classification>('POST', '/api/calls/classify', { body: input, signal }),
    enabled: Boolean(input?.projectId),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** Room or phone look-up for the intake; POST so a phone number never lands in a URL (ARC-12). */
export type FoundHousehold = HouseholdSummary & { unitId: string };
export function searchHouseholds(projectId: string, q: string): Promise<{ items: FoundHousehold[] }> {
  return request('POST', '/api/households/search', { body: { q, projectId } });
}

export function useRecentCalls(projectId: string | undefined, householdId: string | undefined) {
  return useQuery({
    queryKey: callKeys.recentOf(projectId ?? '', householdId ?? ''),
    queryFn: ({ signal }) => api.get<CallPage>('/api/calls', { projectId, householdId, page: 1, pageSize: 5 }, signal),
    enabled: Boolean(projectId && householdId),
    staleTime: 15_000,
    select: (d) => d.items,
  });
}

export function useCreateCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CallCreateBody) => api.post<CallRecord>('/api/calls', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: callKeys.all }),
  });
}

export function useCallList(q: CallListFilter, enabled: boolean) {
  return useQuery({
    queryKey: callKeys.list(q),
    queryFn: ({ signal }) => api.get<CallPage>('/api/calls', { ...q }, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useCallDetail(id: string | undefined) {
  return useQuery({
    queryKey: callKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<CallDetail>(`/api/calls/${id}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 0,
  });
}

export type CallActionPath = 'reclassify' | 'dispatch' | 'replies' | 'resolve' | 'reopen' | 'close' | 'answer-close' | 'chase';

/**
 * One action on a record. Whatever the answer (done, 409, 400), the record is read again: the next
 * action needs its new version, and after a conflict the desk must see what the other person did.
 */
export function useCallAction<TBody extends object, TResult = CallRecord>(id: string, path: CallActionPath) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api.post<TResult>(`/api/calls/${id}/${path}`, body),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: callKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: ['calls', 'list'] });
      void qc.invalidateQueries({ queryKey: ['work-orders'] });
    },
  });
}
