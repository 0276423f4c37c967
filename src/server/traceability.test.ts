import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { clauseIdsOf, judge, overclaims, readClauses, readReports, render, storeOf, testsByClause, type RanTest } from '../../scripts/traceability';
import { CLAUSE_CODE } from '../../scripts/traceability.map';

const root = path.resolve(import.meta.dirname, '../..');

describe('docs/TRACEABILITY.md', () => {
  const clauses = readClauses(readFileSync(path.resolve(root, '../shared/manual/SPEC.md'), 'utf8'));
  const doc = readFileSync(path.join(root, 'docs/TRACEABILITY.md'), 'utf8');

  it('lists every clause of the manual', () => {
    expect(clauses.length).toBeGreaterThan(50);
    for (const c of clauses) expect(doc).toContain(`| ${c.id} |`);
  });

  it('names only clauses that exist, and every test-named clause has code behind it', () => {
    const ids = new Set(clauses.map((c) => c.id));
    for (const id of Object.keys(CLAUSE_CODE)) expect(ids.has(id), id).toBe(true);
    for (const id of testsByClause().keys()) {
      expect(ids.has(id), `${id} named by a test but not in SPEC.md`).toBe(true);
      expect(CLAUSE_CODE[id], `${id} is named by a test but scripts/traceability.map.ts has no code for it`).toBeDefined();
    }
  });
});

