import { z } from 'zod';

/**
 * What every API answer has in common: the one error body (src/server/plugins/errors.ts), the bare
 * acknowledgement, a project reference, and an abilities object derived from a policy's grants.
 */

export const fieldError = z.object({ path: z.string(), message: z.string() });

/** `{ error: { code, message, fields? } }`; some errors add details beside them (a conflict's `current`, an import's `rows`). */
export const apiError = z
  .object({
    error: z.looseObject({
      code: z.string().meta({ description: '机器可读的错误码，如 VALIDATION_FAILED、NOT_FOUND、VERSION_CONFLICT' }),
      message: z.string().meta({ description: '给用户看的中文说明' }),
      fields: z.array(fieldError).optional().meta({ description: '逐字段的校验错误' }),
    }),
  })
  .meta({ id: 'ApiError', description: '统一错误响应' });
export type ApiError = z.infer<typeof apiError>;

export const okResult = z.object({ ok: z.literal(true) });
export type OkResult = z.infer<typeof okResult>;

export const projectRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
export type ProjectRef = z.infer<typeof projectRef>;

/** The actor's abilities on one record, one boolean per grant of the policy (sent so the UI offers only what is allowed). */
export function abilitiesOf<A extends string>(policy: { grants: Record<A, unknown> }) {
  const shape = Object.fromEntries(Object.keys(policy.grants).map((k) => [k, z.boolean()])) as Record<A, z.ZodBoolean>;
  return z.object(shape);
}

export const healthResult = z.object({
  status: z.enum(['ok', 'unhealthy']),
  store: z.enum(['embedded', 'postgres']),
  version: z.string(),
});
export type HealthResult = z.infer<typeof healthResult>;

/** Liveness: the process answers; it touches no database (readiness is /api/health). */
export const liveResult = z.object({ status: z.literal('ok') });
export type LiveResult = z.infer<typeof liveResult>;
