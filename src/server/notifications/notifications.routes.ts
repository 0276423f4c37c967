import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { notifications } from '../../domain/notifications/notifications.table';
import type { AppContext } from '../core/context';
import { actorOf } from '../plugins/access';
import { notFound } from '../core/errors';
import type { NotificationHub } from './hub';
import { notificationPage, notificationQuery, type NotificationPage } from '../../domain/notifications/notifications.contract';
import { okResult } from '../../domain/shared/api.contract';

export async function notificationRoutes(app: FastifyInstance, ctx: AppContext, hub: NotificationHub): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get('/api/notifications', { config: { access: 'signedIn' }, schema: { tags, summary: '我的通知(铃铛)', querystring: notificationQuery, response: { 200: notificationPage } } }, async (req): Promise<NotificationPage> => {
    const me = actorOf(req);
    const conds = [eq(notifications.userId, me.userId)];
    if (req.query.unread) conds.push(isNull(notifications.readAt));
    if (req.query.before) conds.push(lt(notifications.id, req.query.before));
    const rows = await ctx.store.db.select().from(notifications).where(and(...conds)).orderBy(desc(notifications.id)).limit(req.query.limit);
    const [u] = await ctx.store.db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.userId, me.userId), isNull(notifications.readAt)));
    const items = rows.map((n) => ({
      id: n.id,
      at: n.at.toISOString(),
      type: n.type,
      title: n.title,
      body: n.body,
      link: n.link,
      readAt: n.readAt ? n.readAt.toISOString() : null,
    }));
    return { items, unread: u.n };
  });

  r.post('/api/notifications/:id/read', { config: { access: 'signedIn' }, schema: { tags, summary: '标记已读', params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: okResult } } }, async (req) => {
    const me = actorOf(req);
    const res = await ctx.store.db.update(notifications).set({ readAt: ctx.now() }).where(and(eq(notifications.id, req.params.id), eq(notifications.userId, me.userId))).returning({ id: notifications.id });
    if (!res.length) throw notFound();
    return { ok: true as const };
  });

  r.post('/api/notifications/read-all', { config: { access: 'signedIn' }, schema: { tags, summary: '全部标记已读', response: { 200: okResult } } }, async (req) => {
    const me = actorOf(req);
    await ctx.store.db.update(notifications).set({ readAt: ctx.now() }).where(and(eq(notifications.userId, me.userId), isNull(notifications.readAt)));
    return { ok: true as const };
  });

  // Server-Sent Events: live notifications; a reconnecting browser resumes with Last-Event-ID.
  r.get('/api/events', { config: { access: 'signedIn' }, schema: { tags, summary: '实时通知流 (SSE)', hide: true } }, async (req, reply) => {
    const me = actorOf(req);
    const header = req.headers['last-event-id'];
    const last = typeof header === 'string' && /^\d+$/.test(header) ? Number(header) : null;
    reply.hijack();
    reply.raw.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
      'X-Content-Type-Options': 'nosniff',
    });
    reply.raw.write('retry: 2000\n\n');
    await hub.attach(me.userId, req.session!.tokenHash, reply.raw, last);
  });
}
