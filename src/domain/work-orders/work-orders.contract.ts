import { z } from 'zod';
import { queryBoolean } from '../shared/text';
import { createSelectSchema } from 'drizzle-zod';
import { workOrders, WORK_ORDER_STATUSES } from './work-orders.table';
import { workOrderPolicy } from './work-orders.policy';
import { URGENCIES } from '../calls/calls.table';
import { abilitiesSchema, instant, timelineEvent } from '../shared/wire.contract';
import { slaReadingSchema } from '../deadlines/deadlines.contract';

// 报修单 requests and answers (src/server/work-orders/work-orders.routes.ts). One base shape, `workOrder`;
// every other answer that carries a work order picks from or extends it. This feature may import calls'
// contracts; calls never imports this folder (see call-views.contract.ts for answers that join both).

const woRow = createSelectSchema(workOrders, {
  dueAt: instant.nullable(),
  acceptedAt: instant.nullable(),
  onSiteAt: instant.nullable(),
  doneAt: instant.nullable(),
  verifiedAt: instant.nullable(),
  createdAt: instant,
});

export const workOrderAbilities = abilitiesSchema(workOrderPolicy);

/** The base: a work order's own fields (no photo ids, no verifier id). Steps and 催办 answer it. */
export const workOrder = woRow.pick({
  id: true,
  projectId: true,
  number: true,
  callId: true,
  kind: true,
  status: true,
  assigneeId: true,
  vendorId: true,
  dueAt: true,
  result: true,
  materials: true,
  chaseCount: true,
  acceptedAt: true,
  onSiteAt: true,
  doneAt: true,
  verifiedAt: true,
  createdAt: true,
  version: true,
});

const names = { assigneeName: z.string().nullable(), vendorName: z.string().nullable() };

/** A work order as GET /api/work-orders lists it: the household's name and phone masked for doers (ARC-12). */
export const workOrderItem = workOrder.extend({
  ...names,
  callNumber: z.string(),
  content: z.string(),
  urgency: z.enum(URGENCIES),
  unitCode: z.string().nullable(),
  callerName: z.string(),
  callerPhone: z.string().nullable(),
  sla: slaReadingSchema,
});

/** GET /api/work-orders/:id: the item with the actor's abilities, the photos' URLs and the timeline. */
/** ARC-11: what the front desk reported after calling on the doer's behalf. */
export const CALL_OUTCOMES = ['reached', 'no_answer', 'unreachable'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
/** A doer's request that the front desk call the household, and the desk's outcome (never the number). */
export const callRequestView = z.object({
  requestedAt: instant,
  requestedByName: z.string().nullable(),
  note: z.string(),
  doneAt: instant.nullable(),
  doneByName: z.string().nullable(),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  outcomeNote: z.string().nullable(),
});
export type CallRequestView = z.input<typeof callRequestView>;

export const workOrderDetail = workOrderItem.extend({
  abilities: workOrderAbilities,
  photos: z.array(z.string()),
  classReason: z.string().nullable(),
  events: z.array(timelineEvent),
  callRequests: z.array(callRequestView),
});

/** A work order inside a call's detail. */
export const workOrderBrief = workOrder.pick({ id: true, number: true, kind: true, status: true, assigneeId: true, dueAt: true, result: true, materials: true, chaseCount: true, version: true }).extend({ ...names, sla: slaReadingSchema });

/** A work order on the district board, with what this user may do to it. */
export const boardWorkOrder = workOrderBrief.pick({ id: true, number: true, kind: true, status: true, chaseCount: true, version: true, assigneeName: true, vendorName: true }).extend({ abilities: workOrderAbilities });

export const workOrderList = z.object({ items: z.array(workOrderItem) });

export const callRequestResult = z.object({ requested: z.boolean(), notified: z.number().int() });

const version = z.number().int().positive();
const photo = z.string().max(2_000_000).regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/, '照片格式不正确');
/** The body of each step (POST /api/work-orders/:id/<step>). */
export const stepBodies = {
  accept: z.object({ version }).strict(),
  arrive: z.object({ version }).strict(),
  complete: z.object({ version, result: z.string().trim().min(2, '请填写维修结果').max(1000), materials: z.string().trim().max(500).optional(), photos: z.array(photo).max(6).optional() }).strict(),
  verify: z.object({ version }).strict(),
  reject: z.object({ version, reason: z.string().trim().min(2, '请说明原因').max(500) }).strict(),
  reassign: z.object({ version, assigneeId: z.uuid({ error: '请选择维修人员' }) }).strict(),
  cancel: z.object({ version, reason: z.string().trim().min(2, '请说明原因').max(500) }).strict(),
} as const;
export const callRequestInput = z.object({ note: z.string().trim().min(2, '请说明需要联系业户的事由').max(300) }).strict();
/** A run of 7 or more digits (spaces, dashes and full-width digits included) reads as a phone or ID number. */
const looksLikeNumber = (s: string) => /\d{7,}/.test(s.normalize('NFKC').replace(/[\s\-－—()（）+]/g, ''));
/** ARC-11: the desk records that it called, and how it went; the note goes to the doer, so no number in it. */
export const callOutcomeInput = z
  .object({
    outcome: z.enum(CALL_OUTCOMES, { error: '请选择通话结果' }),
    note: z
      .string()
      .trim()
      .max(300, '最多 300 字')
      .refine((s) => !looksLikeNumber(s), '备注会转给维修人员，请不要写电话或证件号码')
      .optional(),
  })
  .strict();
export const workOrderChaseInput = z.object({ note: z.string().trim().max(500).optional() }).strict();
export const workOrderListQuery = z.object({ projectId: z.uuid().optional(), mine: queryBoolean.optional(), status: z.enum(WORK_ORDER_STATUSES).optional(), open: queryBoolean.optional(), kind: z.enum(['normal', 'Z', 'Q']).optional() });

/** The engineering team of a project (its technicians and leads) with how many open work orders each holds: who is free. */
export const teamMember = z.object({ id: z.uuid(), displayName: z.string(), open: z.number().int(), lead: z.boolean() });
export const teamList = z.object({ items: z.array(teamMember) });
export const teamQuery = z.object({ projectId: z.uuid({ error: '请选择项目' }) });
export type TeamMember = z.input<typeof teamMember>;
export type TeamList = z.input<typeof teamList>;

export type WorkOrder = z.input<typeof workOrder>;
export type WorkOrderItem = z.input<typeof workOrderItem>;
export type WorkOrderList = z.input<typeof workOrderList>;
export type CallRequestResult = z.input<typeof callRequestResult>;
export type WorkOrderDetail = z.input<typeof workOrderDetail>;
export type WorkOrderBrief = z.input<typeof workOrderBrief>;
export type BoardWorkOrder = z.input<typeof boardWorkOrder>;
export type WorkOrderAbilities = z.input<typeof workOrderAbilities>;
export type WorkOrderStep = keyof typeof stepBodies;
/** Any step's body: the version, and the fields of the steps that take them. */
export type StepBody = { version: number } & Partial<z.input<typeof stepBodies.complete> & z.input<typeof stepBodies.reject> & z.input<typeof stepBodies.reassign>>;
