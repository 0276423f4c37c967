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
 * One grant of a declarative policy: which roles, within which scope, on which conditions.
 * `project` — the record's project must be one of the actor's; `global` — any record.
 * Two kinds of condition, answered differently (see `authorize`):
 * - `owns`: ownership or scope of this actor on this record (his own work order, a project he manages).
 *   Failing it answers like no access at all: 404 (ADR 0004).
 * - `when`: the record's state (close only a resolved record). Failing it answers 409 INVALID_STATE (ADR 0009).
 */
export interface Grant<R> {
  roles: readonly Role[];
  scope: 'project' | 'global';
  owns?: (actor: Actor, rec: R) => boolean;
  when?: (rec: R) => boolean;
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

/** The record belongs to one of the actor's projects. A record without a project (null) belongs to none of them. */
export const inProject = (actor: Actor, rec: Scoped) => (actor.projectIds as ReadonlySet<string | null>).has(rec.projectId);

/** What each scope covers: `global` any record, `project` a record of the actor's projects. There is no other scope. */
const SCOPES: Record<Grant<Scoped>['scope'], (actor: Actor, rec: Scoped) => boolean> = { global: () => true, project: inProject };
const inScope = <R extends Scoped>(grant: Grant<R>, actor: Actor, rec: R) => SCOPES[grant.scope](actor, rec);

export function can<R extends Scoped, A extends string>(policy: Policy<R, A>, actor: Actor, action: A, rec: R): boolean {
  const grant = policy.grants[action];
  if (!grant) return false;
  if (!hasAny(actor, grant.roles)) return false;
  if (!inScope(grant, actor, rec)) return false;
  if (grant.owns && !grant.owns(actor, rec)) return false;
  return grant.when ? grant.when(rec) : true;
}

/**
 * Why an action is refused, for the answer: `none` allowed; `role` the actor's roles never do this (403);
 * `scope` the record is outside his projects or not his (404, as if it did not exist); `state` its state
 * forbids the action now (409).
 */
export function refusal<R extends Scoped, A extends string>(policy: Policy<R, A>, actor: Actor, action: A, rec: R): 'none' | 'role' | 'scope' | 'state' {
  const grant = policy.grants[action];
  if (!grant || !hasAny(actor, grant.roles)) return 'role';
  if (!inScope(grant, actor, rec)) return 'scope';
  if (grant.owns && !grant.owns(actor, rec)) return 'scope';
  if (grant.when && !grant.when(rec)) return 'state';
  return 'none';
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
