import { SESSION_COOKIE } from './auth/sessions';
import path from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppConfig } from './core/env';
import { BODY_LIMITS } from './core/body-limits';
import { t } from '../domain/shared/messages.zh-CN';
import type { Store } from './db/store';
import type { AppContext } from './core/context';
import { registerErrorHandler } from './plugins/errors';
import { unauthenticated } from './core/errors';
import { applySecurityHeaders, registerSecurityHeaders } from './plugins/security-headers';
import { registerSession } from './auth/session.plugin';
import { enforceAccess, requireAccessDeclarations } from './plugins/access';
import { registerOpenApiConventions, swaggerOptions } from './plugins/openapi';
import { authRoutes } from './auth/auth.routes';
import { healthRoutes } from './health.routes';
import { propertyRoutes } from './property/property.routes';
import { registerRoutes } from './property/register.routes';
import { userRoutes } from './users/users.routes';
import { auditRoutes } from './audit/audit.routes';
import { importRoutes } from './property/import.routes';
import { callRoutes } from './calls/calls.routes';
import { referenceRoutes } from './calls/reference.routes';
import { workOrderRoutes } from './work-orders/work-orders.routes';
import { notificationRoutes } from './notifications/notifications.routes';
import { attachmentRoutes } from './attachments/attachments.routes';
import { helpRequestClosed, Hooks } from './core/hooks';
import { workOrderAssigned, workOrderStepped } from './work-orders/work-orders.hooks';
import { moveCallOnAssignment, moveCallOnStep } from './calls/work-order-reactions';
import { readCallAttachment } from './calls/call-attachments';
import { readWorkOrderAttachment } from './work-orders/work-order-attachments';
import { NotificationHub } from './notifications/hub';
import { TIMER_BATCH, TimerRunner } from './deadlines/timers';
import { registerCallTimers } from './calls/call-timers';
import { registerHelpTimers } from './help/help-timers';
import { helpRoutes } from './help/help.routes';
import { helpComplaintRouted, helpRepairRouted } from './help/help.hooks';
import { callFromHelp } from './calls/help-reactions';
import { complaintFromHelp } from './complaints/help-reactions';
import { complaintBeforeCallFinishes } from './complaints/call-reactions';
import { callFinishing } from './calls/calls.hooks';
import { ensureGtSummaryTimers, registerGtSummaryTimer } from './calls/gt-summary-timer';
import { keyRoutes } from './keys/keys.routes';
import { accompaniedRoutes } from './accompanied/accompanied.routes';
import { archiveRoutes } from './archives/archives.routes';
import { readSignoffAttachment } from './archives/signoffs.service';
import { refuseGenericScanRead } from './archives/scans.service';
import { registerKeyTimers } from './keys/key-timers';
import { readKeyHandoverAttachment, readKeyLoanAttachment } from './keys/key-attachments';
import { complaintRoutes } from './complaints/complaints.routes';
import { registerComplaintTimers } from './complaints/complaint-timers';
import { complaintOnVisit } from './complaints/visit-reactions';
import { visitRoutes, readVisitAttachment } from './visits/visits.routes';
import { visitRecorded } from './visits/visits.hooks';
import { drawHelpVisit, drawRepairVisit } from './visits/visits.service';
import { contactFormRoutes } from './contact-forms/contact-forms.routes';
import { registerContactFormTimers } from './contact-forms/contact-form-timers';
import { dashboardRoutes } from './dashboard/dashboard.routes';

declare module 'fastify' {
  interface FastifyInstance {
    /** The live parts of the service desk: the SSE hub and the deadline timer loop. */
    desk: { hub: NotificationHub; timers: TimerRunner };
  }
}

// Zod's own messages in Chinese for every field-level validation error.
z.config(z.locales.zhCN());

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const APP_VERSION: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
/** The built web app; WEB_DIST lets a test server serve its own copy while another build runs. */
export const WEB_DIST = process.env.WEB_DIST ? path.resolve(process.env.WEB_DIST) : path.join(ROOT, 'dist/web');

export interface BuildOptions {
  store: Store;
  config: AppConfig;
  now?: () => Date;
  logger?: boolean;
  /** Run the deadline timer loop (the app does; tests drive `app.desk.timers.tick()` themselves). */
  runTimers?: boolean;
  timerPollMs?: number;
  /** The random source of the return-visit draw (VISIT-2); tests inject one. */
  random?: () => number;
}

/**
 * Where features meet (ADR 0011): each cross-feature reaction inside a transaction is wired here, from the
 * hook point its owner declares to the handler another feature exports.
 */
function wireHooks(ctx: Omit<AppContext, 'hooks'> & { hooks?: Hooks }, draw: { repairShare: number; random: () => number }): Hooks {
  const hooks = new Hooks();
  // A work order's assignment and steps move its call record (CALL-2, CALL-6).
  hooks.on(workOrderAssigned, moveCallOnAssignment);
  hooks.on(workOrderStepped, moveCallOnStep);
  // A verified repair may be drawn for a return visit (VISIT-2).
  hooks.on(workOrderStepped, drawRepairVisit(draw));
  // A closed help request or incident may be drawn, a medical emergency always (VISIT-2).
  hooks.on(helpRequestClosed, drawHelpVisit(draw));
  // A return visit closes or reopens its complaint, or makes a repair's unsatisfied household a complaint (COMP-6, VISIT-4).
  hooks.on(visitRecorded, complaintOnVisit(ctx as AppContext));
  // A help request for a repair becomes a call record, one for a complaint a complaint, linked both ways (HELP-1).
  hooks.on(helpRepairRouted, callFromHelp(ctx as AppContext));
  hooks.on(helpComplaintRouted, complaintFromHelp);
  // A call recorded as a complaint is done only once it went to the complaint procedure (CALL-8).
  hooks.on(callFinishing, complaintBeforeCallFinishes);
  return hooks;
}

