import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from './testing/harness';
import { rows } from './db/store';

/** A digest of the tables a write may touch: if a request is refused, none of them may change. */
async function digest(t: TestApp, tables: string[]): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const [r] = await rows<{ d: string | null }>(t.store.db, sql`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d FROM ${sql.identifier(table)} x`);
    parts.push(r.d ?? '');
  }
  return parts.join(':');
}

/** Values of every shape: wrong types, huge strings, SQL and markup, unicode, nulls. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ maxLength: 2000 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("'; DROP TABLE users; --", '<script>alert(1)</script>', '%', '_', '\\', '\u0000', '😀', '3-2-1502', '13812345678', '-1', '1e309', 'NaN'),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** Objects built from the endpoint's own field names (so validation goes deep) plus stray keys. */
const bodyWith = (keys: string[]) =>
  fc.oneof(
    fc.record(Object.fromEntries(keys.map((k) => [k, nasty])), { requiredKeys: [] }),
    fc.record({ ...Object.fromEntries(keys.map((k) => [k, nasty])), projectId: nasty, id: nasty, version: nasty }, { requiredKeys: [] }),
    fc.jsonValue(),
  );

/** 'REAL' stands for the endpoint's real record, so half the cases reach the service. */
const ids = fc.oneof(fc.constant('REAL'), fc.constant('REAL'), fc.uuid(), fc.string(), fc.constantFrom('00000000-0000-0000-0000-000000000000', '..%2f..', "1' OR '1'='1"));

const pick = (id: string, real: string) => (id === 'REAL' ? real : id);

describe.each(STORE_KINDS)('write endpoints under fuzzing on %s', (kind) => {
  let t: TestApp;
  let kefu: Client;
  let admin: Client;
  let householdId: string;
  let personId: string;
  let userId: string;
  beforeAll(async () => {
    t = await startTestApp(kind, { loginMaxFailures: 1_000_000 });
    kefu = await Client.login(t.app, 'kefu');
    admin = await Client.login(t.app, 'admin');
    const h = (await kefu.get('/api/households?q=3-2-1502')).json().items[0];
    householdId = h.id;
    personId = h.persons[0].id;
    userId = (await admin.get('/api/users')).json().items.find((u: { username: string }) => u.username === 'weixiu').id;
  });
  afterAll(() => t.close());

  const cases: { name: string; tables: string[]; run: (body: unknown, id: string) => Promise<{ statusCode: number; body: string }>; keys: string[] }[] = [
    { name: 'POST /api/auth/login', tables: ['sessions', 'users'], keys: ['username', 'password'], run: (b) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: b as object }) },
    { name: 'PATCH /api/households/:id', tables: ['households'], keys: ['version', 'note', 'movedInAt'], run: (b, id) => kefu.patch(`/api/households/${pick(id, householdId)}`, b) },
    { name: 'POST /api/households/:id/persons', tables: ['persons'], keys: ['relation', 'name', 'phone', 'idNumber'], run: (b, id) => kefu.post(`/api/households/${pick(id, householdId)}/persons`, b) },
    { name: 'PATCH /api/persons/:id', tables: ['persons'], keys: ['version', 'name', 'relation', 'phone', 'idNumber'], run: (b, id) => kefu.patch(`/api/persons/${pick(id, personId)}`, b) },
    { name: 'POST /api/persons/:id/reveal', tables: ['persons'], keys: ['field', 'reason'], run: (b, id) => kefu.post(`/api/persons/${pick(id, personId)}/reveal`, b) },
    { name: 'POST /api/users', tables: ['users', 'user_roles', 'user_projects'], keys: ['username', 'displayName', 'password', 'roles', 'projectIds'], run: (b) => admin.post('/api/users', b) },
    { name: 'PATCH /api/users/:id', tables: ['users', 'user_roles', 'user_projects'], keys: ['version', 'displayName', 'password', 'roles', 'projectIds', 'disabled'], run: (b, id) => admin.patch(`/api/users/${pick(id, userId)}`, b) },
  ];

  for (const c of cases) {
    it(`${c.name}: 200 random inputs give no 5xx, and a refused one changes no row`, async () => {
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(bodyWith(c.keys), ids, async (body, id) => {
          const before = await digest(t, c.tables);
          const res = await c.run(body, id);
          expect(res.statusCode, res.body).toBeLessThan(500);
          if (res.statusCode >= 400) {
            refused++;
            expect(await digest(t, c.tables)).toBe(before);
            expect(JSON.parse(res.body).error.code).toMatch(/^[A-Z_]+$/);
          }
        }),
        { numRuns: 200 },
      );
      expect(refused).toBeGreaterThan(150);
    });
  }
});
