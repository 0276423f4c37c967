import { and, asc, eq } from 'drizzle-orm';
import { serviceCategories, vendors } from '../../domain/calls/calls.table';
import { warrantyTerms } from '../../domain/property/property.table';
import type { Executor } from '../db/store';

export interface ProjectReference {
  categories: Map<string, typeof serviceCategories.$inferSelect>;
  warrantyMonths: Record<string, number>;
  /** The first active vendor of each category. */
  vendorByCategory: Map<string, typeof vendors.$inferSelect>;
}

const TTL_MS = 60_000;
type Entry = { at: number; value: Promise<ProjectReference> };
/** Per store (tests open many), per project. */
const stores = new WeakMap<object, Map<string, Entry>>();

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

/**
 * A project's categories, warranty terms and vendors (deadline policies: server/deadlines/sla-policies), which every intake reads and which
 * change rarely: kept for a minute per process (per store), so recording a call costs fewer round trips.
 */
export function projectReference(ex: Executor, projectId: string, storeKey: object): Promise<ProjectReference> {
  let perStore = stores.get(storeKey);
  if (!perStore) stores.set(storeKey, (perStore = new Map()));
  const hit = perStore.get(projectId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = load(ex, projectId);
  perStore.set(projectId, { at: Date.now(), value });
  value.catch(() => perStore.delete(projectId));
  return value;
}

/** Drop a project's cached reference data (after its categories or vendors change). */
export function invalidateProjectReference(storeKey: object, projectId: string): void {
  stores.get(storeKey)?.delete(projectId);
}
