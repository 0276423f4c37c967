import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { rows } from '../db/store';

/** A digest of the tables a write may touch: a refused request changes none of them. */
async function digest(t: TestApp, tables: string[]): Promise<string> {
  const parts: string[] = [];
  for (const table of tables) {
    const [r] = await rows<{ d: string | null }>(t.store.db, sql`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d FROM ${sql.identifier(table)} x`);
    parts.push(r.d ?? '');
  }
  return parts.join(':');
}

const nasty = fc.oneof(
  fc.string(),
  fc.string({ maxLength: 1200 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("'; DROP TABLE complaints; --", '<script>alert(1)</script>', '\u0000', '😀', 'security', 'minor', 'unsatisfied', 'in_person', '2026-11-26T02:00:00Z', '2099-01-01T00:00:00+08:00', 'data:image/png;base64,AAAA', '-1'),
  fc.array(fc.string(), { maxLength: 3 }),
);
const bodyWith = (keys: string[]) => fc.oneof(fc.record(Object.fromEntries(keys.map((k) => [k, nasty])), { requiredKeys: [] }), fc.jsonValue());
const ids = fc.oneof(fc.constant('REAL'), fc.constant('REAL'), fc.uuid(), fc.string(), fc.constant('00000000-0000-0000-0000-000000000000'));

/** COMP, VISIT and LINK writes under random input: never a 5xx, and a refused request writes nothing. */
describe.each(STORE_KINDS)('complaint, visit and contact-form writes under fuzzing on %s', (kind) => {
  let t: TestApp;
  let kefu: Client;
  let zhuli: Client;
  let lingban: Client;
  const real = { complaint: '', visit: '', form: '' };
  beforeAll(async () => {
    t = await startTestApp(kind, { loginMaxFailures: 1_000_000, sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
    [kefu, zhuli, lingban] = await Promise.all(['kefu', 'zhuli', 'lingban'].map((u) => Client.login(t.app, u)));
    const banzhang = await Client.login(t.app, 'banzhang');
    const mk = async () => (await kefu.post('/api/complaints', { projectId: t.ids.p1, complainantName: '李秀英', place: '大堂', department: 'security', content: '态度差', wants: '道歉' })).json();
    real.complaint = (await mk()).id;
    const c = await mk();
    let v = (await zhuli.post(`/api/complaints/${c.id}/judge`, { version: 1, valid: true, level: 'minor' })).json().version;
    v = (await banzhang.post(`/api/complaints/${c.id}/sign`, { version: v })).json().version;
    v = (await banzhang.post(`/api/complaints/${c.id}/return`, { version: v, action: '已处理' })).json().version;
    await kefu.post(`/api/complaints/${c.id}/inform`, { version: v, note: '已告知' });
    real.visit = (await kefu.get('/api/visits')).json().items[0].id;
    real.form = (await lingban.post('/api/contact-forms', { projectId: t.ids.p1, fromDepartment: 'engineering', toDepartment: 'security', subject: '配合', details: '请配合', requiredResult: '完成', dueAt: '2026-11-27T02:00:00Z' })).json().id;
  });
  afterAll(() => t.close());

  const pick = (id: string, r: string) => (id === 'REAL' ? r : id);
  const cases = () => [
    { name: 'POST /api/complaints', tables: ['complaints', 'complaint_events'], keys: ['projectId', 'callId', 'householdId', 'complainantName', 'complainantPhone', 'occurredAt', 'place', 'department', 'aboutPerson', 'content', 'wants', 'wantedBy', 'cause'], run: (b: unknown) => kefu.post('/api/complaints', b) },
    { name: 'POST /api/complaints/:id/judge', tables: ['complaints', 'complaint_events', 'timers'], keys: ['version', 'valid', 'level', 'reason', 'cause'], run: (b: unknown, id: string) => zhuli.post(`/api/complaints/${pick(id, real.complaint)}/judge`, b) },
    { name: 'POST /api/visits/:id/record', tables: ['visits', 'complaints', 'attachments'], keys: ['version', 'rating', 'comments', 'method', 'signature'], run: (b: unknown, id: string) => kefu.post(`/api/visits/${pick(id, real.visit)}/record`, b) },
    { name: 'POST /api/contact-forms', tables: ['contact_forms', 'timers'], keys: ['projectId', 'fromDepartment', 'toDepartment', 'subject', 'details', 'requiredResult', 'dueAt'], run: (b: unknown) => lingban.post('/api/contact-forms', b) },
  ];

  const CLAUSE: Record<string, string> = { 'POST /api/complaints': 'COMP-1', 'POST /api/complaints/:id/judge': 'COMP-1', 'POST /api/visits/:id/record': 'VISIT-3', 'POST /api/contact-forms': 'LINK-1' };
  for (const name of Object.keys(CLAUSE)) {
    it(`${CLAUSE[name]} ${name}: 100 random inputs give no 5xx, and a refused one changes no row`, async () => {
      const c = cases().find((x) => x.name === name)!;
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
        { numRuns: 100 },
      );
      expect(refused).toBeGreaterThan(70);
    });
  }
});
