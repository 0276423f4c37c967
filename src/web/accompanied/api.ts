import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api';
import type { AccompaniedFile, AccompaniedReport, AccompaniedSession, AccompaniedSessionList, AccompaniedStart } from '../../domain/accompanied/accompanied.contract';

export const accompaniedKeys = {
  all: ['accompanied'] as const,
  mine: ['accompanied', 'mine'] as const,
  session: (id: string) => ['accompanied', 'session', id] as const,
  file: (id: string) => ['accompanied', 'file', id] as const,
  report: (projectId?: string) => ['accompanied', 'report', projectId] as const,
};

/** The sessions I take part in that are still running (the lead's and the confirming CS staff member's). */
export function useMySessions(enabled: boolean) {
  return useQuery({
    queryKey: accompaniedKeys.mine,
    queryFn: ({ signal }) => api.get<AccompaniedSessionList>('/api/accompanied-sessions/mine', undefined, signal),
    select: (d) => d.items,
    enabled,
    refetchInterval: 20_000,
  });
}

/** The session's state, polled: when the other person ends it, this page ends too. */
export function useSession(id: string) {
  return useQuery({
    queryKey: accompaniedKeys.session(id),
    queryFn: ({ signal }) => api.get<AccompaniedSession>(`/api/accompanied-sessions/${id}`, undefined, signal),
    refetchInterval: 10_000,
  });
}

/** The file, read once per opening (each read is on the trail); never kept after the page goes. */
export function useSessionFile(id: string, enabled: boolean) {
  return useQuery({
    queryKey: accompaniedKeys.file(id),
    queryFn: ({ signal }) => api.get<AccompaniedFile>(`/api/accompanied-sessions/${id}/file`, undefined, signal),
    enabled,
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useReport(projectId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: accompaniedKeys.report(projectId),
    queryFn: ({ signal }) => api.get<AccompaniedReport>('/api/accompanied-sessions/report', { projectId }, signal),
    select: (d) => d.items,
    enabled,
  });
}

export function useStartSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AccompaniedStart) => api.post<AccompaniedSession>('/api/accompanied-sessions', body),
    onSettled: () => qc.invalidateQueries({ queryKey: accompaniedKeys.mine }),
  });
}

export function useEndSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<AccompaniedSession>(`/api/accompanied-sessions/${id}/end`, {}),
    onSettled: () => qc.invalidateQueries({ queryKey: accompaniedKeys.all }),
  });
}
