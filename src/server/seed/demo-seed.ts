import { sql } from 'drizzle-orm';
import { buildings, districts, households, persons, projects, units, warrantyTerms } from '../../domain/property/property.table';
import { userProjects, userRoles, users } from '../../domain/users/users.table';
import type { PersonRelation } from '../../domain/property/property.table';
import { appendAudit } from '../audit/audit.writer';
import { hashPassword } from '../auth/passwords';
import { rows, type Executor, type Store, type Tx } from '../db/store';
import { chineseName, DEFAULT_WARRANTY_TERMS, idNumber, mobile, prng } from './demo-data';
import { seedServiceDesk } from './service-desk-seed';
import { seedDemoKeys } from './keys-seed';
import { installDefaultPlaybooks } from '../help/help.repository';
import { installDefaultArchiveTemplate } from '../archives/archives.service';
import { DEMO_PASSWORD, DEMO_USERS } from '../../domain/users/demo-accounts';
import { and, eq, isNull } from 'drizzle-orm';
import { serviceCategories, vendors } from '../../domain/calls/calls.table';
import { propertyKeys } from '../../domain/keys/keys.table';
import { seedDemoHistory, type HistoryHousehold, type HistoryInput, type HistorySummary } from './demo-history';

/**
 * Units the history leaves alone: the showcase household's entrance and the ground-floor flats that tests and
 * the README walk through keep a clean record (a journey looks for "its" task by the unit).
 */
const inHistory = (code: string) => {
  const [b, e, room] = code.split('-');
  return !(b === '3' && e === '2') && !(b === '1' && e === '1') && room.length > 3;
};

export { DEMO_PASSWORD, DEMO_USERS } from '../../domain/users/demo-accounts';

export interface SeedResult {
  project: string;
  units: number;
  households: number;
  users: number;
  /** The past the estate was given, if asked for (demo-history.ts). */
  history?: HistorySummary;
}

export interface SeedOptions {
  /** Two years of past records (calls, work orders, complaints, visits, help requests, key loans). */
  history?: boolean;
  /** "Now" of the history (default: the wall clock at seed time); everything lies before its local day. */
  now?: Date;
  /** How many days of past (default two years). */
  historyDays?: number;
  /** Told what the history was generated from (tests regenerate it for other days without a database). */
  onHistoryInput?: (input: HistoryInput) => void;
}

/** Handover date of each building (buildings 3-4 handed over recently, so their plumbing is in warranty). */
function handoverOf(building: number): string {
  if (building <= 2) return '2019-12-31';
  if (building <= 4) return '2025-06-30';
  if (building <= 8) return '2023-09-30';
  return '2021-06-30';
}

async function insertChunked<T extends Record<string, unknown>>(tx: Executor, table: Parameters<Executor['insert']>[0], values: T[], size = 500) {
  for (let i = 0; i < values.length; i += size) await tx.insert(table).values(values.slice(i, i + size) as never);
}

/**
 * Seeds the demo estate into an empty store. Under a lock, with the emptiness checked inside it: instances
 * started together on one empty database seed it once, and all of them come up.
 */
export async function seedDemoIfEmpty(store: Store, opts: SeedOptions = {}): Promise<SeedResult | null> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return store.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727203)`);
    const [{ n }] = await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM projects`);
    if (n > 0) return null;
    return seedInto(tx, passwordHash, opts);
  });
}

export async function seedDemo(store: Store, opts: SeedOptions = {}): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return store.db.transaction((tx) => seedInto(tx, passwordHash, opts));
}

