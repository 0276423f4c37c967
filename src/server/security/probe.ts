import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { rows, type Store } from '../db/store';
import type { JsonSchema, Method } from './route-table';

export interface Hit {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  /** The response was a live stream (SSE): only its headers were read. */
  streamed: boolean;
}

export interface HitOptions {
  method: Method | 'OPTIONS';
  url: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as is (set content-type yourself). */
  body?: unknown;
}

/**
 * One request through fastify.inject that also survives routes that never end (Server-Sent Events):
 * the answer resolves on its headers, and an event stream is cut right there.
 */
export async function hit(app: FastifyInstance, o: HitOptions): Promise<Hit> {
  const res = await app.inject({
    method: o.method,
    url: o.url,
    headers: o.headers,
    ...(o.body === undefined ? {} : { payload: o.body as string | object }),
    payloadAsStream: true,
  });
  const stream = res.stream();
  if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
    stream.destroy();
    return { statusCode: res.statusCode, headers: res.headers, body: '', streamed: true };
  }
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return { statusCode: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), streamed: false };
}

export function setCookies(h: Hit): string[] {
  const v = h.headers['set-cookie'];
  return v === undefined ? [] : Array.isArray(v) ? v : [String(v)];
}

/** A signed-in caller: session cookie and CSRF token, and the means to send them (or not). */
export class Session {
  constructor(
    private app: FastifyInstance,
    readonly username: string,
    readonly cookie: string,
    readonly csrf: string,
  ) {}

  static async login(app: FastifyInstance, username: string, password = 'demo1234'): Promise<Session> {
    const res = await hit(app, { method: 'POST', url: '/api/auth/login', body: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const jar = Object.fromEntries(setCookies(res).map((c) => c.split(';')[0].split('=') as [string, string]));
    return new Session(app, username, `wd_session=${jar.wd_session}`, jar.wd_csrf);
  }

  /** `csrf: false` leaves the token out; a string sends that token instead of the right one. */
  send(method: Method, url: string, body?: unknown, csrf: boolean | string = true, extraHeaders: Record<string, string> = {}): Promise<Hit> {
    const headers: Record<string, string> = { cookie: this.cookie, ...extraHeaders };
    if (csrf === true && method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = this.csrf;
    if (typeof csrf === 'string') headers['x-csrf-token'] = csrf;
    return hit(this.app, { method, url, headers, body: method === 'GET' || method === 'HEAD' ? undefined : (body ?? {}) });
  }

  get = (url: string) => this.send('GET', url);
}

/** The error shape every API error uses: { error: { code: 'UPPER_CASE', message } }. */
export function errorCode(h: Hit): string | undefined {
  try {
    const j = JSON.parse(h.body) as { error?: { code?: unknown } };
    return typeof j.error?.code === 'string' ? j.error.code : undefined;
  } catch {
    return undefined;
  }
}

/** Every table of the app's schema. */
export async function appTables(store: Store): Promise<string[]> {
  const r = await rows<{ t: string }>(
    store.db,
    sql`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return r.map((x) => x.t);
}

/**
 * A fingerprint of whole tables (row count and an md5 of every row): any insert, update or delete
 * in them changes it. `except` leaves out tables a refused request may legitimately touch.
 */
export async function fingerprint(store: Store, except: string[] = []): Promise<Record<string, string>> {
  const tables = (await appTables(store)).filter((t) => !except.includes(t));
  const out: Record<string, string> = {};
  for (const t of tables) {
    const [r] = await rows<{ n: number; d: string | null }>(
      store.db,
      sql`SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS d FROM ${sql.identifier(t)} x`,
    );
    out[t] = `${r.n}:${r.d}`;
  }
  return out;
}

export async function rowCounts(store: Store, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [r] = await rows<{ n: number }>(store.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(t)}`);
    out[t] = r.n;
  }
  return out;
}

export interface SampleContext {
  projectId: string;
}

/** A value the schema accepts, for required fields and parameters (good enough to reach the handler). */
export function sampleValue(s: JsonSchema | undefined, name: string, ctx: SampleContext): unknown {
  if (!s) return 'x';
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  const alt = s.anyOf?.[0] ?? s.oneOf?.[0];
  if (alt) return sampleValue(alt, name, ctx);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (s.format === 'uuid') return /project/i.test(name) ? ctx.projectId : randomUUID();
  if (s.format === 'date') return '2026-11-26';
  if (s.format === 'date-time') return '2026-11-26T08:00:00+08:00';
  switch (type) {
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleValue(s.items, name, ctx));
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const k of s.required ?? []) o[k] = sampleValue(s.properties?.[k], k, ctx);
      return o;
    }
    default:
      return s.pattern ? matching(s) : 'a'.repeat(Math.max(1, s.minLength ?? 1));
  }
}

/** A string its pattern and length limits accept (fast-check generates from the regular expression). */
function matching(s: JsonSchema): string {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? Infinity;
  try {
    const arb = fc.stringMatching(new RegExp(s.pattern!)).filter((x) => x.length >= min && x.length <= max);
    return fc.sample(arb, { numRuns: 1, seed: 7 })[0];
  } catch {
    return 'a'.repeat(Math.max(1, min));
  }
}

/** Query string of the required parameters (plus overrides), each with a value its schema accepts. */
export function sampleQuery(params: { name: string; required?: boolean; schema?: JsonSchema }[], ctx: SampleContext, over: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const p of params) if (p.required && !(p.name in over)) q.set(p.name, String(sampleValue(p.schema, p.name, ctx)));
  for (const [k, v] of Object.entries(over)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
