import type { CallClass } from '../../domain/calls/calls.table';
import { hookPoint } from '../core/hooks';

/**
 * The call record's hook points (ADR 0011): the calls feature runs them inside its transaction and `app.ts`
 * wires the reactions of other features to them.
 */

/**
 * A call record is about to be marked done (resolved, or answered and closed on the spot). A handler may refuse
 * by throwing; nothing is written then. CALL-8: a call recorded as a complaint is done only once it went to the
 * complaint procedure (the complaints feature checks that its complaint record exists).
 */
export interface CallFinishing {
  projectId: string;
  callId: string;
  class: CallClass;
}
export const callFinishing = hookPoint<CallFinishing>('call.finishing', { required: true });
