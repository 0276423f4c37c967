import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { userProjects, userRoles, users } from '../../domain/users/users.table';
import { projects } from '../../domain/property/property.table';
import { userPolicy } from '../../domain/users/users.policy';
import type { UserCreate, UserPatch, UserView } from '../../domain/users/users.contract';
import { abilities, type Actor } from '../../domain/shared/policy';
import type { Role } from '../../domain/shared/roles';
import { appendAudit } from '../audit/audit.writer';
import { hashPassword } from '../auth/passwords';
import { judgePassword } from '../../domain/users/password-strength';
import { deleteUserSessions } from '../auth/sessions';
import { wake } from '../notifications/notifier';
import type { AppContext, RequestActor } from '../core/context';
import { authorize } from '../core/authorize';
import { badRequest, conflict } from '../core/errors';
import type { Executor } from '../db/store';

const GLOBAL = { projectId: null };

async function checkProjects(ex: Executor, ids: string[]) {
  if (ids.length === 0) return;
  const found = await ex.select({ id: projects.id }).from(projects).where(inArray(projects.id, ids));
  if (found.length !== new Set(ids).size) throw badRequest([{ path: 'body.projectIds', message: '项目不存在' }]);
}

async function loadUsers(ex: Executor, actor: Actor, ids?: string[]): Promise<UserView[]> {
  const base = ex
    .select({ id: users.id, username: users.username, displayName: users.displayName, disabled: users.disabled, version: users.version, createdAt: users.createdAt })
    .from(users);
  const list = await (ids ? base.where(inArray(users.id, ids)) : base).orderBy(asc(users.username));
  const uids = list.map((u) => u.id);
  const rs = uids.length ? await ex.select().from(userRoles).where(inArray(userRoles.userId, uids)) : [];
  const ps = uids.length ? await ex.select().from(userProjects).where(inArray(userProjects.userId, uids)) : [];
  return list.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    disabled: u.disabled,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    roles: rs.filter((r) => r.userId === u.id).map((r) => r.role),
    projectIds: ps.filter((p) => p.userId === u.id).map((p) => p.projectId),
    abilities: abilities(userPolicy, actor, GLOBAL),
  }));
}

export async function listUsers(ctx: AppContext, ra: RequestActor) {
  authorize(userPolicy, ra.actor, 'read', GLOBAL);
  return loadUsers(ctx.store.db, ra.actor);
}

export async function createUser(ctx: AppContext, ra: RequestActor, input: UserCreate) {
  authorize(userPolicy, ra.actor, 'create', GLOBAL);
  requireStrongPassword(input.password, [input.username, input.displayName]);
  const passwordHash = await hashPassword(input.password);
  return ctx.store.db.transaction(async (tx) => {
    const [dupe] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).limit(1);
    if (dupe) throw badRequest([{ path: 'body.username', message: '用户名已被使用' }], 'DUPLICATE');
    await checkProjects(tx, input.projectIds);
    const [u] = await tx.insert(users).values({ username: input.username, displayName: input.displayName, passwordHash }).returning({ id: users.id });
    await tx.insert(userRoles).values([...new Set(input.roles)].map((role) => ({ userId: u.id, role })));
    if (input.projectIds.length) await tx.insert(userProjects).values([...new Set(input.projectIds)].map((projectId) => ({ userId: u.id, projectId })));
    await appendAudit(tx, { actor: ra.actor, action: 'user.create', entity: 'user', entityId: u.id, ip: ra.ip, detail: { username: input.username, roles: input.roles, projectIds: input.projectIds } }, ctx.now());
    const [created] = await loadUsers(tx, ra.actor, [u.id]);
    return created;
  });
}

/** A weak password is a field error with the estimator's reasons in Chinese. */
function requireStrongPassword(password: string, personal: string[]): void {
  const verdict = judgePassword(password, personal);
  if (!verdict.ok) throw badRequest([{ path: 'body.password', message: verdict.message }], 'WEAK_PASSWORD');
}

export async function updateUser(ctx: AppContext, ra: RequestActor, id: string, patch: UserPatch) {
  if (patch.password) {
    const [who] = await ctx.store.db.select({ username: users.username, displayName: users.displayName }).from(users).where(eq(users.id, id)).limit(1);
    authorize(userPolicy, ra.actor, 'update', who ? GLOBAL : null);
    requireStrongPassword(patch.password, [who?.username ?? '', patch.displayName ?? who?.displayName ?? '']);
  }
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  return ctx.store.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id, version: users.version }).from(users).where(eq(users.id, id)).limit(1);
    authorize(userPolicy, ra.actor, 'update', existing ? GLOBAL : null);
    if (patch.disabled && id === ra.actor.userId) throw badRequest([{ path: 'body.disabled', message: '不能停用自己的账号' }]);
    if (patch.projectIds) await checkProjects(tx, patch.projectIds);
    const [row] = await tx
      .update(users)
      .set({
        displayName: patch.displayName,
        disabled: patch.disabled,
        passwordHash,
        version: sql`${users.version} + 1`,
        updatedAt: ctx.now(),
      })
      .where(and(eq(users.id, id), eq(users.version, patch.version)))
      .returning({ id: users.id });
    if (!row) throw conflict({ current: { version: existing.version } });
    if (patch.roles) {
      await tx.delete(userRoles).where(eq(userRoles.userId, id));
      await tx.insert(userRoles).values([...new Set(patch.roles)].map((role: Role) => ({ userId: id, role })));
    }
    if (patch.projectIds) {
      await tx.delete(userProjects).where(eq(userProjects.userId, id));
      if (patch.projectIds.length) await tx.insert(userProjects).values([...new Set(patch.projectIds)].map((projectId) => ({ userId: id, projectId })));
    }
    // Disabling a user, or changing the password, ends every session they have.
    if (patch.disabled || passwordHash) {
      await deleteUserSessions(tx, id);
      await wake(tx, { k: [id] }); // and their live streams, on every instance
    }
    const { password: _pw, version: _v, ...logged } = patch;
    await appendAudit(tx, { actor: ra.actor, action: 'user.update', entity: 'user', entityId: id, ip: ra.ip, detail: { ...logged, passwordChanged: Boolean(passwordHash) } }, ctx.now());
    const [updated] = await loadUsers(tx, ra.actor, [id]);
    return updated;
  });
}

export async function listProjects(ctx: AppContext, ra: RequestActor) {
  authorize(userPolicy, ra.actor, 'read', GLOBAL);
  return ctx.store.db.select({ id: projects.id, code: projects.code, name: projects.name }).from(projects).orderBy(asc(projects.code));
}
