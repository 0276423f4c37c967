import { z } from 'zod';
import { instant } from '../shared/wire.contract';

export const SLA_STATES = ['none', 'ok', 'warning', 'overdue'] as const;

/**
 * A record's SLA reading as it leaves the server (see `slaReading` in sla.ts): the deadline, when it turns
 * amber, and its state at the server's clock. Instants are `Date` on the server and ISO strings on the wire.
 */
export const slaReadingSchema = z
  .object({
    dueAt: instant.nullable(),
    warnAt: instant.nullable(),
    state: z.enum(SLA_STATES),
  })
  .meta({ description: '时限读数：截止时间、预警时间与当前状态' });

/** The reading as the web receives it (JSON: instants as ISO strings). */
export type SlaReadingJson = z.input<typeof slaReadingSchema>;
