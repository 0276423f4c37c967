/**
 * EXPLAIN ANALYZE of the SQL the call list and the ledger really send (captured from the running app),
 * per kind of filter; then the same statements with each candidate fix (an index, or a rewrite) inside a
 * transaction that is rolled back, so the cached data is never changed.
 */
import type { DeskStore } from '../data/desk-store';
import { BENCH_USER } from '../data/estate';
import { LIST_KINDS, ledgerQueries, listQueries, type ListKind } from '../data/list-queries';
import { captureSql, type Captured } from '../lib/capture';
import { rawDriver, type RawDriver, type RawQuery } from '../lib/raw';
import { startApp } from '../lib/servers';
import { signIn } from '../lib/session';
import { median, round } from '../lib/stats';
import { log } from '../lib/progress';
import { CANDIDATE_FIXES, type CandidateFix } from './calls-fixes';

type Kind = ListKind | 'ledger';

interface Explained {
  kind: Kind;
  role: 'rows' | 'count';
  path: string;
  sql: Captured;
  ms: number;
  plan: string;
}

/** Which of a request's statements it is: the page of rows, or the subtotal counts. */
const roleOf = (text: string): 'rows' | 'count' => (/count\(\*\)/.test(text) ? 'count' : 'rows');

async function explainOne(q: RawQuery, s: Captured): Promise<{ ms: number; plan: string }> {
  const r = await q(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.params);
  const plan = r.rows.map((x) => String(Object.values(x)[0])).join('\n');
  const m = /Execution Time: ([\d.]+) ms/.exec(plan);
  return { ms: m ? Number(m[1]) : Number.NaN, plan };
}

/** Every call_records statement of each request, captured while the app answers it. */
async function captureAll(desk: DeskStore, samples: { roomCode: string; number: string }): Promise<{ kind: Kind; path: string; sql: Captured }[]> {
  const server = await startApp(desk.bench.store);
  try {
    const { cookie } = await signIn(server.url, BENCH_USER.username, BENCH_USER.password);
    const paths: { kind: Kind; path: string }[] = [...listQueries(desk.ids, samples), ...ledgerQueries(desk.ids).map((path) => ({ kind: 'ledger' as const, path }))];
    const out: { kind: Kind; path: string; sql: Captured }[] = [];
    for (const p of paths) {
      const { statements } = await captureSql(desk.bench.store, async () => {
        const res = await fetch(server.url + p.path, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`${p.path} answered ${res.status}`);
        await res.arrayBuffer();
      });
      for (const sql of statements.filter((s) => s.text.includes('"call_records"'))) out.push({ ...p, sql });
    }
    return out;
  } finally {
    await server.close();
  }
}

const timing = (xs: Explained[]) => `median ${round(median(xs.map((x) => x.ms)))} ms / max ${round(Math.max(...xs.map((x) => x.ms)))} ms`;

/** Runs the statements again with a fix in place, inside a transaction that is always rolled back. */
async function withFix(raw: RawDriver, fix: CandidateFix, list: Explained[]): Promise<Explained[]> {
  const rollback = new Error('rollback');
  const out: Explained[] = [];
  await raw
    .transaction(async (q) => {
      for (const stmt of fix.setup) await q(stmt);
      for (const e of list.filter((x) => fix.kinds.includes(x.kind))) {
        const sql = fix.rewrite ? fix.rewrite(e.sql) : e.sql;
        out.push({ ...e, sql, ...(await explainOne(q, sql)) });
      }
      throw rollback;
    })
    .catch((err: unknown) => {
      if (err !== rollback) throw err;
    });
  return out;
}

function section(title: string, xs: Explained[]): string {
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

export async function explainCalls(desk: DeskStore, label: string, samples: { roomCode: string; number: string }): Promise<{ markdown: string; notes: string[] }> {
  log(`${label}: EXPLAIN ANALYZE of the call list and ledger statements`);
  const raw = rawDriver(desk.bench.store);
  const captured = await captureAll(desk, samples);
  const explained: Explained[] = [];
  for (const c of captured) explained.push({ ...c, role: roleOf(c.sql.text), ...(await explainOne(raw.query, c.sql)) });
  const kinds: Kind[] = [...LIST_KINDS, 'ledger'];
  const md: string[] = [`## ${label}, ${desk.calls} calls, as benchmarked`, ''];
  const parts: string[] = [];
  for (const k of kinds)
    for (const role of ['rows', 'count'] as const) {
      const xs = explained.filter((e) => e.kind === k && e.role === role);
      if (!xs.length) continue;
      md.push(section(`${k} — ${role === 'rows' ? 'page of rows' : 'class subtotals (count)'}`, xs));
      parts.push(`${k}/${role} ${timing(xs)}`);
    }
  const notes = [`[${label}] call list SQL alone at ${desk.calls} calls (EXPLAIN ANALYZE execution time, per kind/statement): ${parts.join('; ')}`];
  for (const fix of CANDIDATE_FIXES) {
    log(`${label}: candidate fix "${fix.name}" (rolled back afterwards)`);
    const after = await withFix(raw, fix, explained);
    md.push(`## ${label}: with ${fix.name} (inside a rolled-back transaction)`, '', fix.why, '', ...fix.setup.map((s) => `    ${s}`), '');
    const fparts: string[] = [];
    for (const k of fix.kinds)
      for (const role of ['rows', 'count'] as const) {
        const xs = after.filter((e) => e.kind === k && e.role === role);
        const was = explained.filter((e) => e.kind === k && e.role === role);
        if (!xs.length) continue;
        md.push(section(`${k} — ${role} with the fix`, xs));
        fparts.push(`${k}/${role} ${timing(was)} → ${timing(xs)}`);
      }
    notes.push(`[${label}] candidate fix, ${fix.name}: ${fparts.join('; ')}`);
  }
  return { markdown: md.join('\n'), notes };
}