async function seedInto(tx: Tx, passwordHash: string, opts: SeedOptions): Promise<SeedResult> {
  const rand = prng(20261126);
  {
    const [project] = await tx.insert(projects).values({ code: 'JHHY', name: '佳宏花园' }).returning();
    const [other] = await tx.insert(projects).values({ code: 'JHJY', name: '佳宏锦园' }).returning();

    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const [row] = await tx.insert(users).values({ username: u.username, displayName: u.displayName, passwordHash }).returning({ id: users.id });
      userIds.set(u.username, row.id);
      await tx.insert(userRoles).values(u.roles.map((role) => ({ userId: row.id, role })));
      await tx.insert(userProjects).values({ userId: row.id, projectId: project.id });
    }
    // The second estate: only the administrator and the supervisor are assigned to it.
    for (const name of ['admin', 'zhuguan']) await tx.insert(userProjects).values({ userId: userIds.get(name)!, projectId: other.id });

    await tx.insert(warrantyTerms).values(DEFAULT_WARRANTY_TERMS.map((w) => ({ ...w, projectId: project.id })));
    await tx.insert(warrantyTerms).values(DEFAULT_WARRANTY_TERMS.map((w) => ({ ...w, projectId: other.id })));
    await seedServiceDesk(tx, project.id, [userIds.get('waibu')!]);
    await seedServiceDesk(tx, other.id);
    // Each estate starts with the manual's emergency playbooks and archive checklist (the company edits them later),
    // so nothing is written when they are first read.
    for (const id of [project.id, other.id]) {
      await installDefaultPlaybooks(tx, id);
      await installDefaultArchiveTemplate(tx, id);
    }

    const ds = await tx
      .insert(districts)
      .values([
        { projectId: project.id, name: '东区', accountManagerId: userIds.get('jingli') },
        { projectId: project.id, name: '中区', accountManagerId: userIds.get('jingli2') },
        { projectId: project.id, name: '西区', accountManagerId: userIds.get('jingli3') },
      ])
      .returning();
    const bs = await tx
      .insert(buildings)
      .values(Array.from({ length: 12 }, (_, i) => ({ projectId: project.id, districtId: ds[Math.floor(i / 4)].id, code: String(i + 1), name: `${i + 1}栋` })))
      .returning();

    const unitRows = [];
    for (const b of bs) {
      const bn = Number(b.code);
      for (let entrance = 1; entrance <= 2; entrance++)
        for (let floor = 1; floor <= 21; floor++)
          for (let r = 1; r <= 2; r++) {
            const room = `${floor}${String(r).padStart(2, '0')}`;
            unitRows.push({
              projectId: project.id,
              buildingId: b.id,
              code: `${bn}-${entrance}-${room}`,
              entrance,
              floor,
              room,
              areaM2: r === 1 ? 89 + (bn % 3) * 12 : 128 + (bn % 2) * 16,
              handoverDate: handoverOf(bn),
            });
          }
    }
    const insertedUnits: { id: string; code: string; handoverDate: string | null }[] = [];
    for (let i = 0; i < unitRows.length; i += 500) {
      insertedUnits.push(...(await tx.insert(units).values(unitRows.slice(i, i + 500)).returning({ id: units.id, code: units.code, handoverDate: units.handoverDate })));
    }

    const districtOfBuilding = new Map(bs.map((b) => [b.id, b.districtId]));
    const unitInfo = new Map(unitRows.map((u) => [u.code, u]));
    const householdRows: (typeof households.$inferInsert)[] = [];
    const historyHouseholds: HistoryHousehold[] = [];
    const personRows: (typeof persons.$inferInsert)[] = [];
    for (const u of insertedUnits) {
      const showcase = u.code === '3-2-1502';
      if (!showcase && rand() < 0.08) continue; // vacant
      const hid = crypto.randomUUID();
      householdRows.push({ id: hid, projectId: project.id, unitId: u.id, movedInAt: u.handoverDate });
      const ownerSurname = showcase ? '张' : undefined;
      const owner = showcase ? '张伟明' : chineseName(rand, ownerSurname);
      const add = (relation: PersonRelation, name: string, phone: string | null, birthYear: number | null) =>
        personRows.push({ projectId: project.id, householdId: hid, relation, name, phone, idNumber: birthYear ? idNumber(rand, birthYear) : null });
      const ownerPhone = showcase ? '13812345678' : mobile(rand);
      add('owner', owner, ownerPhone, 1960 + Math.floor(rand() * 35));
      if (inHistory(u.code)) historyHouseholds.push({ householdId: hid, unitId: u.id, unitCode: u.code, districtId: districtOfBuilding.get(unitInfo.get(u.code)!.buildingId)!, handoverDate: u.handoverDate, ownerName: owner, ownerPhone });
      if (!showcase && rand() < 0.15) add('tenant', chineseName(rand), mobile(rand), 1975 + Math.floor(rand() * 25));
      if (showcase || rand() < 0.6) add('family', chineseName(rand, Array.from(owner)[0]), mobile(rand), 1985 + Math.floor(rand() * 30));
      if (showcase || rand() < 0.5) add('emergency', chineseName(rand), mobile(rand), null);
    }
    await insertChunked(tx, households, householdRows);
    await insertChunked(tx, persons, personRows);
    await seedDemoKeys(tx, project.id, new Map(insertedUnits.map((u) => [u.code, u.id])), new Date());

    // A few units in the second estate, so project scoping can be seen.
    const [d2] = await tx.insert(districts).values({ projectId: other.id, name: '一区' }).returning();
    const [b2] = await tx.insert(buildings).values({ projectId: other.id, districtId: d2.id, code: '1', name: '1栋' }).returning();
    for (let floor = 1; floor <= 10; floor++) {
      const [u] = await tx
        .insert(units)
        .values({ projectId: other.id, buildingId: b2.id, code: `1-1-${floor}01`, entrance: 1, floor, room: `${floor}01`, areaM2: 95, handoverDate: '2024-12-31' })
        .returning({ id: units.id });
      const [h] = await tx.insert(households).values({ projectId: other.id, unitId: u.id }).returning({ id: households.id });
      await tx.insert(persons).values({ projectId: other.id, householdId: h.id, relation: 'owner', name: chineseName(rand), phone: mobile(rand) });
    }

    let history: HistorySummary | undefined;
    if (opts.history) {
      const categories = await tx.select().from(serviceCategories).where(eq(serviceCategories.projectId, project.id));
      const vendorRows = await tx.select().from(vendors).where(eq(vendors.projectId, project.id));
      const keys = await tx.select({ id: propertyKeys.id, number: propertyKeys.number }).from(propertyKeys).where(and(eq(propertyKeys.projectId, project.id), isNull(propertyKeys.unitId)));
      const input: HistoryInput = {
        projectId: project.id,
        now: opts.now ?? new Date(),
        users: userIds,
        categories,
        vendors: vendorRows,
        warrantyMonths: Object.fromEntries(DEFAULT_WARRANTY_TERMS.map((w) => [w.category, w.months])),
        households: historyHouseholds,
        keys,
        days: opts.historyDays,
      };
      opts.onHistoryInput?.(input);
      history = await seedDemoHistory(tx, input);
    }

    // Seeding is a start-up act on the wall clock, not a request: its audit row says when it really ran.
    await appendAudit(tx, { actor: null, action: 'system.seed_demo', projectId: project.id, detail: { units: insertedUnits.length, households: householdRows.length, ...(history ? { history: { days: history.days, calls: history.calls, workOrders: history.workOrders, complaints: history.complaints } } : {}) } }, new Date());
    return { project: project.name, units: insertedUnits.length, households: householdRows.length, users: DEMO_USERS.length, history };
  }
}
