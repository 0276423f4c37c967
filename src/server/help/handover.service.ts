import { and, desc, eq, isNotNull, ne, or, sql } from 'drizzle-orm';
import { helpHandovers, helpRequests } from '../../domain/help/help.table';
import { handoverPolicy } from '../../domain/help/help.policy';
import type { HandoverCreate } from '../../domain/help/help.contract';
import { can, type Actor } from '../../domain/shared/policy';
import { appendAudit } from '../audit/audit.writer';
import type { AppContext, RequestActor } from '../core/context';
import type { Executor } from '../db/store';
import { authorize } from '../core/authorize';
import { badRequest, conflict, notFound } from '../core/errors';
import { notify, usersWithRoles } from '../notifications/notifier';
import { namesOf } from './help.repository';

type Row = typeof helpHandovers.$inferSelect;

function present(actor: Actor, h: Row, names: Map<string, string>) {
  return {
    id: h.id,
    role: h.role,
    fromName: names.get(h.fromUserId) ?? '',
    toUserId: h.toUserId,
    toName: names.get(h.toUserId) ?? '',
    at: h.at,
    openIncidents: h.openIncidents,
    keysOut: h.keysOut,
    equipmentOut: h.equipmentOut,
    pending: h.pending,
    acknowledgedAt: h.acknowledgedAt,
    version: h.version,
    canAcknowledge: can(handoverPolicy, actor, 'acknowledge', { projectId: h.projectId, toUserId: h.toUserId, acknowledged: !!h.acknowledgedAt }),
  };
}

const rec = (h: Row) => ({ projectId: h.projectId, toUserId: h.toUserId, acknowledged: !!h.acknowledgedAt });

/** The incidents still open in the project: listed on every handover so the next shift knows what runs. */
async function openIncidents(ex: Executor, projectId: string) {
  const rows = await ex
    .select({ id: helpRequests.id, number: helpRequests.number, name: helpRequests.playbookName })
    .from(helpRequests)
    .where(and(eq(helpRequests.projectId, projectId), ne(helpRequests.status, 'closed'), isNotNull(helpRequests.playbookCode)))
    .orderBy(helpRequests.incidentStartedAt)
    .limit(50);
  return rows.map((r) => ({ id: r.id, number: r.number, name: r.name ?? '' }));
}

/** The outgoing person hands the post over to the incoming one (same post), who is notified. */
export async function createHandover(ctx: AppContext, ra: RequestActor, input: HandoverCreate) {
  authorize(handoverPolicy, ra.actor, 'create', { projectId: input.projectId, toUserId: input.toUserId, acknowledged: false });
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const fields = [];
    if (!ra.actor.roles.has(input.role)) fields.push({ path: 'body.role', message: '只能交接自己的岗位' });
    if (input.toUserId === ra.actor.userId) fields.push({ path: 'body.toUserId', message: '请选择接班人' });
    else if (!(await usersWithRoles(tx, input.projectId, [input.role])).includes(input.toUserId)) fields.push({ path: 'body.toUserId', message: '接班人不在本项目的这个岗位上' });
    if (fields.length) throw badRequest(fields);
    const [row] = await tx
      .insert(helpHandovers)
      .values({ projectId: input.projectId, role: input.role, fromUserId: ra.actor.userId, toUserId: input.toUserId, at: now, openIncidents: await openIncidents(tx, input.projectId), keysOut: input.keysOut || null, equipmentOut: input.equipmentOut || null, pending: input.pending || null })
      .returning();
    await notify(tx, [{ userId: input.toUserId, projectId: input.projectId, type: 'help.handover', title: `交接班：${ra.actor.displayName} 交给您`, body: [row.openIncidents.length ? `进行中事件 ${row.openIncidents.length} 件` : '', row.pending ?? ''].filter(Boolean).join('；') || '请确认接班', link: '/duty' }], now);
    await appendAudit(tx, { actor: ra.actor, action: 'handover.create', entity: 'handover', entityId: row.id, projectId: input.projectId, ip: ra.ip, detail: { role: input.role, to: input.toUserId } }, now);
    return present(ra.actor, row, await namesOf(tx, [row.fromUserId, row.toUserId]));
  });
}

/** Handovers of the last two days that concern the actor (given or received), newest first. */
export async function listHandovers(ctx: AppContext, ra: RequestActor, projectId: string) {
  authorize(handoverPolicy, ra.actor, 'read', { projectId, toUserId: '', acknowledged: false });
  const db = ctx.store.db;
  const since = new Date(ctx.now().getTime() - 2 * 24 * 60 * 60_000);
  const rows = await db
    .select()
    .from(helpHandovers)
    .where(and(eq(helpHandovers.projectId, projectId), sql`${helpHandovers.at} >= ${since}`, or(eq(helpHandovers.toUserId, ra.actor.userId), eq(helpHandovers.fromUserId, ra.actor.userId))))
    .orderBy(desc(helpHandovers.at))
    .limit(20);
  const names = await namesOf(db, rows.flatMap((r) => [r.fromUserId, r.toUserId]));
  return { items: rows.map((r) => present(ra.actor, r, names)) };
}

/** The incoming person acknowledges (once); the outgoing one is told. */
export async function acknowledgeHandover(ctx: AppContext, ra: RequestActor, id: string, version: number) {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const [h] = await tx.select().from(helpHandovers).where(eq(helpHandovers.id, id));
    if (!h) throw notFound();
    authorize(handoverPolicy, ra.actor, 'acknowledge', rec(h));
    const [row] = await tx
      .update(helpHandovers)
      .set({ acknowledgedAt: now, version: sql`${helpHandovers.version} + 1` })
      .where(and(eq(helpHandovers.id, id), eq(helpHandovers.version, version)))
      .returning();
    if (!row) throw conflict({ current: { version: h.version } });
    await notify(tx, [{ userId: h.fromUserId, projectId: h.projectId, type: 'help.handover_ack', title: `${ra.actor.displayName} 已确认接班`, link: '/duty' }], now);
    await appendAudit(tx, { actor: ra.actor, action: 'handover.acknowledge', entity: 'handover', entityId: id, projectId: h.projectId, ip: ra.ip }, now);
    return present(ra.actor, row, await namesOf(tx, [row.fromUserId, row.toUserId]));
  });
}
