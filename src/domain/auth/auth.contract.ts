import { z } from 'zod';
import { ROLES } from '../shared/roles';
import { projectRef } from '../shared/api.contract';

export const loginBody = z
  .object({
    username: z.string().trim().min(1, '请输入用户名').max(64),
    password: z.string().min(1, '请输入密码').max(256),
  })
  .meta({ example: { username: 'admin', password: 'demo1234' } });
export type LoginBody = z.infer<typeof loginBody>;

/** The CSRF token to send back in `X-CSRF-Token` on every unsafe request (also set as the wd_csrf cookie). */
export const loginResult = z.object({ ok: z.literal(true), csrfToken: z.string() });
export type LoginResult = z.infer<typeof loginResult>;

/** What the menu may offer; every record still carries its own abilities. */
export const menu = z.object({
  register: z.boolean(),
  users: z.boolean(),
  audit: z.boolean(),
  intake: z.boolean(),
  calls: z.boolean(),
  board: z.boolean(),
  reports: z.boolean(),
  tasks: z.boolean(),
  /** 住户求助: the desk's help requests and incidents */
  help: z.boolean(),
  /** 应急任务: a responder's open playbook steps (guards, engineering) on a phone */
  duty: z.boolean(),
  /** 值班表: kept by the supervisors and the security shift leader */
  roster: z.boolean(),
  /** 钥匙管理: the front desk's and the guards' key desk (KEY-2). */
  keys: z.boolean(),
  /** 业户档案: the customer-service centre's archive checklist and completeness. */
  archives: z.boolean(),
  /** 陪同查阅: department leads ask, CS staff confirm and end, supervisors read the report (ARC-8..10). */
  accompanied: z.boolean(),
  complaints: z.boolean(),
  visits: z.boolean(),
  contactForms: z.boolean(),
});
export type MenuItem = keyof z.infer<typeof menu>;

export const me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  projects: z.array(projectRef),
  csrfToken: z.string().optional(),
  menu,
});
export type Me = z.infer<typeof me>;

/** GET /api/auth/notice: what the sign-in page says before anyone signs in (demo accounts with the published password). */
export const loginNotice = z.object({ demoAccounts: z.boolean() });
export type LoginNotice = z.infer<typeof loginNotice>;
