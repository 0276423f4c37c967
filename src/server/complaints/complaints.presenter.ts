import type { z } from 'zod';
import type { complaint, complaintDetail } from '../../domain/complaints/complaints.contract';
import type { timelineEvent } from '../../domain/shared/wire.contract';
import { complaintPolicy } from '../../domain/complaints/complaints.policy';
import { abilities, type Actor } from '../../domain/shared/policy';
import { maskPhone } from '../../domain/shared/mask';
import { localDay } from '../../domain/shared/business-time';
import type { SlaReading } from '../../domain/deadlines/sla';
import { recOf, type ComplaintRow } from './complaints.repository';

/** The base shape, field by field; the complainant's phone masked (reveal is the call's audited path). */
export function presentComplaint(c: ComplaintRow, sla: SlaReading): z.infer<typeof complaint> {
  return {
    id: c.id,
    projectId: c.projectId,
    number: c.number,
    callId: c.callId,
    workOrderId: c.workOrderId,
    householdId: c.householdId,
    complainantName: c.complainantName,
    complainantPhone: maskPhone(c.complainantPhone),
    occurredAt: c.occurredAt,
    place: c.place,
    department: c.department,
    aboutPerson: c.aboutPerson,
    content: c.content,
    wants: c.wants,
    wantedBy: c.wantedBy,
    cause: c.cause,
    status: c.status,
    valid: c.valid,
    invalidReason: c.invalidReason,
    level: c.level,
    dueAt: c.dueAt,
    judgedAt: c.judgedAt,
    signedAt: c.signedAt,
    action: c.action,
    returnedAt: c.returnedAt,
    informedAt: c.informedAt,
    informNote: c.informNote,
    closedAt: c.closedAt,
    reopenCount: c.reopenCount,
    autoMajorAt: c.autoMajorAt,
    createdAt: c.createdAt,
    version: c.version,
    sla,
  };
}

export function presentComplaintDetail(actor: Actor, c: ComplaintRow, sla: SlaReading, unitCode: string | null, events: z.infer<typeof timelineEvent>[]): z.infer<typeof complaintDetail> {
  return {
    ...presentComplaint(c, sla),
    abilities: abilities(complaintPolicy, actor, recOf(c)),
    unitCode,
    informedSameDay: c.informedAt && c.returnedAt ? localDay(c.informedAt) === localDay(c.returnedAt) : null,
    events: events.map((e) => ({ at: e.at, type: e.type, detail: e.detail, actorName: e.actorName })),
  };
}
