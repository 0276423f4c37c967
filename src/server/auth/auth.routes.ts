import { accompaniedPolicy } from '../../domain/accompanied/accompanied.policy';
import { keyPolicy } from '../../domain/keys/keys.policy';
import { archivePolicy } from '../../domain/archives/archives.policy';
import { complaintPolicy } from '../../domain/complaints/complaints.policy';
import { visitPolicy } from '../../domain/visits/visits.policy';
import { contactFormPolicy } from '../../domain/contact-forms/contact-forms.policy';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loginBody, loginNotice, loginResult, me, type Me } from '../../domain/auth/auth.contract';
import { okResult } from '../../domain/shared/api.contract';
import { inArray } from 'drizzle-orm';
import { projects } from '../../domain/property/property.table';
import { registerPolicy } from '../../domain/property/property.policy';
import { userPolicy } from '../../domain/users/users.policy';
import { auditPolicy } from '../../domain/audit/audit.policy';
import { callPolicy } from '../../domain/calls/calls.policy';
import { dutyRosterPolicy, helpPolicy, RESPONDER_ROLES } from '../../domain/help/help.policy';
import { hasAny } from '../../domain/shared/policy';
import type { AppContext } from '../core/context';
import { actorOf } from '../plugins/access';
import { CSRF_COOKIE, csrfCookieOptions, SESSION_COOKIE, sessionCookieOptions } from './session.plugin';
import { login, logout } from './auth.service';
import { demoAccountsThatWork } from './demo-accounts';
import { unauthenticated } from '../core/errors';


export async function authRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/auth/login', { config: { access: 'public' }, schema: { tags: ['auth'], summary: '登录', description: '成功后设置会话 Cookie wd_session 与 wd_csrf；之后每个修改类请求须在 X-CSRF-Token 头中带上 csrfToken。', body: loginBody, response: { 200: loginResult } } }, async (request, reply) => {
    const res = await login(ctx, request.body, request.ip, request.session?.tokenHash);
    reply.setCookie(SESSION_COOKIE, res.token, sessionCookieOptions(ctx.config));
    reply.setCookie(CSRF_COOKIE, res.csrfToken, csrfCookieOptions(ctx.config));
    return { ok: true as const, csrfToken: res.csrfToken };
  });

  // What the sign-in page must say before anyone signs in: this store still has demo accounts with the published password.
  // Checked against the accounts themselves (so it clears once the passwords are changed), at most once a minute.
  let demoCheck: { at: number; value: Promise<boolean> } | null = null;
  r.get('/api/auth/notice', { config: { access: 'public' }, schema: { tags: ['auth'], summary: '登录页提示(演示账号)', response: { 200: loginNotice } } }, async () => {
    const t = ctx.now().getTime();
    if (!demoCheck || Math.abs(t - demoCheck.at) > 60_000) demoCheck = { at: t, value: demoAccountsThatWork(ctx.store.db).then((names) => names.length > 0) };
    return { demoAccounts: await demoCheck.value };
  });

  r.post('/api/auth/logout', { config: { access: 'signedIn' }, schema: { tags: ['auth'], summary: '退出登录', response: { 200: okResult } } }, async (request, reply) => {
    const actor = actorOf(request);
    if (!request.session) throw unauthenticated();
    await logout(ctx, request.session.tokenHash, actor, request.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.get('/api/auth/me', { config: { access: 'signedIn' }, schema: { tags: ['auth'], summary: '当前用户', response: { 200: me } } }, async (request): Promise<Me> => {
    const actor = actorOf(request);
    const ids = [...actor.projectIds];
    const list = ids.length ? await ctx.store.db.select({ id: projects.id, code: projects.code, name: projects.name }).from(projects).where(inArray(projects.id, ids)) : [];
    return {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      roles: [...actor.roles],
      projects: list,
      csrfToken: request.session?.csrfToken,
      // What the menu may offer; every record still carries its own abilities.
      menu: {
        register: hasAny(actor, registerPolicy.grants.read.roles),
        users: hasAny(actor, userPolicy.grants.read.roles),
        audit: hasAny(actor, auditPolicy.grants.read.roles),
        // 来电来访: the intake screen, the record list, the district board, ledger and statistics
        intake: hasAny(actor, callPolicy.grants.create.roles),
        calls: hasAny(actor, callPolicy.grants.read.roles),
        board: hasAny(actor, ['account_manager', 'cs_supervisor', 'centre_manager', 'cs_assistant']),
        reports: hasAny(actor, callPolicy.grants.stats.roles),
        // 报修单 on a phone: technicians, engineers, vendors and the engineering lead
        tasks: hasAny(actor, ['technician', 'warranty_engineer', 'vendor', 'eng_lead']),
        // 住户求助 for the desk and its supervisors; 应急任务 for those who do the playbooks' steps
        help: hasAny(actor, helpPolicy.grants.read.roles.filter((r) => !(RESPONDER_ROLES as readonly string[]).includes(r))),
        duty: hasAny(actor, RESPONDER_ROLES),
        roster: hasAny(actor, dutyRosterPolicy.grants.edit.roles),
        keys: hasAny(actor, keyPolicy.grants.read.roles),
        archives: hasAny(actor, archivePolicy.grants.read.roles),
        accompanied: hasAny(actor, [...accompaniedPolicy.grants.read.roles, ...accompaniedPolicy.grants.report.roles]),
        // 投诉, 回访, 工作联系单
        complaints: hasAny(actor, complaintPolicy.grants.read.roles),
        visits: hasAny(actor, visitPolicy.grants.read.roles),
        contactForms: hasAny(actor, contactFormPolicy.grants.read.roles),
      },
    };
  });
}
