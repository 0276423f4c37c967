import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api';
import type { HelpDetailJson, HelpListJson, HelpRequestJson, HelpStepJson, MyStepJson, PlaybookJson } from '../../domain/help/help.contract';

export type { HelpDetailJson, HelpRequestJson, HelpStepJson, MyStepJson, PlaybookJson };

export const helpKeys = {
  all: ['help'] as const,
  list: (projectId: string) => ['help', 'list', projectId] as const,
  detail: (id: string) => ['help', 'detail', id] as const,
  mine: (projectId: string) => ['help', 'mine', projectId] as const,
  playbooks: (projectId: string) => ['help', 'playbooks', projectId] as const,
};

/** Live pages: the live stream wakes them at once; a short poll covers what the stream does not tell this user. */
const LIVE_MS = 3000;

export function useHelpList(projectId: string | undefined) {
  return useQuery({
    queryKey: helpKeys.list(projectId ?? ''),
    queryFn: ({ signal }) => api.get<HelpListJson>('/api/help', { projectId, status: 'active' }, signal),
    enabled: Boolean(projectId),
    refetchInterval: 10_000,
    select: (d) => d.items,
  });
}

export function useHelp(id: string | undefined) {
  return useQuery({
    queryKey: helpKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<HelpDetailJson>(`/api/help/${id}`, undefined, signal),
    enabled: Boolean(id),
    refetchInterval: LIVE_MS,
  });
}

export function useMySteps(projectId: string | undefined) {
  return useQuery({
    queryKey: helpKeys.mine(projectId ?? ''),
    queryFn: ({ signal }) => api.get<{ items: MyStepJson[] }>('/api/help/my-steps', { projectId }, signal),
    enabled: Boolean(projectId),
    refetchInterval: LIVE_MS,
    select: (d) => d.items,
  });
}

export function usePlaybooks(projectId: string | undefined) {
  return useQuery({
    queryKey: helpKeys.playbooks(projectId ?? ''),
    queryFn: ({ signal }) => api.get<{ items: PlaybookJson[]; canEdit: boolean }>('/api/help/playbooks', { projectId }, signal),
    enabled: Boolean(projectId),
    staleTime: 60_000,
    select: (d) => d.items,
  });
}

export interface HelpCreateBody {
  projectId: string;
  category: HelpRequestJson['category'];
  requesterName: string;
  phone?: string;
  need: string;
  answer?: string;
}

function useHelpMutation<B, R>(fn: (body: B) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: helpKeys.all }) });
}

export const useCreateHelp = () => useHelpMutation((body: HelpCreateBody) => api.post<HelpRequestJson>('/api/help', body));
export const useRespond = (id: string) => useHelpMutation((body: { version: number; note: string }) => api.post<HelpRequestJson>(`/api/help/${id}/respond`, body));
export const useStartPlaybook = (id: string) =>
  useHelpMutation((body: { version: number; playbookCode: string; branch?: string; patientAddress?: string; patientPhone?: string }) => api.post<HelpRequestJson>(`/api/help/${id}/playbook`, body));
export const useCloseHelp = (id: string) =>
  useHelpMutation((body: { version: number; outcome: 'solved' | 'referred'; result: string; referredTo?: string }) => api.post<HelpRequestJson>(`/api/help/${id}/close`, body));
export const useStepAction = () =>
  useHelpMutation(({ stepId, action, version, note }: { stepId: string; action: 'acknowledge' | 'complete'; version: number; note?: string }) =>
    api.post<HelpStepJson>(`/api/help/steps/${stepId}/${action}`, note ? { version, note } : { version }),
  );
