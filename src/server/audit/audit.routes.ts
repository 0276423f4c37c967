import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPage, auditQuery, type AuditPage } from '../../domain/audit/audit.contract';
import { and, desc, eq, gte, inArray, isNull, like, lt, or, type SQL } from 'drizzle-orm';
import { auditLog } from '../../domain/audit/audit.table';
import { auditPolicy } from '../../domain/audit/audit.policy';
import type { AppContext } from '../core/context';
import { actorOf, policyAccess } from '../plugins/access';
import { escapeLike } from '../db/like';
import { actionsNamed } from '../../domain/audit/audit-labels';
import { users } from '../../domain/users/users.table';


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
    // An action by its code's beginning (`person.`) or by words of its Chinese name (查看完整号码).
    if (q.action) {
      const named = actionsNamed(q.action);
      const byCode = like(auditLog.action, `${escapeLike(q.action)}%`);
      conds.push(named.length ? or(byCode, inArray(auditLog.action, named))! : byCode);
    }
    // A person by login name or by the name people know them by (王晓丽); a failed sign-in's typed name too.
    if (q.actor) {
      const named = ctx.store.db.select({ username: users.username }).from(users).where(eq(users.displayName, q.actor));
      conds.push(or(eq(auditLog.actorName, q.actor), eq(auditLog.subject, q.actor), inArray(auditLog.actorName, named))!);
    }
    if (q.entityId) conds.push(eq(auditLog.entityId, q.entityId));
    if (q.from) conds.push(gte(auditLog.at, q.from));
    if (q.to) conds.push(lt(auditLog.at, q.to));
    if (q.before) conds.push(lt(auditLog.seq, q.before));
    const rows = await ctx.store.db
      .select({ seq: auditLog.seq, at: auditLog.at, actorName: auditLog.actorName, actorDisplayName: users.displayName, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, projectId: auditLog.projectId, subject: auditLog.subject, detail: auditLog.detail, ip: auditLog.ip })
      .from(auditLog)
      .leftJoin(users, eq(users.username, auditLog.actorName))
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(desc(auditLog.seq))
      .limit(q.limit);
    const items = rows.map((e) => ({
      seq: e.seq,
      at: e.at,
      actorName: e.actorName,
      actorDisplayName: e.actorDisplayName ?? null,
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
