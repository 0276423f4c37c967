// npm run docs:trace — writes docs/TRACEABILITY.md from what actually ran: every clause of the manual, the code
// that enforces it and the tests that PASSED in the last `npm test` (the runner's JSON reports in .cache/test-report/).
// npm run docs:trace -- --check — fails when the committed doc claims a clause proven that the last run did not prove
// (`npm test` runs it when PostgreSQL is configured, as in CI).
//
// A test names a clause when its title (as the runner reports it, so `it.each` titles are expanded) starts with one
// or more clause ids: "CALL-3 a record …" or "COMP-1 COMP-3 a complaint …". A clause is proven when:
// - code enforces it (scripts/traceability.map.ts) and the map does not call it partial,
// - at least one test naming it passed and none failed,
// - and, where its tests touch the database (they ran once per store), a test naming it passed on BOTH stores.
// A test found in the source that did not run (skipped, filtered, commented out) proves nothing and is counted as
// "not run"; a run without PostgreSQL proves database clauses on the embedded store only, and says so.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLAUSE_CODE } from './traceability.map';

const root = path.resolve(import.meta.dirname, '..');
/** A test file's path in the repository, also for a report written by a run in another checkout (a clean clone). */
const repoPath = (abs: string) => /(?:^|[\\/])((?:src|e2e)[\\/].*)$/.exec(path.relative(root, abs))?.[1]?.replaceAll('\\', '/') ?? path.relative(root, abs);
const specPath = path.resolve(root, '../shared/manual/SPEC.md');
export const REPORT_DIR = path.join(root, '.cache/test-report');
const DOC = path.join(root, 'docs/TRACEABILITY.md');

export interface Clause {
  id: string;
  text: string;
}

export function readClauses(spec: string): Clause[] {
  return [...spec.matchAll(/^- ([A-Z]+-\d+) (.+)$/gm)].map((m) => ({ id: m[1], text: m[2] }));
}

/** The clause ids a title starts with: "COMP-1 COMP-3 a complaint …" → [COMP-1, COMP-3]. */
export function clauseIdsOf(title: string): string[] {
  const m = /^((?:[A-Z]+-\d+[ ,]+)+)/.exec(`${title} `);
  return m ? m[1].split(/[ ,]+/).filter(Boolean) : [];
}

function walk(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (f === 'node_modules' || f.startsWith('.')) continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(test|spec)\.tsx?$/.test(f)) out.push(p);
  }
  return out;
}

/** Test titles in the source that start with a clause id, by clause (what the source claims, before any run). */
export function testsByClause(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const file of [...walk(path.join(root, 'src')), ...walk(path.join(root, 'e2e'))]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:it|test)(?:\.each\([^)]*\))?\(\s*[`'"]((?:[A-Z]+-\d+)\b[^`'"]*)[`'"]/g)) {
      for (const id of clauseIdsOf(m[1])) {
        const list = map.get(id) ?? [];
        list.push(`${path.relative(root, file)}: ${m[1]}`);
        map.set(id, list);
      }
    }
  }
  return map;
}

export type Store = 'embedded' | 'postgres' | 'none';
export interface RanTest {
  file: string;
  title: string;
  store: Store;
  status: 'passed' | 'failed' | 'skipped';
  ids: string[];
}

interface JsonReport {
  testResults: { name: string; assertionResults: { ancestorTitles: string[]; title: string; status: string }[] }[];
}

/** The store a test ran on: database tests run once per store inside `describe.each(STORE_KINDS)('… on %s')`. */
export function storeOf(ancestors: string[]): Store {
  const a = ancestors.join(' › ');
  if (/\bpostgres\b/.test(a)) return 'postgres';
  if (/\bembedded\b/.test(a)) return 'embedded';
  return 'none';
}

export function readReports(dir = REPORT_DIR): { tests: RanTest[]; files: string[] } {
  const tests: RanTest[] = [];
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  for (const f of files) {
    const report = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as JsonReport;
    for (const file of report.testResults) {
      for (const a of file.assertionResults) {
        const status = a.status === 'passed' ? 'passed' : a.status === 'failed' ? 'failed' : 'skipped';
        tests.push({ file: repoPath(file.name), title: a.title, store: storeOf(a.ancestorTitles), status, ids: clauseIdsOf(a.title) });
      }
    }
  }
  return { tests, files };
}

export interface ClauseResult {
  id: string;
  text: string;
  status: string;
  proven: boolean;
  ran: Record<Store, number>;
  failed: number;
  notRun: number;
  titles: string[];
}

/** A test file that runs against the database once per store (the harness's STORE_KINDS). */
export function isDbTestFile(file: string): boolean {
  const p = path.join(root, file);
  return existsSync(p) && /\bSTORE_KINDS\b/.test(readFileSync(p, 'utf8'));
}