/** The generator judges from what ran: a made-up run shows each way a claim must fail. */
describe('the traceability generator proves a clause only from tests that ran and passed', () => {
  const clauses = [
    { id: 'CALL-3', text: 'close-out' },
    { id: 'CALL-5', text: 'Z' },
    { id: 'ARC-12', text: 'masking' },
    { id: 'KEY-5', text: 'two years' },
    { id: 'HELP-9', text: 'security' },
  ];
  const t = (title: string, store: RanTest['store'], status: RanTest['status'] = 'passed', file = 'src/x.test.ts'): RanTest => ({ file, title, store, status, ids: clauseIdsOf(title) });

  it('reads every leading clause id of a title, and none from the middle of it', () => {
    expect(clauseIdsOf('COMP-1 COMP-3 COMP-4 a complaint is recorded')).toEqual(['COMP-1', 'COMP-3', 'COMP-4']);
    expect(clauseIdsOf('CALL-2 pending + accept → accepted')).toEqual(['CALL-2']);
    expect(clauseIdsOf('a test about CALL-3 in passing')).toEqual([]);
  });

  it('tells the store from the describe title the harness gives each store', () => {
    expect(storeOf(['call record refusals on postgres'])).toBe('postgres');
    expect(storeOf(['call record refusals on embedded'])).toBe('embedded');
    expect(storeOf(['classify'])).toBe('none');
  });

  it('a database clause that passed on one store only is not proven when PostgreSQL ran; a failure or a skip proves nothing', () => {
    const ran = [
      t('CALL-3 a record with no signature is not closed', 'embedded'),
      t('CALL-3 a record with no signature is not closed', 'postgres'),
      t('CALL-5 Z is proposed', 'embedded'),
      t('CALL-5 Z is proposed', 'postgres', 'skipped'),
      t('ARC-12 masked', 'none'),
      t('ARC-12 masked everywhere', 'embedded', 'failed'),
      t('KEY-5 kept two years', 'embedded', 'skipped'),
      t('HELP-9 a security incident', 'none'),
    ];
    const byId = new Map(judge(clauses, ran, new Map()).map((r) => [r.id, r]));
    expect(byId.get('CALL-3')).toMatchObject({ proven: true, ran: { embedded: 1, postgres: 1, none: 0 } });
    expect(byId.get('CALL-5')).toMatchObject({ proven: false, status: 'not proven on PostgreSQL' });
    expect(byId.get('ARC-12')).toMatchObject({ proven: false, failed: 1 });
    expect(byId.get('KEY-5')).toMatchObject({ proven: false, status: 'code, its tests did not run' });
    expect(byId.get('HELP-9')).toMatchObject({ proven: true, ran: { none: 1 } });
  });

  it('without PostgreSQL in the run, database clauses are proven on the embedded store only, and said so', () => {
    const [r] = judge([clauses[0]], [t('CALL-3 closes only when signed', 'embedded')], new Map());
    expect(r.proven).toBe(false);
    expect(r.status).toMatch(/embedded store only/);
  });

  it('a test named in the source that did not run (commented out, filtered) is counted as not run', () => {
    const claimed = new Map([['CALL-3', ['src/a.test.ts: CALL-3 ran', 'src/a.test.ts: CALL-3 commented out']], ['CALL-5', ['src/b.test.ts: CALL-5 ${s} + ${e} → x']]]);
    const ran = [t('CALL-3 ran', 'none'), t('CALL-5 pending + accept → x', 'none')];
    const byId = new Map(judge(clauses.slice(0, 2), ran, claimed).map((r) => [r.id, r]));
    expect(byId.get('CALL-3')!.notRun).toBe(1);
    expect(byId.get('CALL-5')!.notRun).toBe(0);
  });

  it('the check refuses a doc that claims more than the run proved, and accepts one that claims no more', () => {
    const ran = [t('CALL-3 signed', 'embedded'), t('CALL-3 signed', 'postgres'), t('CALL-5 Z', 'embedded')];
    const results = judge(clauses.slice(0, 2), ran, new Map());
    const honest = render(results, ['src.json']);
    expect(overclaims(honest, results)).toEqual([]);
    const inflated = honest.replace(/\| CALL-5 \| Z \| [^|]+ \|/, '| CALL-5 | Z | proven |');
    expect(inflated).not.toBe(honest);
    expect(overclaims(inflated, results)).toEqual([expect.stringMatching(/^CALL-5: the doc says proven/)]);
  });

  it('reads the runner’s JSON report: passed, failed and skipped, with it.each titles as they ran', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trace-'));
    writeFileSync(
      path.join(dir, 'src.json'),
      JSON.stringify({
        testResults: [
          {
            name: path.join(root, 'src/server/calls/refusals.test.ts'),
            assertionResults: [
              { ancestorTitles: ['call record refusals on postgres'], title: 'CALL-3 not closed unsigned', status: 'passed' },
              { ancestorTitles: ['call record refusals on embedded'], title: 'CALL-3 not closed unsigned', status: 'failed' },
              { ancestorTitles: ['states'], title: 'CALL-2 pending + accept → accepted', status: 'skipped' },
            ],
          },
        ],
      }),
    );
    const { tests, files } = readReports(dir);
    expect(files).toEqual(['src.json']);
    expect(tests.map((x) => [x.file, x.store, x.status, x.ids.join()])).toEqual([
      ['src/server/calls/refusals.test.ts', 'postgres', 'passed', 'CALL-3'],
      ['src/server/calls/refusals.test.ts', 'embedded', 'failed', 'CALL-3'],
      ['src/server/calls/refusals.test.ts', 'none', 'skipped', 'CALL-2'],
    ]);
  });
});

describe('a clause whose tests in the source run against the database', () => {
  it('is not proven by its unit tests alone when its database tests did not run', () => {
    const claimed = new Map([['CALL-2', ['src/server/calls/calls.routes.test.ts: CALL-2 normal repair', 'src/domain/calls/classify.test.ts: CALL-2 unit']]]);
    const ran: RanTest[] = [{ file: 'src/domain/calls/classify.test.ts', title: 'CALL-2 unit', store: 'none', status: 'passed', ids: ['CALL-2'] }];
    const [r] = judge([{ id: 'CALL-2', text: 'normal repair' }], ran, claimed, (f) => f.startsWith('src/server/'));
    expect(r.proven).toBe(false);
  });
});
