import type { Tx } from '../db/store';
import type { HelpRouted } from '../help/help.hooks';
import { complaintFromHelp as record } from './complaints.service';

/**
 * HELP-1: a help request for a complaint (c) becomes a complaint record (COMP-1) in the same transaction, wired
 * to `helpComplaintRouted` in app.ts (ADR 0011). Customer service's judges are told as for any complaint; the
 * complaint keeps the help request's id and number, the help request the complaint's.
 */
export async function complaintFromHelp(tx: Tx, p: HelpRouted): Promise<void> {
  const row = await record(tx, p);
  p.linked = { kind: 'complaint', id: row.id, number: row.number };
}
