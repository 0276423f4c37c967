import { t, type MessageKey } from '../../domain/shared/messages.zh-CN';

export interface FieldError {
  path: string;
  message: string;
}

/** An error the client is meant to see: HTTP status, stable code, Chinese message, optional field errors. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageKey,
    readonly fields?: FieldError[],
    message?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message ?? t(code));
  }
}

export const badRequest = (fields: FieldError[], code: MessageKey = 'VALIDATION_FAILED', extra?: Record<string, unknown>) =>
  new AppError(400, code, fields, undefined, extra);
export const unauthenticated = (code: MessageKey = 'UNAUTHENTICATED') => new AppError(401, code);
export const forbidden = () => new AppError(403, 'FORBIDDEN');
export const notFound = () => new AppError(404, 'NOT_FOUND');
export const conflict = (extra?: Record<string, unknown>) => new AppError(409, 'VERSION_CONFLICT', undefined, undefined, extra);
export const tooMany = () => new AppError(429, 'RATE_LIMITED');
