import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { sessions } from '../../domain/users/users.table';
import type { Actor } from '../../domain/shared/policy';
import type { Role } from '../../domain/shared/roles';
import { rows, type Executor } from '../db/store';

export const SESSION_COOKIE = 'wd_session';
export const CSRF_COOKIE = 'wd_csrf';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export interface LoadedSession {
  tokenHash: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  disabled: boolean;
  actor: Actor;
}

export async function createSession(ex: Executor, userId: string, now: Date): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  await ex.insert(sessions).values({ tokenHash: tokenHash(token), userId, csrfToken, createdAt: now, lastSeenAt: now });
  return { token, csrfToken };
}

/** One query: the session, its user, roles and projects. */
export async function loadSession(ex: Executor, token: string): Promise<LoadedSession | null> {
  const th = tokenHash(token);
  const [r] = await rows<{
    user_id: string;
    csrf_token: string;
    created_at: string | Date;
    last_seen_at: string | Date;
    username: string;
    display_name: string;
    disabled: boolean;
    roles: string[] | null;
    projects: string[] | null;
  }>(
    ex,
    sql`SELECT s.user_id, s.csrf_token, s.created_at, s.last_seen_at, u.username, u.display_name, u.disabled,
          (SELECT array_agg(r.role::text) FROM user_roles r WHERE r.user_id = u.id) AS roles,
          (SELECT array_agg(p.project_id::text) FROM user_projects p WHERE p.user_id = u.id) AS projects
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ${th}`,
  );
  if (!r) return null;
  return {
    tokenHash: th,
    csrfToken: r.csrf_token,
    createdAt: new Date(r.created_at),
    lastSeenAt: new Date(r.last_seen_at),
    disabled: r.disabled,
    actor: {
      userId: r.user_id,
      username: r.username,
      displayName: r.display_name,
      roles: new Set((r.roles ?? []) as Role[]),
      projectIds: new Set(r.projects ?? []),
    },
  };
}

export async function touchSession(ex: Executor, th: string, now: Date): Promise<void> {
  await ex.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, th));
}

export async function deleteSession(ex: Executor, th: string): Promise<void> {
  await ex.delete(sessions).where(eq(sessions.tokenHash, th));
}

export async function deleteUserSessions(ex: Executor, userId: string): Promise<void> {
  await ex.delete(sessions).where(eq(sessions.userId, userId));
}
