import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../lib/api';

/** GET /api/audit items (src/server/audit/audit.routes.ts). */
export interface AuditEntry {
  seq: number;
  at: string;
  actorName: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  projectId: string | null;
  subject: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  /** ISO 8601 with offset. */
  from?: string;
  to?: string;
}

const PAGE = 50;

/** Newest first, paged backwards by `before` (the last seq of the previous page). */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: AuditEntry[]; nextBefore: number | null }>('/api/audit', { ...filter, before: pageParam, limit: PAGE }, signal),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    staleTime: 0,
  });
}