export function judge(clauses: Clause[], ran: RanTest[], claimed: Map<string, string[]>, dbFile: (file: string) => boolean = isDbTestFile): ClauseResult[] {
  const postgresRan = ran.some((t) => t.store === 'postgres' && t.status !== 'skipped');
  return clauses.map((c) => {
    const mine = ran.filter((t) => t.ids.includes(c.id));
    const passed = mine.filter((t) => t.status === 'passed');
    const count = (s: Store) => passed.filter((t) => t.store === s).length;
    const ran_: Record<Store, number> = { embedded: count('embedded'), postgres: count('postgres'), none: count('none') };
    const failed = mine.filter((t) => t.status === 'failed').length;
    const ranTitles = new Set(mine.filter((t) => t.status !== 'skipped').map((t) => t.title));
    const notRun = (claimed.get(c.id) ?? []).filter((x) => {
      const title = x.split(': ').slice(1).join(': ');
      // A source title with `${…}` or %s placeholders is expanded by the runner: match its fixed head.
      const head = title.split(/\$\{|%[sdifjo]/)[0];
      return ![...ranTitles].some((r) => (head === title ? r === title : r.startsWith(head)));
    }).length;
    const code = CLAUSE_CODE[c.id];
    const touchesDb = mine.some((t) => t.store !== 'none') || (claimed.get(c.id) ?? []).some((x) => dbFile(x.split(': ')[0]));
    const bothStores = ran_.embedded > 0 && ran_.postgres > 0;
    let status: string;
    let proven = false;
    if (!code) status = 'not yet';
    else if (failed) status = `failing: ${failed} test(s) failed`;
    else if (passed.length === 0) status = claimed.get(c.id)?.length || mine.length ? 'code, its tests did not run' : 'code, no test yet';
    else if (code.partial) status = `partial: ${code.partial}`;
    else if (touchesDb && ran_.embedded + ran_.postgres === 0) status = 'its database tests did not run';
    else if (touchesDb && !bothStores) status = postgresRan ? `not proven on ${ran_.embedded ? 'PostgreSQL' : 'the embedded store'}` : 'proven on the embedded store only (PostgreSQL not run)';
    else {
      status = 'proven';
      proven = true;
    }
    const titles = [...new Set(passed.map((t) => `${t.file}: ${t.title}`))];
    return { id: c.id, text: c.text, status, proven, ran: ran_, failed, notRun, titles };
  });
}

export function render(results: ClauseResult[], reportFiles: string[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    '# Traceability: manual clause → code → tests that passed',
    '',
    'Generated by `npm run docs:trace` from `../shared/manual/SPEC.md`, the code map in `scripts/traceability.map.ts`',
    `and the test runner's reports of the last \`npm test\` (${reportFiles.join(', ') || 'no report'}): only tests that ran and`,
    'passed count, titles as the runner printed them. A clause is **proven** when code enforces it, a test naming it passed',
    'and none failed, and — where its tests run against the database — it passed on both the embedded store and PostgreSQL.',
    '`npm test` re-checks this file against its own run when PostgreSQL is configured (CI): a claim the run did not bear out fails it.',
    'Columns "embedded" and "PostgreSQL" count passed database tests per store; "other" counts pure unit tests and browser',
    'journeys; "not run" counts tests named in the source that did not run.',
    '',
    '| clause | what it says (abridged) | status | embedded | PostgreSQL | other | not run | code | tests that passed |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const code = CLAUSE_CODE[r.id];
    const abridged = r.text.length > 90 ? `${r.text.slice(0, 88)}…` : r.text;
    lines.push(
      `| ${r.id} | ${esc(abridged)} | ${esc(r.status)} | ${r.ran.embedded} | ${r.ran.postgres} | ${r.ran.none} | ${r.notRun} | ${code ? code.files.map((f) => `\`${f}\``).join('<br>') : '—'} | ${r.titles.map(esc).join('<br>') || '—'} |`,
    );
  }
  const proven = results.filter((r) => r.proven).length;
  lines.push('', `${proven} of ${results.length} clauses proven.`, '');
  return lines.join('\n');
}

/** The statuses a committed doc claims, by clause. */
export function claimedStatuses(doc: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of doc.split('\n')) {
    const m = /^\| ([A-Z]+-\d+) \| (?:[^|\\]|\\\|)* \| ([^|]+) \|/.exec(line);
    if (m) out.set(m[1], m[2].trim());
  }
  return out;
}

/** Claims of "proven" in the doc that the run did not prove. */
export function overclaims(doc: string, results: ClauseResult[]): string[] {
  const claims = claimedStatuses(doc);
  return results.filter((r) => claims.get(r.id) === 'proven' && !r.proven).map((r) => `${r.id}: the doc says proven, the last run says "${r.status}"`);
}

function main() {
  const clauses = readClauses(readFileSync(specPath, 'utf8'));
  const { tests, files } = readReports();
  if (files.length === 0) {
    console.error(`No test report in ${path.relative(root, REPORT_DIR)}/ — run npm test first.`);
    process.exit(1);
  }
  const results = judge(clauses, tests, testsByClause());
  const proven = results.filter((r) => r.proven).length;
  if (process.argv.includes('--check')) {
    if (process.argv.includes('--if-ci') && !process.env.TEST_DATABASE_URL) {
      console.log(`docs/TRACEABILITY.md not checked: PostgreSQL is not configured (TEST_DATABASE_URL), so database clauses ran on one store only. This run proved ${proven} of ${clauses.length} clauses on the stores it had.`);
      return;
    }
    const bad = overclaims(readFileSync(DOC, 'utf8'), results);
    if (bad.length) {
      console.error(`docs/TRACEABILITY.md claims more than this run proved (${proven} of ${clauses.length} proven by the run):`);
      for (const b of bad) console.error(`  ${b}`);
      process.exit(1);
    }
    console.log(`docs/TRACEABILITY.md checked against this run: every clause it calls proven was proven (${proven} of ${clauses.length}).`);
    return;
  }
  writeFileSync(DOC, render(results, files));
  console.log(`docs/TRACEABILITY.md written: ${proven} of ${clauses.length} clauses proven by the last run.`);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) main();
