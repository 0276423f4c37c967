import type { Actor } from '../../domain/shared/policy';
import { abilities } from '../../domain/shared/policy';
import { callPolicy } from '../../domain/calls/calls.policy';
import { maskPhone } from '../../domain/shared/mask';
import type { SlaPolicy } from '../../domain/deadlines/sla';
import { readingOf } from '../deadlines/sla-policies';
import { isCallDone } from '../../domain/calls/calls.status';
import type { CallRow } from './calls.repository';
import { attachmentUrl } from '../attachments/attachments';

/**
 * ARC-12: the caller's phone leaves masked; the signature image only in the detail view.
 * `policies`: the project's deadline policies, for the record's SLA reading.
 */
export function presentCall(actor: Actor, c: CallRow, now: Date, policies: readonly SlaPolicy[], opts: { withSignature?: boolean } = {}) {
  return {
    id: c.id,
    projectId: c.projectId,
    number: c.number,
    receivedAt: c.receivedAt,
    channel: c.channel,
    householdId: c.householdId,
    unitId: c.unitId,
    districtId: c.districtId,
    callerName: c.callerName,
    callerPhone: maskPhone(c.callerPhone),
    content: c.content,
    categoryId: c.categoryId,
    urgency: c.urgency,
    class: c.class,
    proposedClass: c.proposedClass,
    classReason: c.classReason,
    overrideReason: c.overrideReason,
    status: c.status,
    progress: c.progress,
    resolvedAt: c.resolvedAt,
    lastReplyAt: c.lastReplyAt,
    closedAt: c.closedAt,
    closeNumber: c.closeNumber,
    /** The signature image's URL (an attachment served by /api/attachments/:id). */
    signature: opts.withSignature && c.signatureId ? attachmentUrl(c.signatureId) : undefined,
    dueAt: c.dueAt,
    sla: readingOf(policies, 'call', { dueAt: c.dueAt, class: c.class, level: c.urgency }, now, isCallDone(c.status)),
    version: c.version,
    abilities: abilities(callPolicy, actor, c),
  };
}
