import { and, eq, sql } from 'drizzle-orm';
import { households, persons } from '../../domain/property/property.table';
import { registerPolicy } from '../../domain/property/property.policy';
import type { PersonMoveOut } from '../../domain/property/register.contract';
import type { HouseholdPatch, PersonInput, ProjectTree, RevealResult, UnitPage } from '../../domain/property/property.contract';
import { can } from '../../domain/shared/policy';
import { maskPhone } from '../../domain/shared/mask';
import { appendAudit } from '../audit/audit.writer';
import type { AppContext, RequestActor } from '../core/context';
import { authorize } from '../core/authorize';
import { badRequest, conflict } from '../core/errors';
import * as repo from './property.repository';
import * as reg from './register.repository';
import { diff, recordHistory } from './register.history';
import { AppError } from '../core/errors';
import { presentHousehold, presentHouseholdDetail, presentPerson } from './property.presenter';

/** Search is limited to the actor's projects in which they may read the register (visibleTo). */
export function readableProjects(ra: RequestActor, projectId?: string): string[] {
  const ids = [...ra.actor.projectIds].filter((p) => can(registerPolicy, ra.actor, 'read', { projectId: p }));
  return projectId ? ids.filter((p) => p === projectId) : ids;
}

/** What a search string says about a person is itself personal data: the trail keeps its shape only. */
const auditableQuery = (q: string) => (/\d{4,}/.test(q) ? maskPhone(q.replace(/\D/g, '')) : q.slice(0, 1) + '…');

export async function search(ctx: AppContext, ra: RequestActor, q: string, limit: number, projectId?: string) {
  const pids = readableProjects(ra, projectId);
  return ctx.store.db.transaction(async (tx) => {
    const rows = await repo.searchHouseholds(tx, pids, q, limit);
    const people = await repo.personsOf(tx, rows.map((r) => r.id));
    await appendAudit(tx, { actor: ra.actor, action: 'household.search', ip: ra.ip, detail: { q: auditableQuery(q), results: rows.length } }, ctx.now());
    return rows.map((h) => presentHousehold(ra.actor, h, people));
  });
}

/** Every read of a household's personal data is on the trail (ARC-9, ARC-10). A lead sees it only in a supervised session (accompanied feature, ARC-8). */
export async function getHousehold(ctx: AppContext, ra: RequestActor, id: string) {
  return ctx.store.db.transaction(async (tx) => {
    const h = await repo.findHousehold(tx, id);
    authorize(registerPolicy, ra.actor, 'read', h);
    const people = await repo.personsOf(tx, [id]);
    await appendAudit(tx, { actor: ra.actor, action: 'household.read', entity: 'household', entityId: id, projectId: h.projectId, ip: ra.ip }, ctx.now());
    return presentHouseholdDetail(ra.actor, h, people, await fileOf(tx, id));
  });
}

/** The parts of the household file kept beside its people: vehicles and renovation records. */
export async function fileOf(tx: Parameters<typeof reg.vehiclesOf>[0], householdId: string) {
  return { vehicles: await reg.vehiclesOf(tx, householdId), renovations: await reg.renovationsOf(tx, householdId) };
}

/** The household's current detail, as every register write answers it. */
export async function freshDetail(tx: Parameters<typeof reg.vehiclesOf>[0], ra: RequestActor, id: string) {
  const fresh = await repo.findHousehold(tx, id);
  const people = await repo.personsOf(tx, [id]);
  return presentHouseholdDetail(ra.actor, fresh!, people, await fileOf(tx, id));
}

export async function updateHousehold(ctx: AppContext, ra: RequestActor, id: string, patch: HouseholdPatch) {
  return ctx.store.db.transaction(async (tx) => {
    const h = await repo.findHousehold(tx, id);
    authorize(registerPolicy, ra.actor, 'update', h);
    const { version, ...changes } = patch;
    const movedIn = changes.movedInAt !== undefined ? changes.movedInAt : h.movedInAt;
    const movedOut = changes.movedOutAt !== undefined ? changes.movedOutAt : h.movedOutAt;
    if (movedIn && movedOut && movedOut < movedIn) throw badRequest([{ path: 'body.movedOutAt', message: '迁出日期不能早于入住日期' }]);
    const updated = await tx
      .update(households)
      .set({ ...changes, version: sql`${households.version} + 1`, updatedAt: ctx.now() })
      .where(and(eq(households.id, id), eq(households.version, version)))
      .returning({ id: households.id });
    if (updated.length === 0) throw conflict({ current: { version: h.version } });
    await appendAudit(tx, { actor: ra.actor, action: 'household.update', entity: 'household', entityId: id, projectId: h.projectId, ip: ra.ip, detail: { fields: Object.keys(changes) } }, ctx.now());
    const moves = { movedInAt: 'move_in', movedOutAt: 'move_out' } as const;
    await recordHistory(
      tx,
      ra.actor,
      ctx.now(),
      { projectId: h.projectId, householdId: id, subject: 'household', subjectId: id, subjectLabel: h.unitCode, action: 'update' },
      diff(h as Record<string, unknown>, changes).map((c) => ({ ...c, action: moves[c.field as keyof typeof moves] })),
    );
    return freshDetail(tx, ra, id);
  });
}

