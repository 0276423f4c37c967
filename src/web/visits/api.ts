import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api';
import type { Visit, VisitList, VisitMonthly, VisitRecordInput, VisitSettings, VisitSettingsInput, VisitStats } from '../../domain/visits/visits.contract';

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

export function useVisitMonthly(projectId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: ['visits', 'monthly', projectId ?? '', from, to],
    queryFn: ({ signal }) => api.get<VisitMonthly>('/api/visits/stats/monthly', { projectId, from, to }, signal),
    enabled: Boolean(projectId),
  });
}

export function useVisitSettings(projectId: string | undefined) {
  return useQuery({
    queryKey: ['visits', 'settings', projectId ?? ''],
    queryFn: ({ signal }) => api.get<VisitSettings>('/api/visits/settings', { projectId }, signal),
    enabled: Boolean(projectId),
  });
}

export function useSaveVisitSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: VisitSettingsInput) => api.patch<VisitSettings>('/api/visits/settings', body),
    onSettled: async () => qc.invalidateQueries({ queryKey: visitKeys.all }),
  });
}
