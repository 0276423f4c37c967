import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { keyHandovers, keyLoans, propertyKeys } from '../../domain/keys/keys.table';
import { attachments } from '../../domain/attachments/attachments.table';
import { KEY_APPROVER_ROLES, keyPolicy } from '../../domain/keys/keys.policy';
import { isUnitKey, retentionEnds } from '../../domain/keys/keys.rules';
import type { HandoverView, KeyCreate, KeyHolder, KeyView, LoanCreate, LoanView } from '../../domain/keys/keys.contract';
import { pickPolicy, planDeadline } from '../../domain/deadlines/sla';
import { registerPolicy } from '../../domain/property/property.policy';
import { can, type Actor } from '../../domain/shared/policy';
import { localDay } from '../../domain/shared/business-time';
import { maskName } from '../../domain/shared/mask';
import { appendAudit } from '../audit/audit.writer';
import { authorize } from '../core/authorize';
import type { AppContext, RequestActor } from '../core/context';
import type { Executor, Tx } from '../db/store';
import { AppError, badRequest, conflict } from '../core/errors';
import { attachmentUrl, decodeImage, saveAttachment } from '../attachments/attachments';
import { cancelTimers, scheduleTimers } from '../deadlines/timers';
import { slaPoliciesOf } from '../deadlines/sla-policies';
import * as repo from './keys.repository';

const MAX_LOAN_DAYS = 30;
const SIGNATURE_BYTES = 200 * 1024;

/** ARC-12: a household member's name in full only for the roles whose work needs it (the CS staff). */
export function nameFor(actor: Actor, projectId: string, name: string): string {
  return can(registerPolicy, actor, 'seeFullName', { projectId }) ? name : (maskName(name) ?? '');
}

const invalidState = (message: string) => new AppError(409, 'INVALID_STATE', undefined, message);
const ownerOnly = (path: string, message: string) => badRequest([{ path, message }], 'KEY_OWNER_ONLY');

function presentKey(actor: Actor, k: repo.KeyRow, openLoanId: string | null): KeyView {
  return {
    id: k.id,
    projectId: k.projectId,
    number: k.number,
    kind: k.kind,
    unitId: k.unitId,
    unitCode: k.unitCode,
    label: k.label,
    count: k.count,
    cabinetPosition: k.cabinetPosition,
    status: k.status,
    version: k.version,
    openLoanId,
    abilities: {
      read: can(keyPolicy, actor, 'read', k),
      manage: can(keyPolicy, actor, 'manage', k),
      lend: can(keyPolicy, actor, 'lend', k) && k.status === 'in',
      handover: can(keyPolicy, actor, 'handover', k) && k.status === 'in' && isUnitKey(k.kind),
      purge: can(keyPolicy, actor, 'purge', k),
    },
  };
}

async function presentLoans(ex: Executor, ctx: AppContext, actor: Actor, rows: repo.LoanWithKey[]): Promise<LoanView[]> {
  const names = await repo.userNames(ex, rows.flatMap((r) => [r.loan.approverId, r.loan.lentBy, r.loan.receivedBy]));
  const policy = rows.length ? pickPolicy(await slaPoliciesOf(ex, ctx.store, rows[0].loan.projectId), 'key_loan', null, null) : null;
  const now = ctx.now();
  return rows.map(({ loan: l, keyNumber, keyKind, unitCode }) => {
    const open = l.returnedAt === null;
    const warnAt = policy && policy.warnBeforeMinutes > 0 ? new Date(l.dueAt.getTime() - policy.warnBeforeMinutes * 60_000) : null;
    const state = !open ? 'none' : now >= l.dueAt ? 'overdue' : warnAt && now >= warnAt ? 'warning' : 'ok';
    return {
      id: l.id,
      projectId: l.projectId,
      keyId: l.keyId,
      keyNumber,
      keyKind,
      unitCode,
      borrowerKind: l.borrowerKind,
      borrowerName: l.borrowerKind === 'staff' ? l.borrowerName : nameFor(actor, l.projectId, l.borrowerName),
      identityDocument: l.identityDocument,
      authorisation: l.authorisation,
      purpose: l.purpose,
      approverName: names.get(l.approverId) ?? '',
      ownerContacted: l.ownerContacted !== null,
      contactMethod: l.ownerContacted,
      lentAt: l.lentAt.toISOString(),
      lentByName: names.get(l.lentBy) ?? '',
      dueAt: l.dueAt.toISOString(),
      state,
      overdue: open && now >= l.dueAt,
      chaseCount: l.chaseCount,
      returnedAt: l.returnedAt?.toISOString() ?? null,
      returnedByName: l.returnedByName === null ? null : l.returnedByName,
      receivedByName: l.receivedBy ? (names.get(l.receivedBy) ?? '') : null,
      signature: attachmentUrl(l.borrowerSignatureId),
      version: l.version,
    };
  });
}

