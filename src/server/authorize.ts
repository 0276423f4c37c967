import { can, hasAny, type Actor, type Policy, type Scoped } from '../domain/shared/policy';
import { AppError, forbidden, notFound } from './errors';

/**
 * The one authorization call of every service. A record the actor may not read does not exist
 * for them (404); a readable record whose action is not allowed answers 403.
 */
export function authorize<R extends Scoped, A extends string>(
  policy: Policy<R, A>,
  actor: Actor,
  action: A | 'read',
  rec: R | null | undefined,
): asserts rec is R {
  if (!rec || !can(policy, actor, 'read' as A, rec)) throw notFound();
  if (action !== 'read' && !can(policy, actor, action as A, rec)) {
    // Allowed for this actor in general, but not in the record's present state: a conflict, not a refusal.
    const grant = policy.grants[action as A];
    const inScope = grant.scope === 'global' || (rec.projectId !== null && actor.projectIds.has(rec.projectId));
    if (grant.when && hasAny(actor, grant.roles) && inScope) {
      const r = rec as Scoped & { status?: unknown; version?: unknown };
      throw new AppError(409, 'INVALID_STATE', undefined, undefined, { current: { status: r.status, version: r.version } });
    }
    throw forbidden();
  }
}
