/**
 * The service-desk layer on top of the cached benchmark estate: warranty terms, the default categories and
 * vendors, a desk of agents (who record calls and hold the SSE streams) and one holder of each role the
 * deadline ladder alerts. Written once per cache; a row in bench_desk_meta says it is there.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { rows, type Store } from '../../src/server/db/store';
import { hashPassword } from '../../src/server/auth/passwords';
import { DEFAULT_WARRANTY_TERMS } from '../../src/server/seed/demo-data';
import { seedServiceDesk } from '../../src/server/seed/service-desk-seed';
import { serviceCategories, vendors } from '../../src/domain/calls/calls.table';
import { districts, warrantyTerms } from '../../src/domain/property/property.table';
import { userProjects, userRoles, users } from '../../src/domain/users/users.table';
import type { Role } from '../../src/domain/shared/roles';
import { structure } from './estate';

/** Bump when the seeded rows change: the caches check it and rebuild the layer. */
export const DESK_SEED_VERSION = 1;
export const DESK_PASSWORD = 'bench-desk-2026';
/** Customer-service agents: they record the generated calls and hold the SSE streams. */
export const DESK_AGENTS = 400;
export const agentName = (i: number) => `bench_desk_${String(i + 1).padStart(3, '0')}`;

/** The people the deadline ladder and the dispatch rules reach; few, as in a real service centre. */
const ROLE_HOLDERS: { username: string; displayName: string; role: Role }[] = [
  { username: 'bench_zhuli_1', displayName: '基准助理一', role: 'cs_assistant' },
  { username: 'bench_zhuli_2', displayName: '基准助理二', role: 'cs_assistant' },
  { username: 'bench_zhuguan', displayName: '基准主管', role: 'cs_supervisor' },
  { username: 'bench_zhongxin', displayName: '基准中心经理', role: 'centre_manager' },
  { username: 'bench_gcs', displayName: '基准保修工程师', role: 'warranty_engineer' },
  { username: 'bench_weixiu_1', displayName: '基准维修一', role: 'technician' },
  { username: 'bench_weixiu_2', displayName: '基准维修二', role: 'technician' },
  { username: 'bench_waibu_1', displayName: '基准宽带维修一', role: 'vendor' },
  { username: 'bench_waibu_2', displayName: '基准宽带维修二', role: 'vendor' },
];
const managerName = (i: number) => `bench_jingli_${i + 1}`;

export interface DeskIds {
  projectId: string;
  districts: { id: string; name: string }[];
  /** service_categories.code → id */
  categories: Record<string, string>;
  agents: { id: string; username: string }[];
}

export async function deskMetaGet(store: Store, key: string): Promise<{ n: number; version: number } | undefined> {
  try {
    const [m] = await rows<{ n: number; version: number }>(store.db, sql`SELECT n, version FROM bench_desk_meta WHERE key = ${key}`);
    return m;
  } catch {
    return undefined;
  }
}

export async function deskMetaSet(store: Store, key: string, n: number, version: number): Promise<void> {
  await store.exec(`CREATE TABLE IF NOT EXISTS bench_desk_meta (key text PRIMARY KEY, n int NOT NULL, version int NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  await store.db.execute(sql`INSERT INTO bench_desk_meta (key, n, version) VALUES (${key}, ${n}, ${version}) ON CONFLICT (key) DO UPDATE SET n = EXCLUDED.n, version = EXCLUDED.version, created_at = now()`);
}

async function seed(store: Store): Promise<void> {
  const { projectId, districts: ds } = structure();
  const passwordHash = await hashPassword(DESK_PASSWORD);
  await store.db.transaction(async (tx) => {
    const people = [
      ...Array.from({ length: DESK_AGENTS }, (_, i) => ({ username: agentName(i), displayName: `客服${String(i + 1).padStart(3, '0')}`, role: 'cs_specialist' as Role })),
      ...ds.map((d, i) => ({ username: managerName(i), displayName: `${d.name}客户经理`, role: 'account_manager' as Role })),
      ...ROLE_HOLDERS,
    ];
    const made = await tx
      .insert(users)
      .values(people.map((p) => ({ username: p.username, displayName: p.displayName, passwordHash })))
      .returning({ id: users.id, username: users.username });
    const idOf = new Map(made.map((u) => [u.username, u.id]));
    await tx.insert(userRoles).values(people.map((p) => ({ userId: idOf.get(p.username)!, role: p.role })));
    await tx.insert(userProjects).values(made.map((u) => ({ userId: u.id, projectId })));
    for (const [i, d] of ds.entries()) await tx.update(districts).set({ accountManagerId: idOf.get(managerName(i))! }).where(eq(districts.id, d.id));
    await tx.insert(warrantyTerms).values(DEFAULT_WARRANTY_TERMS.map((w) => ({ ...w, projectId })));
    await seedServiceDesk(tx, projectId, [idOf.get('bench_waibu_1')!, idOf.get('bench_waibu_2')!]);
  });
}

/** Removes an incomplete or outdated layer (the rows seed() writes), so it can be written again. */
async function unseed(store: Store): Promise<void> {
  const { projectId } = structure();
  const names = [...Array.from({ length: DESK_AGENTS }, (_, i) => agentName(i)), ...structure().districts.map((_, i) => managerName(i)), ...ROLE_HOLDERS.map((r) => r.username)];
  await store.exec('TRUNCATE call_records, call_events, call_replies, work_orders, work_order_events, timers, notifications, number_counters CASCADE');
  await store.db.transaction(async (tx) => {
    await tx.update(districts).set({ accountManagerId: null }).where(eq(districts.projectId, projectId));
    await tx.delete(vendors).where(eq(vendors.projectId, projectId));
    await tx.delete(serviceCategories).where(eq(serviceCategories.projectId, projectId));
    await tx.delete(warrantyTerms).where(eq(warrantyTerms.projectId, projectId));
    await tx.delete(users).where(inArray(users.username, names));
  });
}

/** The desk layer's ids, seeding it first when the cache does not have it yet. */
export async function ensureDeskSeed(store: Store): Promise<{ ids: DeskIds; seeded: boolean }> {
  const meta = await deskMetaGet(store, 'seed');
  let seeded = false;
  if (meta?.version !== DESK_SEED_VERSION) {
    await unseed(store);
    await seed(store);
    await deskMetaSet(store, 'seed', DESK_AGENTS, DESK_SEED_VERSION);
    seeded = true;
  }
  return { ids: await deskIds(store), seeded };
}

export async function deskIds(store: Store): Promise<DeskIds> {
  const { projectId, districts: ds } = structure();
  const cats = await store.db.select({ id: serviceCategories.id, code: serviceCategories.code }).from(serviceCategories).where(eq(serviceCategories.projectId, projectId));
  const agents = await rows<{ id: string; username: string }>(store.db, sql`SELECT id, username FROM users WHERE username LIKE 'bench\\_desk\\_%' ORDER BY username`);
  return { projectId, districts: ds, categories: Object.fromEntries(cats.map((c) => [c.code, c.id])), agents };
}
