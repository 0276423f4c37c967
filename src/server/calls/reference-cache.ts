import { and, asc, eq } from 'drizzle-orm';
import { serviceCategories, vendors } from '../../domain/calls/calls.table';
import { warrantyTerms } from '../../domain/property/property.table';
import type { Executor } from '../db/store';
import { projectCache } from '../db/project-cache';

export interface ProjectReference {
  categories: Map<string, typeof serviceCategories.$inferSelect>;
  warrantyMonths: Record<string, number>;
  /** The first active vendor of each category. */
  vendorByCategory: Map<string, typeof vendors.$inferSelect>;
}

async function load(ex: Executor, projectId: string): Promise<ProjectReference> {
  const [cats, terms, vs] = [
    await ex.select().from(serviceCategories).where(eq(serviceCategories.projectId, projectId)),
    await ex.select({ category: warrantyTerms.category, months: warrantyTerms.months }).from(warrantyTerms).where(eq(warrantyTerms.projectId, projectId)),
    await ex.select().from(vendors).where(and(eq(vendors.projectId, projectId), eq(vendors.active, true))).orderBy(asc(vendors.name)),
  ];
  const vendorByCategory = new Map<string, typeof vendors.$inferSelect>();
  for (const v of vs) if (!vendorByCategory.has(v.category)) vendorByCategory.set(v.category, v);
  return {
    categories: new Map(cats.map((c) => [c.id, c])),
    warrantyMonths: Object.fromEntries(terms.map((t) => [t.category, t.months])),
    vendorByCategory,
  };
}

const cache = projectCache(load);

/**
 * A project's categories, warranty terms and vendors (deadline policies: server/deadlines/sla-policies), which every
 * intake reads and which change rarely: kept for a minute per process (per store), so recording a call costs fewer
 * round trips.
 */
export function projectReference(ex: Executor, projectId: string, storeKey: object): Promise<ProjectReference> {
  return cache.get(ex, storeKey, projectId);
}

/** Drop a project's cached reference data (after its categories or vendors change). */
export function invalidateProjectReference(storeKey: object, projectId: string): void {
  cache.invalidate(storeKey, projectId);
}
