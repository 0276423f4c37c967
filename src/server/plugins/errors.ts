import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { t } from '../../domain/shared/messages.zh-CN';
import { AppError, type FieldError } from '../core/errors';

interface PgLikeError {
  code?: string;
  cause?: unknown;
}

/** node-postgres and PGlite both carry the SQLSTATE in `code`, sometimes on the cause drizzle wraps. */
export function sqlState(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as PgLikeError).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as PgLikeError).cause;
  }
  return undefined;
}

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001', '08003']);

function isConnectionError(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as PgLikeError).code;
    if (typeof code === 'string' && CONNECTION_ERRORS.has(code)) return true;
    const msg = (e as Error).message ?? '';
    if (/Connection terminated|connect ECONNREFUSED|Client has encountered a connection error/.test(msg)) return true;
    e = (e as PgLikeError).cause;
  }
  return false;
}

/** One error shape for the whole API: { error: { code, message, fields? } }. Bad input is never a 500. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, fields: err.fields, ...err.extra } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: FieldError[] = err.validation.map((v) => ({
        path: [err.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? t('VALIDATION_FAILED'),
      }));
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: t('VALIDATION_FAILED'), fields } });
    }
    const state = sqlState(err);
    if (state === '23505') return reply.status(409).send({ error: { code: 'DUPLICATE', message: t('DUPLICATE') } });
    // A deadlock victim or a serialization failure: its transaction rolled back whole, nothing of it was kept.
    // A concurrent write lost, as a stale version does: 409, to be tried again.
    if (state === '40P01' || state === '40001') {
      request.log.warn({ err }, 'concurrent write rolled back');
      return reply.status(409).send({ error: { code: 'WRITE_CONFLICT', message: t('WRITE_CONFLICT') } });
    }
    if (state && /^(22|23)/.test(state)) {
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: t('VALIDATION_FAILED') } });
    }
    if (isConnectionError(err)) {
      request.log.error({ err }, 'store unavailable');
      return reply.status(503).send({ error: { code: 'STORE_UNAVAILABLE', message: t('STORE_UNAVAILABLE') } });
    }
    const status = err.statusCode ?? 500;
    if (status === 413) return reply.status(413).send({ error: { code: 'PAYLOAD_TOO_LARGE', message: t('PAYLOAD_TOO_LARGE') } });
    if (status === 415) return reply.status(415).send({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: t('UNSUPPORTED_MEDIA_TYPE') } });
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx (malformed JSON, empty body, …)
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: t('VALIDATION_FAILED') } });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: t('INTERNAL') } });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: t('NOT_FOUND') } });
  });
}
