import type { AppContext } from '../core/context';
import type { Tx } from '../db/store';
import type { HelpRouted } from '../help/help.hooks';
import { insertCallIn } from './intake.service';

/**
 * HELP-1: a help request for a repair (b) becomes a 来电来访记录 in the same transaction, wired to
 * `helpRepairRouted` in app.ts (ADR 0011). The intake classifies it, sets its clock and dispatches it as for any
 * call; the call keeps the help request's id and number, the help request the call's.
 */
export function callFromHelp(ctx: AppContext) {
  return async (tx: Tx, p: HelpRouted): Promise<void> => {
    const r = p.request;
    const { call } = await insertCallIn(
      tx,
      ctx,
      { actor: p.actor, ip: p.ip },
      { projectId: r.projectId, channel: 'phone', householdId: r.householdId, unitId: r.unitId, callerName: r.requesterName, callerPhone: r.phone, content: r.need, urgency: 'normal', explicitComplaint: false, needsCoordination: false },
      { helpRequestId: r.id, helpNumber: r.number },
    );
    p.linked = { kind: 'call', id: call.id, number: call.number };
  };
}
