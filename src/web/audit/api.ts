import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditPage } from '../../domain/audit/audit.contract';
import { api } from '../lib/api';

/** A line of GET /api/audit: src/domain/audit/audit.contract.ts. */
export type { AuditEntry };

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
      api.get<AuditPage>('/api/audit', { ...filter, before: pageParam, limit: PAGE }, signal),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    staleTime: 0,
  });
}
