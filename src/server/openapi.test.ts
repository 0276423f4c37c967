import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { buildApp } from './app';
import { openTestStore, testConfig, type TestStore } from './testing/harness';

/**
 * The published API, linted as an integrator would (`@redocly/cli lint`, recommended rules), and the
 * promises of issue 7 on every operation: an operationId, security, the 4xx answers, a 2xx schema.
 */

interface Operation {
  operationId?: string;
  security?: unknown[];
  requestBody?: unknown;
  parameters?: unknown[];
  responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}
interface Doc {
  security?: unknown[];
  servers?: unknown[];
  components?: { securitySchemes?: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Operations that answer something other than JSON: the body is a file, not a schema. */
const NON_JSON = new Set(['GET /api/attachments/{id}', 'GET /api/projects/{id}/import/template', 'GET /api/calls/ledger.xlsx', 'GET /api/archive-scans/{id}', 'GET /api/complaints/analysis.xlsx', 'GET /api/visits/stats/monthly.xlsx', 'GET /api/dashboard/manager.xlsx']);
// (The SSE stream GET /api/events is hidden from the document: an EventSource, not an operation.)


let store: TestStore;
let app: FastifyInstance;
let doc: Doc;
let raw: string;

beforeAll(async () => {
  store = await openTestStore('embedded');
  app = await buildApp({ store, config: testConfig(), logger: false });
  await app.ready();
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  raw = res.body;
  doc = JSON.parse(raw) as Doc;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await store?.drop();
});

function operations(): { key: string; op: Operation }[] {
  const out: { key: string; op: Operation }[] = [];
  for (const [p, item] of Object.entries(doc.paths)) {
    for (const m of METHODS) if (item[m]) out.push({ key: `${m.toUpperCase()} ${p}`, op: item[m] });
  }
  return out;
}

describe('the served OpenAPI document', () => {
  it('passes redocly lint (recommended) without errors', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: raw, absoluteRef: '/openapi.json', config });
    const line = (p: (typeof problems)[number]) => `${p.severity} ${p.ruleId}: ${p.message} @ ${p.location.map((l) => l.pointer).join(', ')}`;
    const errors = problems.filter((p) => p.severity === 'error');
    const warnings = problems.filter((p) => p.severity === 'warn');
    if (warnings.length) console.info(`redocly: ${warnings.length} warnings\n${warnings.map(line).join('\n')}`);
    expect(errors.map(line)).toEqual([]);
  });

  it('declares the session cookie and the CSRF header, servers, and security on every operation', () => {
    expect(Object.keys(doc.components?.securitySchemes ?? {}).sort()).toEqual(['csrf', 'session']);
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(doc.security?.length).toBeGreaterThan(0);
    const missing = operations().filter(({ op }) => !Array.isArray(op.security) && !doc.security);
    expect(missing.map((o) => o.key)).toEqual([]);
  });

  it('gives every operation a unique operationId and its 4xx answers', () => {
    const ops = operations();
    expect(ops.filter(({ op }) => !op.operationId).map((o) => o.key)).toEqual([]);
    const ids = ops.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const without4xx = ops.filter(({ op }) => !Object.keys(op.responses ?? {}).some((s) => /^4\d\d$/.test(s)));
    expect(without4xx.map((o) => o.key)).toEqual([]);
    // Signed-in operations answer 401; operations with input answer 400.
    for (const { key, op } of ops) {
      const codes = Object.keys(op.responses ?? {});
      if (op.security?.length !== 0) expect(codes, key).toContain('401');
      if (op.requestBody || op.parameters?.length) expect(codes, key).toContain('400');
    }
  });

  it('declares a 2xx JSON schema on every JSON operation', () => {
    const lacking = operations().filter(({ key, op }) => {
      if (NON_JSON.has(key)) return false;
      const ok = Object.entries(op.responses ?? {}).find(([s]) => /^2\d\d$/.test(s));
      const schema = ok?.[1].content?.['application/json']?.schema;
      return !schema || Object.keys(schema).length === 0;
    });
    expect(lacking.map((o) => o.key)).toEqual([]);
  });
});
