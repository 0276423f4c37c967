import { z } from 'zod';
import { CALL_CLASSES, CALL_STATUSES, CHANNELS, REPLY_CHANNELS, URGENCIES } from './calls.table';
import { phoneSchema } from '../property/property.contract';
import { plainText, queryBoolean, typed } from '../shared/text';

const uuid = z.uuid({ error: '无效的编号' });
const version = z.number().int().positive();

export const classifyInput = z
  .object({
    projectId: uuid,
    householdId: uuid.nullish(),
    unitId: uuid.nullish(),
    categoryId: uuid.nullish(),
    explicitComplaint: z.boolean().default(false),
    needsCoordination: z.boolean().default(false),
  })
  .strict();
export type ClassifyRequest = z.infer<typeof classifyInput>;

export const callCreate = classifyInput
  .extend({
    channel: z.enum(CHANNELS, { error: '请选择来电或来访' }),
    callerName: plainText({ max: 50, required: '请输入来电/来访人' }),
    callerPhone: phoneSchema.nullish(),
    content: z.string().trim().min(2, '请填写事由').max(2000, '事由最多 2000 字'),
    urgency: z.enum(URGENCIES).default('normal'),
    /** The desk's class when it differs from the proposal; then a reason is required. */
    class: z.enum(CALL_CLASSES).optional(),
    overrideReason: z.string().trim().max(500).optional(),
    /** For a normal repair: the technician to dispatch at once. */
    assigneeId: uuid.optional(),
    /** Retried submissions with the same key create one record. */
    idempotencyKey: z.string().trim().min(8).max(64).optional(),
  })
  .strict();
export type CallCreate = z.infer<typeof callCreate>;

export const reclassifyInput = z.object({ version, class: z.enum(CALL_CLASSES), reason: z.string().trim().min(2, '请说明调整原因').max(500) }).strict();
export const dispatchInput = z
  .object({ version, assigneeId: uuid.optional(), vendorId: uuid.optional(), note: z.string().trim().max(500).optional() })
  .strict();
export const replyInput = z
  .object({
    channel: z.enum(REPLY_CHANNELS, { error: '请选择回复方式' }),
    content: z.string().trim().min(2, '请填写回复内容').max(1000),
    /** This reply tells the household how the matter ended. */
    final: z.boolean().default(false),
  })
  .strict();
export const resolveInput = z.object({ version, note: z.string().trim().min(2, '请填写处理结果').max(1000) }).strict();
export const reopenInput = z.object({ version, reason: z.string().trim().min(2, '请说明重开原因').max(500) }).strict();
export const closeInput = z
  .object({
    version,
    /** The closer's signature drawn on screen, as a PNG data URL (≤ 200 KB). */
    signature: z
      .string()
      .max(280_000, '签名图片过大')
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, '请在签名板上签名'),
  })
  .strict();

/** 当场答复并销项: the household's question answered on the spot and closed in one signed step (CALL-3, CALL-9). */
export const answerCloseInput = closeInput.extend({
  channel: z.enum(REPLY_CHANNELS, { error: '请选择回复方式' }),
  content: z.string().trim().min(2, '请填写答复内容').max(1000),
}).strict();
export type AnswerCloseBody = z.input<typeof answerCloseInput>;
export const chaseInput = z.object({ note: z.string().trim().max(500).optional() }).strict();

/** The filters of the record list, unrefined so the ledger and statistics queries can extend them. */
export const callListFields = z.object({
  projectId: uuid,
  status: z.enum(CALL_STATUSES).optional(),
  open: queryBoolean.optional(),
  /** Still pending past its deadline (the desk's 已超时 figure). */
  overdue: queryBoolean.optional(),
  class: z.enum(CALL_CLASSES).optional(),
  districtId: uuid.optional(),
  householdId: uuid.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: typed(z.string().max(50)).optional(),
  page: z.coerce.number<number>().int().min(1).default(1),
  pageSize: z.coerce.number<number>().int().min(1).max(200).default(50),
});

/** A time range reads forward: `from` not after `to` (ISO instants compare by value, not text). */
export const rangeInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to);
export const RANGE_MESSAGE = { message: '结束时间不能早于开始时间', path: ['to'] };

export const callListQuery = callListFields.refine(rangeInOrder, RANGE_MESSAGE);
export type CallListQuery = z.infer<typeof callListQuery>;
/** What a client sends (the web's filters): defaults not yet applied. */
export type CallListFilter = z.input<typeof callListQuery>;
export type CallCreateBody = z.input<typeof callCreate>;
export type ClassifyBody = z.input<typeof classifyInput>;

export type ReclassifyBody = z.input<typeof reclassifyInput>;
export type DispatchBody = z.input<typeof dispatchInput>;
export type ReplyBody = z.input<typeof replyInput>;
export type CloseBody = z.input<typeof closeInput>;
