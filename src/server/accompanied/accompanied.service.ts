import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { accompaniedSessions } from '../../domain/accompanied/accompanied.table';
import { ACCOMPANYING_CS_ROLES, accompaniedPolicy } from '../../domain/accompanied/accompanied.policy';
import type { AccompaniedFile, AccompaniedReport, AccompaniedSession, AccompaniedStart } from '../../domain/accompanied/accompanied.contract';
import { archiveDocuments, archiveTemplates } from '../../domain/archives/archives.table';
import { buildings, districts, households, persons, projects, units } from '../../domain/property/property.table';
import { userProjects, userRoles, users } from '../../domain/users/users.table';
import { can } from '../../domain/shared/policy';
import { maskIdNumber, maskPhone } from '../../domain/shared/mask';
import { appendAudit } from '../audit/audit.writer';
import { burnVerifyTime, verifyPassword } from '../auth/passwords';
import type { AppContext, RequestActor } from '../core/context';
import { rows, type Executor } from '../db/store';
import { AppError, badRequest, notFound, tooMany } from '../core/errors';

type SessionRow = typeof accompaniedSessions.$inferSelect;
const leadUser = alias(users, 'lead_user');
const csUser = alias(users, 'cs_user');
const enderUser = alias(users, 'ender_user');

/** The time as people in the estate read it (Beijing time), for the watermark. */
const beijing = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(d);

const isActive = (s: Pick<SessionRow, 'endedAt' | 'expiresAt'>, now: Date) => !s.endedAt && now < s.expiresAt;

async function sessionRows(ex: Executor, where: ReturnType<typeof and>, limit = 100) {
  return ex
    .select({ s: accompaniedSessions, unitCode: units.code, leadName: leadUser.displayName, csName: csUser.displayName, endedByName: enderUser.displayName })
    .from(accompaniedSessions)
    .innerJoin(households, eq(households.id, accompaniedSessions.householdId))
    .innerJoin(units, eq(units.id, households.unitId))
    .innerJoin(leadUser, eq(leadUser.id, accompaniedSessions.leadUserId))
    .innerJoin(csUser, eq(csUser.id, accompaniedSessions.csUserId))
    .leftJoin(enderUser, eq(enderUser.id, accompaniedSessions.endedBy))
    .where(where)
    .orderBy(desc(accompaniedSessions.startedAt))
    .limit(limit);
}
type Joined = Awaited<ReturnType<typeof sessionRows>>[number];

function present(r: Joined, now: Date): AccompaniedSession {
  return {
    id: r.s.id,
    unitCode: r.unitCode,
    leadName: r.leadName,
    csName: r.csName,
    reason: r.s.reason,
    startedAt: r.s.startedAt.toISOString(),
    expiresAt: r.s.expiresAt.toISOString(),
    endedAt: r.s.endedAt ? r.s.endedAt.toISOString() : null,
    endedByName: r.endedByName ?? null,
    active: isActive(r.s, now),
    serverNow: now.toISOString(),
  };
}

/** A session the actor takes part in (lead or the confirming CS staff member); anyone else: 404 (ADR 0004). */
async function ownSession(ex: Executor, ra: RequestActor, id: string): Promise<Joined> {
  const [r] = await sessionRows(ex, and(eq(accompaniedSessions.id, id), or(eq(accompaniedSessions.leadUserId, ra.actor.userId), eq(accompaniedSessions.csUserId, ra.actor.userId))));
  if (!r || !can(accompaniedPolicy, ra.actor, 'read', r.s)) throw notFound();
  return r;
}

/**
 * ARC-8 confirmations are guessed like logins: per CS user name and address, the failures inside the login
 * window are counted from the trail (durable, shared by every instance); at the login limit, 429.
 */
async function confirmationAllowed(ctx: AppContext, tx: Executor, csUsername: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - ctx.config.loginWindowMinutes * 60_000).toISOString();
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`accompany|${csUsername}|${ip}`}))`);
  const [r] = await rows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'accompanied.confirm_failed' AND subject = ${csUsername} AND ip = ${ip} AND at > ${since}::timestamptz`,
  );
  return r.n < ctx.config.loginMaxFailures;
}

const CONFIRM_FAILED = () => badRequest([{ path: 'body.csPassword', message: '陪同的客服人员用户名或密码不正确，或该人员不是本项目的客服人员' }], 'CS_CONFIRM_FAILED');

