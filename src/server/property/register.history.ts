import { householdHistory } from '../../domain/property/register.table';
import { maskIdNumber, maskPhone } from '../../domain/shared/mask';
import type { Actor } from '../../domain/shared/policy';
import type { Executor } from '../db/store';

type Subject = (typeof householdHistory.$inferInsert)['subject'];
type Action = (typeof householdHistory.$inferInsert)['action'];

/** ARC-12: what the history keeps of a value. Phone and ID numbers are masked before they are stored. */
export function historyValue(field: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const s = String(value);
  if (field === 'phone') return maskPhone(s);
  if (field === 'idNumber') return maskIdNumber(s);
  return s;
}

export interface HistoryWrite {
  projectId: string;
  householdId: string;
  subject: Subject;
  subjectId: string;
  subjectLabel: string | null;
  action: Action;
}

/**
 * One history row per changed field (old → new), in the caller's transaction. Fields whose value did not
 * change are not written; a record created writes one row per filled field.
 */
export async function recordHistory(
  tx: Executor,
  actor: Actor,
  now: Date,
  w: HistoryWrite,
  changes: { field: string; from?: unknown; to?: unknown; action?: Action }[],
): Promise<void> {
  const rows = changes
    .map((c) => ({ field: c.field, action: c.action ?? w.action, oldValue: historyValue(c.field, c.from), newValue: historyValue(c.field, c.to) }))
    .filter((c) => c.oldValue !== c.newValue);
  if (rows.length === 0 && w.action !== 'create') return;
  const list = rows.length ? rows : [{ field: null, action: w.action, oldValue: null, newValue: null }];
  await tx.insert(householdHistory).values(
    list.map((r, i) => ({ ...w, action: r.action, at: now, actorId: actor.userId, actorName: actor.displayName, field: r.field, oldValue: r.oldValue, newValue: r.newValue, seq: i })),
  );
}

/** The changes between a row and a patch, for the fields the patch names. */
export function diff<T extends Record<string, unknown>>(before: T, patch: Partial<T>): { field: string; from: unknown; to: unknown }[] {
  return Object.keys(patch).map((k) => ({ field: k, from: before[k], to: patch[k] }));
}
