import { z } from 'zod';
import { CALL_CLASSES, CALL_STATUSES, type CallClass } from './calls.table';
import { callListFields, rangeInOrder, RANGE_MESSAGE } from './calls.contract';
import { callListItem } from './call-record.contract';
import { instant } from '../shared/wire.contract';

// The ledger, statistics and GT summary (src/server/calls/ledger.service.ts): queries and answers.

const count = z.number().int().nonnegative();

/** Subtotals by class (CALL-10); `capped`: a free-text search's subtotals stopped at the first 1000 matches. */
export const classCounts = z.object({
  ...(Object.fromEntries(CALL_CLASSES.map((c) => [c, count])) as Record<CallClass, typeof count>),
  total: count,
  capped: z.boolean().optional(),
});

/** GET /api/calls: one page of records with the subtotals of the whole filter. */
export const callPage = z.object({ items: z.array(callListItem), total: count, subtotals: classCounts });

export const ledgerQuery = callListFields
  .extend({
    rowsPerPage: z.coerce.number<number>().int().min(5).max(100).default(20),
    fromPage: z.coerce.number<number>().int().min(1).default(1),
    toPage: z.coerce.number<number>().int().min(1).optional(),
  })
  .refine(rangeInOrder, RANGE_MESSAGE)
  .refine((q) => q.toPage === undefined || q.fromPage <= q.toPage, { message: '结束页不能小于起始页', path: ['toPage'] });

/** 《来电来访记录》 as printed pages, each with its 本页小计; `total` covers the whole range. */
export const ledger = z.object({
  rowsPerPage: z.number().int(),
  pageCount: z.number().int(),
  total: classCounts,
  pages: z.array(z.object({ page: z.number().int(), rows: z.array(callListItem), subtotal: classCounts })),
});

export const GROUP_BY = ['day', 'week', 'month'] as const;
export const statsQuery = callListFields.extend({ groupBy: z.enum(GROUP_BY).default('day') }).refine(rangeInOrder, RANGE_MESSAGE);

const cls = z.enum(CALL_CLASSES);
export const callStats = z.object({
  byPeriod: z.array(z.object({ period: z.string(), cls, n: count })),
  byDistrict: z.array(z.object({ districtId: z.uuid().nullable(), district: z.string().nullable(), cls, n: count })),
  byStatus: z.array(z.object({ status: z.enum(CALL_STATUSES), n: count })),
  totals: classCounts,
});

export const gtSummaryQuery = z.object({ projectId: z.uuid(), from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }).refine(rangeInOrder, RANGE_MESSAGE);

/** What households raised together (CALL-7): GT items by category and building. */
export const gtSummary = z.object({
  from: instant,
  to: instant,
  groups: z.array(z.object({ category: z.string(), building: z.string(), count, open: count, numbers: z.array(z.string()) })),
});

/** GET /api/calls/ledger.xlsx answers a workbook, not JSON. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type ClassCounts = z.input<typeof classCounts>;
export type CallPage = z.input<typeof callPage>;
export type LedgerQuery = z.input<typeof ledgerQuery>;
export type Ledger = z.input<typeof ledger>;
export type LedgerPage = Ledger['pages'][number];
export type GroupBy = (typeof GROUP_BY)[number];
export type StatsQuery = z.input<typeof statsQuery>;
export type CallStats = z.input<typeof callStats>;
export type GtSummary = z.input<typeof gtSummary>;
export type GtGroup = GtSummary['groups'][number];