/** ARC-8: the lead asks, the CS staff member beside him confirms with their own password: the session starts. */
export async function start(ctx: AppContext, ra: RequestActor, input: AccompaniedStart): Promise<AccompaniedSession> {
  const now = ctx.now();
  const db = ctx.store.db;
  const askable = [...ra.actor.projectIds].filter((p) => can(accompaniedPolicy, ra.actor, 'ask', { projectId: p }));
  if (askable.length === 0) throw notFound();
  const [h] = await db
    .select({ id: households.id, projectId: households.projectId })
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .where(and(eq(units.code, input.unitCode), inArray(households.projectId, askable)))
    .limit(1);
  // A room outside the lead's estates does not exist for him (ADR 0004).
  if (!h) throw notFound();

  const csUsername = input.csUsername.trim();
  const allowed = await db.transaction(async (tx) => {
    const ok = await confirmationAllowed(ctx, tx, csUsername, ra.ip, now);
    if (!ok) await appendAudit(tx, { actor: ra.actor, action: 'accompanied.confirm_blocked', subject: csUsername, projectId: h.projectId, ip: ra.ip }, now);
    return ok;
  });
  if (!allowed) throw tooMany();

  const [cs] = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(eq(users.username, csUsername))
    .limit(1);
  const passwordOk = cs ? await verifyPassword(cs.passwordHash, input.csPassword) : (await burnVerifyTime(input.csPassword), false);
  const [csRole] = cs
    ? await db
        .select({ role: userRoles.role })
        .from(userRoles)
        .innerJoin(userProjects, and(eq(userProjects.userId, userRoles.userId), eq(userProjects.projectId, h.projectId)))
        .where(and(eq(userRoles.userId, cs.id), inArray(userRoles.role, [...ACCOMPANYING_CS_ROLES])))
        .limit(1)
    : [];
  if (!cs || !passwordOk || cs.disabled || !csRole || cs.id === ra.actor.userId) {
    const why = !cs ? 'unknown_user' : !passwordOk ? 'bad_password' : cs.disabled ? 'disabled' : 'not_cs_of_project';
    await db.transaction((tx) =>
      appendAudit(tx, { actor: ra.actor, action: 'accompanied.confirm_failed', subject: csUsername, projectId: h.projectId, ip: ra.ip, detail: { reason: why } }, now),
    );
    throw CONFIRM_FAILED();
  }

  return db.transaction(async (tx) => {
    const expiresAt = new Date(now.getTime() + ctx.config.accompaniedViewMinutes * 60_000);
    const [s] = await tx
      .insert(accompaniedSessions)
      .values({ projectId: h.projectId, householdId: h.id, leadUserId: ra.actor.userId, csUserId: cs.id, reason: input.reason, startedAt: now, expiresAt })
      .returning();
    await appendAudit(
      tx,
      {
        actor: ra.actor,
        action: 'accompanied.start',
        entity: 'accompanied_session',
        entityId: s.id,
        projectId: h.projectId,
        ip: ra.ip,
        detail: { household: h.id, lead: ra.actor.username, leadName: ra.actor.displayName, cs: cs.username, csName: cs.displayName, reason: input.reason, expiresAt: expiresAt.toISOString() },
      },
      now,
    );
    return present((await sessionRows(tx, eq(accompaniedSessions.id, s.id)))[0], now);
  });
}

export async function get(ctx: AppContext, ra: RequestActor, id: string): Promise<AccompaniedSession> {
  return present(await ownSession(ctx.store.db, ra, id), ctx.now());
}

/** The participant's sessions still running (the CS staff member ends one from their own desk, too). */
export async function mine(ctx: AppContext, ra: RequestActor): Promise<{ items: AccompaniedSession[] }> {
  const now = ctx.now();
  const mineRows = await sessionRows(
    ctx.store.db,
    and(
      or(eq(accompaniedSessions.leadUserId, ra.actor.userId), eq(accompaniedSessions.csUserId, ra.actor.userId)),
      isNull(accompaniedSessions.endedAt),
      gt(accompaniedSessions.expiresAt, now),
    ),
  );
  return { items: mineRows.filter((r) => can(accompaniedPolicy, ra.actor, 'read', r.s)).map((r) => present(r, now)) };
}

/** Either of the two ends the session; an ended or expired one cannot be ended again (409). */
export async function end(ctx: AppContext, ra: RequestActor, id: string): Promise<AccompaniedSession> {
  const now = ctx.now();
  return ctx.store.db.transaction(async (tx) => {
    const r = await ownSession(tx, ra, id);
    const [done] = await tx
      .update(accompaniedSessions)
      .set({ endedAt: now, endedBy: ra.actor.userId })
      .where(and(eq(accompaniedSessions.id, id), isNull(accompaniedSessions.endedAt), gt(accompaniedSessions.expiresAt, now)))
      .returning({ id: accompaniedSessions.id });
    if (!done) throw new AppError(409, 'INVALID_STATE', undefined, undefined, { current: { active: false } });
    await appendAudit(
      tx,
      { actor: ra.actor, action: 'accompanied.end', entity: 'accompanied_session', entityId: id, projectId: r.s.projectId, ip: ra.ip, detail: { household: r.s.householdId, leadName: r.leadName, csName: r.csName } },
      now,
    );
    return present((await sessionRows(tx, eq(accompaniedSessions.id, id)))[0], now);
  });
}

