import { and, eq, sql } from 'drizzle-orm';
import { callSettings } from '../../domain/calls/calls.table';
import { callSettingsPolicy, type CallRec } from '../../domain/calls/calls.policy';
import type { z } from 'zod';
import type { callSettings as callSettingsSchema } from '../../domain/calls/call-settings.contract';
import { districts } from '../../domain/property/property.table';
import { users } from '../../domain/users/users.table';
import { can, type Actor } from '../../domain/shared/policy';
import { appendAudit } from '../audit/audit.writer';
import { authorize } from '../core/authorize';
import type { AppContext, RequestActor } from '../core/context';
import type { Executor } from '../db/store';
import { conflict } from '../core/errors';
import type { CallRow } from './calls.repository';

/** No row: an account manager may cover another district's items (the manual's desk works so; CALL-4). */
export const COVER_OTHER_DISTRICTS_DEFAULT = true;

/**
 * What a follow-up action is judged on besides the record (CALL-4): the account manager of its district and the
 * project's setting. One query; loaded where dispatch, chase, reply, resolve and reopen are authorized.
 */
export async function withFollowUp<C extends CallRow>(ex: Executor, call: C | null): Promise<(C & CallRec) | null> {
  if (!call) return null;
  const coverOtherDistricts = await coversOtherDistricts(ex, call.projectId);
  // Covering (the usual case): who manages the district does not matter.
  if (coverOtherDistricts || !call.districtId) return { ...call, districtManagerId: null, coverOtherDistricts };
  const [d] = await ex.select({ manager: districts.accountManagerId }).from(districts).where(eq(districts.id, call.districtId));
  return { ...call, districtManagerId: d?.manager ?? null, coverOtherDistricts };
}

/** The project's CALL-4 setting: may an account manager follow up another district's items? */
export async function coversOtherDistricts(ex: Executor, projectId: string): Promise<boolean> {
  const [s] = await ex.select({ cover: callSettings.coverOtherDistricts }).from(callSettings).where(eq(callSettings.projectId, projectId));
  return s?.cover ?? COVER_OTHER_DISTRICTS_DEFAULT;
}

export async function readCallSettings(ex: Executor, actor: Actor, projectId: string): Promise<z.output<typeof callSettingsSchema>> {
  authorize(callSettingsPolicy, actor, 'read', { projectId });
  const [row] = await ex
    .select({ s: callSettings, name: users.displayName })
    .from(callSettings)
    .leftJoin(users, eq(users.id, callSettings.updatedBy))
    .where(eq(callSettings.projectId, projectId));
  return {
    projectId,
    coverOtherDistricts: row ? row.s.coverOtherDistricts : COVER_OTHER_DISTRICTS_DEFAULT,
    isDefault: !row,
    version: row?.s.version ?? 0,
    updatedAt: row?.s.updatedAt ?? null,
    updatedByName: row?.name ?? null,
    canEdit: can(callSettingsPolicy, actor, 'edit', { projectId }),
  };
}

/** CALL-4: the supervisor (or the centre manager) decides for the project; optimistic on `version` (0: no row yet). */
export async function setCallSettings(ctx: AppContext, ra: RequestActor, input: { projectId: string; coverOtherDistricts: boolean; version: number }) {
  authorize(callSettingsPolicy, ra.actor, 'edit', { projectId: input.projectId });
  await ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const [cur] = await tx.select().from(callSettings).where(eq(callSettings.projectId, input.projectId));
    if ((cur?.version ?? 0) !== input.version) throw conflict({ current: { version: cur?.version ?? 0 } });
    const [row] = cur
      ? await tx
          .update(callSettings)
          .set({ coverOtherDistricts: input.coverOtherDistricts, updatedBy: ra.actor.userId, updatedAt: now, version: sql`${callSettings.version} + 1` })
          .where(and(eq(callSettings.projectId, input.projectId), eq(callSettings.version, input.version)))
          .returning()
      : await tx.insert(callSettings).values({ projectId: input.projectId, coverOtherDistricts: input.coverOtherDistricts, updatedBy: ra.actor.userId, updatedAt: now }).onConflictDoNothing().returning();
    if (!row) throw conflict({ current: { version: cur?.version ?? 0 } });
    await appendAudit(tx, { actor: ra.actor, action: 'call.settings', entity: 'call_settings', entityId: input.projectId, projectId: input.projectId, ip: ra.ip, detail: { coverOtherDistricts: { from: cur?.coverOtherDistricts ?? null, to: input.coverOtherDistricts } } }, now);
  });
  return readCallSettings(ctx.store.db, ra.actor, input.projectId);
}
