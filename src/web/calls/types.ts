import type { CallClass, CallStatus, CategoryKind, Urgency } from '../../domain/calls/calls.table';
import type { WorkOrderKind, WorkOrderStatus } from '../../domain/work-orders/work-orders.table';
import type { REPLY_CHANNEL_LABELS } from '../../domain/calls/labels';
import type { AssigneeView, ServiceCategoryView, VendorView } from '../../domain/calls/reference.contract';

// Response shapes of src/server/calls/*.routes.ts (presenters' allow-lists). Type-only imports of the
// domain tables: erased at build time, so the browser bundle pulls in neither drizzle nor zod.

export type { CallClass, CallStatus, Urgency, WorkOrderKind, WorkOrderStatus };
export type Channel = 'phone' | 'visit';
export type ReplyChannel = keyof typeof REPLY_CHANNEL_LABELS;
export type SlaState = 'none' | 'ok' | 'warning' | 'overdue';

// GET /api/service-categories, /api/vendors, /api/assignees: src/domain/calls/reference.contract.ts.
export type ServiceCategory = ServiceCategoryView;
export type Vendor = VendorView;
export type Assignee = AssigneeView;

export interface ClassifyInput {
  projectId: string;
  householdId?: string | null;
  unitId?: string | null;
  categoryId?: string | null;
  explicitComplaint: boolean;
  needsCoordination: boolean;
}

export interface Classification {
  class: CallClass;
  reason: string;
  warrantyEnds?: string | null;
  vendor: { id: string; name: string; promisedMinutes: number } | null;
  scopeNote: string | null;
}

export interface CallAbilities {
  read: boolean;
  create: boolean;
  markZ: boolean;
  markQGT: boolean;
  markOther: boolean;
  dispatch: boolean;
  chase: boolean;
  reply: boolean;
  resolve: boolean;
  close: boolean;
  reopen: boolean;
  stats: boolean;
}

export interface CallCreateBody {
  projectId: string;
  channel: Channel;
  householdId?: string;
  unitId?: string;
  callerName: string;
  callerPhone?: string;
  content: string;
  categoryId?: string;
  urgency: Urgency;
  explicitComplaint: boolean;
  needsCoordination: boolean;
  class?: CallClass;
  overrideReason?: string;
  assigneeId?: string;
  idempotencyKey: string;
}

/** A record as POST /api/calls and the actions return it. */
export interface CallRecord {
  id: string;
  projectId: string;
  number: string;
  receivedAt: string;
  channel: Channel;
  householdId: string | null;
  unitId: string | null;
  /** Not in every answer yet; shown when present. */
  unitCode?: string | null;
  callerName: string;
  callerPhone: string | null;
  content: string;
  categoryId: string | null;
  urgency: Urgency;
  class: CallClass;
  proposedClass: CallClass;
  classReason: string;
  overrideReason: string | null;
  status: CallStatus;
  progress: string | null;
  resolvedAt: string | null;
  lastReplyAt: string | null;
  closedAt: string | null;
  closeNumber: string | null;
  dueAt: string | null;
  sla: SlaState;
  version: number;
  abilities: CallAbilities;
}

export interface CallWorkOrder {
  id: string;
  number: string;
  kind: WorkOrderKind;
  status: WorkOrderStatus;
  assigneeName: string | null;
  vendorName: string | null;
  dueAt: string | null;
  result: string | null;
  materials: string | null;
  chaseCount: number;
  version: number;
}

export interface CallReply {
  id: number | string;
  at: string;
  channel: ReplyChannel;
  content: string;
  final: boolean;
  byName: string | null;
}

export interface TimelineEvent {
  at: string;
  type: string;
  detail: Record<string, unknown> | null;
  actorName: string | null;
}

export interface RecentCall {
  id: string;
  number: string;
  receivedAt: string;
  content: string;
  class: CallClass;
  status: CallStatus;
}

export interface CallDetail extends CallRecord {
  signature: string | null;
  workOrders: CallWorkOrder[];
  replies: CallReply[];
  events: TimelineEvent[];
  recent: RecentCall[];
}

export interface CallListItem {
  id: string;
  number: string;
  receivedAt: string;
  channel: Channel;
  unitCode: string | null;
  callerName: string;
  content: string;
  class: CallClass;
  status: CallStatus;
  progress: string | null;
  recordedByName: string | null;
  closeNumber: string | null;
  dueAt: string | null;
  urgency: Urgency;
  version: number;
}

/** `capped`: a free-text search's subtotals stopped counting at the first 1000 matches. */
export type Subtotals = Record<CallClass | 'total', number> & { capped?: boolean };

export interface CallListQuery {
  projectId: string;
  status?: CallStatus;
  open?: boolean;
  class?: CallClass;
  householdId?: string;
  from?: string;
  to?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export interface CallPage {
  items: CallListItem[];
  total: number;
  subtotals: Subtotals;
}
