import { z } from 'zod';

export const SLA_STATES = ['none', 'ok', 'warning', 'overdue'] as const;

/**
 * A record's SLA reading as it leaves the server (see `slaReading` in sla.ts): the deadline, when it turns
 * amber, and its state at the server's clock. Dates are `Date` on the server and ISO strings on the wire
 * (fastify-type-provider-zod documents z.date() as a date-time string).
 */
export const slaReadingSchema = z
  .object({
    dueAt: z.date().nullable(),
    warnAt: z.date().nullable(),
    state: z.enum(SLA_STATES),
  })
  .meta({ description: '时限读数：截止时间、预警时间与当前状态' });

/** The reading as the web receives it (JSON). */
export interface SlaReadingJson {
  dueAt: string | null;
  warnAt: string | null;
  state: (typeof SLA_STATES)[number];
}
