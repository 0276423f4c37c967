/** Work registered by an open transaction, run in registration order just before its commit. */
const lastWork = new WeakMap<object, (() => Promise<void>)[]>();

/**
 * Registers work to run last in `tx`, just before it commits (ADR 0023): a writer whose lock is shared by a whole
 * estate (the audit chain) takes it after every other lock of the transaction — counters, rows — so two
 * transactions never hold one and wait for the other in opposite orders, and the shared lock is held for the last
 * statements only. Returns false when `tx` is not a transaction opened by the store (a plain database handle):
 * the caller then does its work at once.
 */
export function atCommit(tx: object, work: () => Promise<void>): boolean {
  const list = lastWork.get(tx);
  if (!list) return false;
  list.push(work);
  return true;
}

type TransactionFn = (fn: (tx: never) => Promise<unknown>, config?: unknown) => Promise<unknown>;

/** Makes `db.transaction` run the work registered with `atCommit` after its body and before its commit. */
export function runCommitWork(db: { transaction: unknown }): void {
  const inner = (db.transaction as TransactionFn).bind(db);
  (db as { transaction: TransactionFn }).transaction = (fn, config) =>
    inner(async (tx: never) => {
      const list: (() => Promise<void>)[] = [];
      lastWork.set(tx, list);
      try {
        const result = await fn(tx);
        for (let i = 0; i < list.length; i++) await list[i]();
        return result;
      } finally {
        lastWork.delete(tx);
      }
    }, config);
}