export async function addPerson(ctx: AppContext, ra: RequestActor, householdId: string, input: PersonInput) {
  return ctx.store.db.transaction(async (tx) => {
    const h = await repo.findHousehold(tx, householdId);
    authorize(registerPolicy, ra.actor, 'update', h);
    const [p] = await tx.insert(persons).values({ ...input, householdId, projectId: h.projectId }).returning();
    await appendAudit(tx, { actor: ra.actor, action: 'person.create', entity: 'person', entityId: p.id, projectId: h.projectId, ip: ra.ip, detail: { householdId, relation: p.relation } }, ctx.now());
    await recordHistory(
      tx,
      ra.actor,
      ctx.now(),
      { projectId: h.projectId, householdId, subject: 'person', subjectId: p.id, subjectLabel: p.name, action: 'create' },
      (['relation', 'phone', 'idNumber'] as const).map((f) => ({ field: f, to: p[f] })),
    );
    return presentPerson(ra.actor, p);
  });
}

export async function updatePerson(ctx: AppContext, ra: RequestActor, personId: string, patch: Partial<PersonInput> & { version: number }) {
  return ctx.store.db.transaction(async (tx) => {
    const p = await repo.findPerson(tx, personId);
    authorize(registerPolicy, ra.actor, 'update', p);
    const { version, ...changes } = patch;
    const [row] = await tx
      .update(persons)
      .set({ ...changes, version: sql`${persons.version} + 1` })
      .where(and(eq(persons.id, personId), eq(persons.version, version)))
      .returning();
    if (!row) throw conflict({ current: { version: p.version } });
    await appendAudit(tx, { actor: ra.actor, action: 'person.update', entity: 'person', entityId: personId, projectId: p.projectId, ip: ra.ip, detail: { fields: Object.keys(changes) } }, ctx.now());
    await recordHistory(
      tx,
      ra.actor,
      ctx.now(),
      { projectId: p.projectId, householdId: p.householdId, subject: 'person', subjectId: personId, subjectLabel: p.name, action: 'update' },
      diff(p as Record<string, unknown>, changes),
    );
    return presentPerson(ra.actor, row);
  });
}

/** 迁出: a person is never deleted; he is marked moved out on a date, and the history says who recorded it. */
export async function moveOutPerson(ctx: AppContext, ra: RequestActor, personId: string, input: PersonMoveOut) {
  return ctx.store.db.transaction(async (tx) => {
    const p = await repo.findPerson(tx, personId);
    authorize(registerPolicy, ra.actor, 'update', p);
    if (p.movedOutAt) throw new AppError(409, 'INVALID_STATE', undefined, '该人员已登记迁出');
    const [row] = await tx
      .update(persons)
      .set({ movedOutAt: input.movedOutOn, version: sql`${persons.version} + 1` })
      .where(and(eq(persons.id, personId), eq(persons.version, input.version)))
      .returning();
    if (!row) throw conflict({ current: { version: p.version } });
    await appendAudit(tx, { actor: ra.actor, action: 'person.move_out', entity: 'person', entityId: personId, projectId: p.projectId, ip: ra.ip, detail: { householdId: p.householdId, movedOutOn: input.movedOutOn } }, ctx.now());
    await recordHistory(
      tx,
      ra.actor,
      ctx.now(),
      { projectId: p.projectId, householdId: p.householdId, subject: 'person', subjectId: personId, subjectLabel: p.name, action: 'move_out' },
      [{ field: 'movedOutAt', from: null, to: input.movedOutOn }],
    );
    return presentPerson(ra.actor, row);
  });
}

/** ARC-11/12: an explicit, audited look at one unmasked field, with the reason given. */
export async function reveal(ctx: AppContext, ra: RequestActor, personId: string, field: 'phone' | 'idNumber', reason: string): Promise<RevealResult> {
  return ctx.store.db.transaction(async (tx) => {
    const p = await repo.findPerson(tx, personId);
    authorize(registerPolicy, ra.actor, 'revealContact', p);
    const value = p[field];
    if (!value) throw badRequest([{ path: 'body.field', message: '该字段没有登记内容' }]);
    await appendAudit(tx, { actor: ra.actor, action: 'person.reveal', entity: 'person', entityId: personId, projectId: p.projectId, ip: ra.ip, detail: { field, reason, householdId: p.householdId } }, ctx.now());
    return { field, value };
  });
}

export async function tree(ctx: AppContext, ra: RequestActor, projectId: string): Promise<ProjectTree | null> {
  authorize(registerPolicy, ra.actor, 'read', { projectId });
  const t = await repo.projectTree(ctx.store.db, projectId);
  if (!t) return null;
  return {
    project: { id: t.project.id, code: t.project.code, name: t.project.name },
    districts: t.districts.map((d) => ({
      id: d.id,
      name: d.name,
      accountManagerId: d.accountManagerId,
      accountManagerName: d.accountManagerName,
      buildings: d.buildings.map((b) => ({ id: b.id, districtId: b.districtId, code: b.code, name: b.name, unitCount: b.unitCount })),
    })),
  };
}

export async function units(ctx: AppContext, ra: RequestActor, q: Parameters<typeof repo.listUnits>[1]): Promise<UnitPage> {
  authorize(registerPolicy, ra.actor, 'read', { projectId: q.projectId });
  const { total, items } = await repo.listUnits(ctx.store.db, q);
  const names = await repo.ownerNames(ctx.store.db, items.flatMap((i) => (i.householdId ? [i.householdId] : [])));
  const full = can(registerPolicy, ra.actor, 'seeFullName', { projectId: q.projectId });
  return {
    total,
    items: items.map((i) => {
      const name = i.householdId ? (names.get(i.householdId) ?? null) : null;
      return {
        id: i.id,
        code: i.code,
        floor: i.floor,
        areaM2: i.areaM2,
        handoverDate: i.handoverDate,
        householdId: i.householdId,
        projectId: i.projectId,
        residentName: full ? name : name && Array.from(name)[0] + '*',
      };
    }),
  };
}
