import { eq, sql } from 'drizzle-orm';
import { users } from '../../domain/users/users.table';
import { appendAudit } from '../audit/audit.writer';
import type { AppContext } from '../core/context';
import { rows } from '../db/store';
import { AppError, tooMany } from '../core/errors';
import { burnVerifyTime, verifyPassword } from './passwords';
import { createSession, deleteSession } from './sessions';
import { wake } from '../notifications/notifier';

export interface LoginResult {
  token: string;
  csrfToken: string;
  userId: string;
}

/**
 * Reserves one login attempt for this username from this address, atomically: under a lock on the pair,
 * the attempts since the pair's last success inside the window are counted and, below the limit, one more
 * is written. The count includes attempts still being checked, so 30 concurrent guesses get exactly the
 * limit checked. Locking per username *and* address (ASVS V2.2.1): a stranger elsewhere cannot lock a user
 * out; one address guessing many usernames meets its own, higher limit. Counted from the audit trail:
 * durable and shared by every instance.
 */
async function reserveAttempt(ctx: AppContext, username: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - ctx.config.loginWindowMinutes * 60_000).toISOString();
  return ctx.store.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`login|${username}|${ip}`}))`);
    const [r] = await rows<{ pair: number; address: number }>(
      tx,
      sql`SELECT
            (SELECT count(*)::int FROM audit_log a
              WHERE a.action = 'auth.login_attempt' AND a.subject = ${username} AND a.ip = ${ip}
                AND a.at > GREATEST(${since}::timestamptz, coalesce((SELECT max(b.at) FROM audit_log b
                  WHERE b.action = 'auth.login' AND b.subject = ${username} AND b.ip = ${ip} AND b.at > ${since}::timestamptz), ${since}::timestamptz))) AS pair,
            (SELECT count(*)::int FROM audit_log a WHERE a.action = 'auth.login_failed' AND a.ip = ${ip} AND a.at > ${since}::timestamptz) AS address`,
    );
    if (r.pair >= ctx.config.loginMaxFailures || r.address >= ctx.config.loginMaxFailures * 4) {
      await appendAudit(tx, { actor: null, action: 'auth.login_blocked', subject: username, ip }, now);
      return false;
    }
    await appendAudit(tx, { actor: null, action: 'auth.login_attempt', subject: username, ip }, now);
    return true;
  });
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
  if (!(await reserveAttempt(ctx, username, ip, now))) throw tooMany();
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : (await burnVerifyTime(input.password), false);
  if (!user || !passwordOk || user.disabled) {
    const reason = !user ? 'unknown_user' : !passwordOk ? 'bad_password' : 'disabled';
    await db.transaction((tx) => appendAudit(tx, { actor: null, action: 'auth.login_failed', subject: username, ip, detail: { reason } }, now));
    // A disabled account answers exactly like a wrong password: the right password is not confirmed.
    throw new AppError(401, 'BAD_CREDENTIALS');
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
    await wake(tx, { s: [sessionHash] }); // this device's streams only
  });
}