export async function listKeys(ctx: AppContext, ra: RequestActor, q: Parameters<typeof repo.listKeys>[1]): Promise<KeyView[]> {
  authorize(keyPolicy, ra.actor, 'read', { projectId: q.projectId });
  const rows = await repo.listKeys(ctx.store.db, q);
  const open = await repo.openLoans(ctx.store.db, rows.map((r) => r.id));
  return rows.map((k) => presentKey(ra.actor, k, open.get(k.id) ?? null));
}

export async function getKey(ctx: AppContext, ra: RequestActor, id: string): Promise<KeyView> {
  const k = await repo.findKey(ctx.store.db, id);
  authorize(keyPolicy, ra.actor, 'read', k);
  const open = await repo.openLoans(ctx.store.db, [id]);
  return presentKey(ra.actor, k, open.get(id) ?? null);
}

export async function createKey(ctx: AppContext, ra: RequestActor, input: KeyCreate): Promise<KeyView> {
  authorize(keyPolicy, ra.actor, 'manage', { projectId: input.projectId });
  return ctx.store.db.transaction(async (tx) => {
    let unitId: string | null = null;
    if (isUnitKey(input.kind)) {
      if (!input.unitCode) throw badRequest([{ path: 'body.unitCode', message: '房屋钥匙须填写房号' }]);
      const u = await repo.unitByCode(tx, input.projectId, input.unitCode);
      if (!u) throw badRequest([{ path: 'body.unitCode', message: '本项目没有这个房号' }]);
      unitId = u.id;
    } else if (input.unitCode) {
      throw badRequest([{ path: 'body.unitCode', message: '公共区域、机房钥匙不属于某一房屋，请不要填写房号' }]);
    }
    const [dup] = await tx.select({ id: propertyKeys.id }).from(propertyKeys).where(and(eq(propertyKeys.projectId, input.projectId), eq(propertyKeys.number, input.number)));
    if (dup) throw badRequest([{ path: 'body.number', message: '该钥匙编号已登记' }], 'DUPLICATE');
    const [row] = await tx
      .insert(propertyKeys)
      .values({ projectId: input.projectId, number: input.number, kind: input.kind, unitId, label: input.label ?? null, count: input.count, cabinetPosition: input.cabinetPosition, createdAt: ctx.now() })
      .returning({ id: propertyKeys.id });
    await appendAudit(tx, { actor: ra.actor, action: 'key.create', entity: 'key', entityId: row.id, projectId: input.projectId, ip: ra.ip, detail: { number: input.number, kind: input.kind } }, ctx.now());
    return presentKey(ra.actor, await repo.findKey(tx, row.id), null);
  });
}

export async function updateKey(ctx: AppContext, ra: RequestActor, id: string, patch: { version: number; label?: string | null; count?: number; cabinetPosition?: string }): Promise<KeyView> {
  return ctx.store.db.transaction(async (tx) => {
    const k = await repo.findKey(tx, id);
    authorize(keyPolicy, ra.actor, 'manage', k);
    const { version, ...changes } = patch;
    const done = await tx
      .update(propertyKeys)
      .set({ ...changes, version: sql`${propertyKeys.version} + 1` })
      .where(and(eq(propertyKeys.id, id), eq(propertyKeys.version, version)))
      .returning({ id: propertyKeys.id });
    if (done.length === 0) throw conflict({ current: { version: k.version } });
    await appendAudit(tx, { actor: ra.actor, action: 'key.update', entity: 'key', entityId: id, projectId: k.projectId, ip: ra.ip, detail: { fields: Object.keys(changes) } }, ctx.now());
    const open = await repo.openLoans(tx, [id]);
    return presentKey(ra.actor, await repo.findKey(tx, id), open.get(id) ?? null);
  });
}

/** The owners a unit key may go to (KEY-4), names masked for roles that do not see full names (ARC-12). */
export async function holders(ctx: AppContext, ra: RequestActor, keyId: string): Promise<KeyHolder[]> {
  const k = await repo.findKey(ctx.store.db, keyId);
  authorize(keyPolicy, ra.actor, 'read', k);
  if (!k.unitId) return [];
  const owners = await repo.ownersOfUnit(ctx.store.db, k.unitId);
  return owners.map((o) => ({ id: o.id, name: nameFor(ra.actor, k.projectId, o.name), relation: o.relation }));
}

