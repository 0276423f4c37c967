import { eq } from 'drizzle-orm';
import { complaints } from '../../domain/complaints/complaints.table';
import type { CallFinishing } from '../calls/calls.hooks';
import type { Tx } from '../db/store';
import { badRequest } from '../core/errors';

/**
 * CALL-8: a call or visit recorded as a complaint goes to the complaint procedure. Wired to `callFinishing` in
 * app.ts (ADR 0011): such a call record is dispatched or marked done only when its complaint record (TS number) exists; the
 * desk turns it into one from the record (转投诉处理), and the complaint is then handled, visited and closed as
 * COMP says.
 */
export async function complaintBeforeCallFinishes(tx: Tx, p: CallFinishing): Promise<void> {
  if (p.class !== 'complaint') return;
  const [linked] = await tx.select({ id: complaints.id }).from(complaints).where(eq(complaints.callId, p.callId)).limit(1);
  if (!linked) throw badRequest([{ path: 'id', message: '这是一条投诉：请先转投诉处理（登记投诉单），再派工或办结' }], 'COMPLAINT_NOT_RECORDED');
}