/**
 * ARC-8/9: the household's file inside a running session, masked, with nothing to act on. Every view is on the
 * trail naming both people; after the session's end or expiry the server answers 404.
 */
export async function file(ctx: AppContext, ra: RequestActor, id: string): Promise<AccompaniedFile> {
  const now = ctx.now();
  return ctx.store.db.transaction(async (tx) => {
    const r = await ownSession(tx, ra, id);
    if (!isActive(r.s, now)) throw notFound();
    const [h] = await tx
      .select({
        unitCode: units.code,
        projectName: projects.name,
        districtName: districts.name,
        buildingName: buildings.name,
        floor: units.floor,
        areaM2: units.areaM2,
        handoverDate: units.handoverDate,
        movedInAt: households.movedInAt,
      })
      .from(households)
      .innerJoin(units, eq(units.id, households.unitId))
      .innerJoin(projects, eq(projects.id, households.projectId))
      .leftJoin(buildings, eq(buildings.id, units.buildingId))
      .leftJoin(districts, eq(districts.id, buildings.districtId))
      .where(eq(households.id, r.s.householdId));
    const people = await tx
      .select({ relation: persons.relation, name: persons.name, phone: persons.phone, idNumber: persons.idNumber })
      .from(persons)
      .where(eq(persons.householdId, r.s.householdId))
      .orderBy(asc(persons.relation), asc(persons.name));
    const docs = await tx
      .select({ department: archiveTemplates.department, name: archiveTemplates.name, status: archiveDocuments.status, location: archiveDocuments.location })
      .from(archiveTemplates)
      .leftJoin(archiveDocuments, and(eq(archiveDocuments.templateId, archiveTemplates.id), eq(archiveDocuments.householdId, r.s.householdId)))
      .where(and(eq(archiveTemplates.projectId, r.s.projectId), eq(archiveTemplates.active, true)))
      .orderBy(asc(archiveTemplates.sort), asc(archiveTemplates.name));
    await appendAudit(
      tx,
      {
        actor: ra.actor,
        action: 'household.accompanied_read',
        entity: 'household',
        entityId: r.s.householdId,
        projectId: r.s.projectId,
        ip: ra.ip,
        detail: { session: id, leadName: r.leadName, csName: r.csName, reason: r.s.reason },
      },
      now,
    );
    return {
      session: present(r, now),
      watermark: `${r.leadName} · ${r.csName} · ${beijing(now)} 陪同查阅 仅供查看`,
      readOnly: true as const,
      household: {
        ...h,
        // ARC-12: phones and ID numbers leave the server masked; the session has no reveal.
        persons: people.map((p) => ({ relation: p.relation, name: p.name, phone: maskPhone(p.phone), idNumber: maskIdNumber(p.idNumber) })),
      },
      archive: docs.map((d) => ({ department: d.department, name: d.name, received: d.status === 'received', location: d.status === 'received' ? (d.location ?? null) : null })),
    };
  });
}

/** ARC-9/10: who saw which household, with whom, when — for supervisors of the project. */
export async function report(ctx: AppContext, ra: RequestActor, q: { projectId?: string; limit: number }): Promise<AccompaniedReport> {
  const pids = [...ra.actor.projectIds].filter((p) => can(accompaniedPolicy, ra.actor, 'report', { projectId: p }) && (!q.projectId || p === q.projectId));
  if (q.projectId && pids.length === 0) throw notFound();
  if (pids.length === 0) return { items: [] };
  const now = ctx.now();
  const list = await sessionRows(ctx.store.db, inArray(accompaniedSessions.projectId, pids), q.limit);
  const ids = list.map((r) => r.s.id);
  const views = ids.length
    ? await rows<{ session: string; at: string; by: string | null }>(
        ctx.store.db,
        sql`SELECT detail->>'session' AS session, at::text AS at, actor_id::text AS by FROM audit_log
            WHERE action = 'household.accompanied_read' AND detail->>'session' IN ${sql`(${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`} ORDER BY seq`,
      )
    : [];
  return {
    items: list.map((r) => {
      const { serverNow: _ignored, ...s } = present(r, now);
      void _ignored;
      return {
        ...s,
        projectId: r.s.projectId,
        views: views.filter((v) => v.session === r.s.id).map((v) => ({ at: new Date(v.at).toISOString(), byName: v.by === r.s.csUserId ? r.csName : r.leadName })),
      };
    }),
  };
}
