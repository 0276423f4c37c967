import { and, eq, gt, sql } from 'drizzle-orm';
import { auditLog } from '../../domain/audit/audit.table';
import { users } from '../../domain/users/users.table';
import { appendAudit } from '../audit/audit.writer';
import type { AppContext } from '../context';
import { AppError, tooMany } from '../errors';
import { burnVerifyTime, verifyPassword } from './passwords';
import { createSession, deleteSession } from './sessions';
import { wake } from '../notifications/notifier';

export interface LoginResult {
  token: string;
  csrfToken: string;
  userId: string;
}

/** Failed attempts are counted from the audit trail itself: durable, and shared by every app instance. */
async function recentFailures(ctx: AppContext, column: 'subject' | 'ip', value: string): Promise<number> {
  const since = new Date(ctx.now().getTime() - ctx.config.loginWindowMinutes * 60_000).toISOString();
  const col = column === 'subject' ? auditLog.subject : auditLog.ip;
  const [r] = await ctx.store.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'auth.login_failed'), eq(col, value), gt(auditLog.at, since)));
  return r?.n ?? 0;
}

export async function login(
  ctx: AppContext,
  input: { username: string; password: string },
  ip: string,
  previousSessionHash?: string,
): Promise<LoginResult> {
  const now = ctx.now();
  const username = input.username.trim();
  const { db } = ctx.store;
  const failedUser = await recentFailures(ctx, 'subject', username);
  const failedIp = await recentFailures(ctx, 'ip', ip);
  if (failedUser >= ctx.config.loginMaxFailures || failedIp >= ctx.config.loginMaxFailures * 4) {
    await db.transaction((tx) => appendAudit(tx, { actor: null, action: 'auth.login_blocked', subject: username, ip }, now));
    throw tooMany();
  }
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : (await burnVerifyTime(input.password), false);
  if (!user || !passwordOk || user.disabled) {
    const reason = !user ? 'unknown_user' : !passwordOk ? 'bad_password' : 'disabled';
    await db.transaction((tx) => appendAudit(tx, { actor: null, action: 'auth.login_failed', subject: username, ip, detail: { reason } }, now));
    throw new AppError(401, user && passwordOk && user.disabled ? 'USER_DISABLED' : 'BAD_CREDENTIALS');
  }
  return db.transaction(async (tx) => {
    // A new session id on every login: a session planted before login is dropped (fixation).
    if (previousSessionHash) await deleteSession(tx, previousSessionHash);
    const s = await createSession(tx, user.id, now);
    await appendAudit(tx, { actor: { userId: user.id, username: user.username }, action: 'auth.login', subject: username, ip }, now);
    return { ...s, userId: user.id };
  });
}

export async function logout(ctx: AppContext, sessionHash: string, actor: { userId: string; username: string }, ip: string): Promise<void> {
  await ctx.store.db.transaction(async (tx) => {
    await deleteSession(tx, sessionHash);
    await appendAudit(tx, { actor, action: 'auth.logout', subject: actor.username, ip }, ctx.now());
    await wake(tx, { k: [actor.userId] });
  });
}
