import type { z } from 'zod';
import type { boardWorkOrder, CallOutcome, callRequestView, workOrder, workOrderBrief, workOrderDetail, workOrderItem } from '../../domain/work-orders/work-orders.contract';
import type { timelineEvent } from '../../domain/shared/wire.contract';
import type { workOrders } from '../../domain/work-orders/work-orders.table';
import { workOrderPolicy, type WorkOrderRec } from '../../domain/work-orders/work-orders.policy';
import { abilities, hasAny, type Actor } from '../../domain/shared/policy';
import { maskName, maskPhone } from '../../domain/shared/mask';
import { CS_ROLES } from '../../domain/shared/roles';
import { attachmentUrl } from '../attachments/attachments';
import type { SlaReading } from '../../domain/deadlines/sla';

// Presenters of the work-order shape family: each builds exactly its contract's shape, field by field.

type WorkOrderRow = typeof workOrders.$inferSelect;
type Names = { assigneeName: string | null; vendorName: string | null };

/** The base shape: steps and 催办 answer it; photo ids and the verifier's id stay inside. */
export function presentWorkOrder(w: WorkOrderRow): z.infer<typeof workOrder> {
  return {
    id: w.id,
    projectId: w.projectId,
    number: w.number,
    callId: w.callId,
    kind: w.kind,
    status: w.status,
    assigneeId: w.assigneeId,
    vendorId: w.vendorId,
    dueAt: w.dueAt,
    result: w.result,
    materials: w.materials,
    chaseCount: w.chaseCount,
    acceptedAt: w.acceptedAt,
    onSiteAt: w.onSiteAt,
    doneAt: w.doneAt,
    verifiedAt: w.verifiedAt,
    createdAt: w.createdAt,
    version: w.version,
  };
}

/** A row of `listWorkOrders`: the work order with its call's number, content and household. */
export interface WorkOrderListRow extends Names {
  wo: WorkOrderRow;
  callNumber: string;
  content: string;
  callerName: string;
  callerPhone: string | null;
  urgency: z.infer<typeof workOrderItem>['urgency'];
  unitCode: string | null;
}

/** What a doer sees of the household: masked (ARC-12); the front desk calls on their behalf (ARC-11). */
export function presentWorkOrderItem(actor: Actor, row: WorkOrderListRow, sla: SlaReading): z.infer<typeof workOrderItem> {
  const cs = hasAny(actor, CS_ROLES);
  return {
    ...presentWorkOrder(row.wo),
    callNumber: row.callNumber,
    content: row.content,
    urgency: row.urgency,
    unitCode: row.unitCode,
    callerName: cs ? row.callerName : (maskName(row.callerName) ?? ''),
    callerPhone: maskPhone(row.callerPhone),
    assigneeName: row.assigneeName,
    vendorName: row.vendorName,
    sla,
  };
}

export function presentWorkOrderDetail(actor: Actor, row: WorkOrderListRow, rec: WorkOrderRec, sla: SlaReading, classReason: string | null, events: z.infer<typeof timelineEvent>[]): z.infer<typeof workOrderDetail> {
  return {
    ...presentWorkOrderItem(actor, row, sla),
    abilities: abilities(workOrderPolicy, actor, rec),
    photos: (row.wo.photoIds ?? []).map(attachmentUrl),
    classReason,
    events: events.map((e) => ({ at: e.at, type: e.type, detail: e.detail, actorName: e.actorName })),
    callRequests: callRequestsOf(events),
  };
}

/**
 * ARC-11: each request to the front desk with the desk's answer, never a number. Requests carry their ordinal
 * (`seq`) and answers the ordinal they answer, so pairing does not depend on timestamps (equal within a second).
 */
export function callRequestsOf(events: z.infer<typeof timelineEvent>[]): z.infer<typeof callRequestView>[] {
  const requests = events.filter((e) => e.type === 'call_request');
  const seqOf = (e: (typeof requests)[number], i: number) => (typeof e.detail?.seq === 'number' ? e.detail.seq : i + 1);
  const ordered = requests.map((e, i) => ({ e, seq: seqOf(e, i) })).sort((a, b) => a.seq - b.seq);
  const answers = new Map<number, z.infer<typeof timelineEvent>>();
  for (const e of events) if (e.type === 'call_done' && typeof e.detail?.answers === 'number') answers.set(e.detail.answers, e);
  return ordered.map(({ e, seq }) => {
    const done = answers.get(seq);
    return {
      requestedAt: e.at,
      requestedByName: e.actorName,
      note: String(e.detail?.note ?? ''),
      doneAt: done?.at ?? null,
      doneByName: done?.actorName ?? null,
      outcome: (done?.detail?.outcome as CallOutcome | undefined) ?? null,
      outcomeNote: typeof done?.detail?.note === 'string' ? done.detail.note : null,
    };
  });
}

/** A work order inside a call's detail. */
export function presentWorkOrderBrief(w: WorkOrderRow, n: Names, sla: SlaReading): z.infer<typeof workOrderBrief> {
  return { id: w.id, number: w.number, kind: w.kind, status: w.status, assigneeId: w.assigneeId, dueAt: w.dueAt, result: w.result, materials: w.materials, chaseCount: w.chaseCount, version: w.version, assigneeName: n.assigneeName, vendorName: n.vendorName, sla };
}

type BoardRow = Omit<z.infer<typeof boardWorkOrder>, 'abilities'>;
/** A work order on the district board, with this user's abilities on it. */
export function presentBoardWorkOrder(actor: Actor, w: BoardRow, projectId: string): z.infer<typeof boardWorkOrder> {
  return {
    id: w.id,
    number: w.number,
    kind: w.kind,
    status: w.status,
    chaseCount: w.chaseCount,
    version: w.version,
    assigneeName: w.assigneeName,
    vendorName: w.vendorName,
    abilities: abilities(workOrderPolicy, actor, { projectId, kind: w.kind, status: w.status, assigneeId: null, vendorMemberIds: [] }),
  };
}
