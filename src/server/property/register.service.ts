import { and, eq, sql } from 'drizzle-orm';
import { registerPolicy } from '../../domain/property/property.policy';
import { householdRenovations, householdVehicles } from '../../domain/property/register.table';
import type { HouseholdHistoryList, RenovationInput, RenovationPatch, VehicleInput, VehiclePatch } from '../../domain/property/register.contract';
import { appendAudit } from '../audit/audit.writer';
import type { AppContext, RequestActor } from '../core/context';
import { authorize } from '../core/authorize';
import { badRequest, conflict } from '../core/errors';
import * as repo from './property.repository';
import * as reg from './register.repository';
import { diff, recordHistory } from './register.history';
import { presentHistory, presentRenovation, presentVehicle } from './property.presenter';

/**
 * The household file beside its people (issue 11, point 2): vehicles and renovation records, and the history
 * of every change. Load → authorize → rule → write, audit and history in one transaction.
 */

const duplicatePlate = () => badRequest([{ path: 'body.plate', message: '该车牌已登记在本项目的业户档案中' }], 'VALIDATION_FAILED');

export async function history(ctx: AppContext, ra: RequestActor, householdId: string): Promise<HouseholdHistoryList> {
  const h = await repo.findHousehold(ctx.store.db, householdId);
  authorize(registerPolicy, ra.actor, 'read', h);
  const rows = await reg.historyOf(ctx.store.db, householdId);
  return { items: rows.map((r) => presentHistory(ra.actor, r)) };
}

export async function addVehicle(ctx: AppContext, ra: RequestActor, householdId: string, input: VehicleInput) {
  return ctx.store.db.transaction(async (tx) => {
    const h = await repo.findHousehold(tx, householdId);
    authorize(registerPolicy, ra.actor, 'update', h);
    if (await reg.activePlate(tx, h.projectId, input.plate)) throw duplicatePlate();
    const [v] = await tx
      .insert(householdVehicles)
      .values({ projectId: h.projectId, householdId, plate: input.plate, kind: input.kind, parkingSpace: input.parkingSpace ?? null })
      .returning();
    await appendAudit(tx, { actor: ra.actor, action: 'vehicle.create', entity: 'vehicle', entityId: v.id, projectId: h.projectId, ip: ra.ip, detail: { householdId } }, ctx.now());
    await recordHistory(
      tx,
      ra.actor,
      ctx.now(),
      { projectId: h.projectId, householdId, subject: 'vehicle', subjectId: v.id, subjectLabel: v.plate, action: 'create' },
      (['plate', 'kind', 'parkingSpace'] as const).map((f) => ({ field: f, to: v[f] })),
    );
    return presentVehicle(v);
  });
}

export async function updateVehicle(ctx: AppContext, ra: RequestActor, id: string, patch: VehiclePatch) {
  return ctx.store.db.transaction(async (tx) => {
    const v = await reg.findVehicle(tx, id);
    authorize(registerPolicy, ra.actor, 'update', v);
    const { version, ...changes } = patch;
    if (changes.plate && changes.plate !== v.plate && (await reg.activePlate(tx, v.projectId, changes.plate, id))) throw duplicatePlate();
    const [row] = await tx
      .update(householdVehicles)
      .set({ ...changes, version: sql`${householdVehicles.version} + 1` })
      .where(and(eq(householdVehicles.id, id), eq(householdVehicles.version, version)))
      .returning();
    if (!row) throw conflict({ current: { version: v.version } });
    await appendAudit(tx, { actor: ra.actor, action: 'vehicle.update', entity: 'vehicle', entityId: id, projectId: v.projectId, ip: ra.ip, detail: { householdId: v.householdId, fields: Object.keys(changes) } }, ctx.now());
    await recordHistory(
      tx,
      ra.actor,
      ctx.now(),
      { projectId: v.projectId, householdId: v.householdId, subject: 'vehicle', subjectId: id, subjectLabel: v.plate, action: 'update' },
      diff(v as Record<string, unknown>, changes).map((c) => (c.field === 'removedOn' ? { ...c, action: c.to ? ('remove' as const) : ('update' as const) } : c)),
    );
    return presentVehicle(row);
  });
}

export async function addRenovation(ctx: AppContext, ra: RequestActor, householdId: string, input: RenovationInput) {
  return ctx.store.db.transaction(async (tx) => {
    const h = await repo.findHousehold(tx, householdId);
    authorize(registerPolicy, ra.actor, 'update', h);
    const [r] = await tx
      .insert(householdRenovations)
      .values({
        projectId: h.projectId,
        householdId,
        startedOn: input.startedOn,
        finishedOn: input.finishedOn ?? null,
        company: input.company,
        permitNo: input.permitNo ?? null,
        approvedOn: input.approvedOn ?? null,
        acceptedOn: input.acceptedOn ?? null,
        acceptance: input.acceptance ?? null,
        note: input.note || null,
      })
      .returning();
    await appendAudit(tx, { actor: ra.actor, action: 'renovation.create', entity: 'renovation', entityId: r.id, projectId: h.projectId, ip: ra.ip, detail: { householdId } }, ctx.now());
    await recordHistory(
      tx,
      ra.actor,
      ctx.now(),
      { projectId: h.projectId, householdId, subject: 'renovation', subjectId: r.id, subjectLabel: r.company, action: 'create' },
      (['startedOn', 'finishedOn', 'company', 'permitNo', 'approvedOn', 'acceptedOn', 'acceptance'] as const).map((f) => ({ field: f, to: r[f] })),
    );
    return presentRenovation(r);
  });
}

export async function updateRenovation(ctx: AppContext, ra: RequestActor, id: string, patch: RenovationPatch) {
  return ctx.store.db.transaction(async (tx) => {
    const r = await reg.findRenovation(tx, id);
    authorize(registerPolicy, ra.actor, 'update', r);
    const { version, ...changes } = patch;
    const merged = { ...r, ...changes };
    if (merged.finishedOn && merged.finishedOn < merged.startedOn) throw badRequest([{ path: 'body.finishedOn', message: '竣工日期不能早于开工日期' }]);
    if (merged.acceptedOn && merged.acceptedOn < merged.startedOn) throw badRequest([{ path: 'body.acceptedOn', message: '验收日期不能早于开工日期' }]);
    if (merged.acceptance && !merged.acceptedOn) throw badRequest([{ path: 'body.acceptedOn', message: '填写验收结果时请填写验收日期' }]);
    const [row] = await tx
      .update(householdRenovations)
      .set({ ...changes, version: sql`${householdRenovations.version} + 1` })
      .where(and(eq(householdRenovations.id, id), eq(householdRenovations.version, version)))
      .returning();
    if (!row) throw conflict({ current: { version: r.version } });
    await appendAudit(tx, { actor: ra.actor, action: 'renovation.update', entity: 'renovation', entityId: id, projectId: r.projectId, ip: ra.ip, detail: { householdId: r.householdId, fields: Object.keys(changes) } }, ctx.now());
    await recordHistory(
      tx,
      ra.actor,
      ctx.now(),
      { projectId: r.projectId, householdId: r.householdId, subject: 'renovation', subjectId: id, subjectLabel: r.company, action: 'update' },
      diff(r as Record<string, unknown>, changes),
    );
    return presentRenovation(row);
  });
}
