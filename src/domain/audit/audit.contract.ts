import { z } from 'zod';

export const auditQuery = z.object({
  action: z.string().trim().max(64).optional(),
  actor: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true, error: '时间格式无效' }).optional(),
  to: z.iso.datetime({ offset: true, error: '时间格式无效' }).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.input<typeof auditQuery>;

/** One line of the trail (the hash chain itself stays on the server). */
export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string().meta({ description: '时间(数据库时间戳)' }),
  actorName: z.string().nullable(),
  actorDisplayName: z.string().nullable().meta({ description: '操作人姓名(用户表中的显示名)' }),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  projectId: z.uuid().nullable(),
  subject: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** Newest first; `nextBefore` pages backwards. */
export const auditPage = z.object({ items: z.array(auditEntry), nextBefore: z.number().int().nullable() });
export type AuditPage = z.infer<typeof auditPage>;
