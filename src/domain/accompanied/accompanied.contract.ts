import { z } from 'zod';
import { ARCHIVE_DEPARTMENTS } from '../archives/departments';
import { plainText } from '../shared/text';

/**
 * 陪同查阅 (ARC-8..10). The lead fills in the room and the reason; the customer-service staff member beside him
 * types their own user name and password on the same screen.
 */
export const accompaniedStart = z
  .object({
    unitCode: plainText({ max: 30, required: '请输入房号' }),
    reason: plainText({ min: 2, max: 200, required: '请说明查阅原因' }),
    csUsername: z.string({ error: '请陪同的客服人员输入用户名' }).trim().min(1, '请陪同的客服人员输入用户名').max(64, '用户名过长'),
    csPassword: z.string({ error: '请陪同的客服人员输入密码' }).min(1, '请陪同的客服人员输入密码').max(200, '密码过长'),
  })
  .strict();
export type AccompaniedStart = z.infer<typeof accompaniedStart>;

export const accompaniedSession = z.object({
  id: z.uuid(),
  unitCode: z.string(),
  leadName: z.string(),
  csName: z.string(),
  reason: z.string(),
  startedAt: z.string(),
  expiresAt: z.string(),
  endedAt: z.string().nullable(),
  endedByName: z.string().nullable(),
  active: z.boolean(),
  /** The server's clock when this answer was made: the page counts down from it, not from the device's clock. */
  serverNow: z.string(),
});
export type AccompaniedSession = z.infer<typeof accompaniedSession>;
export const accompaniedSessionList = z.object({ items: z.array(accompaniedSession) });
export type AccompaniedSessionList = z.infer<typeof accompaniedSessionList>;

/** What the session shows: the household's file, masked, with nothing to act on (ARC-9). */
export const accompaniedFile = z.object({
  session: accompaniedSession,
  /** Both names and the time of this view, drawn across the page (ARC-9). */
  watermark: z.string(),
  readOnly: z.literal(true),
  household: z.object({
    unitCode: z.string(),
    projectName: z.string(),
    districtName: z.string().nullable(),
    buildingName: z.string().nullable(),
    floor: z.number().int(),
    areaM2: z.number().nullable(),
    handoverDate: z.string().nullable(),
    movedInAt: z.string().nullable(),
    persons: z.array(z.object({ relation: z.string(), name: z.string(), phone: z.string().nullable(), idNumber: z.string().nullable() })),
  }),
  archive: z.array(z.object({ department: z.enum(ARCHIVE_DEPARTMENTS), name: z.string(), received: z.boolean(), location: z.string().nullable() })),
});
export type AccompaniedFile = z.infer<typeof accompaniedFile>;

export const accompaniedReportQuery = z
  .object({ projectId: z.uuid({ error: '无效的项目' }).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) })
  .strict();
export const accompaniedReport = z.object({
  items: z.array(
    accompaniedSession.omit({ serverNow: true }).extend({
      projectId: z.uuid(),
      /** Every view inside the session: when, and by whose screen (both people are named on the row). */
      views: z.array(z.object({ at: z.string(), byName: z.string() })),
    }),
  ),
});
export type AccompaniedReport = z.infer<typeof accompaniedReport>;
