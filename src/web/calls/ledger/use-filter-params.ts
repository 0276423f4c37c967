import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CallClass, CallStatus } from '../../../domain/calls/calls.table';
import type { FilterValues } from './components/report-filters';
import { CLASS_ORDER, fmtDate, statusOptions, type DayRange } from './format';

const isClass = (v: string | null): v is CallClass => v !== null && (CLASS_ORDER as readonly string[]).includes(v);
const isStatus = (v: string | null): v is CallStatus => v !== null && statusOptions.some((o) => o.value === v);

function parseRange(from: string | null, to: string | null, fallback: () => DayRange | null): DayRange | null {
  if (from === 'all') return null;
  const a = from ? dayjs(from) : null;
  const b = to ? dayjs(to) : null;
  return a?.isValid() && b?.isValid() && !b.isBefore(a) ? [a.startOf('day'), b.startOf('day')] : fallback();
}

/**
 * A report's filters kept in the URL (?from=YYYY-MM-DD&to=…&class=&district=&status=), so a printed or
 * shared link reopens the same report; `extra` keys (rows, page, groupBy) ride along.
 */
export function useFilterParams(defaultRange: () => DayRange | null) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<FilterValues>(() => {
    const c = params.get('class');
    const s = params.get('status');
    return {
      range: parseRange(params.get('from'), params.get('to'), defaultRange),
      class: isClass(c) ? c : undefined,
      districtId: params.get('district') ?? undefined,
      status: isStatus(s) ? s : undefined,
    };
    // defaultRange is a constant of the page: only the URL decides.
  }, [params]);

  const setFilters = useCallback(
    (v: FilterValues, extra: Record<string, string | undefined> = {}) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          const set = (k: string, val: string | undefined) => (val ? next.set(k, val) : next.delete(k));
          set('from', v.range ? fmtDate(v.range[0]) : 'all');
          set('to', v.range ? fmtDate(v.range[1]) : undefined);
          set('class', v.class);
          set('district', v.districtId);
          set('status', v.status);
          for (const [k, val] of Object.entries(extra)) set(k, val);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setExtra = useCallback(
    (extra: Record<string, string | undefined>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, val] of Object.entries(extra)) {
            if (val) next.set(k, val);
            else next.delete(k);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return { filters, setFilters, setExtra, params };
}
