import type { FastifyInstance, RouteOptions } from 'fastify';
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { $ZodType } from 'zod/v4/core';
import { z } from 'zod';
import { apiError } from '../../domain/shared/api.contract';
import type { RouteAccess } from './access';

/**
 * The published API as an integrator meets it (issue 7): security schemes for the session cookie and
 * the CSRF header, servers, tags, and — added centrally to every route when it is registered — an
 * operationId, the security it needs, its 4xx answers in the one error shape, and examples.
 */

export const CSRF_HEADER = 'X-CSRF-Token';

const TAGS = [
  { name: 'system', description: '系统：健康检查' },
  { name: 'auth', description: '登录、退出与当前用户' },
  { name: 'property', description: '房产档案：项目、楼栋、房屋、业户与人员(个人信息遮蔽)，以及 Excel 导入' },
  { name: 'users', description: '用户与权限管理(仅管理员)' },
  { name: 'audit', description: '审计日志(只读，哈希链防篡改)' },
  { name: 'reference', description: '受理所需的基础数据：报事类别、外联单位、可派单人员' },
  { name: 'calls', description: '来电来访记录：受理、分类、派单、回复、办结与销项；台账、统计、看板与 GT 汇总' },
  { name: 'work-orders', description: '报修单：接单、到场、完工、验收与改派' },
  { name: 'notifications', description: '站内通知与实时推送' },
  { name: 'attachments', description: '附件(签名、照片)' },
];

/** `sessionCookie`: the session cookie's name, from the auth feature (app.ts passes it: plugins do not import features). */
export function swaggerOptions(version: string, sessionCookie: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Wuye Desk 物业客服台 API',
        version,
        description:
          '物业客服台的 HTTP 接口。先调用 POST /api/auth/login 取得会话 Cookie(wd_session)和 CSRF 令牌；' +
          `之后每个 POST/PATCH/PUT/DELETE 请求须在 ${CSRF_HEADER} 头中带上该令牌。所有错误响应均为 { error: { code, message, fields? } }。`,
        license: { name: '专有软件，仅限授权使用' },
      },
      servers: [{ url: '/', description: '当前服务(与网页同源)' }],
      tags: TAGS,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookie, description: '登录后设置的会话 Cookie' },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER, description: '双重提交的 CSRF 令牌：登录响应中的 csrfToken(亦见 wd_csrf Cookie)，修改类请求必带' },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (doc) => dropUnusedInputSchemas(jsonSchemaTransformObject(doc)),
  };
}

type OpenApiLike = ReturnType<typeof jsonSchemaTransformObject>;

