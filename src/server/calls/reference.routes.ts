import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import { callPolicy } from '../../domain/calls/calls.policy';
import { serviceCategories, vendors } from '../../domain/calls/calls.table';
import { users } from '../../domain/users/users.table';
import { requestActor, type AppContext } from '../context';
import { policyAccess } from '../plugins/access';
import { authorize } from '../authorize';
import { usersWithRoles } from '../notifications/notifier';
import { maskPhone } from '../../domain/shared/mask';
import { inArray } from 'drizzle-orm';

const projectQuery = z.object({ projectId: z.uuid() });
const tags = ['reference'];

/** What the intake screen needs: categories with their scope notes (CALL-12), vendors (CALL-11), doers. */
export async function referenceRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = policyAccess(callPolicy, 'read');

  r.get('/api/service-categories', { config: { access: read }, schema: { tags, summary: '报事类别(含责任范围说明)', querystring: projectQuery } }, async (req) => {
    authorize(callPolicy, requestActor(req).actor, 'read', { projectId: req.query.projectId });
    return { items: await ctx.store.db.select().from(serviceCategories).where(eq(serviceCategories.projectId, req.query.projectId)).orderBy(asc(serviceCategories.sort)) };
  });

  r.get('/api/vendors', { config: { access: read }, schema: { tags, summary: '外联单位(承诺上门时间)', querystring: projectQuery } }, async (req) => {
    authorize(callPolicy, requestActor(req).actor, 'read', { projectId: req.query.projectId });
    const rows = await ctx.store.db.select().from(vendors).where(and(eq(vendors.projectId, req.query.projectId), eq(vendors.active, true))).orderBy(asc(vendors.category));
    // Vendors' numbers are business contacts, not household data; the desk calls them (CALL-11).
    return { items: rows.map((v) => ({ ...v, contactPhoneMasked: maskPhone(v.contactPhone) })) };
  });

  r.get('/api/assignees', { config: { access: read }, schema: { tags, summary: '可派单人员', querystring: projectQuery.extend({ kind: z.enum(['normal', 'Z']).default('normal') }) } }, async (req) => {
    authorize(callPolicy, requestActor(req).actor, 'read', { projectId: req.query.projectId });
    const ids = await usersWithRoles(ctx.store.db, req.query.projectId, req.query.kind === 'Z' ? ['warranty_engineer'] : ['technician', 'eng_lead']);
    const items = ids.length ? await ctx.store.db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, ids)).orderBy(asc(users.displayName)) : [];
    return { items };
  });
}
