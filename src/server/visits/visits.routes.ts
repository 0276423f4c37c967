import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { z as zod } from 'zod';
import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { visits, VISIT_SUBJECTS } from '../../domain/visits/visits.table';
import { visitPolicy } from '../../domain/visits/visits.policy';
import { visit, visitList, visitListQuery, visitRecordInput, visitStats, visitStatsQuery } from '../../domain/visits/visits.contract';
import { visitRates } from '../../domain/visits/sampling';
import { users } from '../../domain/users/users.table';
import { abilities, type Actor } from '../../domain/shared/policy';
import { maskPhone } from '../../domain/shared/mask';
import { localDayStart } from '../../domain/shared/business-time';
import { BODY_LIMITS } from '../body-limits';
import { requestActor, type AppContext } from '../context';
import { actorOf, policyAccess } from '../plugins/access';
import { authorize } from '../authorize';
import { badRequest, notFound } from '../errors';
import { attachmentUrl, type AttachmentReader } from '../attachments/attachments';
import { findVisit, recordVisit, type VisitRow } from './visits.service';

const tags = ['visits'];
const idParam = zod.object({ id: zod.uuid({ error: '无效的编号' }) });

/** A visit as the work list shows it (field by field; the phone masked). */
export function presentVisit(actor: Actor, v: VisitRow, visitorName: string | null, now: Date): z.infer<typeof visit> {
  return {
    id: v.id,
    projectId: v.projectId,
    subjectKind: v.subjectKind,
    subjectId: v.subjectId,
    subjectNumber: v.subjectNumber,
    summary: v.summary,
    householdId: v.householdId,
    contactName: v.contactName,
    contactPhone: maskPhone(v.contactPhone),
    status: v.status,
    drawnAt: v.drawnAt,
    dueAt: v.dueAt,
    rating: v.rating,
    comments: v.comments,
    method: v.method,
    doneAt: v.doneAt,
    version: v.version,
    visitorName,
    overdue: v.status === 'due' && now >= v.dueAt,
    signatureUrl: v.signatureId ? attachmentUrl(v.signatureId) : null,
    abilities: abilities(visitPolicy, actor, { projectId: v.projectId, status: v.status, version: v.version }),
  };
}

/** A visit's signature is readable by whoever may read the visit. */
export const readVisitAttachment: AttachmentReader = async (ex, actor, ownerId) => {
  authorize(visitPolicy, actor, 'read', (await findVisit(ex, ownerId))?.rec);
};

export async function visitRoutes(app: FastifyInstance, ctx: AppContext, settings: { repairShare: number }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = policyAccess(visitPolicy, 'read');

  r.get('/api/visits', { config: { access: read }, schema: { tags, summary: '回访工作清单', querystring: visitListQuery, response: { 200: visitList } } }, async (req) => {
    const actor = actorOf(req);
    const projects = [...actor.projectIds].filter((p) => !req.query.projectId || p === req.query.projectId);
    if (projects.length === 0) return { items: [] };
    const conds = [inArray(visits.projectId, projects)];
    if (req.query.status) conds.push(eq(visits.status, req.query.status));
    if (req.query.subjectKind) conds.push(eq(visits.subjectKind, req.query.subjectKind));
    const rows = await ctx.store.db
      .select({ v: visits, visitorName: users.displayName })
      .from(visits)
      .leftJoin(users, eq(users.id, visits.visitorId))
      .where(and(...conds))
      .orderBy(sql`${visits.status} = 'done'`, visits.dueAt, desc(visits.drawnAt))
      .limit(300);
    const now = ctx.now();
    return { items: rows.map((x) => presentVisit(actor, x.v, x.visitorName, now)) };
  });

  r.get('/api/visits/stats', { config: { access: read }, schema: { tags, summary: '回访统计：应回访、已回访、回访率与满意率', querystring: visitStatsQuery, response: { 200: visitStats } } }, async (req) => {
    const actor = actorOf(req);
    const { projectId, from, to } = req.query;
    if (!actor.projectIds.has(projectId)) throw notFound(); // a project not the actor's does not exist for him (ADR 0004), as on every other route
    if (from > to) throw badRequest([{ path: 'querystring.to', message: '结束日期不能早于开始日期' }]);
    const start = localDayStart(from);
    const end = new Date(localDayStart(to).getTime() + 86_400_000);
    const rows = await ctx.store.db
      .select({
        kind: visits.subjectKind,
        due: sql<number>`count(*)::int`,
        done: sql<number>`count(*) filter (where ${visits.status} = 'done')::int`,
        satisfied: sql<number>`count(*) filter (where ${visits.rating} in ('satisfied', 'fairly_satisfied'))::int`,
      })
      .from(visits)
      .where(and(eq(visits.projectId, projectId), gte(visits.drawnAt, start), lt(visits.drawnAt, end)))
      .groupBy(visits.subjectKind);
    return {
      from,
      to,
      kinds: VISIT_SUBJECTS.map((k) => {
        const x = rows.find((row) => row.kind === k) ?? { due: 0, done: 0, satisfied: 0 };
        const due = Number(x.due);
        const done = Number(x.done);
        const satisfied = Number(x.satisfied);
        return { subjectKind: k, due, done, satisfied, ...visitRates(due, done, satisfied), target: k === 'complaint' ? 1 : settings.repairShare };
      }),
    };
  });

  r.post('/api/visits/:id/record', { config: { access: policyAccess(visitPolicy, 'record') }, bodyLimit: BODY_LIMITS.photos, schema: { tags, summary: '记录回访结果(评价、意见、方式、签名)', params: idParam, body: visitRecordInput, response: { 200: visit } } }, async (req) => {
    const ra = requestActor(req);
    const row = await recordVisit(ctx, ra, req.params.id, req.body);
    return presentVisit(ra.actor, row, ra.actor.displayName, ctx.now());
  });
}
