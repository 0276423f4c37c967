import type { z } from 'zod';
import { abilities, type Actor } from '../../domain/shared/policy';
import { maskPhone } from '../../domain/shared/mask';
import type { SlaPolicy } from '../../domain/deadlines/sla';
import { helpPolicy, helpStepPolicy } from '../../domain/help/help.policy';
import type { helpEvent, helpRequest, helpStep, myStep } from '../../domain/help/help.contract';
import { readingOf } from '../deadlines/sla-policies';
import type { HelpEventRow, HelpRow, HelpStepRow } from './help.repository';

type Names = Map<string, string>;

/** A request as it leaves the server, field by field; both phones masked (ARC-12). */
export function presentHelp(actor: Actor, r: HelpRow, now: Date, policies: readonly SlaPolicy[], names: Names, unitCodes: Names): z.infer<typeof helpRequest> {
  return {
    id: r.id,
    projectId: r.projectId,
    number: r.number,
    category: r.category,
    receivedAt: r.receivedAt,
    recordedByName: names.get(r.recordedBy) ?? null,
    requesterName: r.requesterName,
    unitId: r.unitId,
    unitCode: r.unitId ? (unitCodes.get(r.unitId) ?? null) : null,
    householdId: r.householdId,
    phone: maskPhone(r.phone),
    need: r.need,
    status: r.status,
    firstResponseAt: r.firstResponseAt,
    routedTo: r.routedTo,
    routedId: r.routedId,
    routedRef: r.routedRef,
    playbookCode: r.playbookCode,
    playbookName: r.playbookName,
    branch: r.branch,
    patientAddress: r.patientAddress,
    patientPhone: maskPhone(r.patientPhone),
    incidentStartedAt: r.incidentStartedAt,
    outcome: r.outcome,
    result: r.result,
    referredTo: r.referredTo,
    closedAt: r.closedAt,
    version: r.version,
    // The five-minute clock runs until the first response (HELP-2).
    sla: readingOf(policies, 'help_request', { dueAt: r.dueAt, class: r.category, level: null }, now, r.status !== 'open'),
    abilities: abilities(helpPolicy, actor, { projectId: r.projectId, status: r.status, playbookCode: r.playbookCode }),
  };
}

export function presentStep(actor: Actor, s: HelpStepRow, req: Pick<HelpRow, 'status'>, now: Date, names: Names): z.infer<typeof helpStep> {
  return {
    id: s.id,
    helpRequestId: s.helpRequestId,
    seq: s.seq,
    parallelGroup: s.parallelGroup,
    role: s.role,
    title: s.title,
    instruction: s.instruction,
    limitMinutes: s.limitMinutes,
    dueAt: s.dueAt,
    overdue: s.status !== 'done' && !!s.dueAt && now >= s.dueAt,
    status: s.status,
    acknowledgedAt: s.acknowledgedAt,
    acknowledgedByName: s.acknowledgedBy ? (names.get(s.acknowledgedBy) ?? null) : null,
    doneAt: s.doneAt,
    doneByName: s.doneBy ? (names.get(s.doneBy) ?? null) : null,
    note: s.note,
    version: s.version,
    abilities: abilities(helpStepPolicy, actor, { projectId: s.projectId, role: s.role, status: s.status, requestStatus: req.status }),
  };
}

export function presentMyStep(actor: Actor, s: HelpStepRow, req: HelpRow, now: Date, names: Names, unitCodes: Names): z.infer<typeof myStep> {
  return {
    ...presentStep(actor, s, req, now, names),
    requestNumber: req.number,
    category: req.category,
    playbookName: req.playbookName,
    branch: req.branch,
    patientAddress: req.patientAddress,
    unitCode: req.unitId ? (unitCodes.get(req.unitId) ?? null) : null,
    need: req.need,
    incidentStartedAt: req.incidentStartedAt,
  };
}

export function presentEvent(e: HelpEventRow, req: Pick<HelpRow, 'receivedAt'>, names: Names, stepTitles: Names): z.infer<typeof helpEvent> {
  return {
    at: e.at,
    type: e.type,
    actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
    device: e.device,
    minute: Math.floor((e.at.getTime() - req.receivedAt.getTime()) / 60_000),
    stepTitle: e.stepId ? (stepTitles.get(e.stepId) ?? null) : null,
    detail: e.detail ?? null,
  };
}
