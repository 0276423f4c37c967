import { z } from 'zod';
import { ROLES } from '../shared/roles';
import { abilitiesOf, projectRef } from '../shared/api.contract';
import { userPolicy } from './users.policy';
import { plainText } from '../shared/text';

const username = z.string().trim().min(2, '用户名至少 2 个字符').max(32, '用户名最多 32 个字符').regex(/^[a-zA-Z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和横线');
const password = z.string().min(8, '密码至少 8 位').max(128, '密码最多 128 位');
const roles = z.array(z.enum(ROLES, { error: '无效的角色' })).min(1, '至少选择一个角色').max(ROLES.length);
const projectIds = z.array(z.uuid({ error: '无效的项目' })).max(500);

export const userCreate = z
  .object({
    username,
    displayName: plainText({ max: 50, required: '请输入姓名' }),
    password,
    roles,
    projectIds: projectIds.default([]),
  })
  .strict();
export type UserCreate = z.infer<typeof userCreate>;

export const userPatch = z
  .object({
    version: z.number().int().positive(),
    displayName: plainText({ max: 50, required: '请输入姓名' }).optional(),
    password: password.optional(),
    roles: roles.optional(),
    projectIds: projectIds.optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
export type UserPatch = z.infer<typeof userPatch>;

// Answers (src/server/users/users.routes.ts).

export const userAbilities = abilitiesOf(userPolicy);

export const userView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  roles: z.array(z.enum(ROLES)),
  projectIds: z.array(z.uuid()),
  abilities: userAbilities,
});
export type UserView = z.infer<typeof userView>;

export const userList = z.object({ items: z.array(userView) });
export const projectList = z.object({ items: z.array(projectRef) });
