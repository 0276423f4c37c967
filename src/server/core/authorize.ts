import { can, refusal, type Actor, type Policy, type Scoped } from '../../domain/shared/policy';
import { AppError, forbidden, notFound } from './errors';

/**
 * The one authorization call of every service. A record the actor may not read does not exist for them
 * (404), nor does one he may read but that is not his to act on (the grant's `owns` fails: 404, ADR 0004);
 * a readable record whose action his roles never allow answers 403; one whose state forbids the action
 * now answers 409 INVALID_STATE (the grant's `when`, ADR 0009).
 */
export function authorize<R extends Scoped, A extends string>(
  policy: Policy<R, A>,
  actor: Actor,
  action: A | 'read',
  rec: R | null | undefined,
): asserts rec is R {
  if (!rec || !can(policy, actor, 'read' as A, rec)) throw notFound();
  const why = refusal(policy, actor, action as A, rec);
  if (why === 'scope') throw notFound();
  if (why === 'state') {
    // Allowed for this actor on this record in general, but not in its present state: a conflict, not a refusal.
    const r = rec as Scoped & { status?: unknown; version?: unknown };
    throw new AppError(409, 'INVALID_STATE', undefined, undefined, { current: { status: r.status, version: r.version } });
  }
  if (why === 'role') throw forbidden();
}
