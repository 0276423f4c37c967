import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallChaseResult } from '../../../domain/calls/call-record.contract';
import type { CallListFilter } from '../../../domain/calls/calls.contract';
import type { CallPage, CallStats, GtSummary, Ledger, LedgerQuery, StatsQuery } from '../../../domain/calls/ledger.contract';
import type { Board } from '../../../domain/work-orders/call-views.contract';
import type { WorkOrder, WorkOrderDetail } from '../../../domain/work-orders/work-orders.contract';
import { api, withQuery } from '../../lib/api';
import type { AssigneeList } from '../../../domain/calls/reference.contract';
import type { CallSettings, CallSettingsInput } from '../../../domain/calls/call-settings.contract';

// Answers are typed by the domain contracts (src/domain/calls/*.contract.ts, src/domain/work-orders/*.contract.ts).

/** Filters shared by the ledger, the statistics and the export; dates are ISO 8601 with offset. */
export type ReportFilter = Pick<CallListFilter, 'projectId' | 'from' | 'to' | 'class' | 'districtId' | 'status'>;

export const reportKeys = {
  ledger: (q: LedgerQuery) => ['reports', 'ledger', q] as const,
  stats: (q: StatsQuery) => ['reports', 'stats', q] as const,
  board: (projectId: string, districtId?: string) => ['reports', 'board', projectId, districtId ?? ''] as const,
  gtQueue: (projectId: string) => ['reports', 'gt-queue', projectId] as const,
  gtSummary: (projectId: string, from: string, to: string) => ['reports', 'gt-summary', projectId, from, to] as const,
  assignees: (projectId: string, kind: 'normal' | 'Z') => ['reports', 'assignees', projectId, kind] as const,
};

export const ledgerXlsxUrl = (q: LedgerQuery) => withQuery('/api/calls/ledger.xlsx', { ...q });

export function useLedger(q: LedgerQuery | null) {
  return useQuery({
    queryKey: reportKeys.ledger(q ?? ({} as LedgerQuery)),
    queryFn: ({ signal }) => api.get<Ledger>('/api/calls/ledger', { ...q }, signal),
    enabled: Boolean(q?.projectId),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useStats(q: StatsQuery | null) {
  return useQuery({
    queryKey: reportKeys.stats(q ?? ({} as StatsQuery)),
    queryFn: ({ signal }) => api.get<CallStats>('/api/calls/stats', { ...q }, signal),
    enabled: Boolean(q?.projectId),
    placeholderData: keepPreviousData,
  });
}

const THIRTY_SECONDS = 30_000;

/** The district board refreshes itself every 30 s and whenever the desk comes back to the window. */
export function useBoard(projectId: string | undefined, districtId?: string) {
  return useQuery({
    queryKey: reportKeys.board(projectId ?? '', districtId),
    queryFn: ({ signal }) => api.get<Board>('/api/board', { projectId, districtId }, signal),
    enabled: Boolean(projectId),
    refetchInterval: THIRTY_SECONDS,
    refetchOnWindowFocus: 'always',
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useGtQueue(projectId: string | undefined) {
  return useQuery({
    queryKey: reportKeys.gtQueue(projectId ?? ''),
    queryFn: ({ signal }) => api.get<CallPage>('/api/calls', { projectId, class: 'GT', open: true, pageSize: 200 }, signal),
    enabled: Boolean(projectId),
    refetchOnWindowFocus: 'always',
  });
}

export function useGtSummary(projectId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: reportKeys.gtSummary(projectId ?? '', from, to),
    queryFn: ({ signal }) => api.get<GtSummary>('/api/gt/summary', { projectId, from, to }, signal),
    enabled: Boolean(projectId && from && to),
  });
}

export function useAssignees(projectId: string | undefined, kind: 'normal' | 'Z', enabled: boolean) {
  return useQuery({
    queryKey: reportKeys.assignees(projectId ?? '', kind),
    queryFn: ({ signal }) => api.get<AssigneeList>('/api/assignees', { projectId, kind }, signal),
    enabled: Boolean(projectId) && enabled,
    staleTime: 5 * 60_000,
  });
}

const invalidateBoard = (qc: ReturnType<typeof useQueryClient>) => qc.invalidateQueries({ queryKey: ['reports'] });

/** 催办 a call from the board (POST /api/calls/:id/chase). */
export function useChaseCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { callId: string; note?: string }) => api.post<CallChaseResult>(`/api/calls/${v.callId}/chase`, { note: v.note || undefined }),
    onSuccess: () => invalidateBoard(qc),
  });
}

/** What the 改派 dialog needs of a work order (GET /api/work-orders/:id): its version, status and assignee. */
export function useWorkOrderBrief(id: string) {
  return useQuery({
    queryKey: ['reports', 'work-order', id],
    queryFn: ({ signal }) => api.get<WorkOrderDetail>(`/api/work-orders/${id}`, undefined, signal),
    staleTime: 0,
  });
}

/** 改派 with the version the dialog read (optimistic locking on the server: a stale one answers 409). */
export function useReassignWorkOrder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { workOrderId: string; version: number; assigneeId: string }) =>
      api.post<WorkOrder>(`/api/work-orders/${v.workOrderId}/reassign`, { version: v.version, assigneeId: v.assigneeId }),
    onSuccess: () => invalidateBoard(qc),
    onError: () => qc.invalidateQueries({ queryKey: ['reports', 'work-order'] }),
  });
}

/** Downloads a file through fetch (so a refusal shows as a message, not as a page of JSON). */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : fallbackName;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** The project's call-desk settings (CALL-4: may account managers follow up other districts' items?). */
export function useCallSettings(projectId: string | undefined) {
  return useQuery({
    queryKey: ['reports', 'call-settings', projectId ?? ''],
    queryFn: ({ signal }) => api.get<CallSettings>('/api/calls/settings', { projectId }, signal),
    enabled: Boolean(projectId),
  });
}

export function useSaveCallSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CallSettingsInput) => api.patch<CallSettings>('/api/calls/settings', body),
    onSettled: () => invalidateBoard(qc),
  });
}
