import { count, eq } from 'drizzle-orm';
import { projects, warrantyTerms } from '../../domain/property/property.table';
import { userProjects, userRoles, users } from '../../domain/users/users.table';
import { judgePassword } from '../../domain/users/password-strength';
import { appendAudit } from '../audit/audit.writer';
import { hashPassword } from '../auth/passwords';
import type { Store } from '../db/store';
import { DEFAULT_WARRANTY_TERMS } from '../seed/demo-data';
import { seedServiceDesk } from '../seed/service-desk-seed';

export interface SetupInput {
  projectCode: string;
  projectName: string;
  username: string;
  displayName: string;
  password: string;
}

export class SetupRefused extends Error {}

/**
 * The first administrator (and first estate) of a store without demo data. Refused when the store already has
 * users: from then on administrators manage accounts in the app. The password must pass the strength check.
 */
export async function setupFirstAdmin(store: Store, input: SetupInput, now: Date): Promise<{ userId: string; projectId: string }> {
  if (!/^[A-Za-z0-9_-]{2,20}$/.test(input.projectCode)) throw new SetupRefused('项目编码只能用 2-20 位字母、数字、- 或 _ (project code: 2-20 letters, digits, - or _)');
  if (!input.projectName.trim()) throw new SetupRefused('请填写项目名称 (project name required)');
  if (!/^[a-z0-9_.-]{2,32}$/.test(input.username)) throw new SetupRefused('用户名只能用 2-32 位小写字母、数字、. _ - (username: 2-32 lower-case letters, digits, . _ -)');
  const verdict = judgePassword(input.password, [input.username, input.displayName, input.projectCode, input.projectName]);
  if (!verdict.ok) throw new SetupRefused(verdict.message);
  const passwordHash = await hashPassword(input.password);
  return store.db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: count() }).from(users);
    if (n > 0) throw new SetupRefused('这个数据库已有用户：请由管理员在“用户管理”中添加账号 (the store already has users)');
    const [project] = await tx.insert(projects).values({ code: input.projectCode, name: input.projectName.trim() }).returning({ id: projects.id });
    await tx.insert(warrantyTerms).values(DEFAULT_WARRANTY_TERMS.map((w) => ({ ...w, projectId: project.id })));
    await seedServiceDesk(tx, project.id);
    const [user] = await tx.insert(users).values({ username: input.username, displayName: input.displayName.trim() || input.username, passwordHash }).returning({ id: users.id });
    await tx.insert(userRoles).values({ userId: user.id, role: 'admin' });
    await tx.insert(userProjects).values({ userId: user.id, projectId: project.id });
    await appendAudit(tx, { actor: null, action: 'system.setup', entity: 'user', entityId: user.id, projectId: project.id, subject: input.username }, now);
    const [check] = await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id));
    return { userId: check.id, projectId: project.id };
  });
}
