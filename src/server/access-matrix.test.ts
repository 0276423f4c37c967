import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from './testing/harness';
import { DEMO_USERS } from './seed/demo-seed';
import { can, type Actor, type Policy, type Scoped } from '../domain/shared/policy';
import { registerPolicy } from '../domain/property/property.policy';
import { userPolicy } from '../domain/users/users.policy';
import { auditPolicy } from '../domain/audit/audit.policy';
import { rows } from './db/store';
import { classifySearch } from '../domain/property/property.contract';
import type { Role } from '../domain/shared/roles';

interface Fixture {
  p: string;
  household: string;
  person: string;
}
interface RouteCase {
  name: string;
  policy: Policy<Scoped, string>;
  action: string;
  global?: boolean;
  /** For a list: the record the actor must be able to read for the list to open (its own project). */
  listOf?: boolean;
  call: (c: Client, f: Fixture, t: TestApp) => Promise<{ statusCode: number }>;
}

const version = async (t: TestApp, table: 'households' | 'persons' | 'users', id: string) =>
  (await rows<{ version: number }>(t.store.db, sql`SELECT version FROM ${sql.identifier(table)} WHERE id = ${id}`))[0].version;

let serial = 0;
/** Every guarded route, with the policy action it serves. The matrix below is generated from this table and the policies. */
const ROUTES: RouteCase[] = [
  { name: 'GET tree', policy: registerPolicy, action: 'read', call: (c, f) => c.get(`/api/projects/${f.p}/tree`) },
  { name: 'GET units', policy: registerPolicy, action: 'read', call: (c, f) => c.get(`/api/units?projectId=${f.p}`) },
  { name: 'POST search', policy: registerPolicy, action: 'read', global: true, listOf: true, call: (c) => c.post('/api/households/search', { q: '3-2-1502' }) },
  { name: 'GET search', policy: registerPolicy, action: 'read', global: true, listOf: true, call: (c) => c.get('/api/households?q=3-2-1502') },
  { name: 'GET household', policy: registerPolicy, action: 'read', call: (c, f) => c.get(`/api/households/${f.household}`) },
  { name: 'PATCH household', policy: registerPolicy, action: 'update', call: async (c, f, t) => c.patch(`/api/households/${f.household}`, { version: await version(t, 'households', f.household), note: '矩阵' }) },
  { name: 'POST person', policy: registerPolicy, action: 'update', call: (c, f) => c.post(`/api/households/${f.household}/persons`, { relation: 'family', name: '矩阵成员' }) },
  { name: 'PATCH person', policy: registerPolicy, action: 'update', call: async (c, f, t) => c.patch(`/api/persons/${f.person}`, { version: await version(t, 'persons', f.person), name: '矩阵业主' }) },
  { name: 'POST reveal', policy: registerPolicy, action: 'revealContact', call: (c, f) => c.post(`/api/persons/${f.person}/reveal`, { field: 'phone', reason: '矩阵测试' }) },
  { name: 'GET users', policy: userPolicy, action: 'read', global: true, call: (c) => c.get('/api/users') },
  { name: 'POST users', policy: userPolicy, action: 'create', global: true, call: (c) => c.post('/api/users', { username: `m${serial++}`, displayName: '矩阵', password: 'Lantern-Orchid-58', roles: ['guard'] }) },
  { name: 'GET audit', policy: auditPolicy, action: 'read', global: true, listOf: true, call: (c) => c.get('/api/audit') },
];

describe.each(STORE_KINDS)('access matrix on %s', (kind) => {
  let t: TestApp;
  const clients = new Map<string, Client>();
  const actors = new Map<string, Actor>();
  let own: Fixture;
  let other: Fixture;

  const fixture = async (p: string): Promise<Fixture> => {
    const [r] = await rows<{ h: string; pid: string }>(
      t.store.db,
      sql`SELECT h.id AS h, pe.id AS pid FROM households h JOIN persons pe ON pe.household_id = h.id WHERE h.project_id = ${p} AND pe.relation = 'owner' AND pe.phone IS NOT NULL LIMIT 1`,
    );
    return { p, household: r.h, person: r.pid };
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    for (const u of DEMO_USERS) {
      const c = await Client.login(t.app, u.username);
      clients.set(u.username, c);
      const me = (await c.get('/api/auth/me')).json();
      actors.set(u.username, { userId: me.id, username: u.username, displayName: me.displayName, roles: new Set(me.roles as Role[]), projectIds: new Set(me.projects.map((p: { id: string }) => p.id)) });
    }
    own = await fixture(t.ids.p1);
    other = await fixture(t.ids.p3);
  });
  afterAll(() => t.close());

  for (const route of ROUTES) {
    for (const u of DEMO_USERS) {
      it(`${route.name} as ${u.username}: allowed exactly when ${route.policy.resource}.${route.action} allows it, else 404`, async () => {
        const actor = actors.get(u.username)!;
        for (const f of route.global ? [own] : [own, other]) {
          const rec = { projectId: route.global && !route.listOf ? null : f.p };
          const allowed = can(route.policy, actor, route.action, rec);
          const res = await route.call(clients.get(u.username)!, f, t);
          if (allowed) expect(res.statusCode, `${u.username} on ${f === own ? 'own' : 'other'} project`).toBeLessThan(300);
          else expect(res.statusCode, `${u.username} on ${f === own ? 'own' : 'other'} project`).toBe(404);
        }
      });
    }
  }

  it('list scope agrees with the read policy: a household is in a search result iff it matches and the user may read it', async () => {
    const admin = clients.get('admin')!;
    const units = await rows<{ code: string; room: string }>(t.store.db, sql`SELECT code, room FROM units ORDER BY random() LIMIT 40`);
    const projectsAll = [t.ids.p1, t.ids.p2, t.ids.p3];
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(projectsAll),
        fc.constantFrom<Role>('cs_specialist', 'front_desk', 'guard', 'admin'),
        fc.constantFrom(...units.map((u) => u.code), ...units.map((u) => u.code.split('-').slice(0, 2).join('-') + '-'), '1-1-', '99-'),
        async (projectIds, role, q) => {
          const username = `scope${n++}`;
          const created = await admin.post('/api/users', { username, displayName: '范围', password: 'Lantern-Orchid-58', roles: [role], projectIds });
          expect(created.statusCode).toBe(201);
          const c = await Client.login(t.app, username, 'Lantern-Orchid-58');
          const res = await c.get(`/api/households?q=${encodeURIComponent(q)}&limit=100`);
          const actor: Actor = { userId: created.json().id, username, displayName: '', roles: new Set([role]), projectIds: new Set(projectIds) };
          expect(classifySearch(q)).toBe('unitPrefix');
          const matching = await rows<{ id: string; project_id: string }>(
            t.store.db,
            sql`SELECT h.id, h.project_id FROM households h JOIN units u ON u.id = h.unit_id WHERE u.code LIKE ${q + '%'} ORDER BY u.code LIMIT 100`,
          );
          const expected = matching.filter((m) => can(registerPolicy, actor, 'read', { projectId: m.project_id })).map((m) => m.id).sort();
          if (!registerPolicy.grants.read.roles.includes(role)) {
            expect(res.statusCode).toBe(404);
          } else {
            expect(res.statusCode).toBe(200);
            expect(res.json().items.map((h: { id: string }) => h.id).sort()).toEqual(expected);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
