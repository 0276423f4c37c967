import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPage, auditQuery, type AuditPage } from '../../domain/audit/audit.contract';
import { and, desc, eq, gte, inArray, isNull, like, lt, or, type SQL } from 'drizzle-orm';
import { auditLog } from '../../domain/audit/audit.table';
import { auditPolicy } from '../../domain/audit/audit.policy';
import type { AppContext } from '../context';
import { actorOf, policyAccess } from '../plugins/access';
import { escapeLike } from '../db/like';


export async function auditRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/audit', { config: { access: policyAccess(auditPolicy, 'read') }, schema: { tags: ['audit'], summary: '审计日志(只读)', querystring: auditQuery, response: { 200: auditPage } } }, async (req): Promise<AuditPage> => {
    const actor = actorOf(req);
    const q = req.query;
    const conds: SQL[] = [];
    // visibleTo: the same rule as auditPolicy.read, as a query.
    if (!actor.roles.has('admin')) {
      const pids = [...actor.projectIds];
      conds.push(pids.length ? inArray(auditLog.projectId, pids) : isNull(auditLog.seq));
    }
    if (q.action) conds.push(like(auditLog.action, `${escapeLike(q.action)}%`));
    if (q.actor) conds.push(or(eq(auditLog.actorName, q.actor), eq(auditLog.subject, q.actor))!);
    if (q.entityId) conds.push(eq(auditLog.entityId, q.entityId));
    if (q.from) conds.push(gte(auditLog.at, q.from));
    if (q.to) conds.push(lt(auditLog.at, q.to));
    if (q.before) conds.push(lt(auditLog.seq, q.before));
    const rows = await ctx.store.db
      .select({ seq: auditLog.seq, at: auditLog.at, actorName: auditLog.actorName, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, projectId: auditLog.projectId, subject: auditLog.subject, detail: auditLog.detail, ip: auditLog.ip })
      .from(auditLog)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(desc(auditLog.seq))
      .limit(q.limit);
    const items = rows.map((e) => ({
      seq: e.seq,
      at: e.at,
      actorName: e.actorName,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      projectId: e.projectId,
      subject: e.subject,
      detail: e.detail,
      ip: e.ip,
    }));
    return { items, nextBefore: items.length === q.limit ? items[items.length - 1].seq : null };
  });
}
