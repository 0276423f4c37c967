import type { Role } from './roles';

/** Who is acting: the signed-in user with roles and the projects assigned to them. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: ReadonlySet<Role>;
  projectIds: ReadonlySet<string>;
}

/** Every record a policy judges carries its project. */
export interface Scoped {
  projectId: string | null;
}

/**
 * One grant of a declarative policy: which roles, within which scope, on which condition.
 * `project` — the record's project must be one of the actor's; `global` — any record.
 */
export interface Grant<R> {
  roles: readonly Role[];
  scope: 'project' | 'global';
  when?: (actor: Actor, rec: R) => boolean;
}

export interface Policy<R extends Scoped, A extends string> {
  resource: string;
  grants: Record<A, Grant<R>>;
}

/** Deny by default: an action is allowed only through its grant. `read` decides 404 versus 403. */
export function definePolicy<R extends Scoped, A extends 'read' | string>(
  resource: string,
  grants: Record<A, Grant<R>> & { read: Grant<R> },
): Policy<R, A> {
  return { resource, grants };
}

export const hasAny = (actor: Actor, roles: readonly Role[]) => roles.some((r) => actor.roles.has(r));

export function can<R extends Scoped, A extends string>(policy: Policy<R, A>, actor: Actor, action: A, rec: R): boolean {
  const grant = policy.grants[action];
  if (!grant) return false;
  if (!hasAny(actor, grant.roles)) return false;
  if (grant.scope === 'project' && (rec.projectId === null || !actor.projectIds.has(rec.projectId))) return false;
  return grant.when ? grant.when(actor, rec) : true;
}

/** The actor's abilities on one record, sent with it so the UI shows only what the server allows. */
export function abilities<R extends Scoped, A extends string>(policy: Policy<R, A>, actor: Actor, rec: R): Record<A, boolean> {
  const out = {} as Record<A, boolean>;
  for (const action of Object.keys(policy.grants) as A[]) out[action] = can(policy, actor, action, rec);
  return out;
}

/** Roles that may perform an action somewhere (used to build menus and list scopes). */
export function rolesFor<R extends Scoped, A extends string>(policy: Policy<R, A>, action: A): readonly Role[] {
  return policy.grants[action].roles;
}
