import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandler } from './errors';

// What the API answers when the database refuses a write: stable codes and Chinese messages, never a 500 for a
// write that lost to another (its transaction rolled back whole).
describe('database refusals as API answers', () => {
  const app = Fastify({ logger: false });
  registerErrorHandler(app);
  const fail = (code: string) => {
    const err = Object.assign(new Error(`database said ${code}`), { code });
    // drizzle wraps the driver's error; the SQLSTATE is on its cause.
    return Object.assign(new Error('Failed query'), { cause: err });
  };
  app.get('/fail/:code', async (req) => {
    throw fail((req.params as { code: string }).code);
  });

  it.each([
    ['40P01', 409, 'WRITE_CONFLICT'],
    ['40001', 409, 'WRITE_CONFLICT'],
    ['23505', 409, 'DUPLICATE'],
    ['23502', 400, 'VALIDATION_FAILED'],
    ['57P01', 503, 'STORE_UNAVAILABLE'],
    ['XX000', 500, 'INTERNAL'],
  ])('SQLSTATE %s answers %i %s', async (code, status, answer) => {
    const res = await app.inject({ method: 'GET', url: `/fail/${code}` });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(answer);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('a lost concurrent write tells the desk to submit again, in Chinese', async () => {
    const res = await app.inject({ method: 'GET', url: '/fail/40P01' });
    expect(res.json().error.message).toBe('与他人同时保存发生冲突，本次未保存，请再提交一次');
  });
});
