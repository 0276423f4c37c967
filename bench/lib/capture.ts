/**
 * Captures the SQL the app really sends (text and parameters) by wrapping query() on the store's raw
 * client instance — the PGlite instance or the pg Pool drizzle holds — while `fn` runs. Statements inside
 * transactions on pg go through pooled clients and are not seen; the list and ledger use none.
 */
import type { Store } from '../../src/server/db/store';

export interface Captured {
  text: string;
  params: unknown[];
}

type QueryFn = (...args: unknown[]) => unknown;

export async function captureSql<T>(store: Store, fn: () => Promise<T>): Promise<{ result: T; statements: Captured[] }> {
  const client = (store.db as unknown as { $client: { query: QueryFn } }).$client;
  const own = Object.prototype.hasOwnProperty.call(client, 'query');
  const original = client.query;
  const statements: Captured[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string') statements.push({ text: first, params: Array.isArray(second) ? second : [] });
    else if (first && typeof first === 'object' && 'text' in first) {
      // drizzle's node-postgres session sends (config, params); pg also accepts config.values.
      const q = first as { text: string; values?: unknown[] };
      statements.push({ text: q.text, params: Array.isArray(second) ? second : (q.values ?? []) });
    }
    return original.apply(this, args);
  };
  try {
    return { result: await fn(), statements };
  } finally {
    if (own) client.query = original;
    else delete (client as { query?: QueryFn }).query;
  }
}
