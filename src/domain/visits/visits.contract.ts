import { z } from 'zod';
import { createSelectSchema } from 'drizzle-zod';
import { visits, VISIT_METHODS, VISIT_RATINGS, VISIT_STATUSES, VISIT_SUBJECTS } from './visits.table';
import { visitPolicy } from './visits.policy';
import { abilitiesSchema, instant } from '../shared/wire.contract';

// 回访 requests and answers (src/server/visits/visits.routes.ts).

const row = createSelectSchema(visits, {
  drawnAt: instant,
  dueAt: instant,
  doneAt: instant.nullable(),
  subjectKind: z.enum(VISIT_SUBJECTS),
  status: z.enum(VISIT_STATUSES),
  rating: z.enum(VISIT_RATINGS).nullable(),
  method: z.enum(VISIT_METHODS).nullable(),
});

/** A visit on the work list; the household's phone masked. */
export const visit = row
  .pick({ id: true, projectId: true, subjectKind: true, subjectId: true, subjectNumber: true, summary: true, householdId: true, contactName: true, contactPhone: true, status: true, drawnAt: true, dueAt: true, rating: true, comments: true, method: true, doneAt: true, version: true })
  .extend({ visitorName: z.string().nullable(), overdue: z.boolean(), signatureUrl: z.string().nullable(), abilities: abilitiesSchema(visitPolicy) });
export const visitList = z.object({ items: z.array(visit) });

const signature = z.string().max(500_000, '签名过大').regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, '签名格式不正确');

/** POST /api/visits/:id/record (VISIT-3). In person, the household signs. */
export const visitRecordInput = z
  .object({
    version: z.number().int().positive(),
    rating: z.enum(VISIT_RATINGS, { error: '请选择业户评价' }),
    comments: z.string().trim().max(1000, '最多 1000 字').optional(),
    method: z.enum(VISIT_METHODS, { error: '请选择回访方式' }),
    signature: signature.optional(),
  })
  .strict();

export const visitListQuery = z.object({ projectId: z.uuid().optional(), status: z.enum(VISIT_STATUSES).optional(), subjectKind: z.enum(VISIT_SUBJECTS).optional() });

/** VISIT-5: a period's figures per kind of followed-up record. */
export const visitStatsQuery = z.object({
  projectId: z.uuid({ error: '请选择项目' }),
  from: z.iso.date({ error: '开始日期格式应为 YYYY-MM-DD' }),
  to: z.iso.date({ error: '结束日期格式应为 YYYY-MM-DD' }),
});
const kindFigures = z.object({
  subjectKind: z.enum(VISIT_SUBJECTS),
  /** Handled records of the period that had to be visited (complaints: all; repairs: the drawn ones). */
  due: z.number().int(),
  done: z.number().int(),
  satisfied: z.number().int(),
  visitRate: z.number().nullable(),
  /** The target rate: 100 % for complaints; the repair share drawn (VISIT-2's minimum). */
  target: z.number(),
  satisfactionRate: z.number().nullable(),
});
export const visitStats = z.object({ from: z.string(), to: z.string(), kinds: z.array(kindFigures) });

export type Visit = z.input<typeof visit>;
export type VisitList = z.input<typeof visitList>;
export type VisitRecordInput = z.input<typeof visitRecordInput>;
export type VisitStats = z.input<typeof visitStats>;
