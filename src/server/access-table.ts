/**
 * WHO MAY DO WHAT — the access table, written by hand from the manual (issue 8, point 1).
 *
 * This file is data only. It imports nothing from the code under test: no policy, no grant, no role list.
 * `access-table.test.ts` drives every row through the real app on every store, as every demo user
 * (src/domain/users/demo-accounts.ts), and fails when the served OpenAPI document has an operation
 * without a row.
 *
 * One row = one operation on one kind of record in one scope:
 *  - `op`     the operation exactly as the OpenAPI document names it: 'POST /api/calls/{id}/close'.
 *  - `on`     the fixture record that fills the path's `{id}` (see `FIXTURE` in the test). Other path
 *             placeholders are filled by name (`{templateId}` → fixture.template).
 *  - `query`  the query string; `{project}` is the fixture's project (p1 for own, p3 for other).
 *  - `body`   a request body valid for the schema, so a refused role meets the refusal (403/404) and not a
 *             400. A string value '{x}' is replaced by fixture value x; '{version}' by the current version
 *             of the `on` record.
 *  - `allow`  the demo usernames that may do it on the record of their own project (p1, where every demo
 *             user is assigned); 'all' = every signed-in user. Everyone else must get 403 or 404.
 *  - `other`  who may do it on the same kind of record in a project they are not assigned to (p3):
 *             '' = nobody, and the answer must be 404 exactly (existence does not leak); `undefined` = the
 *             operation has no project (the user's own notifications, the admin's user list).
 *  - `filter` a list whose `projectId` is only a filter: another project's answer may be 404 or a 200 that holds
 *             none of that project's records (an empty list leaks nothing either).
 *  - `public` anybody, signed in or not; otherwise an anonymous request must get 401.
 *  - `fresh`  the operation consumes its record (DELETE) or the session (login, logout): a fresh record, or a
 *             fresh sign-in, per user.
 *  - `clause` the SPEC.md clause the row proves; it starts the test title so the traceability generator counts it.
 * "Allowed" means the app let the user past authorization: any status below 500 other than 401/403/404
 * (a 409 from the record's state or a 400 from a business rule after authorization still means access).
 *
 * To add a row for a new route: copy a row of the same feature, set `op` to the OpenAPI name, pick the
 * fixture record (add one to `buildFixture` in the test if none fits), write `allow` from the manual's
 * clause and the role list below — never from the policy file — and cite both in the comment above it.
 */

/* ---- Who is who: the demo accounts, by the manual's role list (SPEC.md, "Who works here (roles)"). ---- */
// 客服专员 kefu, 客服助理 zhuli, 客户经理(辖区) jingli/jingli2/jingli3 (东区/中区/西区), 客服部主管 zhuguan,
// 项目服务中心经理 zhongxin, 前台/客服部管理员 qiantai: the customer-service centre (客户服务中心).
// 工程维护员 weixiu, 工程师(开发商) gongchengshi, 工程部领班 lingban, 保安员 baoan, 保安班长 banzhang,
// 入口值班保安 menwei, 外联单位 waibu (broadband company), 系统管理员 admin (not in the manual: keeps accounts
// and the register's master data, does no customer service).

/** The customer-service centre: everyone whose daily work is the households' calls (roles table rows 1-6). */
const CS_CENTRE = 'kefu zhuli jingli jingli2 jingli3 zhuguan zhongxin qiantai';
/** The desk that writes records and follows them up: specialist, assistant, account managers, supervisor, front desk. */
const FOLLOW_UP = 'kefu zhuli jingli jingli2 jingli3 zhuguan qiantai';
/** Everyone who takes part in help incidents (HELP-6/7: front desk, CS, security, engineering). */
const HELP_READERS = 'kefu zhuli jingli jingli2 jingli3 zhuguan zhongxin qiantai weixiu lingban baoan banzhang menwei';
/** Whoever holds or hands out keys: front desk and the guards (KEY-2), their supervisors and the admin. */
const KEY_READERS = 'admin qiantai baoan banzhang menwei zhuguan zhongxin';
const ALL = 'all';

export interface AccessRow {
  op: string;
  clause?: string;
  /** What is special about this row's record or scope, for the title. */
  scope?: string;
  on?: string;
  query?: string;
  body?: unknown;
  /** Raw bytes with a content type (uploads), instead of a JSON body. */
  raw?: { type: string; fixture: string };
  allow: string;
  other?: string;
  public?: boolean;
  fresh?: boolean;
  /** A list whose projectId is a filter: for another project it may answer 404 or 200, but must hold none of that project's records. */
  filter?: boolean;
}

