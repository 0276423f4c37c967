import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api';
import type { TeamList, CallOutcome, CallRequestResult, CallRequestView, StepBody, WorkOrder, WorkOrderDetail, WorkOrderList, WorkOrderStep } from '../../domain/work-orders/work-orders.contract';

export const workOrderKeys = {
  all: ['work-orders'] as const,
  mine: ['work-orders', 'mine'] as const,
  detail: (id: string) => ['work-orders', 'detail', id] as const,
};

export function useMyWorkOrders() {
  return useQuery({
    queryKey: workOrderKeys.mine,
    queryFn: ({ signal }) => api.get<WorkOrderList>('/api/work-orders', { mine: 1, open: 1 }, signal),
    select: (d) => d.items,
    staleTime: 10_000,
  });
}

export function useWorkOrder(id: string | undefined) {
  return useQuery({
    queryKey: workOrderKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<WorkOrderDetail>(`/api/work-orders/${id}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 0,
  });
}

/** A step of the work order (doer: accept/arrive/complete; desk: verify/reject/reassign/cancel); re-read whatever the answer. */
export function useWorkOrderStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: WorkOrderStep; body: StepBody }) => api.post<WorkOrder>(`/api/work-orders/${id}/${step}`, body),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: workOrderKeys.all });
      void qc.invalidateQueries({ queryKey: ['calls', 'detail'] });
    },
  });
}

/** ARC-11: the doer asks the front desk to call the household for him; he never gets the number. */
/** ARC-11: the desk records that it called the household for the doer, and how it went. */
export function useRecordCallOutcome(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { outcome: CallOutcome; note?: string }) => api.post<{ items: CallRequestView[] }>(`/api/work-orders/${id}/call-outcome`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: workOrderKeys.detail(id) }),
  });
}

export function useRequestCall(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => api.post<CallRequestResult>(`/api/work-orders/${id}/call-request`, { note }),
    onSettled: () => qc.invalidateQueries({ queryKey: workOrderKeys.detail(id) }),
  });
}

/** The lead's team and who is free (issue 13). */
export function useTeam(projectId: string) {
  return useQuery({
    queryKey: [...workOrderKeys.all, 'team', projectId],
    queryFn: ({ signal }) => api.get<TeamList>('/api/work-orders/team', { projectId }, signal),
    select: (d) => d.items,
    staleTime: 10_000,
  });
}

/** The team's open normal repairs in the project (the lead dispatches these). */
export function useTeamWorkOrders(projectId: string) {
  return useQuery({
    queryKey: [...workOrderKeys.all, 'team-jobs', projectId],
    queryFn: ({ signal }) => api.get<WorkOrderList>('/api/work-orders', { projectId, open: 1, kind: 'normal' }, signal),
    select: (d) => d.items,
    staleTime: 10_000,
  });
}

export function useReassign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, assigneeId }: { id: string; version: number; assigneeId: string }) => api.post<WorkOrder>(`/api/work-orders/${id}/reassign`, { version, assigneeId }),
    onSettled: () => qc.invalidateQueries({ queryKey: workOrderKeys.all }),
  });
}
