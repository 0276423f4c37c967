import type { AppContext } from '../core/context';
import type { Tx } from '../db/store';
import type { VisitRecorded } from '../visits/visits.hooks';
import { findComplaint } from './complaints.repository';
import { closeComplaint, complaintFromVisit, reopenComplaint } from './complaints.service';

/**
 * How complaints follow return visits (COMP-6, VISIT-4), wired to `visitRecorded` in app.ts (ADR 0011):
 * a complaint's visit closes it when the household is satisfied and reopens it one level higher when not;
 * an unsatisfied visit of a repair or a help request becomes a new complaint (VISIT-4).
 */
export function complaintOnVisit(ctx: AppContext) {
  return async (tx: Tx, p: VisitRecorded): Promise<void> => {
    const v = p.visit;
    const unsatisfied = v.rating === 'unsatisfied';
    if (v.subjectKind === 'complaint') {
      const c = await findComplaint(tx, v.subjectId);
      if (!c || c.status !== 'informed') return;
      if (unsatisfied) await reopenComplaint(tx, ctx, c, v.comments, p.actorId, p.at);
      else await closeComplaint(tx, c, p.actorId, p.at);
      return;
    }
    if (unsatisfied) await complaintFromVisit(tx, { ...v, comments: v.comments }, p.actorId, p.at);
  };
}