export async function approvers(ctx: AppContext, ra: RequestActor, projectId: string) {
  authorize(keyPolicy, ra.actor, 'read', { projectId });
  return repo.projectUsersWithRoles(ctx.store.db, projectId, KEY_APPROVER_ROLES);
}

/** Checks the borrower against KEY-4 and returns the name to record. */
async function borrowerOf(tx: Tx, k: repo.KeyRow, input: LoanCreate): Promise<string> {
  if (!input.identityChecked) throw ownerOnly('body.identityChecked', '须先核验借用人的身份证件才能出借');
  if (input.ownerContacted && !input.contactMethod) throw badRequest([{ path: 'body.contactMethod', message: '请填写联系业主的方式（如电话、面谈）' }]);
  if (!isUnitKey(k.kind)) {
    if (input.borrowerKind === 'owner') throw badRequest([{ path: 'body.borrowerKind', message: '公共区域、机房钥匙请选择员工或授权人' }]);
    if (!input.borrowerName) throw badRequest([{ path: 'body.borrowerName', message: '请填写借用人姓名' }]);
    return input.borrowerName;
  }
  // KEY-4: a unit's key goes to its owner or to the holder of the owner's written authorisation, nobody else.
  if (input.borrowerKind === 'staff') throw ownerOnly('body.borrowerKind', '房屋钥匙只交给业主本人或持业主书面授权的人，员工不能借用');
  const owners = await repo.ownersOfUnit(tx, k.unitId!);
  const owner = owners.find((o) => o.id === input.ownerPersonId);
  if (!owner) throw ownerOnly('body.ownerPersonId', owners.length ? '请选择该房屋登记的业主' : '该房屋没有登记业主，不能出借房屋钥匙');
  if (input.borrowerKind === 'owner') return owner.name;
  if (!input.authorisation) throw ownerOnly('body.authorisation', '没有业主的书面授权，不能出借房屋钥匙');
  if (!input.borrowerName) throw badRequest([{ path: 'body.borrowerName', message: '请填写被授权人姓名' }]);
  // The owner is contacted before the key he deposited is used by someone else.
  if (k.kind === 'owner_deposited' && !input.ownerContacted) throw ownerOnly('body.ownerContacted', '使用业主寄存的钥匙前须先联系业主');
  return input.borrowerName;
}

/** KEY-2: a lending written in 《钥匙出借记录表》, signed by the borrower; its due time is watched (KEY-3). */
export async function lend(ctx: AppContext, ra: RequestActor, keyId: string, input: LoanCreate): Promise<LoanView> {
  return ctx.store.db.transaction(async (tx) => {
    const k = await repo.findKey(tx, keyId);
    authorize(keyPolicy, ra.actor, 'lend', k);
    if (k.status !== 'in') throw invalidState(k.status === 'out' ? '该钥匙已借出，归还后才能再借' : '该钥匙已移交业主，不能出借');
    const now = ctx.now();
    const dueAt = new Date(input.dueAt);
    if (dueAt <= now) throw badRequest([{ path: 'body.dueAt', message: '归还时间应晚于现在' }]);
    if (dueAt.getTime() - now.getTime() > MAX_LOAN_DAYS * 86_400_000) throw badRequest([{ path: 'body.dueAt', message: `借用期限最长 ${MAX_LOAN_DAYS} 天` }]);
    const borrowerName = await borrowerOf(tx, k, input);
    const approverOk = (await repo.projectUsersWithRoles(tx, k.projectId, KEY_APPROVER_ROLES)).some((u) => u.id === input.approverId);
    if (!approverOk) throw badRequest([{ path: 'body.approverId', message: '请选择本项目有审批权的人员' }]);
    const image = decodeImage(input.signature, 'body.signature', SIGNATURE_BYTES);
    const moved = await tx
      .update(propertyKeys)
      .set({ status: 'out', version: sql`${propertyKeys.version} + 1` })
      .where(and(eq(propertyKeys.id, keyId), eq(propertyKeys.version, input.version), eq(propertyKeys.status, 'in')))
      .returning({ id: propertyKeys.id });
    if (moved.length === 0) throw conflict({ current: { version: k.version, status: k.status } });
    const loanId = randomUUID();
    const signatureId = await saveAttachment(tx, { projectId: k.projectId, ownerType: 'key_loan', ownerId: loanId, kind: 'signature', ...image, createdBy: ra.actor.userId, at: now });
    await tx.insert(keyLoans).values({
      id: loanId,
      projectId: k.projectId,
      keyId,
      borrowerKind: input.borrowerKind,
      ownerPersonId: isUnitKey(k.kind) ? input.ownerPersonId! : null,
      borrowerName,
      identityDocument: input.identityDocument,
      authorisation: input.authorisation ?? null,
      purpose: input.purpose,
      approverId: input.approverId,
      ownerContacted: input.ownerContacted ? input.contactMethod! : null,
      lentAt: now,
      lentBy: ra.actor.userId,
      dueAt,
      borrowerSignatureId: signatureId,
    });
    const plan = planDeadline(pickPolicy(await slaPoliciesOf(tx, ctx.store, k.projectId), 'key_loan', null, null), now, (dueAt.getTime() - now.getTime()) / 60_000);
    if (plan) await scheduleTimers(tx, k.projectId, 'key_loan', loanId, plan.timers);
    await appendAudit(tx, { actor: ra.actor, action: 'key_loan.create', entity: 'key_loan', entityId: loanId, projectId: k.projectId, ip: ra.ip, detail: { key: k.number, borrowerKind: input.borrowerKind, dueAt: dueAt.toISOString() } }, now);
    const [view] = await presentLoans(tx, ctx, ra.actor, await repo.listLoans(tx, { projectId: k.projectId, ids: [loanId], limit: 1 }));
    return view;
  });
}

