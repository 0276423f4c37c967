/**
 * Test kit for the hand-written policy tables (issue 8, points 1 and 4). A policy's expected answer is written
 * as a row of 14 cells, one per role of the manual, in this fixed order:
 *
 *     adm spc ast acm sup ctr dsk tec wen eld grd gld gat ven
 *
 * adm 系统管理员, spc 客服专员, ast 客服助理, acm 客户经理(辖区), sup 客服部主管, ctr 项目服务中心经理,
 * dsk 前台/客服部管理员, tec 工程维护员, wen 工程师(开发商保修), eld 工程部领班, grd 保安员, gld 保安班长,
 * gat 入口值班保安, ven 外联单位.
 * `Y` allowed, `.` refused for the role (403), `o` the role has the grant but this record is not his (404). The rows are written from SPEC.md and the access table (src/server/access-table.ts),
 * never computed from the policy under test. Only the parsing and the driving loop live here.
 */
import { expect } from 'vitest';
import { can, refusal, type Actor, type Policy, type Scoped } from './policy';
import type { Role } from './roles';

export const COLUMNS: readonly Role[] = [
  'admin',
  'cs_specialist',
  'cs_assistant',
  'account_manager',
  'cs_supervisor',
  'centre_manager',
  'front_desk',
  'technician',
  'warranty_engineer',
  'eng_lead',
  'guard',
  'guard_leader',
  'gate_guard',
  'vendor',
];

function cells(row: string): string[] {
  const out = row.trim().split(/\s+/);
  if (out.length !== COLUMNS.length) throw new Error(`row has ${out.length} cells, expected ${COLUMNS.length}: ${row}`);
  for (const c of out) if (c !== 'Y' && c !== '.' && c !== 'o') throw new Error(`bad cell ${c} in ${row}`);
  return out;
}

/** The roles a row marks `Y`. */
export const allowedIn = (row: string): Role[] => cells(row).flatMap((c, i) => (c === 'Y' ? [COLUMNS[i]] : []));
/** The roles a row marks `o` (granted, but not on this record). */
export const notTheirsIn = (row: string): Role[] => cells(row).flatMap((c, i) => (c === 'o' ? [COLUMNS[i]] : []));

export const actor = (roles: Role[], projectIds: string[] = ['p1'], userId = 'u1'): Actor => ({
  userId,
  username: userId,
  displayName: userId,
  roles: new Set(roles),
  projectIds: new Set(projectIds),
});

/** Title fragment naming the allowed roles. */
export const who = (row: string) => {
  const a = allowedIn(row);
  return a.length ? a.join(', ') : 'nobody';
};

/**
 * Drives one row: every role alone, assigned to p1, acting on `rec` (which lies in p1 and satisfies the grant's
 * own and state conditions for the allowed roles) must get exactly the row's answer, and a refused role must be
 * refused for its role (403), not for scope. With `otherProject`, the allowed roles get the same record moved to
 * another project refused as out of scope (404): `'scope'`; with `'global'` the grant is project-free; with
 * `'own-test'` the caller writes the other-project cases itself.
 */
export function expectRow<R extends Scoped, A extends string>(
  policy: Policy<R, A>,
  action: A,
  row: string,
  rec: R,
  otherProject: 'scope' | 'global' | 'own-test' = 'scope',
  actorFor: (role: Role) => Actor = (role) => actor([role]),
) {
  const allowed = new Set(allowedIn(row));
  const notTheirs = new Set(notTheirsIn(row));
  const got: Record<string, string> = {};
  const want: Record<string, string> = {};
  for (const role of COLUMNS) {
    const a = actorFor(role);
    got[role] = `${can(policy, a, action, rec)}/${refusal(policy, a, action, rec)}`;
    want[role] = allowed.has(role) ? 'true/none' : notTheirs.has(role) ? 'false/scope' : 'false/role';
  }
  expect(got).toEqual(want);
  if (otherProject === 'own-test') return; // the caller writes the other-project cases itself
  const elsewhere = { ...rec, projectId: 'p9' };
  const gotOther: Record<string, string> = {};
  const wantOther: Record<string, string> = {};
  for (const role of allowed) {
    const a = actorFor(role);
    gotOther[role] = `${can(policy, a, action, elsewhere)}/${refusal(policy, a, action, elsewhere)}`;
    wantOther[role] = otherProject === 'scope' ? 'false/scope' : 'true/none';
  }
  expect(gotOther).toEqual(wantOther);
  if (otherProject === 'scope') {
    // A record that belongs to no project is nobody's in a project-scoped grant.
    for (const role of allowed) expect(can(policy, actorFor(role), action, { ...rec, projectId: null })).toBe(false);
  }
}
