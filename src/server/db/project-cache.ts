import type { Executor } from './store';

/**
 * Per-project data that every request reads and that changes rarely (categories, vendors, deadline policies):
 * kept for `ttlMs` per process, per store (tests open many stores in one process). A failed load is not kept.
 */
export function projectCache<T>(load: (ex: Executor, projectId: string) => Promise<T>, ttlMs = 60_000) {
  const stores = new WeakMap<object, Map<string, { at: number; value: Promise<T> }>>();
  return {
    get(ex: Executor, storeKey: object, projectId: string): Promise<T> {
      let perStore = stores.get(storeKey);
      if (!perStore) stores.set(storeKey, (perStore = new Map()));
      const hit = perStore.get(projectId);
      if (hit && Date.now() - hit.at < ttlMs) return hit.value;
      const value = load(ex, projectId);
      perStore.set(projectId, { at: Date.now(), value });
      value.catch(() => perStore.delete(projectId));
      return value;
    },
    /** Drop a project's cached data (after it changes). */
    invalidate(storeKey: object, projectId: string): void {
      stores.get(storeKey)?.delete(projectId);
    },
  };
}