/** The key back in the cabinet: who handed it in, who received it (the signed-in user). */
export async function giveBack(ctx: AppContext, ra: RequestActor, loanId: string, input: { version: number; returnedByName: string }): Promise<LoanView> {
  return ctx.store.db.transaction(async (tx) => {
    const l = await repo.findLoan(tx, loanId);
    authorize(keyPolicy, ra.actor, 'lend', l);
    if (l.returnedAt) throw invalidState('该钥匙已归还');
    const now = ctx.now();
    const done = await tx
      .update(keyLoans)
      .set({ returnedAt: now, returnedByName: input.returnedByName, receivedBy: ra.actor.userId, version: sql`${keyLoans.version} + 1` })
      .where(and(eq(keyLoans.id, loanId), eq(keyLoans.version, input.version)))
      .returning({ id: keyLoans.id });
    if (done.length === 0) throw conflict({ current: { version: l.version } });
    await tx.update(propertyKeys).set({ status: 'in', version: sql`${propertyKeys.version} + 1` }).where(eq(propertyKeys.id, l.keyId));
    await cancelTimers(tx, 'key_loan', loanId);
    await appendAudit(tx, { actor: ra.actor, action: 'key_loan.return', entity: 'key_loan', entityId: loanId, projectId: l.projectId, ip: ra.ip, detail: { late: now > l.dueAt } }, now);
    const [view] = await presentLoans(tx, ctx, ra.actor, await repo.listLoans(tx, { projectId: l.projectId, ids: [loanId], limit: 1 }));
    return view;
  });
}

export async function listLoans(ctx: AppContext, ra: RequestActor, q: { projectId: string; open?: boolean; from?: string; to?: string; limit: number }): Promise<LoanView[]> {
  authorize(keyPolicy, ra.actor, 'read', { projectId: q.projectId });
  const day = (s: string) => new Date(`${s}T00:00:00+08:00`);
  const to = q.to ? new Date(day(q.to).getTime() + 86_400_000) : undefined;
  const rows = await repo.listLoans(ctx.store.db, { projectId: q.projectId, open: q.open, from: q.from ? day(q.from) : undefined, to, limit: q.limit });
  return presentLoans(ctx.store.db, ctx, ra.actor, rows);
}

/** KEY-5: a lending record is kept at least two years; only then may the administrator remove it. */
export async function removeLoan(ctx: AppContext, ra: RequestActor, loanId: string): Promise<void> {
  await ctx.store.db.transaction(async (tx) => {
    const l = await repo.findLoan(tx, loanId);
    authorize(keyPolicy, ra.actor, 'purge', l);
    if (!l.returnedAt) throw invalidState('钥匙尚未归还，出借记录不能删除');
    const until = retentionEnds(l.lentAt);
    if (ctx.now() < until) throw new AppError(409, 'RECORD_RETAINED', undefined, `钥匙出借记录须保存至少 2 年，${localDay(until)} 之后才能删除`);
    await tx.delete(keyLoans).where(eq(keyLoans.id, loanId));
    await tx.delete(attachments).where(and(eq(attachments.ownerType, 'key_loan'), eq(attachments.ownerId, loanId)));
    await appendAudit(tx, { actor: ra.actor, action: 'key_loan.delete', entity: 'key_loan', entityId: loanId, projectId: l.projectId, ip: ra.ip, detail: { lentAt: l.lentAt.toISOString() } }, ctx.now());
  });
}

