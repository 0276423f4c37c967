import { z } from 'zod';
import { queryBoolean } from '../shared/text';

export const notificationQuery = z.object({
  unread: queryBoolean.optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** A row of the bell list; the same row is the SSE event (its id is the event id). */
export const notificationView = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  type: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  readAt: z.iso.datetime().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationPage = z.object({ items: z.array(notificationView), unread: z.number().int() });
export type NotificationPage = z.infer<typeof notificationPage>;
