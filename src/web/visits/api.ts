import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api';
import type { Visit, VisitList, VisitRecordInput, VisitStats } from '../../domain/visits/visits.contract';

export const visitKeys = {
  all: ['visits'] as const,
  list: (projectId: string, onlyDue: boolean) => ['visits', 'list', projectId, onlyDue] as const,
  stats: (projectId: string, from: string, to: string) => ['visits', 'stats', projectId, from, to] as const,
};

export function useVisits(projectId: string | undefined, onlyDue: boolean) {
  return useQuery({
    queryKey: visitKeys.list(projectId ?? '', onlyDue),
    queryFn: ({ signal }) => api.get<VisitList>('/api/visits', { projectId, status: onlyDue ? 'due' : undefined }, signal),
    enabled: Boolean(projectId),
    select: (d) => d.items,
  });
}

export function useVisitStats(projectId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: visitKeys.stats(projectId ?? '', from, to),
    queryFn: ({ signal }) => api.get<VisitStats>('/api/visits/stats', { projectId, from, to }, signal),
    enabled: Boolean(projectId),
  });
}

export function useRecordVisit(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: VisitRecordInput) => api.post<Visit>(`/api/visits/${id}/record`, body),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: visitKeys.all });
      void qc.invalidateQueries({ queryKey: ['complaints'] });
    },
  });
}
