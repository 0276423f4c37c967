import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readClauses, testsByClause } from '../../scripts/traceability';
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

  it('is up to date with the tests (run npm run docs:trace)', () => {
    for (const [id, tests] of testsByClause()) {
      const row = doc.split('\n').find((l) => l.startsWith(`| ${id} |`)) ?? '';
      for (const title of tests) expect(row, `${id}: ${title}`).toContain(title.split(': ').slice(1).join(': ').slice(0, 40));
    }
  });
});