export const ACCESS_TABLE: AccessRow[] = [
  /* ------------------------------------------------ system and sign-in ------------------------------------------------ */
  // Health and the login page notice are for the load balancer and the login screen: nobody needs to be signed in.
  { op: 'GET /api/health', allow: ALL, public: true },
  // Liveness for a load balancer: touches no database and says nothing about any record.
  { op: 'GET /api/live', allow: ALL, public: true },
  { op: 'GET /api/auth/notice', allow: ALL, public: true },
  // Anybody may try to sign in (the right password decides).
  { op: 'POST /api/auth/login', allow: ALL, public: true, fresh: true, body: { username: 'menwei', password: 'demo1234' } },
  // Every signed-in user may see who he is and sign out.
  { op: 'GET /api/auth/me', allow: ALL },
  { op: 'POST /api/auth/logout', allow: ALL, fresh: true },
  // Notifications are the user's own bell: every user reads and clears his own, nobody another's.
  { op: 'GET /api/notifications', allow: ALL },
  { op: 'POST /api/notifications/read-all', allow: ALL },
  { op: 'POST /api/notifications/{id}/read', scope: "kefu's notification", on: 'notification', allow: 'kefu' },

  /* ------------------------------------------- users and audit (administration) ------------------------------------------- */
  // Accounts are kept by the system administrator only; no role of the manual manages accounts.
  { op: 'GET /api/users', allow: 'admin' },
  { op: 'POST /api/users', allow: 'admin', body: { username: 'tbl_{serial}', displayName: '表格用户', password: 'Lantern-Orchid-58', roles: ['guard'] } },
  { op: 'PATCH /api/users/{id}', on: 'user', allow: 'admin', body: { version: '{version}', displayName: '表格用户改' } },
  { op: 'GET /api/admin/projects', allow: 'admin' },
  // ARC-9: who looked at household data is audited; the audit is read by the administrator and the CS supervisor and
  // centre manager who answer for the project (an audit trail the audited staff cannot read).
  { op: 'GET /api/audit', clause: 'ARC-9', allow: 'admin zhuguan zhongxin' },

  /* ------------------------------------------------ property register (ARC) ------------------------------------------------ */
  // ARC-10: household data is reachable only through the customer-service centre, by its staff; the admin keeps the
  // register. Engineering, security and vendors get nothing here (their tasks bring what they need, masked).
  { op: 'GET /api/projects/{id}/tree', clause: 'ARC-10', on: 'project', allow: `admin ${CS_CENTRE}`, other: '' },
  { op: 'GET /api/units', clause: 'ARC-10', query: 'projectId={project}', allow: `admin ${CS_CENTRE}`, other: '' },
  { op: 'GET /api/households', filter: true, clause: 'ARC-10', query: 'q={unitCode}&projectId={project}', allow: `admin ${CS_CENTRE}`, other: '' },
  { op: 'POST /api/households/search', filter: true, clause: 'ARC-10', body: { q: '{unitCode}', projectId: '{project}' }, allow: `admin ${CS_CENTRE}`, other: '' },
  { op: 'GET /api/households/{id}', clause: 'ARC-10', on: 'household', allow: `admin ${CS_CENTRE}`, other: '' },
  // ARC-2/ARC-4: the CS centre keeps the household's information up to date (动态管理). The centre manager arranges and
  // does not write records; the admin keeps master data by import only. (Decision: writers = the follow-up desk.)
  { op: 'PATCH /api/households/{id}', clause: 'ARC-2', on: 'household', allow: FOLLOW_UP, other: '', body: { version: '{version}', note: '表格测试' } },
  { op: 'POST /api/households/{id}/persons', clause: 'ARC-2', on: 'household', allow: FOLLOW_UP, other: '', body: { relation: 'family', name: '表格成员' } },
  { op: 'PATCH /api/persons/{id}', clause: 'ARC-2', on: 'person', allow: FOLLOW_UP, other: '', body: { version: '{version}', name: '表格业主' } },
  // ARC-2/ARC-3: the household file kept by the customer-service centre (the desk that writes records): a person marked
  // moved out (never deleted), vehicles and renovation records. The history of changes is read like the household (ARC-10).
  { op: 'POST /api/persons/{id}/move-out', clause: 'ARC-2', on: 'mover', allow: FOLLOW_UP, other: '', body: { version: '{version}', movedOutOn: '2026-11-20' } },
  { op: 'GET /api/households/{id}/history', clause: 'ARC-10', on: 'household', allow: `admin ${CS_CENTRE}`, other: '' },
  { op: 'POST /api/households/{id}/vehicles', clause: 'ARC-2', on: 'household', allow: FOLLOW_UP, other: '', body: { plate: '粤BT0001', kind: 'car', parkingSpace: 'B2-001' } },
  { op: 'PATCH /api/vehicles/{id}', clause: 'ARC-2', on: 'vehicle', allow: FOLLOW_UP, other: '', body: { version: '{version}', parkingSpace: '表格车位' } },
  { op: 'POST /api/households/{id}/renovations', clause: 'ARC-3', on: 'household', allow: FOLLOW_UP, other: '', body: { startedOn: '2026-06-01', company: '表格装修公司' } },
  { op: 'PATCH /api/renovations/{id}', clause: 'ARC-3', on: 'renovation', allow: FOLLOW_UP, other: '', body: { version: '{version}', note: '表格备注' } },
  // ARC-11/ARC-12: the full number is revealed (and audited) only to CS staff who call households; not to the admin.
  { op: 'POST /api/persons/{id}/reveal', clause: 'ARC-12', on: 'person', allow: CS_CENTRE, other: '', body: { field: 'phone', reason: '表格测试' } },
  // ARC-8: a department lead looks at household data only at a CS staff member's side. The front-line CS staff
  // (specialist, assistant, front desk, account managers) accompany; the supervisor and the centre manager are
  // themselves "lead level and above" and do not sign as the accompanying person (manual allows both; app's choice).
  // ARC-8..10: a lead (engineering or security shift leader) asks; a CS front-line member of the same project confirms
  // with her own password; only those two read the file while it lasts; the supervisors read the report.
  { op: 'POST /api/accompanied-sessions', clause: 'ARC-8', body: { unitCode: '{unitCode}', reason: '表格测试陪同', csUsername: 'kefu', csPassword: 'demo1234' }, allow: 'lingban banzhang', other: '' },
  { op: 'GET /api/accompanied-sessions/mine', clause: 'ARC-8', allow: 'lingban banzhang kefu zhuli jingli jingli2 jingli3 qiantai' },
  { op: 'GET /api/accompanied-sessions/report', clause: 'ARC-9', query: 'projectId={project}', allow: 'admin zhuguan zhongxin', other: '' },
  // ARC-10: a session is the business of its two people only (here lingban asked, kefu confirmed).
  { op: 'GET /api/accompanied-sessions/{id}', clause: 'ARC-10', on: 'session', allow: 'lingban kefu', other: '' },
  { op: 'GET /api/accompanied-sessions/{id}/file', clause: 'ARC-10', on: 'session', allow: 'lingban kefu', other: '' },
  { op: 'POST /api/accompanied-sessions/{id}/end', clause: 'ARC-8', on: 'session', allow: 'lingban kefu', other: '', fresh: true },
  // ARC-2: the register is loaded from the developer's handover sheet by the admin, the front desk or the supervisor.
  { op: 'POST /api/projects/{id}/import', clause: 'ARC-2', on: 'project', query: 'dryRun=1', raw: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fixture: 'workbook' }, allow: 'admin qiantai zhuguan', other: '' },
  { op: 'GET /api/projects/{id}/import/template', clause: 'ARC-2', on: 'project', allow: 'admin qiantai zhuguan', other: '' },

  /* ------------------------------------------------ household archives (ARC-1..7) ------------------------------------------------ */
  // ARC-4: the CS centre files and reads the archive; the admin sees it with the register (ARC-10).
  { op: 'GET /api/archive-templates', clause: 'ARC-4', query: 'projectId={project}', allow: `admin ${CS_CENTRE}`, other: '' },
  // ARC-4: the checklist (which documents) is set by the CS supervisor, the centre manager or the admin.
  { op: 'POST /api/archive-templates', clause: 'ARC-4', body: { projectId: '{project}', department: 'cs_centre', name: '表格文件' }, allow: 'admin zhuguan zhongxin', other: '' },
  { op: 'PATCH /api/archive-templates/{id}', clause: 'ARC-4', on: 'template', allow: 'admin zhuguan zhongxin', other: '', body: { version: '{version}', sort: 99 } },
  { op: 'GET /api/households/{id}/archive', clause: 'ARC-4', on: 'household', allow: `admin ${CS_CENTRE}`, other: '' },
  { op: 'GET /api/archives/by-unit', clause: 'ARC-4', query: 'projectId={project}&unitCode={unitCode}', allow: `admin ${CS_CENTRE}`, other: '' },
  { op: 'GET /api/archive-completeness', clause: 'ARC-4', query: 'projectId={project}', allow: `admin ${CS_CENTRE}`, other: '' },
  // ARC-4: filing a document is the CS centre's front line (the centre manager arranges, does not file).
  { op: 'PUT /api/households/{id}/archive/{templateId}', clause: 'ARC-4', on: 'household', allow: FOLLOW_UP, other: '', body: { version: null, status: 'received', handedOverBy: '开发商', handedOverOn: '2026-11-01', location: 'A柜' } },
  { op: 'POST /api/households/{id}/archive/{templateId}/scans', clause: 'ARC-4', on: 'household', raw: { type: 'application/pdf', fixture: 'pdf' }, allow: FOLLOW_UP, other: '' },
  { op: 'GET /api/archive-scans/{id}', clause: 'ARC-9', on: 'scan', allow: `admin ${CS_CENTRE}`, other: '' },
  // ARC-5..7: the household's signature for facilities, handed items and manuals is taken by the CS centre.
  { op: 'POST /api/households/{id}/signoffs', clause: 'ARC-5', on: 'household', allow: FOLLOW_UP, other: '', body: { kind: 'manual_receipt', items: ['物业使用手册'], signerRole: 'household', signerName: '表格业主', signature: '{signature}' } },
  { op: 'GET /api/households/{id}/signoffs', clause: 'ARC-7', on: 'household', allow: `admin ${CS_CENTRE}`, other: '' },

  /* ------------------------------------------------ calls and visits (CALL) ------------------------------------------------ */
  // Reference data of the desk (categories with scope notes CALL-12, vendors CALL-6, assignees CALL-2): the CS centre.
  { op: 'GET /api/service-categories', clause: 'CALL-12', query: 'projectId={project}', allow: CS_CENTRE, other: '' },
  { op: 'GET /api/vendors', clause: 'CALL-11', query: 'projectId={project}', allow: CS_CENTRE, other: '' },
  { op: 'GET /api/assignees', clause: 'CALL-2', query: 'projectId={project}', allow: CS_CENTRE, other: '' },
  // CALL-1: calls and visits are recorded by the desk and the account managers; the centre manager receives, does not record.
  { op: 'POST /api/calls/classify', clause: 'CALL-1', body: { projectId: '{project}', categoryId: '{categoryPublic}' }, allow: FOLLOW_UP, other: '' },
  { op: 'POST /api/calls', clause: 'CALL-1', body: { projectId: '{project}', householdId: '{household}', channel: 'visit', callerName: '表格来访', content: '楼道灯不亮', categoryId: '{categoryPublic}' }, allow: FOLLOW_UP, other: '' },
  // ARC-10: the record of calls (names, units, content) is CS-centre data: no technician, guard, vendor or admin reads it.
  { op: 'GET /api/calls', clause: 'ARC-10', query: 'projectId={project}', allow: CS_CENTRE, other: '' },
  { op: 'GET /api/calls/{id}', clause: 'ARC-10', on: 'call', allow: CS_CENTRE, other: '' },
  // CALL-10: the ledger with page subtotals and its export, for the centre's statistics.
  { op: 'GET /api/calls/ledger', clause: 'CALL-10', query: 'projectId={project}', allow: CS_CENTRE, other: '' },
  { op: 'GET /api/calls/ledger.xlsx', clause: 'CALL-10', query: 'projectId={project}', allow: CS_CENTRE, other: '' },
  { op: 'GET /api/calls/stats', clause: 'CALL-10', query: 'projectId={project}', allow: CS_CENTRE, other: '' },
  // CALL-4: the district board of the account managers (and everyone at the CS centre who follows up).
  { op: 'GET /api/board', clause: 'CALL-4', query: 'projectId={project}', allow: CS_CENTRE, other: '' },
  // CALL-4: whether an account manager may follow up another district's items is the company's choice, made per
  // project by those who run the CS centre (客服部主管, 项目服务中心经理); the centre reads it.
  { op: 'GET /api/calls/settings', clause: 'CALL-4', query: 'projectId={project}', allow: CS_CENTRE, other: '' },
  { op: 'PATCH /api/calls/settings', clause: 'CALL-4', body: { projectId: '{project}', coverOtherDistricts: true, version: 0 }, allow: 'zhuguan zhongxin', other: '' },
  // CALL-7: GT opinions are summarised for the property service centre.
  { op: 'GET /api/gt/summary', clause: 'CALL-7', query: 'projectId={project}&from=2026-11-01T00:00:00Z&to=2026-11-30T00:00:00Z', allow: CS_CENTRE, other: '' },
  // Roles table: the CS specialist marks Z items, the CS assistant Q and GT items; the supervisor may set any class.
  { op: 'POST /api/calls/{id}/reclassify', clause: 'CALL-5', scope: 'to Z', on: 'call', allow: 'kefu zhuguan', other: '', body: { version: '{version}', class: 'Z', reason: '表格测试' } },
  { op: 'POST /api/calls/{id}/reclassify', clause: 'CALL-6', scope: 'to Q', on: 'call', allow: 'zhuli zhuguan', other: '', body: { version: '{version}', class: 'Q', reason: '表格测试' } },
  { op: 'POST /api/calls/{id}/reclassify', clause: 'CALL-7', scope: 'to GT', on: 'call', allow: 'zhuli zhuguan', other: '', body: { version: '{version}', class: 'GT', reason: '表格测试' } },
  { op: 'POST /api/calls/{id}/reclassify', clause: 'CALL-12', scope: 'to inquiry', on: 'call', allow: 'kefu zhuli zhuguan', other: '', body: { version: '{version}', class: 'inquiry', reason: '表格测试' } },
  // CALL-2: the specialist fills the work order; CALL-4 the account manager coordinates; CALL-9 chase and reply.
  // CALL-4 decision: an account manager may act on another district's item too (cover for a colleague); he is the one
  // notified and shown first for his own district. Both sides are rows below.
  { op: 'POST /api/calls/{id}/dispatch', clause: 'CALL-2', on: 'call', allow: FOLLOW_UP, other: '', body: { version: '{version}', assigneeId: '{weixiuId}' } },
  { op: 'POST /api/calls/{id}/chase', clause: 'CALL-9', on: 'call', allow: FOLLOW_UP, other: '', body: { note: '表格催办' } },
  { op: 'POST /api/calls/{id}/chase', clause: 'CALL-4', scope: "another district's item", on: 'callDistrict2', allow: FOLLOW_UP, other: '', body: { note: '表格催办' } },
  { op: 'POST /api/calls/{id}/replies', clause: 'CALL-9', on: 'call', allow: FOLLOW_UP, other: '', body: { channel: 'phone', content: '已安排维修' } },
  { op: 'POST /api/calls/{id}/replies', clause: 'CALL-4', scope: "another district's item", on: 'callDistrict2', allow: FOLLOW_UP, other: '', body: { channel: 'phone', content: '已安排维修' } },
  // CALL-2: the assistant writes the status back; the account manager sees it through (CALL-4). Not the front desk.
  { op: 'POST /api/calls/{id}/resolve', clause: 'CALL-2', on: 'inquiry', allow: 'kefu zhuli jingli jingli2 jingli3 zhuguan', other: '', body: { version: '{version}', note: '已解答' } },
  // CALL-3: signing, numbering and closing out is the CS specialist's, assistant's or supervisor's.
  // CALL-3: an inquiry answered on the spot is replied to and closed in one signed step, by those who close out (客服专员, 客服助理, 主管).
  { op: 'POST /api/calls/{id}/answer-close', clause: 'CALL-3', on: 'inquiry', allow: 'kefu zhuli zhuguan', other: '', body: { version: '{version}', channel: 'phone', content: '已当场解答', signature: '{signature}' } },
  { op: 'POST /api/calls/{id}/close', clause: 'CALL-3', on: 'resolved', allow: 'kefu zhuli zhuguan', other: '', body: { version: '{version}', signature: '{signature}' } },
  { op: 'POST /api/calls/{id}/reopen', clause: 'CALL-9', on: 'closed', allow: 'kefu zhuli jingli jingli2 jingli3 zhuguan', other: '', body: { version: '{version}', reason: '业户反映未修好' } },

  /* ------------------------------------------------ work orders (CALL-2, CALL-5, CALL-6) ------------------------------------------------ */
  // ARC-10: the doer sees his own jobs only; the CS centre and the engineering lead (who runs the technicians) see all.
  { op: 'GET /api/work-orders', filter: true, clause: 'ARC-10', query: 'projectId={project}', allow: `${CS_CENTRE} weixiu gongchengshi lingban waibu`, other: '' },
  { op: 'GET /api/work-orders/{id}', clause: 'ARC-10', scope: "weixiu's job", on: 'wo', allow: `${CS_CENTRE} lingban weixiu`, other: '' },
  { op: 'GET /api/work-orders/{id}', clause: 'ARC-10', scope: "another technician's job", on: 'wo2', allow: `${CS_CENTRE} lingban`, other: '' },
  { op: 'GET /api/work-orders/{id}', clause: 'CALL-6', scope: "the broadband vendor's job", on: 'woVendor', allow: `${CS_CENTRE} lingban waibu`, other: '' },
  // CALL-2: the technician named on the work order does the repair; nobody else acts for him.
  { op: 'POST /api/work-orders/{id}/accept', clause: 'CALL-2', scope: "weixiu's job", on: 'wo', allow: 'weixiu', other: '', body: { version: '{version}' } },
  { op: 'POST /api/work-orders/{id}/accept', clause: 'CALL-2', scope: "another technician's job", on: 'wo2', allow: '', other: '', body: { version: '{version}' } },
  // CALL-6: the outside unit reports its own repair status.
  { op: 'POST /api/work-orders/{id}/accept', clause: 'CALL-6', scope: "the broadband vendor's job", on: 'woVendor', allow: 'waibu', other: '', body: { version: '{version}' } },
  { op: 'POST /api/work-orders/{id}/arrive', clause: 'CALL-2', on: 'wo', allow: 'weixiu', other: '', body: { version: '{version}' } },
  { op: 'POST /api/work-orders/{id}/complete', clause: 'CALL-2', on: 'wo', allow: 'weixiu', other: '', body: { version: '{version}', result: '已更换灯泡' } },
  // ARC-11: the doer never gets the number; he asks the front desk to call for him.
  { op: 'POST /api/work-orders/{id}/call-request', clause: 'ARC-11', on: 'wo', allow: 'weixiu', other: '', body: { note: '请联系业户约时间' } },
  { op: 'POST /api/work-orders/{id}/call-request', clause: 'ARC-11', scope: "another technician's job", on: 'wo2', allow: '', other: '', body: { note: '请联系业户约时间' } },
  // ARC-11: the front desk (and the CS staff who place calls for a technician) records that it called and what came of it.
  { op: 'POST /api/work-orders/{id}/call-outcome', clause: 'ARC-11', on: 'wo', allow: 'kefu zhuli qiantai', other: '', body: { outcome: 'reached' } },
  // CALL-5: the completion is checked by the CS centre (specialist, assistant, supervisor) before the reply and close-out.
  { op: 'POST /api/work-orders/{id}/verify', clause: 'CALL-5', on: 'woDone', allow: 'kefu zhuli zhuguan', other: '', body: { version: '{version}' } },
  { op: 'POST /api/work-orders/{id}/reject', clause: 'CALL-5', on: 'woDone', allow: 'kefu zhuli zhuguan', other: '', body: { version: '{version}', reason: '未修好' } },
  // CALL-2/CALL-4: a job goes to another technician by the CS follow-up staff or the engineering lead.
  // CALL-2/CALL-4: whoever dispatches work orders (the desk, account managers, the supervisor and the engineering lead) sees the team and who is free.
  { op: 'GET /api/work-orders/team', clause: 'CALL-2', query: 'projectId={project}', allow: 'kefu zhuli jingli jingli2 jingli3 zhuguan lingban', other: '' },
  { op: 'POST /api/work-orders/{id}/reassign', clause: 'CALL-4', on: 'woSpare', allow: 'kefu zhuli jingli jingli2 jingli3 zhuguan lingban', other: '', body: { version: '{version}', assigneeId: '{weixiu2Id}' } },
  // CALL-2: the desk that wrote the work order may withdraw it, and so may the engineering lead who runs the technicians
  // (the manual is silent on cancelling; the app lets whoever may reassign a job cancel it — followed, see the report).
  { op: 'POST /api/work-orders/{id}/cancel', clause: 'CALL-2', on: 'woSpare', allow: 'kefu zhuli jingli jingli2 jingli3 zhuguan lingban', other: '', body: { version: '{version}', reason: '业户取消' } },
  // CALL-9/CALL-11: the CS centre chases the repairer.
  { op: 'POST /api/work-orders/{id}/chase', clause: 'CALL-11', on: 'woVendor', allow: FOLLOW_UP, other: '', body: { note: '请尽快上门' } },
  // Attachments are read by whoever may read the record they belong to (a close-out signature: the call's readers).
  { op: 'GET /api/attachments/{id}', clause: 'ARC-9', scope: "a call's close-out signature", on: 'signatureAttachment', allow: CS_CENTRE, other: '' },

  /* ------------------------------------------------ help requests (HELP) ------------------------------------------------ */
  // HELP: the CS administrator (front desk) runs help requests with the CS staff; security and engineering take part.
  { op: 'POST /api/help', clause: 'HELP-1', body: { projectId: '{project}', category: 'inquiry', requesterName: '表格求助', need: '询问停水时间' }, allow: FOLLOW_UP, other: '' },
  { op: 'GET /api/help', clause: 'HELP-6', query: 'projectId={project}', allow: HELP_READERS, other: '' },
  { op: 'GET /api/help/{id}', clause: 'HELP-6', on: 'help', allow: HELP_READERS, other: '' },
  // The administrator, who keeps the playbooks with the supervisors (see the PUT below), reads them too.
  { op: 'GET /api/help/playbooks', clause: 'HELP-8', query: 'projectId={project}', allow: `admin ${HELP_READERS}`, other: '' },
  // HELP-3/8: playbooks are the company's data; the CS supervisor and the centre manager (and the administrator who keeps
  // master data) edit them — the desk, security and engineering follow them.
  { op: 'PUT /api/help/playbooks/{id}', clause: 'HELP-8', on: 'playbook', allow: 'admin zhuguan zhongxin', other: '', body: { version: '{version}', name: '台风暴雨', keywords: ['台风'], active: true, steps: [{ branch: null, parallelGroup: 1, role: 'guard_leader', title: '巡查加固', instruction: null, limitMinutes: 30 }], escalation: '{escalation}' } },
  { op: 'GET /api/help/my-steps', clause: 'HELP-8', query: 'projectId={project}', allow: HELP_READERS, other: '' },
  // HELP-2: the first answer within five minutes, by the desk, the account manager or the supervisor/manager.
  { op: 'POST /api/help/{id}/respond', clause: 'HELP-2', on: 'help', allow: CS_CENTRE, other: '', body: { version: '{version}', note: '已答复' } },
  // HELP-6/7/8: the administrator starts the playbook; the security shift leader may start one for an incident on site.
  { op: 'POST /api/help/{id}/playbook', clause: 'HELP-8', on: 'help', allow: 'kefu zhuli qiantai zhuguan zhongxin banzhang', other: '', body: { version: '{version}', playbookCode: 'medical', branch: 'call120', patientAddress: '1栋101', patientPhone: '13855556666' } },
  // HELP-5/7: whoever must call the patient or meet the ambulance may reveal the number (audited).
  { op: 'POST /api/help/{id}/reveal', clause: 'HELP-7', on: 'help', allow: `${CS_CENTRE} banzhang baoan menwei`, other: '', body: { field: 'phone', reason: '联系求助人' } },
  // HELP-6: the administrator records the handling and closes it (not the account managers: the desk runs help).
  { op: 'POST /api/help/{id}/close', clause: 'HELP-6', on: 'helpToClose', allow: 'kefu zhuli qiantai zhuguan zhongxin', other: '', body: { version: '{version}', outcome: 'solved', result: '已处理' } },
  // HELP-7: each step belongs to its role: the gate guard's step is acknowledged and done by the gate guard only.
  { op: 'POST /api/help/steps/{id}/acknowledge', clause: 'HELP-7', scope: "the gate guard's step", on: 'gateStep', allow: 'menwei', other: '', body: { version: '{version}' } },
  { op: 'POST /api/help/steps/{id}/complete', clause: 'HELP-7', scope: "the gate guard's step", on: 'gateStep', allow: 'menwei', other: '', body: { version: '{version}', note: '已引导救护车' } },
  // HELP-6/7: the duty roster says who is on post; read by everyone on help duty, kept by the managers and the security shift leader.
  { op: 'GET /api/help/duty-roster', clause: 'HELP-7', query: 'projectId={project}', allow: HELP_READERS, other: '' },
  { op: 'POST /api/help/duty-roster', clause: 'HELP-7', body: { projectId: '{project}', role: 'guard', userId: '{baoanId}', startsAt: '2026-11-27T00:00:00Z', endsAt: '2026-11-27T08:00:00Z' }, allow: 'zhuguan zhongxin banzhang', other: '' },
  { op: 'DELETE /api/help/duty-roster/{id}', clause: 'HELP-7', on: 'shift', allow: 'zhuguan zhongxin banzhang', other: '', fresh: true },
  // Shift handover: the people on post (front desk, security, engineering) hand over; the managers read it.
  { op: 'GET /api/help/handovers', clause: 'HELP-7', query: 'projectId={project}', allow: 'kefu zhuli qiantai zhuguan zhongxin weixiu lingban baoan banzhang menwei', other: '' },
  { op: 'POST /api/help/handovers', clause: 'HELP-7', body: { projectId: '{project}', role: 'guard', toUserId: '{baoan2Id}', pending: '无' }, allow: 'qiantai weixiu lingban baoan banzhang menwei', other: '' },
  { op: 'POST /api/help/handovers/{id}/acknowledge', clause: 'HELP-7', scope: 'handed to baoan', on: 'handover', allow: 'baoan', other: '', body: { version: '{version}' } },

  /* ------------------------------------------------ keys (KEY) ------------------------------------------------ */
  { op: 'GET /api/keys', clause: 'KEY-2', query: 'projectId={project}', allow: KEY_READERS, other: '' },
  { op: 'GET /api/keys/{id}', clause: 'KEY-2', on: 'key', allow: KEY_READERS, other: '' },
  { op: 'GET /api/keys/{id}/handovers', clause: 'KEY-1', on: 'key', allow: KEY_READERS, other: '' },
  // KEY-4: the owners who may collect a unit's key (names masked unless the role needs them), and KEY-2 who may approve a
  // loan: part of reading the key record, so every key reader (the manual does not narrow it; app's choice followed).
  { op: 'GET /api/keys/{id}/owners', clause: 'KEY-4', on: 'key', allow: KEY_READERS, other: '' },
  { op: 'GET /api/key-approvers', clause: 'KEY-2', query: 'projectId={project}', allow: KEY_READERS, other: '' },
  { op: 'GET /api/key-loans', clause: 'KEY-2', query: 'projectId={project}', allow: KEY_READERS, other: '' },
  // KEY-2: the inventory is kept by the front desk, the security shift leader, the supervisor and the admin.
  { op: 'POST /api/keys', clause: 'KEY-2', body: { projectId: '{project}', number: 'TBL-{serial}', kind: 'public_area', label: '表格钥匙', count: 1, cabinetPosition: 'Z柜' }, allow: 'admin qiantai banzhang zhuguan', other: '' },
  { op: 'PATCH /api/keys/{id}', clause: 'KEY-2', on: 'key', allow: 'admin qiantai banzhang zhuguan', other: '', body: { version: '{version}', cabinetPosition: 'Y柜' } },
  // KEY-2/KEY-4: lending and taking back is done at the key desk (front desk, guards) or by the supervisor.
  { op: 'POST /api/keys/{id}/loans', clause: 'KEY-4', on: 'key', allow: 'qiantai baoan banzhang menwei zhuguan', other: '', body: { version: '{version}', borrowerKind: 'owner', ownerPersonId: '{keyOwnerId}', identityChecked: true, identityDocument: '身份证', purpose: '业主忘带钥匙', approverId: '{zhuguanId}', ownerContacted: false, dueAt: '2026-11-26T06:00:00Z', signature: '{signature}' } },
  { op: 'POST /api/key-loans/{id}/return', clause: 'KEY-2', on: 'loan', allow: 'qiantai baoan banzhang menwei zhuguan', other: '', body: { version: '{version}', returnedByName: '业主' } },
  // KEY-5: removing a lending record (only once two years have passed) is the administrator's.
  { op: 'DELETE /api/key-loans/{id}', clause: 'KEY-5', on: 'loan', allow: 'admin', other: '' },
  // KEY-1: the unit keys go to the owner in the renovation procedure at the CS centre (front desk, supervisor).
  { op: 'POST /api/keys/{id}/handover', clause: 'KEY-1', on: 'key', allow: 'qiantai zhuguan', other: '', body: { version: '{version}', ownerPersonId: '{keyOwnerId}', renovationRef: 'ZX-1', signature: '{signature}' } },

  /* ------------------------------------------------ complaints (COMP) ------------------------------------------------ */
  // COMP-1: a complaint is recorded by the CS centre; the department complained about (its head) reads its own.
  { op: 'POST /api/complaints', clause: 'COMP-1', body: { projectId: '{project}', place: '1栋大堂', department: 'engineering', wants: '尽快处理', complainantName: '表格', content: '维修拖延' }, allow: CS_CENTRE, other: '' },
  { op: 'GET /api/complaints', filter: true, clause: 'COMP-1', query: 'projectId={project}', allow: `${CS_CENTRE} lingban banzhang`, other: '' },
  { op: 'GET /api/complaints/{id}', clause: 'COMP-3', scope: 'about engineering', on: 'complaint', allow: `${CS_CENTRE} lingban`, other: '' },
  // COMP-1: judged valid or invalid by the assistant, the supervisor or the centre manager.
  { op: 'POST /api/complaints/{id}/judge', clause: 'COMP-1', on: 'complaint', allow: 'zhuli zhuguan zhongxin', other: '', body: { version: '{version}', valid: true, level: 'minor' } },
  // COMP-3: the department complained about (engineering: its lead; the centre manager for any) signs and returns it.
  { op: 'POST /api/complaints/{id}/sign', clause: 'COMP-3', scope: 'about engineering', on: 'complaint', allow: 'lingban zhongxin', other: '', body: { version: '{version}' } },
  { op: 'POST /api/complaints/{id}/return', clause: 'COMP-3', scope: 'about engineering', on: 'complaint', allow: 'lingban zhongxin', other: '', body: { version: '{version}', action: '已处理' } },
  // COMP-4: the CS centre tells the household the result.
  { op: 'POST /api/complaints/{id}/inform', clause: 'COMP-4', on: 'complaint', allow: CS_CENTRE, other: '', body: { version: '{version}', note: '已电话告知' } },
  // COMP-7: the monthly analysis is the assistant's, the supervisor's and the centre manager's.
  { op: 'GET /api/complaints/analysis', clause: 'COMP-7', query: 'projectId={project}&month=2026-11', allow: 'zhuli zhuguan zhongxin', other: '' },
  { op: 'GET /api/complaints/analysis.xlsx', clause: 'COMP-7', query: 'projectId={project}&month=2026-11', allow: 'zhuli zhuguan zhongxin', other: '' },

  /* ------------------------------------------------ return visits (VISIT) ------------------------------------------------ */
  { op: 'GET /api/visits', filter: true, clause: 'VISIT-5', query: 'projectId={project}', allow: CS_CENTRE, other: '' },
  { op: 'GET /api/visits/stats', clause: 'VISIT-5', query: 'projectId={project}&from=2026-11-01&to=2026-11-30', allow: CS_CENTRE, other: '' },
  { op: 'GET /api/visits/stats/monthly', clause: 'VISIT-5', query: 'projectId={project}&from=2026-06&to=2026-11', allow: CS_CENTRE, other: '' },
  { op: 'GET /api/visits/stats/monthly.xlsx', clause: 'VISIT-5', query: 'projectId={project}&from=2026-06&to=2026-11', allow: CS_CENTRE, other: '' },
  // VISIT-2: the share drawn for visits is the CS centre's to read; setting it is a supervisor's decision.
  { op: 'GET /api/visits/settings', clause: 'VISIT-2', query: 'projectId={project}', allow: CS_CENTRE, other: '' },
  { op: 'PATCH /api/visits/settings', clause: 'VISIT-2', body: { projectId: '{project}', sharePercent: 30, version: 0 }, allow: 'zhuguan zhongxin', other: '' },
  // VISIT-3: the visit is made by the CS front line (the centre manager reads the figures).
  { op: 'POST /api/visits/{id}/record', clause: 'VISIT-3', on: 'visit', allow: FOLLOW_UP, other: '', body: { version: '{version}', rating: 'satisfied', method: 'phone' } },

  /* ------------------------------------------------ work contact forms (LINK) ------------------------------------------------ */
  // LINK-1/2: department heads send, sign, reply and close; the centre manager heads every department.
  { op: 'POST /api/contact-forms', clause: 'LINK-1', scope: 'from customer service', body: { projectId: '{project}', fromDepartment: 'customer_service', toDepartment: 'engineering', subject: '表格', details: '表格', requiredResult: '表格', dueAt: '2026-11-28T00:00:00Z' }, allow: 'zhuguan zhongxin', other: '' },
  { op: 'GET /api/contact-forms', filter: true, clause: 'LINK-2', query: 'projectId={project}', allow: 'zhuguan zhongxin lingban banzhang', other: '' },
  { op: 'GET /api/contact-forms/{id}', clause: 'LINK-2', scope: 'customer service to engineering', on: 'contactForm', allow: 'zhuguan zhongxin lingban', other: '' },
  { op: 'POST /api/contact-forms/{id}/sign', clause: 'LINK-2', scope: 'customer service to engineering', on: 'contactForm', allow: 'lingban zhongxin', other: '', body: { version: '{version}' } },
  { op: 'POST /api/contact-forms/{id}/reply', clause: 'LINK-2', scope: 'customer service to engineering', on: 'contactForm', allow: 'lingban zhongxin', other: '', body: { version: '{version}', reply: '已处理' } },
  { op: 'POST /api/contact-forms/{id}/close', clause: 'LINK-2', scope: 'customer service to engineering', on: 'contactForm', allow: 'zhuguan zhongxin', other: '', body: { version: '{version}' } },

  /* ------------------------------------------------ managers' home ------------------------------------------------ */
  // CALL-4/HELP-2: the home page of those who follow matters up: account managers, supervisor, centre manager.
  { op: 'GET /api/dashboard/manager', clause: 'CALL-4', query: 'projectId={project}', allow: 'jingli jingli2 jingli3 zhuguan zhongxin', other: '' },
  { op: 'GET /api/dashboard/manager.xlsx', clause: 'CALL-4', query: 'projectId={project}', allow: 'jingli jingli2 jingli3 zhuguan zhongxin', other: '' },
];
