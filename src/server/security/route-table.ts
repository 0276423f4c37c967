import type { FastifyInstance } from 'fastify';

/**
 * The live route table, so the security suite covers every route the app registers today and any
 * route added tomorrow, without a hand-kept list. Paths and methods come from the router itself
 * (`printRoutes`, which also shows routes hidden from the docs such as the SSE stream); request
 * schemas come from the OpenAPI document the same routes generate.
 */

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const UNSAFE_METHODS: readonly Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

export interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface LiveRoute {
  method: Method;
  /** Fastify's pattern: /api/households/:id */
  url: string;
  /** Names of the path parameters, in order. */
  params: string[];
  /** The OpenAPI operation, unless the route is hidden from the docs. */
  op?: OpenApiOperation;
  /** "PATCH /api/households/:id" — used in test titles. */
  key: string;
}

const METHODS = new Set<string>(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Parses Fastify's route tree (`printRoutes({ commonPrefix: false })`) into full paths and methods. */
export function parseRouteTree(tree: string): { method: Method; url: string }[] {
  const out: { method: Method; url: string }[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:[│ ] {3})*)(?:├──|└──) (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    const url = (depth > 0 ? stack[depth - 1] : '') + m[2];
    stack[depth] = url;
    stack.length = depth + 1;
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim())) {
      if (METHODS.has(method)) out.push({ method: method as Method, url });
    }
  }
  return out;
}

/** Every API route of the running app (the Swagger UI's own files excluded), with its OpenAPI operation. */
export function liveRoutes(app: FastifyInstance): LiveRoute[] {
  const doc = app.swagger() as { paths?: Record<string, Record<string, OpenApiOperation>> };
  const seen = new Set<string>();
  const routes: LiveRoute[] = [];
  for (const { method, url } of parseRouteTree(app.printRoutes({ commonPrefix: false }))) {
    if (!url.startsWith('/api/') || url.startsWith('/api/docs') || url.includes('*')) continue;
    const key = `${method} ${url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const params = [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((x) => x[1]);
    const openApiPath = url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    // HEAD runs the GET route's handler and schema.
    const op = doc.paths?.[openApiPath]?.[method === 'HEAD' ? 'get' : method.toLowerCase()];
    routes.push({ method, url, params, op, key });
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Routes anybody may call without signing in. A new public route must be added here on purpose,
 * or the "401 without a session" test fails: nothing becomes public by accident.
 */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/health',
  'HEAD /api/health',
  // Liveness (issue 14): says only that the process answers; touches no database.
  'GET /api/live',
  'HEAD /api/live',
  'GET /api/openapi.json',
  'HEAD /api/openapi.json',
  'POST /api/auth/login',
  // The sign-in page's notice (a demo store): says only whether demo passwords still work, nothing of anyone.
  'GET /api/auth/notice',
  'HEAD /api/auth/notice',
]);

/**
 * Unsafe routes whose JSON body is a query or a credential, not a record: unknown keys are stripped
 * (never stored), so they need not be strict. Everything else that takes a body must refuse unknown keys.
 */
export const NON_RECORD_BODIES: ReadonlyMap<string, string> = new Map([
  ['POST /api/auth/login', 'credentials only; the session is built from the database row'],
  ['POST /api/households/search', 'a search query in the body (kept out of URLs), writes nothing but the audit row'],
]);

export const isPublic = (r: LiveRoute) => PUBLIC_ROUTES.has(r.key);

/** The JSON request body schema of a route, if it takes one. */
export function jsonBody(r: LiveRoute): JsonSchema | undefined {
  return r.op?.requestBody?.content?.['application/json']?.schema;
}

/** Replaces each :param with the value the callback gives (URL-encoded). */
export function fillPath(url: string, value: (param: string) => string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_, p: string) => encodeURIComponent(value(p)));
}

export const queryParams = (r: LiveRoute): OpenApiParameter[] => (r.op?.parameters ?? []).filter((p) => p.in === 'query');
export const pathParamSchema = (r: LiveRoute, name: string): JsonSchema | undefined =>
  r.op?.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema;

/** Object schemas anywhere in a body schema that accept unknown keys, as JSON paths ('' = the body). */
export function openObjects(schema: JsonSchema, at = ''): string[] {
  const found: string[] = [];
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('object') || schema.properties) {
    if (schema.additionalProperties !== false) found.push(at || '(body)');
    for (const [k, v] of Object.entries(schema.properties ?? {})) found.push(...openObjects(v, `${at}.${k}`));
  }
  if (schema.items) found.push(...openObjects(schema.items, `${at}[]`));
  for (const alt of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) found.push(...openObjects(alt, at));
  return found;
}

/**
 * The route table of a freshly built app, for declaring one test per route at collection time
 * (Vitest needs the list before beforeAll runs). Built on a throw-away in-memory store.
 */
export async function collectRoutes(): Promise<LiveRoute[]> {
  const [{ buildApp }, { openStore }, { testConfig }] = await Promise.all([import('../app'), import('../db/store'), import('../testing/harness')]);
  const store = await openStore({ dataDir: 'memory://' });
  const app = await buildApp({ store, config: testConfig(), logger: false });
  try {
    await app.ready();
    return liveRoutes(app);
  } finally {
    await app.close();
    await store.close();
  }
}