/** KEY-1: the unit's keys handed to its owner, who signs, at the secondary-renovation procedure. */
export async function handover(ctx: AppContext, ra: RequestActor, keyId: string, input: { version: number; ownerPersonId: string; renovationRef: string; signature: string }): Promise<HandoverView> {
  return ctx.store.db.transaction(async (tx) => {
    const k = await repo.findKey(tx, keyId);
    authorize(keyPolicy, ra.actor, 'handover', k);
    if (!isUnitKey(k.kind)) throw invalidState('只有房屋钥匙才能移交业主');
    if (k.status !== 'in') throw invalidState(k.status === 'out' ? '该钥匙已借出，归还后才能移交' : '该钥匙已移交业主');
    const owners = await repo.ownersOfUnit(tx, k.unitId!);
    const owner = owners.find((o) => o.id === input.ownerPersonId);
    if (!owner) throw ownerOnly('body.ownerPersonId', '房屋钥匙只能移交给该房屋登记的业主');
    const now = ctx.now();
    const image = decodeImage(input.signature, 'body.signature', SIGNATURE_BYTES);
    const moved = await tx
      .update(propertyKeys)
      .set({ status: 'handed_over', version: sql`${propertyKeys.version} + 1` })
      .where(and(eq(propertyKeys.id, keyId), eq(propertyKeys.version, input.version), eq(propertyKeys.status, 'in')))
      .returning({ id: propertyKeys.id });
    if (moved.length === 0) throw conflict({ current: { version: k.version, status: k.status } });
    const id = randomUUID();
    const signatureId = await saveAttachment(tx, { projectId: k.projectId, ownerType: 'key_handover', ownerId: id, kind: 'signature', ...image, createdBy: ra.actor.userId, at: now });
    await tx.insert(keyHandovers).values({ id, projectId: k.projectId, keyId, ownerPersonId: owner.id, renovationRef: input.renovationRef, signatureId, at: now, by: ra.actor.userId });
    await appendAudit(tx, { actor: ra.actor, action: 'key.handover', entity: 'key', entityId: keyId, projectId: k.projectId, ip: ra.ip, detail: { handoverId: id, renovationRef: input.renovationRef } }, now);
    return { id, keyId, keyNumber: k.number, unitCode: k.unitCode, ownerName: nameFor(ra.actor, k.projectId, owner.name), renovationRef: input.renovationRef, at: now.toISOString(), byName: ra.actor.displayName, signature: attachmentUrl(signatureId) };
  });
}

export async function handovers(ctx: AppContext, ra: RequestActor, keyId: string): Promise<HandoverView[]> {
  const k = await repo.findKey(ctx.store.db, keyId);
  authorize(keyPolicy, ra.actor, 'read', k);
  const rows = await repo.listHandovers(ctx.store.db, keyId);
  const names = await repo.userNames(ctx.store.db, rows.map((r) => r.by));
  const out: HandoverView[] = [];
  for (const h of rows) {
    out.push({ id: h.id, keyId, keyNumber: k.number, unitCode: k.unitCode, ownerName: nameFor(ra.actor, k.projectId, await repo.personName(ctx.store.db, h.ownerPersonId)), renovationRef: h.renovationRef, at: h.at.toISOString(), byName: names.get(h.by) ?? '', signature: attachmentUrl(h.signatureId) });
  }
  return out;
}

/** Attachments of a lending or handover are readable by whoever may read the key register of its project. */
export async function readKeyAttachment(ex: Executor, actor: Actor, ownerId: string, table: 'loan' | 'handover'): Promise<void> {
  const [r] =
    table === 'loan'
      ? await ex.select({ projectId: keyLoans.projectId }).from(keyLoans).where(eq(keyLoans.id, ownerId))
      : await ex.select({ projectId: keyHandovers.projectId }).from(keyHandovers).where(eq(keyHandovers.id, ownerId));
  authorize(keyPolicy, actor, 'read', r);
}
