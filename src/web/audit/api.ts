import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditPage, AuditQuery } from '../../domain/audit/audit.contract';
import { api } from '../lib/api';

/** A line of GET /api/audit: src/domain/audit/audit.contract.ts. */
export type { AuditEntry };

/** The filters of GET /api/audit (its query contract, without the paging fields). */
export type AuditFilter = Pick<AuditQuery, 'action' | 'actor' | 'from' | 'to'>;

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
