import { can, type Actor, type Policy, type Scoped } from '../domain/shared/policy';
import { forbidden, notFound } from './errors';

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
  if (action !== 'read' && !can(policy, actor, action as A, rec)) throw forbidden();
}
