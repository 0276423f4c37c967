import { z } from 'zod';
import { createSelectSchema } from 'drizzle-zod';
import { complaints, COMPLAINT_LEVELS, COMPLAINT_STATUSES, DEPARTMENTS } from './complaints.table';
import { complaintPolicy } from './complaints.policy';
import { abilitiesSchema, instant, timelineEvent } from '../shared/wire.contract';
import { plainText, queryBoolean } from '../shared/text';
import { slaReadingSchema } from '../deadlines/deadlines.contract';

// 投诉 requests and answers (src/server/complaints/complaints.routes.ts).

const row = createSelectSchema(complaints, {
  occurredAt: instant,
  wantedBy: instant.nullable(),
  dueAt: instant.nullable(),
  judgedAt: instant.nullable(),
  signedAt: instant.nullable(),
  returnedAt: instant.nullable(),
  informedAt: instant.nullable(),
  closedAt: instant.nullable(),
  autoMajorAt: instant.nullable(),
  createdAt: instant,
  status: z.enum(COMPLAINT_STATUSES),
  department: z.enum(DEPARTMENTS),
  level: z.enum(COMPLAINT_LEVELS).nullable(),
});

export const complaintAbilities = abilitiesSchema(complaintPolicy);

/** The base shape: every step answers it. The complainant's phone is masked. */
export const complaint = row
  .pick({
    id: true,
    projectId: true,
    number: true,
    callId: true,
    workOrderId: true,
    householdId: true,
    complainantName: true,
    complainantPhone: true,
    occurredAt: true,
    place: true,
    department: true,
    aboutPerson: true,
    content: true,
    wants: true,
    wantedBy: true,
    cause: true,
    status: true,
    valid: true,
    invalidReason: true,
    level: true,
    dueAt: true,
    judgedAt: true,
    signedAt: true,
    action: true,
    returnedAt: true,
    informedAt: true,
    informNote: true,
    closedAt: true,
    reopenCount: true,
    autoMajorAt: true,
    createdAt: true,
    version: true,
  })
  .extend({ sla: slaReadingSchema });

export const complaintDetail = complaint.extend({
  abilities: complaintAbilities,
  unitCode: z.string().nullable(),
  /** COMP-4: the household was told the result on the day the department returned it. */
  informedSameDay: z.boolean().nullable(),
  events: z.array(timelineEvent),
});
export const complaintList = z.object({ items: z.array(complaint) });

const text = (max: number, required: string) => plainText({ max, required });
const version = z.number().int().positive();

/** POST /api/complaints: recorded at once (COMP-1); from a call recorded as a complaint when `callId` is given (CALL-8). */
export const complaintInput = z
  .object({
    projectId: z.uuid({ error: '请选择项目' }),
    callId: z.uuid({ error: '无效的来电记录' }).optional(),
    householdId: z.uuid({ error: '无效的住户' }).optional(),
    complainantName: text(50, '请填写投诉人').optional(),
    complainantPhone: z.string().trim().regex(/^[0-9+\-\s]{5,20}$/, '电话号码格式不正确').optional(),
    occurredAt: z.iso.datetime({ offset: true, error: '请填写发生时间' }).optional(),
    place: text(200, '请填写发生地点'),
    department: z.enum(DEPARTMENTS, { error: '请选择被投诉部门' }),
    aboutPerson: z.string().trim().max(50, '最多 50 字').optional(),
    content: text(1000, '请填写投诉内容').optional(),
    wants: text(500, '请填写业户的诉求'),
    wantedBy: z.iso.datetime({ offset: true, error: '期望完成时间格式不正确' }).optional(),
    cause: z.string().trim().max(50, '最多 50 字').optional(),
  })
  .strict();

export const complaintStepBodies = {
  judge: z
    .object({
      version,
      valid: z.boolean({ error: '请判定投诉是否有效' }),
      level: z.enum(COMPLAINT_LEVELS, { error: '请选择投诉级别' }).optional(),
      reason: z.string().trim().max(500, '最多 500 字').optional(),
      cause: z.string().trim().max(50, '最多 50 字').optional(),
    })
    .strict(),
  sign: z.object({ version }).strict(),
  return: z.object({ version, action: text(1000, '请填写处理情况') }).strict(),
  inform: z.object({ version, note: text(500, '请填写告知业户的内容') }).strict(),
} as const;

export const complaintListQuery = z.object({
  projectId: z.uuid().optional(),
  status: z.enum(COMPLAINT_STATUSES).optional(),
  open: queryBoolean.optional(),
});

/** COMP-7: one month's complaints counted by level, department, cause, and their time to close. */
export const complaintAnalysisQuery = z.object({ projectId: z.uuid({ error: '请选择项目' }), month: z.string().regex(/^\d{4}-\d{2}$/, '月份格式应为 YYYY-MM') });
const count = z.object({ key: z.string(), count: z.number().int() });
export const complaintAnalysis = z.object({
  month: z.string(),
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  byLevel: z.array(count),
  byDepartment: z.array(count),
  byCause: z.array(count),
  closed: z.number().int(),
  /** Average hours from recording to closing, of those closed; null when none. */
  avgHoursToClose: z.number().nullable(),
});

export type Complaint = z.input<typeof complaint>;
export type ComplaintDetail = z.input<typeof complaintDetail>;
export type ComplaintList = z.input<typeof complaintList>;
export type ComplaintInput = z.input<typeof complaintInput>;
export type ComplaintAnalysis = z.input<typeof complaintAnalysis>;
export type ComplaintStep = keyof typeof complaintStepBodies;
export type ComplaintStepBody = { version: number } & Partial<z.input<typeof complaintStepBodies.judge> & z.input<typeof complaintStepBodies.return> & z.input<typeof complaintStepBodies.inform>>;
