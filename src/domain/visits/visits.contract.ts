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

/** VISIT-2's share of one project (GET/PUT /api/visits/settings). */
export const visitSettingsQuery = z.object({ projectId: z.uuid({ error: '请选择项目' }) });
export const visitSettings = z.object({
  projectId: z.string(),
  /** Percent of finished repairs and help requests drawn (0–100). */
  sharePercent: z.number().int(),
  /** True while the project has no setting of its own (the installation default applies). */
  isDefault: z.boolean(),
  /** 0 while there is no row yet; send it back on save. */
  version: z.number().int(),
  updatedAt: instant.nullable(),
  updatedByName: z.string().nullable(),
  canEdit: z.boolean(),
});
export const visitSettingsInput = z
  .object({
    projectId: z.uuid({ error: '请选择项目' }),
    sharePercent: z
      .number({ error: '请填写抽样比例' })
      .int({ error: '抽样比例须为整数' })
      .min(0, { error: '抽样比例应在 0% 至 100% 之间' })
      .max(100, { error: '抽样比例应在 0% 至 100% 之间' }),
    version: z.number().int().min(0),
  })
  .strict();

/** VISIT-5 per month: due vs done, the visit rate against its target, the satisfaction rate. */
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export const visitMonthlyQuery = z.object({ projectId: z.uuid({ error: '请选择项目' }), from: month, to: month });
/** One month's figures of one kind: the period figures above, per month. */
const monthFigures = kindFigures.extend({ month: z.string() });
export const visitMonthly = z.object({ from: z.string(), to: z.string(), rows: z.array(monthFigures) });

export type VisitSettings = z.input<typeof visitSettings>;
export type VisitSettingsInput = z.input<typeof visitSettingsInput>;
export type VisitMonthly = z.input<typeof visitMonthly>;
