import { and, asc, eq, sql } from 'drizzle-orm';
import { helpPlaybooks, helpPlaybookSteps } from '../../domain/help/help.table';
import { playbookPolicy } from '../../domain/help/help.policy';
import { DEFAULT_ESCALATION, type EscalationChain } from '../../domain/help/help.playbooks';
import type { PlaybookJson, PlaybookUpdate } from '../../domain/help/help.contract';
import { can } from '../../domain/shared/policy';
import { BRANCH_LABELS } from '../../domain/help/labels';
import { appendAudit } from '../audit/audit.writer';
import type { AppContext, RequestActor } from '../core/context';
import { authorize } from '../core/authorize';
import { badRequest, conflict, notFound, type FieldError } from '../core/errors';
import { playbooksOf, type PlaybookRow, type PlaybookStepRow } from './help.repository';

/** A playbook as the contract carries it, field by field; its chain the shipped one when never edited. */
function presentPlaybook(p: PlaybookRow, steps: PlaybookStepRow[]): PlaybookJson {
  const chain = p.escalation ?? DEFAULT_ESCALATION;
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    category: p.category,
    branches: p.branches,
    needsPatient: p.needsPatient,
    keywords: p.keywords,
    active: p.active,
    steps: steps.map((s) => ({ branch: s.branch, seq: s.seq, parallelGroup: s.parallelGroup, role: s.role, title: s.title, instruction: s.instruction, limitMinutes: s.limitMinutes })),
    escalation: {
      steps: chain.steps.map((e) => ({ type: e.type, ...(e.minutes !== undefined ? { minutes: e.minutes } : {}), ...(e.roles ? { roles: e.roles } : {}) })),
      repeat: chain.repeat,
      ackExpiresMinutes: chain.ackExpiresMinutes,
    },
    version: p.version,
  };
}

export async function listPlaybooks(ctx: AppContext, ra: RequestActor, projectId: string) {
  authorize(playbookPolicy, ra.actor, 'read', { projectId });
  // The estate's playbooks are seeded with it; a project made before that gets them here (a write: a transaction of its own).
  const books = await ctx.store.db.transaction((tx) => playbooksOf(tx, projectId));
  return { items: books.map(({ playbook, steps }) => presentPlaybook(playbook, steps)), canEdit: can(playbookPolicy, ra.actor, 'edit', { projectId }) };
}

/** What zod cannot see: a step's branch must be one of the playbook's; a wait needs minutes, a notice to roles its roles. */
function checkPlaybook(p: PlaybookRow, input: PlaybookUpdate): FieldError[] {
  const fields: FieldError[] = [];
  input.steps.forEach((s, i) => {
    if (s.branch !== null && s.branch !== '' && !p.branches.includes(s.branch)) fields.push({ path: `body.steps.${i}.branch`, message: '该预案没有这个处理方式' });
  });
  for (const b of p.branches) if (!input.steps.some((s) => s.branch === b || s.branch === null)) fields.push({ path: 'body.steps', message: `处理方式“${BRANCH_LABELS[b] ?? b}”没有任何步骤` });
  input.escalation.steps.forEach((e, i) => {
    if (e.type === 'wait' && e.minutes === undefined) fields.push({ path: `body.escalation.steps.${i}.minutes`, message: '请填写等待分钟数' });
    if (e.type === 'notify_roles' && !e.roles?.length) fields.push({ path: `body.escalation.steps.${i}.roles`, message: '请选择要通知的岗位' });
  });
  return fields;
}

/**
 * HELP-3, 8: the company edits a playbook as data — its steps (responsible role, order, parallel group, time
 * limit, branch; added, removed, reordered: the list sent replaces the old one) and its escalation chain. A
 * running incident keeps the copy it started with. Two editors at once: the second is told (409).
 */
export async function updatePlaybook(ctx: AppContext, ra: RequestActor, id: string, input: PlaybookUpdate) {
  return ctx.store.db.transaction(async (tx) => {
    const now = ctx.now();
    const [p] = await tx.select().from(helpPlaybooks).where(eq(helpPlaybooks.id, id));
    if (!p) throw notFound();
    authorize(playbookPolicy, ra.actor, 'edit', p);
    const fields = checkPlaybook(p, input);
    if (fields.length) throw badRequest(fields);
    const escalation: EscalationChain = {
      steps: input.escalation.steps.map((e) => (e.type === 'wait' ? { type: 'wait', minutes: e.minutes } : e.type === 'notify_roles' ? { type: 'notify_roles', roles: [...new Set(e.roles)] } : { type: e.type })),
      repeat: input.escalation.repeat,
      ackExpiresMinutes: input.escalation.ackExpiresMinutes,
    };
    const [row] = await tx
      .update(helpPlaybooks)
      .set({ name: input.name, keywords: [...new Set(input.keywords)], active: input.active, escalation, version: sql`${helpPlaybooks.version} + 1` })
      .where(and(eq(helpPlaybooks.id, id), eq(helpPlaybooks.version, input.version)))
      .returning();
    if (!row) throw conflict({ current: { version: p.version } });
    await tx.delete(helpPlaybookSteps).where(eq(helpPlaybookSteps.playbookId, id));
    await tx.insert(helpPlaybookSteps).values(
      input.steps.map((s, i) => ({ playbookId: id, branch: s.branch || null, seq: i + 1, parallelGroup: s.parallelGroup, role: s.role, title: s.title, instruction: s.instruction || null, limitMinutes: s.limitMinutes })),
    );
    const steps = await tx.select().from(helpPlaybookSteps).where(eq(helpPlaybookSteps.playbookId, id)).orderBy(asc(helpPlaybookSteps.seq));
    await appendAudit(tx, { actor: ra.actor, action: 'help.playbook_edit', entity: 'help_playbook', entityId: id, projectId: p.projectId, ip: ra.ip, detail: { code: p.code, version: row.version, steps: steps.length } }, now);
    return presentPlaybook(row, steps);
  });
}
