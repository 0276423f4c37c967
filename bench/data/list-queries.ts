/**
 * What the call list and the ledger are asked over the generated two years: a day, a month, a class,
 * a district, open items only, a search string — each kind rotating over several values, the way several
 * desks would ask at once.
 */
import { CALL_CLASSES } from '../../src/domain/calls/calls.table';
import { CALL_DAYS, CALLS_END, SEARCH_WORDS } from './calls-gen';
import type { DeskIds } from './desk-seed';

export type ListKind = 'day' | 'month' | 'class' | 'district' | 'open' | 'search';
export const LIST_KINDS: readonly ListKind[] = ['day', 'month', 'class', 'district', 'open', 'search'];

export interface ListQuery {
  kind: ListKind;
  path: string;
}

const DAY = 86_400_000;
/** A Beijing day or month as the web app sends it: ISO instants with the +08:00 offset. */
const bj = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T00:00:00+08:00`;
const dayOf = (t: number) => {
  const d = new Date(t + 8 * 3_600_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] as const;
};

/** The months of the generated range that are complete, newest last. */
export function months(): { from: string; to: string }[] {
  const start = CALLS_END.getTime() - CALL_DAYS * DAY;
  const [y0, m0] = dayOf(start);
  const out: { from: string; to: string }[] = [];
  for (let i = 1; ; i++) {
    const y = y0 + Math.floor((m0 - 1 + i) / 12);
    const m = ((m0 - 1 + i) % 12) + 1;
    const ny = y + Math.floor(m / 12);
    const nm = (m % 12) + 1;
    if (new Date(bj(ny, nm, 1)).getTime() > CALLS_END.getTime()) break;
    out.push({ from: bj(y, m, 1), to: bj(ny, nm, 1) });
  }
  return out;
}

const qs = (p: Record<string, string | number | boolean>) =>
  Object.entries(p)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

/**
 * The list queries (pageSize 20, as the calls page sends). Search strings: common and rare words of the
 * 事由, a room code (prefix of units.code), a call number.
 */
export function listQueries(ids: DeskIds, sample: { roomCode: string; number: string }): ListQuery[] {
  const base = { projectId: ids.projectId, page: 1, pageSize: 20 };
  const path = (p: Record<string, string | number | boolean>) => `/api/calls?${qs({ ...base, ...p })}`;
  const out: ListQuery[] = [];
  const start = CALLS_END.getTime() - CALL_DAYS * DAY;
  for (let i = 0; i < 8; i++) {
    const [y, m, d] = dayOf(start + Math.floor(((i + 0.5) * CALL_DAYS) / 8) * DAY);
    const [ny, nm, nd] = dayOf(start + (Math.floor(((i + 0.5) * CALL_DAYS) / 8) + 1) * DAY);
    out.push({ kind: 'day', path: path({ from: bj(y, m, d), to: bj(ny, nm, nd) }) });
  }
  const ms = months();
  for (let i = 0; i < 8; i++) out.push({ kind: 'month', path: path(ms[Math.floor((i * ms.length) / 8)]) });
  for (const c of CALL_CLASSES) out.push({ kind: 'class', path: path({ class: c }) });
  for (const d of ids.districts) out.push({ kind: 'district', path: path({ districtId: d.id }) });
  out.push({ kind: 'open', path: path({ open: true }) });
  for (const w of [...SEARCH_WORDS, sample.roomCode, sample.number]) out.push({ kind: 'search', path: path({ q: w }) });
  return out;
}

/** Pages the ledger page asks for at once (src/web/calls/ledger/pages/ledger-page.tsx, SEGMENT; 50 before issue 14). */
export const LEDGER_SCREEN_PAGES = 5;

/**
 * The ledger of a month as the ledger page asks it: 20 rows a page, LEDGER_SCREEN_PAGES pages in one
 * request; with `pages` 1, one printed page per request instead.
 */
export function ledgerQueries(ids: DeskIds, pages = LEDGER_SCREEN_PAGES): string[] {
  const ms = months();
  return Array.from({ length: 8 }, (_, i) => ms[ms.length - 1 - Math.floor((i * ms.length) / 8)]).map(
    (m) => `/api/calls/ledger?${qs({ projectId: ids.projectId, from: m.from, to: m.to, rowsPerPage: 20, fromPage: 1, toPage: pages })}`,
  );
}
