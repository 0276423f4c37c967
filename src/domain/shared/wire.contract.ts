import { z } from 'zod';

/**
 * An instant: a `Date` on the server, an ISO 8601 string on the wire. Response schemas use it so the
 * serializer encodes (Date → string) and a client parsing the JSON decodes; `z.input` of a response schema
 * is therefore what the browser receives, `z.output` (`z.infer`) what a presenter builds.
 */
export const instant = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (s) => new Date(s),
  encode: (d) => d.toISOString(),
});

/** The actor's abilities on one record (one boolean per action of the policy), as `abilities()` builds them. */
export function abilitiesSchema<A extends string>(policy: { grants: Record<A, unknown> }) {
  const shape = Object.fromEntries(Object.keys(policy.grants).map((a) => [a, z.boolean()])) as Record<A, z.ZodBoolean>;
  return z.object(shape);
}

/** One line of a record's timeline (call events, work-order events). */
export const timelineEvent = z.object({
  at: instant,
  type: z.string(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  actorName: z.string().nullable(),
});

export type TimelineEvent = z.input<typeof timelineEvent>;
