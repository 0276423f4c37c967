import { and, eq, sql } from 'drizzle-orm';
import { callRecords } from '../../domain/calls/calls.table';
import { isCallDone, nextCallStatus, type CallEvent } from '../../domain/calls/calls.status';
import type { Executor } from '../db/store';
import { AppError, conflict } from '../core/errors';
import type { CallRow } from './calls.repository';
import { addCallEvent } from './calls.repository';
import { cancelTimers } from '../deadlines/timers';

/**
 * The only writer of a call record's status. The UPDATE re-checks the status it moves from (and the
 * version when the client sent one), so two desks cannot both move one record.
 */
export async function moveCall(
  tx: Executor,
  call: CallRow,
  event: CallEvent,
  opts: { at: Date; actorId: string | null; version?: number; set?: Partial<typeof callRecords.$inferInsert>; detail?: Record<string, unknown> },
): Promise<CallRow> {
  const next = nextCallStatus(call.status, event);
  if (!next) throw new AppError(409, 'INVALID_STATE', undefined, `当前状态（${call.status}）不能执行此操作`, { current: { status: call.status, version: call.version } });
  const conds = [eq(callRecords.id, call.id), eq(callRecords.status, call.status)];
  if (opts.version !== undefined) conds.push(eq(callRecords.version, opts.version));
  const [row] = await tx
    .update(callRecords)
    .set({ ...opts.set, status: next, version: sql`${callRecords.version} + 1` })
    .where(and(...conds))
    .returning();
  if (!row) throw conflict({ current: { status: call.status, version: call.version } });
  await addCallEvent(tx, call, opts.at, opts.actorId, event, opts.detail);
  // A record whose work is done no longer needs its deadline timers.
  if (isCallDone(next)) await cancelTimers(tx, 'call', call.id);
  return row;
}

/** Writes the processing status back onto the record (CALL-2) without a state change. */
export async function writeProgress(tx: Executor, callId: string, progress: string): Promise<void> {
  await tx.update(callRecords).set({ progress, version: sql`${callRecords.version} + 1` }).where(eq(callRecords.id, callId));
}
