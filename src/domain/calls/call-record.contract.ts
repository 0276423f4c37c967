import { z } from 'zod';
import { createSelectSchema } from 'drizzle-zod';
import { callRecords, callReplies, CALL_CLASSES } from './calls.table';
import { callPolicy } from './calls.policy';
import { abilitiesSchema, instant } from '../shared/wire.contract';
import { slaReadingSchema } from '../deadlines/deadlines.contract';

// Response schemas of the call record (src/server/calls/calls.routes.ts). Fastify serializes with them, so a
// field not listed here never leaves the server; the web imports their types (`import type`). Exported types
// are `z.input`: the JSON as a client receives it (instants as ISO strings). Presenters return `z.infer`.

const callRow = createSelectSchema(callRecords, {
  receivedAt: instant,
  resolvedAt: instant.nullable(),
  lastReplyAt: instant.nullable(),
  closedAt: instant.nullable(),
  dueAt: instant.nullable(),
  createdAt: instant,
});
const replyRow = createSelectSchema(callReplies, { at: instant });

export const callAbilities = abilitiesSchema(callPolicy);


/** A record as POST /api/calls and the actions answer it: the caller's phone masked (ARC-12). */
export const callRecord = callRow
  .pick({
    id: true,
    projectId: true,
    number: true,
    receivedAt: true,
    channel: true,
    householdId: true,
    unitId: true,
    districtId: true,
    callerName: true,
    callerPhone: true,
    content: true,
    categoryId: true,
    urgency: true,
    class: true,
    proposedClass: true,
    classReason: true,
    overrideReason: true,
    status: true,
    progress: true,
    resolvedAt: true,
    lastReplyAt: true,
    closedAt: true,
    closeNumber: true,
    dueAt: true,
    version: true,
  })
  .extend({ sla: slaReadingSchema, abilities: callAbilities });

/** A record as the list, the ledger and the GT queue show it (one row of 《来电来访记录》). */
export const callListItem = callRow
  .pick({ id: true, number: true, receivedAt: true, channel: true, callerName: true, content: true, class: true, status: true, progress: true, closeNumber: true, dueAt: true, urgency: true, districtId: true, version: true })
  .extend({
    unitCode: z.string().nullable(),
    recordedByName: z.string(),
    sla: slaReadingSchema,
    /** A work order of the record is finished and waits for the desk's verification (待验收); the record list says so. */
    awaitingVerification: z.boolean().optional(),
  });

/** A reply to the household (CALL-9). */
export const callReply = replyRow.pick({ id: true, at: true, channel: true, content: true, final: true }).extend({ byName: z.string().nullable() });

/** The household's other recent records, beside a record or the intake form. */
export const recentCall = callRow.pick({ id: true, number: true, receivedAt: true, content: true, class: true, status: true });

/** The proposed class and why (CALL-2, 5, 6, 7, 8). */
export const classification = z.object({
  class: z.enum(CALL_CLASSES),
  reason: z.string(),
  /** For Z: the last day of the warranty (YYYY-MM-DD). */
  warrantyEnds: z.string().optional(),
  vendor: z.object({ id: z.uuid(), name: z.string(), promisedMinutes: z.number().int() }).nullable(),
  scopeNote: z.string().nullable(),
});

export const callChaseResult = z.object({ chased: z.array(z.object({ id: z.uuid(), number: z.string(), chaseCount: z.number().int() })) });

export type CallRecord = z.input<typeof callRecord>;
export type CallListItem = z.input<typeof callListItem>;
export type CallReply = z.input<typeof callReply>;
export type RecentCall = z.input<typeof recentCall>;
export type Classification = z.input<typeof classification>;
export type CallChaseResult = z.input<typeof callChaseResult>;
export type CallAbilities = z.input<typeof callAbilities>;
export type SlaReading = z.input<typeof slaReadingSchema>;
export type SlaState = SlaReading['state'];
export type Channel = CallRecord['channel'];
export type ReplyChannel = CallReply['channel'];
