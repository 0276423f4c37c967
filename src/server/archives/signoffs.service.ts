import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { householdSignoffs } from '../../domain/archives/archives.table';
import { archivePolicy } from '../../domain/archives/archives.policy';
import { MANUAL_RECEIPT_ITEMS } from '../../domain/archives/departments';
import type { SignoffCreate, SignoffView } from '../../domain/archives/archives.contract';
import { households, persons, units } from '../../domain/property/property.table';
import { users } from '../../domain/users/users.table';
import type { Actor } from '../../domain/shared/policy';
import { appendAudit } from '../audit/audit.writer';
import { authorize } from '../core/authorize';
import type { AppContext, RequestActor } from '../core/context';
import type { Executor } from '../db/store';
import { badRequest } from '../core/errors';
import { attachmentUrl, decodeImage, saveAttachment } from '../attachments/attachments';

async function findHousehold(ex: Executor, id: string) {
  const [h] = await ex.select({ id: households.id, projectId: households.projectId, unitCode: units.code }).from(households).innerJoin(units, eq(units.id, households.unitId)).where(eq(households.id, id));
  return h ?? null;
}

/**
 * ARC-5..7: a confirmation signed on screen by the right person. Facilities and items (ARC-5) and the manuals'
 * receipt (ARC-7) are signed by a member of the household; completed handover-form items (ARC-6) by the
 * household or by the repairer.
 */
export async function createSignoff(ctx: AppContext, ra: RequestActor, householdId: string, input: SignoffCreate): Promise<SignoffView> {
  return ctx.store.db.transaction(async (tx) => {
    const h = await findHousehold(tx, householdId);
    authorize(archivePolicy, ra.actor, 'record', h);
    let signerName: string;
    if (input.signerRole === 'repairer') {
      if (input.kind !== 'handover_items') throw badRequest([{ path: 'body.signerRole', message: '该事项须由业户本人签字确认' }]);
      if (!input.signerName) throw badRequest([{ path: 'body.signerName', message: '请填写维修人员姓名' }]);
      signerName = input.signerName;
    } else {
      const [p] = input.signerPersonId
        ? await tx.select({ name: persons.name }).from(persons).where(and(eq(persons.id, input.signerPersonId), eq(persons.householdId, householdId)))
        : [];
      if (!p) throw badRequest([{ path: 'body.signerPersonId', message: '请选择本户登记的成员签字' }]);
      signerName = p.name;
    }
    if (input.kind === 'manual_receipt') {
      const missing = MANUAL_RECEIPT_ITEMS.filter((m) => !input.items.includes(m));
      if (missing.length) throw badRequest([{ path: 'body.items', message: `签收须包括${missing.join('、')}` }]);
    }
    const now = ctx.now();
    const id = randomUUID();
    const image = decodeImage(input.signature, 'body.signature', 200 * 1024);
    const signatureId = await saveAttachment(tx, { projectId: h.projectId, ownerType: 'household_signoff', ownerId: id, kind: 'signature', ...image, createdBy: ra.actor.userId, at: now });
    await tx.insert(householdSignoffs).values({ id, projectId: h.projectId, householdId, kind: input.kind, items: input.items, signerRole: input.signerRole, signerPersonId: input.signerRole === 'household' ? input.signerPersonId! : null, signerName, signatureId, at: now, by: ra.actor.userId });
    await appendAudit(tx, { actor: ra.actor, action: 'household_signoff.create', entity: 'household', entityId: householdId, projectId: h.projectId, ip: ra.ip, detail: { kind: input.kind, items: input.items.length, signerRole: input.signerRole } }, now);
    return { id, kind: input.kind, items: input.items, signerRole: input.signerRole, signerName, signature: attachmentUrl(signatureId), at: now.toISOString(), byName: ra.actor.displayName };
  });
}

export async function listSignoffs(ctx: AppContext, ra: RequestActor, householdId: string): Promise<{ items: SignoffView[]; unitCode: string }> {
  const h = await findHousehold(ctx.store.db, householdId);
  authorize(archivePolicy, ra.actor, 'read', h);
  const rows = await ctx.store.db.select().from(householdSignoffs).where(eq(householdSignoffs.householdId, householdId)).orderBy(asc(householdSignoffs.at));
  const ids = [...new Set(rows.map((r) => r.by))];
  const names = new Map((ids.length ? await ctx.store.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids)) : []).map((u) => [u.id, u.name]));
  return {
    unitCode: h.unitCode,
    items: rows.map((r) => ({ id: r.id, kind: r.kind, items: r.items, signerRole: r.signerRole, signerName: r.signerName, signature: attachmentUrl(r.signatureId), at: r.at.toISOString(), byName: names.get(r.by) ?? '' })),
  };
}

/** A signoff's signature is readable by whoever may read the household's archive. */
export async function readSignoffAttachment(ex: Executor, actor: Actor, ownerId: string): Promise<void> {
  const [r] = await ex.select({ projectId: householdSignoffs.projectId }).from(householdSignoffs).where(eq(householdSignoffs.id, ownerId));
  authorize(archivePolicy, actor, 'read', r);
}