/** A named schema is emitted for reading and for writing; the `…Input` twin of an answer-only schema is never referenced. */
function dropUnusedInputSchemas(doc: OpenApiLike): OpenApiLike {
  const components = 'components' in doc ? (doc.components as { schemas?: Record<string, unknown> } | undefined) : undefined;
  const schemas = components?.schemas;
  if (!schemas) return doc;
  const text = JSON.stringify({ ...doc, components: { ...components, schemas: {} } }) + JSON.stringify(schemas);
  for (const name of Object.keys(schemas)) {
    if (name.endsWith('Input') && !text.includes(`"#/components/schemas/${name}"`)) delete schemas[name];
  }
  return doc;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const ERROR_TEXT: Record<number, string> = {
  400: '请求无效(VALIDATION_FAILED 等，fields 逐项说明)',
  401: '未登录或会话已过期(UNAUTHENTICATED / SESSION_EXPIRED)',
  403: '禁止：CSRF 令牌不符(CSRF_FAILED)或无权执行此操作(FORBIDDEN)',
  404: '记录不存在，或无权访问(不区分，防止探测)',
  409: '冲突：版本已变(VERSION_CONFLICT，附 current)、状态不允许(INVALID_STATE)或重复(DUPLICATE)',
  413: '请求体过大(PAYLOAD_TOO_LARGE)',
  415: '不支持的 Content-Type(UNSUPPORTED_MEDIA_TYPE)',
  429: '尝试过多，请稍后再试(RATE_LIMITED)',
};

const errorResponse = (status: number) => ({ description: ERROR_TEXT[status], content: { 'application/json': { schema: apiError } } });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Operations answering a file rather than JSON, with the media types they send. */
const FILE_DOWNLOADS: Record<string, string[]> = {
  'GET /api/attachments/:id': ['image/png', 'image/jpeg', 'image/webp'],
  'GET /api/projects/:id/import/template': [XLSX],
  'GET /api/calls/ledger.xlsx': [XLSX],
};
const binary = z.string().meta({ format: 'binary' });

/** Answers a route may give beyond what its shape says. */
const EXTRA_ERRORS: Record<string, number[]> = {
  'POST /api/auth/login': [429],
};

/** `GET /api/households/:id` → `getHouseholdsById`; `POST /api/calls/:id/close` → `postCallsByIdClose`. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .flatMap((seg) => (seg.startsWith(':') ? ['by', seg.slice(1)] : seg.split(/[^A-Za-z0-9]+/)))
    .filter(Boolean);
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return method.toLowerCase() + words.map(cap).join('');
}

interface RouteSchema {
  operationId?: string;
  hide?: boolean;
  body?: unknown;
  querystring?: unknown;
  params?: unknown;
  consumes?: string[];
  security?: Record<string, string[]>[];
  response?: Record<string | number, unknown>;
}

/** Examples of the main operations, attached to their zod schemas (`example` in the document). */
const EXAMPLES: Record<string, { body?: unknown; response?: Record<number, unknown> }> = {
  'POST /api/auth/login': { response: { 200: { ok: true, csrfToken: 'k3J9…' } } },
  'POST /api/households/search': {
    response: {
      200: {
        items: [
          {
            id: '0b8f0d9e-3c0e-4b8e-8f51-4f3e2a1d9c01',
            projectId: '6f1c1a52-8d4e-4f7e-9a43-2f1f5b0c1d11',
            unitId: '5a2e9c77-1b3f-4c5d-8e6f-7a8b9c0d1e2f',
            unitCode: '3-2-1502',
            movedInAt: '2021-05-01',
            note: null,
            version: 1,
            persons: [{ id: '9d4c3b2a-1f0e-4d7c-8b6a-5f4e3d2c1b0a', relation: 'owner', name: '张伟', phone: '138****5678', idNumber: null, hasPhone: true, hasIdNumber: false, version: 1 }],
            abilities: { read: true, update: true, import: false, revealContact: true, seeFullName: true, accompany: true },
          },
        ],
      },
    },
  },
  'POST /api/calls': {
    body: {
      projectId: '6f1c1a52-8d4e-4f7e-9a43-2f1f5b0c1d11',
      householdId: '0b8f0d9e-3c0e-4b8e-8f51-4f3e2a1d9c01',
      unitId: '5a2e9c77-1b3f-4c5d-8e6f-7a8b9c0d1e2f',
      categoryId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      channel: 'phone',
      callerName: '张先生',
      callerPhone: '13812345678',
      content: '厨房水龙头漏水，请安排维修',
      urgency: 'normal',
      idempotencyKey: 'intake-7f3a9c21',
    },
  },
};

const withExample = (schema: unknown, example: unknown) => (schema instanceof $ZodType ? (schema as z.ZodType).meta({ example }) : schema);

/** Adds the document conventions to each API route as it is registered (before the response serializers are built). */
export function registerOpenApiConventions(app: FastifyInstance): void {
  const used = new Set<string>();
  app.addHook('onRoute', (route: RouteOptions) => {
    const method = Array.isArray(route.method) ? route.method[0] : route.method;
    if (method === 'HEAD' || !route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const schema = (route.schema ??= {}) as RouteSchema;
    if (schema.hide) return;
    const key = `${method} ${route.url}`;

    let id = schema.operationId ?? operationIdOf(method, route.url);
    for (let n = 2; used.has(id); n++) id = `${operationIdOf(method, route.url)}${n}`;
    used.add(id);
    schema.operationId = id;

    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    const signedIn = access !== 'public';
    const unsafe = UNSAFE.has(method);
    if (!schema.security) schema.security = !signedIn ? [] : unsafe ? [{ session: [], csrf: [] }] : [{ session: [] }];

    const example = EXAMPLES[key];
    if (example?.body && schema.body) schema.body = withExample(schema.body, example.body);
    const response = (schema.response ??= {});
    for (const [status, ex] of Object.entries(example?.response ?? {})) if (response[status]) response[status] = withExample(response[status], ex);

    const files = FILE_DOWNLOADS[key];
    if (files && !response[200]) response[200] = { description: '文件内容', content: Object.fromEntries(files.map((t) => [t, { schema: binary }])) };

    const hasBody = unsafe && (Boolean(schema.body) || Boolean(schema.consumes));
    const codes = new Set<number>([400]); // every route: a malformed URL or input answers 400
    if (signedIn) codes.add(401);
    if (signedIn && (unsafe || typeof access === 'object')) codes.add(403);
    if (typeof access === 'object' || schema.params) codes.add(404);
    if (signedIn && unsafe && (method !== 'POST' || schema.params)) codes.add(409);
    if (hasBody) {
      codes.add(413);
      codes.add(415);
    }
    for (const c of EXTRA_ERRORS[key] ?? []) codes.add(c);
    for (const c of codes) if (!response[c]) response[c] = errorResponse(c);
  });
}
