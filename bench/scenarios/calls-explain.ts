/**
 * EXPLAIN ANALYZE of the SQL the call list and the ledger really send (captured from the running app),
 * per kind of filter and statement. The captured requests are kept: calls-fix-run.ts replays them on a
 * scratch copy with the candidate fixes.
 */
import type { DeskStore } from '../data/desk-store';
import { BENCH_USER } from '../data/estate';
import { LIST_KINDS, ledgerQueries, listQueries, type ListKind } from '../data/list-queries';
import { captureSql, type Captured } from '../lib/capture';
import { rawDriver, type RawQuery } from '../lib/raw';
import { startApp } from '../lib/servers';
import { signIn } from '../lib/session';
import { median, round } from '../lib/stats';
import { log } from '../lib/progress';

export type Kind = ListKind | 'ledger';

/** One list or ledger request and the call_records statements the app sent for it, in order. */
export interface CapturedRequest {
  kind: Kind;
  path: string;
  statements: Captured[];
}

export interface Explained {
  kind: Kind;
  role: 'rows' | 'count';
  path: string;
  sql: Captured;
  ms: number;
  plan: string;
}

/** Which of a request's statements it is: the page of rows, or the subtotal counts. */
export const roleOf = (text: string): 'rows' | 'count' => (/count\(\*\)|sum\(n\)/i.test(text) ? 'count' : 'rows');

export async function explainOne(q: RawQuery, s: Captured): Promise<{ ms: number; plan: string }> {
  const r = await q(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.params);
  const plan = r.rows.map((x) => String(Object.values(x)[0])).join('\n');
  const m = /Execution Time: ([\d.]+) ms/.exec(plan);
  return { ms: m ? Number(m[1]) : Number.NaN, plan };
}

/** Every call_records statement of each request, captured while the app answers it. */
async function captureAll(desk: DeskStore, samples: { roomCode: string; number: string }): Promise<CapturedRequest[]> {
  const server = await startApp(desk.bench.store);
  try {
    const { cookie } = await signIn(server.url, BENCH_USER.username, BENCH_USER.password);
    const paths: { kind: Kind; path: string }[] = [...listQueries(desk.ids, samples), ...ledgerQueries(desk.ids).map((path) => ({ kind: 'ledger' as const, path }))];
    const out: CapturedRequest[] = [];
    for (const p of paths) {
      const { statements } = await captureSql(desk.bench.store, async () => {
        const res = await fetch(server.url + p.path, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`${p.path} answered ${res.status}`);
        await res.arrayBuffer();
      });
      // Everything the request sent but the session look-up: its page of rows and its subtotals (from
      // call_records or from whatever summary the app keeps).
      out.push({ ...p, statements: statements.filter((s) => !s.text.includes('FROM sessions s JOIN users')) });
    }
    return out;
  } finally {
    await server.close();
  }
}

export const timing = (xs: Explained[]) => `median ${round(median(xs.map((x) => x.ms)))} ms / max ${round(Math.max(...xs.map((x) => x.ms)))} ms`;

export function section(title: string, xs: Explained[]): string {
  if (!xs.length) return '';
  const slow = xs.reduce((a, b) => (b.ms > a.ms ? b : a));
  return [
    `### ${title}: ${xs.length} statements, execution ${timing(xs)}`,
    '',
    `slowest: \`${decodeURIComponent(slow.path)}\``,
    '',
    '```sql',
    slow.sql.text,
    `-- params: ${JSON.stringify(slow.sql.params)}`,
    '```',
    '',
    '```',
    slow.plan,
    '```',
    '',
  ].join('\n');
}

export const KINDS: Kind[] = [...LIST_KINDS, 'ledger'];

/** EXPLAIN ANALYZE of every captured statement, as a list of results. */
export async function explainAll(q: RawQuery, requests: CapturedRequest[], rewrite?: (r: CapturedRequest, s: Captured) => Captured): Promise<Explained[]> {
  const out: Explained[] = [];
  for (const r of requests)
    for (const s of r.statements) {
      const sql = rewrite ? rewrite(r, s) : s;
      out.push({ kind: r.kind, path: r.path, role: roleOf(s.text), sql, ...(await explainOne(q, sql)) });
    }
  return out;
}

/** Markdown sections and a one-line summary per kind and statement. */
export function report(title: string, explained: Explained[]): { markdown: string; summary: string } {
  const md: string[] = [title, ''];
  const parts: string[] = [];
  for (const k of KINDS)
    for (const role of ['rows', 'count'] as const) {
      const xs = explained.filter((e) => e.kind === k && e.role === role);
      if (!xs.length) continue;
      md.push(section(`${k} — ${role === 'rows' ? 'page of rows' : 'class subtotals (count)'}`, xs));
      parts.push(`${k}/${role} ${timing(xs)}`);
    }
  return { markdown: md.join('\n'), summary: parts.join('; ') };
}

/** Median execution ms of each kind's statements (the page of rows, the subtotals), one request at a time. */
export type SqlTimes = Partial<Record<Kind, { rows?: number; count?: number }>>;

function sqlTimes(explained: Explained[]): SqlTimes {
  const out: SqlTimes = {};
  for (const k of KINDS) {
    const of = (role: 'rows' | 'count') => {
      const xs = explained.filter((e) => e.kind === k && e.role === role).map((e) => e.ms);
      return xs.length ? round(median(xs)) : undefined;
    };
    if (explained.some((e) => e.kind === k)) out[k] = { rows: of('rows'), count: of('count') };
  }
  return out;
}

export async function explainCalls(desk: DeskStore, label: string, samples: { roomCode: string; number: string }, size = `${desk.calls}`): Promise<{ markdown: string; notes: string[]; requests: CapturedRequest[]; times: SqlTimes }> {
  log(`${label}: EXPLAIN ANALYZE of the call list and ledger statements`);
  const raw = rawDriver(desk.bench.store);
  const requests = await captureAll(desk, samples);
  const explained = await explainAll(raw.query, requests);
  const r = report(`## ${label}, ${size} calls, as benchmarked`, explained);
  return { markdown: r.markdown, notes: [`[${label}] call list SQL alone at ${size} calls (EXPLAIN ANALYZE execution time, per kind/statement): ${r.summary}`], requests, times: sqlTimes(explained) };
}
