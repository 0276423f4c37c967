import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api';
import type { SlaReading, TimelineEvent, Urgency, WorkOrderKind, WorkOrderStatus } from '../calls/types';

/** A 报修单 as GET /api/work-orders presents it: the household's name and phone masked for doers (ARC-12). */
export interface WorkOrderItem {
  id: string;
  projectId: string;
  number: string;
  kind: WorkOrderKind;
  status: WorkOrderStatus;
  callId: string;
  callNumber: string;
  content: string;
  urgency: Urgency;
  unitCode: string | null;
  callerName: string;
  callerPhone: string | null;
  assigneeName: string | null;
  vendorName: string | null;
  dueAt: string | null;
  /** The server's SLA reading (due, warn-at, state). */
  sla: SlaReading;
  result: string | null;
  materials: string | null;
  chaseCount: number;
  acceptedAt: string | null;
  onSiteAt: string | null;
  doneAt: string | null;
  verifiedAt: string | null;
  createdAt: string;
  version: number;
}

export interface WorkOrderAbilities {
  read: boolean;
  act: boolean;
  verify: boolean;
  reassign: boolean;
  chase: boolean;
  /** ARC-11: ask the front desk to call the household. */
  requestCall?: boolean;
}

export interface WorkOrderDetail extends WorkOrderItem {
  abilities: WorkOrderAbilities;
  photos: string[] | null;
  classReason?: string | null;
  events: TimelineEvent[];
}

export type WorkOrderStep = 'accept' | 'arrive' | 'complete' | 'verify' | 'reject' | 'reassign' | 'cancel';

export interface StepBody {
  version: number;
  result?: string;
  materials?: string;
  photos?: string[];
  reason?: string;
  assigneeId?: string;
}

export const workOrderKeys = {
  all: ['work-orders'] as const,
  mine: ['work-orders', 'mine'] as const,
  detail: (id: string) => ['work-orders', 'detail', id] as const,
};

export function useMyWorkOrders() {
  return useQuery({
    queryKey: workOrderKeys.mine,
    queryFn: ({ signal }) => api.get<{ items: WorkOrderItem[] }>('/api/work-orders', { mine: 1, open: 1 }, signal),
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
    mutationFn: ({ step, body }: { step: WorkOrderStep; body: StepBody }) => api.post<WorkOrderItem>(`/api/work-orders/${id}/${step}`, body),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: workOrderKeys.all });
      void qc.invalidateQueries({ queryKey: ['calls', 'detail'] });
    },
  });
}

/** ARC-11: the doer asks the front desk to call the household for him; he never gets the number. */
export function useRequestCall(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => api.post<{ requested: true }>(`/api/work-orders/${id}/call-request`, { note }),
    onSettled: () => qc.invalidateQueries({ queryKey: workOrderKeys.detail(id) }),
  });
}
