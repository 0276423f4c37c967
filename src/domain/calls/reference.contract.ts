import { z } from 'zod';
import { createSelectSchema } from 'drizzle-zod';
import { serviceCategories } from './calls.table';

/** What the intake screen needs (src/server/calls/reference.routes.ts): categories, vendors, doers. */

export const projectQuery = z.object({ projectId: z.uuid() });

export const serviceCategoryView = createSelectSchema(serviceCategories).pick({
  id: true,
  code: true,
  label: true,
  kind: true,
  warrantyCategory: true,
  vendorCategory: true,
  scopeNote: true,
}).extend({
  keywords: z.array(z.string()).meta({ description: '检索用的常用词、同义词与拼音首字母' }),
});
export type ServiceCategoryView = z.infer<typeof serviceCategoryView>;
export const serviceCategoryList = z.object({ items: z.array(serviceCategoryView) });

/** A vendor's number leaves the server masked only, like every phone number. */
export const vendorView = z.object({
  id: z.uuid(),
  category: z.string(),
  name: z.string(),
  contactName: z.string().nullable(),
  contactPhoneMasked: z.string().nullable().meta({ description: '已遮蔽的联系电话' }),
  promisedMinutes: z.number().int().meta({ description: '承诺上门时间(分钟)' }),
});
export type VendorView = z.infer<typeof vendorView>;
export const vendorList = z.object({ items: z.array(vendorView) });

export const assigneeView = z.object({ id: z.uuid(), displayName: z.string() });
export type AssigneeView = z.infer<typeof assigneeView>;
export const assigneeList = z.object({ items: z.array(assigneeView) });
export type AssigneeList = z.infer<typeof assigneeList>;
