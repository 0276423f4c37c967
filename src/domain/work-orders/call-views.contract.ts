import { z } from 'zod';
import { callAbilities, callListItem, callRecord, callReply, recentCall } from '../calls/call-record.contract';
import { timelineEvent } from '../shared/wire.contract';
import { boardWorkOrder, workOrder, workOrderBrief } from './work-orders.contract';

// Answers of calls.routes.ts that carry work orders. They live on the work-orders side because this folder
// may import calls' contracts while domain/calls must not import domain/work-orders (no feature cycle).

/** GET /api/calls/:id: the record with its room, category, signature, work orders, replies and timeline. */
export const callDetail = callRecord.extend({
  unitCode: z.string().nullable(),
  categoryLabel: z.string().nullable(),
  scopeNote: z.string().nullable(),
  /** The signature image's URL (an attachment served by /api/attachments/:id), once closed. */
  signature: z.string().nullable(),
  workOrders: z.array(workOrderBrief),
  replies: z.array(callReply),
  events: z.array(timelineEvent),
  recent: z.array(recentCall),
});

/** POST /api/calls/:id/dispatch: the new 报修单 and the record it moved. */
export const dispatchResult = z.object({ workOrder, call: callRecord });

/** One open record on the district board (CALL-4). */
export const boardItem = callListItem.extend({ overdue: z.boolean(), workOrders: z.array(boardWorkOrder), abilities: callAbilities });

export const board = z.object({
  /** The districts shown: the account manager's own, or 'all' for supervisors. */
  districts: z.union([z.array(z.uuid()), z.literal('all')]),
  districtNames: z.record(z.string(), z.string()),
  items: z.array(boardItem),
});

export const boardQuery = z.object({ projectId: z.uuid(), districtId: z.uuid().optional() });

export type CallDetail = z.input<typeof callDetail>;
export type DispatchResult = z.input<typeof dispatchResult>;
export type BoardItem = z.input<typeof boardItem>;
export type Board = z.input<typeof board>;