/** Builds the app with every feature registered explicitly (no auto-loading: each route's home is visible here). */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: opts.config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    // Personal data never goes into logs: Fastify's request lines carry the URL with its query string
    // (a phone number searched for), so they are off; onResponse logs the route pattern instead.
    logController: new LogController({ disableRequestLogging: true }),
    // JSON bodies: 256 KiB, refused with 413 before they are read. Routes that take files say their own limit.
    bodyLimit: BODY_LIMITS.json,
    trustProxy: process.env.TRUST_PROXY === '1',
    // Malformed URLs and content types answer in the API's one error shape too.
    frameworkErrors: (error, request, reply) => {
      applySecurityHeaders(request.url, reply as FastifyReply);
      const unsupported = (error as { code?: string }).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE';
      const code = unsupported ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_FAILED';
      (reply as FastifyReply).status(unsupported ? 415 : 400).send({ error: { code, message: t(code) } });
    },
  });
  const draw = { repairShare: opts.config.repairVisitShare, random: opts.random ?? Math.random };
  const ctx = { store: opts.store, config: opts.config, now: opts.now ?? (() => new Date()), version: APP_VERSION } as AppContext;
  ctx.hooks = wireHooks(ctx, draw);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  requireAccessDeclarations(app);
  registerOpenApiConventions(app);
  registerSecurityHeaders(app);
  await app.register(cookie);
  registerSession(app, opts.store, opts.config, ctx.now);
  // Access before the body is parsed or validated: a caller without access learns nothing from a 400,
  // and no stranger's 10 MB body is read.
  app.addHook('onRequest', enforceAccess);
  app.addHook('onResponse', async (request, reply) => {
    if (request.url.startsWith('/api/')) {
      request.log.info({ method: request.method, route: request.routeOptions.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    }
  });

  await app.register(swagger, swaggerOptions(APP_VERSION, SESSION_COOKIE));
  // The API's documentation follows API_DOCS: public (development), signedIn (production's default), or off.
  if (opts.config.apiDocs !== 'off') {
    if (opts.config.apiDocs === 'signedIn') {
      app.addHook('onRequest', async (request) => {
        if (request.url.startsWith('/api/docs') && !request.actor) throw unauthenticated();
      });
    }
    await app.register(swaggerUi, { routePrefix: '/api/docs' });
    app.get('/api/openapi.json', { config: { access: opts.config.apiDocs === 'public' ? 'public' : 'signedIn' }, schema: { hide: true } }, async () => app.swagger());
  }

  const hub = new NotificationHub(opts.store, { now: ctx.now, idleMinutes: opts.config.sessionIdleMinutes, absoluteMinutes: opts.config.sessionAbsoluteMinutes });
  await hub.start();
  const timers = new TimerRunner(opts.store.db, ctx.now, opts.timerPollMs ?? 1000, TIMER_BATCH, (err) => app.log.error({ err }, 'timer loop'), app.log);
  registerCallTimers(timers);
  registerGtSummaryTimer(timers);
  registerHelpTimers(timers);
  registerKeyTimers(timers);
  registerComplaintTimers(timers, opts.store);
  registerContactFormTimers(timers);
  app.decorate('desk', { hub, timers });
  if (opts.runTimers) {
    app.addHook('onReady', async () => {
      await ensureGtSummaryTimers(opts.store.db, ctx.now());
      timers.start();
    });
  }
  app.addHook('onClose', async () => {
    await timers.stop();
    await hub.stop();
  });

  await healthRoutes(app, ctx);
  await authRoutes(app, ctx);
  await propertyRoutes(app, ctx);
  await registerRoutes(app, ctx);
  await importRoutes(app, ctx);
  await userRoutes(app, ctx);
  await auditRoutes(app, ctx);
  await referenceRoutes(app, ctx);
  await callRoutes(app, ctx);
  await workOrderRoutes(app, ctx);
  await helpRoutes(app, ctx);
  await keyRoutes(app, ctx);
  await archiveRoutes(app, ctx);
  await accompaniedRoutes(app, ctx);
  await complaintRoutes(app, ctx);
  await visitRoutes(app, ctx, draw);
  await contactFormRoutes(app, ctx);
  await dashboardRoutes(app, ctx);
  await notificationRoutes(app, ctx, hub);
  await attachmentRoutes(app, ctx, { call: readCallAttachment, work_order: readWorkOrderAttachment, key_loan: readKeyLoanAttachment, key_handover: readKeyHandoverAttachment, household_signoff: readSignoffAttachment, archive_scan: refuseGenericScanRead, visit: readVisitAttachment });

  if (opts.config.serveWeb && existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, serve: false });
    // One public route serves the built files; any other non-API path gets the app shell (client routes).
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const urlPath = decodeURIComponent(request.url.split('?')[0] ?? '/');
      if (urlPath.startsWith('/api/')) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '记录不存在' } });
      const file = path.normalize(path.join(WEB_DIST, urlPath));
      if (file.startsWith(WEB_DIST + path.sep) && existsSync(file) && statSync(file).isFile()) {
        const immutable = urlPath.startsWith('/assets/');
        reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        return reply.sendFile(path.relative(WEB_DIST, file));
      }
      reply.header('Cache-Control', 'no-cache');
      return reply.type('text/html').sendFile('index.html');
    });
  }
  return app;
}
