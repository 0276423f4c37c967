import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, eq } from 'drizzle-orm';
import { callPolicy } from '../../domain/calls/calls.policy';
import { serviceCategories, vendors } from '../../domain/calls/calls.table';
import { users } from '../../domain/users/users.table';
import { requestActor, type AppContext } from '../core/context';
import { policyAccess } from '../plugins/access';
import { authorize } from '../core/authorize';
import { usersWithRoles } from '../notifications/notifier';
import { maskPhone } from '../../domain/shared/mask';
import { inArray } from 'drizzle-orm';
import { assigneeList, projectQuery, serviceCategoryList, vendorList } from '../../domain/calls/reference.contract';

const tags = ['reference'];

/** What the intake screen needs: categories with their scope notes (CALL-12), vendors (CALL-11), doers. */
export async function referenceRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = policyAccess(callPolicy, 'read');

  r.get('/api/service-categories', { config: { access: read }, schema: { tags, summary: '报事类别(含责任范围说明)', querystring: projectQuery, response: { 200: serviceCategoryList } } }, async (req) => {
    authorize(callPolicy, requestActor(req).actor, 'read', { projectId: req.query.projectId });
    const rows = await ctx.store.db.select().from(serviceCategories).where(eq(serviceCategories.projectId, req.query.projectId)).orderBy(asc(serviceCategories.sort));
    return {
      items: rows.map((c) => ({ id: c.id, code: c.code, label: c.label, kind: c.kind, warrantyCategory: c.warrantyCategory, vendorCategory: c.vendorCategory, scopeNote: c.scopeNote, keywords: c.keywords })),
    };
  });

  r.get('/api/vendors', { config: { access: read }, schema: { tags, summary: '外联单位(承诺上门时间)', querystring: projectQuery, response: { 200: vendorList } } }, async (req) => {
    authorize(callPolicy, requestActor(req).actor, 'read', { projectId: req.query.projectId });
    const rows = await ctx.store.db.select().from(vendors).where(and(eq(vendors.projectId, req.query.projectId), eq(vendors.active, true))).orderBy(asc(vendors.category));
    // Like every phone number, a vendor's leaves the server masked (CALL-11: the desk sees whom to call).
    return {
      items: rows.map((v) => ({ id: v.id, category: v.category, name: v.name, contactName: v.contactName, contactPhoneMasked: maskPhone(v.contactPhone), promisedMinutes: v.promisedMinutes })),
    };
  });

  r.get('/api/assignees', { config: { access: read }, schema: { tags, summary: '可派单人员', querystring: projectQuery.extend({ kind: z.enum(['normal', 'Z']).default('normal') }), response: { 200: assigneeList } } }, async (req) => {
    authorize(callPolicy, requestActor(req).actor, 'read', { projectId: req.query.projectId });
    const ids = await usersWithRoles(ctx.store.db, req.query.projectId, req.query.kind === 'Z' ? ['warranty_engineer'] : ['technician', 'eng_lead']);
    const items = ids.length ? await ctx.store.db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, ids)).orderBy(asc(users.displayName)) : [];
    return { items };
  });
}
