import { and, asc, eq, inArray } from 'drizzle-orm';
import { helpEvents, helpPlaybooks, helpPlaybookSteps, helpRequests, helpSteps } from '../../domain/help/help.table';
import { DEFAULT_ESCALATION, DEFAULT_PLAYBOOKS } from '../../domain/help/help.playbooks';
import { households, units } from '../../domain/property/property.table';
import { users } from '../../domain/users/users.table';
import type { Executor } from '../db/store';

export type HelpRow = typeof helpRequests.$inferSelect;
export type HelpStepRow = typeof helpSteps.$inferSelect;
export type HelpEventRow = typeof helpEvents.$inferSelect;
export type PlaybookRow = typeof helpPlaybooks.$inferSelect;
export type PlaybookStepRow = typeof helpPlaybookSteps.$inferSelect;

export async function findHelp(ex: Executor, id: string): Promise<HelpRow | undefined> {
  const [row] = await ex.select().from(helpRequests).where(eq(helpRequests.id, id));
  return row;
}

export async function findStep(ex: Executor, id: string): Promise<HelpStepRow | undefined> {
  const [row] = await ex.select().from(helpSteps).where(eq(helpSteps.id, id));
  return row;
}

export const stepsOf = (ex: Executor, helpRequestId: string) => ex.select().from(helpSteps).where(eq(helpSteps.helpRequestId, helpRequestId)).orderBy(asc(helpSteps.seq));
export const eventsOf = (ex: Executor, helpRequestId: string) => ex.select().from(helpEvents).where(eq(helpEvents.helpRequestId, helpRequestId)).orderBy(asc(helpEvents.at), asc(helpEvents.seq));

/** Appends one line to the request's timeline (there is no update or delete of events anywhere). */
export async function addHelpEvent(
  ex: Executor,
  req: Pick<HelpRow, 'id' | 'projectId'>,
  at: Date,
  actorId: string | null,
  type: string,
  opts: { stepId?: string | null; device?: string | null; detail?: Record<string, unknown> } = {},
): Promise<void> {
  await ex.insert(helpEvents).values({ projectId: req.projectId, helpRequestId: req.id, at, actorId, type, stepId: opts.stepId ?? null, device: opts.device ?? null, detail: opts.detail ?? null });
}

/** Display names of users, for presenting names instead of ids. */
export async function namesOf(ex: Executor, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const list = [...new Set([...ids].filter((x): x is string => !!x))];
  if (list.length === 0) return new Map();
  const rows = await ex.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function unitCodesOf(ex: Executor, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const list = [...new Set([...ids].filter((x): x is string => !!x))];
  if (list.length === 0) return new Map();
  const rows = await ex.select({ id: units.id, code: units.code }).from(units).where(inArray(units.id, list));
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** The household's unit, when the household is of the project. */
export async function householdUnit(ex: Executor, projectId: string, householdId: string): Promise<string | null | undefined> {
  const [h] = await ex.select({ unitId: households.unitId, projectId: households.projectId }).from(households).where(eq(households.id, householdId));
  if (!h || h.projectId !== projectId) return undefined;
  return h.unitId;
}

export async function unitOfProject(ex: Executor, projectId: string, unitId: string): Promise<boolean> {
  const [u] = await ex.select({ projectId: units.projectId }).from(units).where(eq(units.id, unitId));
  return !!u && u.projectId === projectId;
}

/**
 * A project's playbooks; a project that has none gets the shipped defaults on first use (as data it then
 * edits). Concurrent first uses insert each playbook once (the unique code per project).
 */
export async function playbooksOf(ex: Executor, projectId: string): Promise<{ playbook: PlaybookRow; steps: PlaybookStepRow[] }[]> {
  let books = await ex.select().from(helpPlaybooks).where(eq(helpPlaybooks.projectId, projectId)).orderBy(asc(helpPlaybooks.sort));
  if (books.length === 0) {
    await installDefaultPlaybooks(ex, projectId);
    books = await ex.select().from(helpPlaybooks).where(eq(helpPlaybooks.projectId, projectId)).orderBy(asc(helpPlaybooks.sort));
  }
  const steps = books.length ? await ex.select().from(helpPlaybookSteps).where(inArray(helpPlaybookSteps.playbookId, books.map((b) => b.id))).orderBy(asc(helpPlaybookSteps.seq)) : [];
  return books.map((playbook) => ({ playbook, steps: steps.filter((s) => s.playbookId === playbook.id) }));
}

/** The shipped playbooks (HELP-5..11, lift entrapment) written into a project. */
export async function installDefaultPlaybooks(ex: Executor, projectId: string): Promise<void> {
  for (const [i, d] of DEFAULT_PLAYBOOKS.entries()) {
    const [book] = await ex
      .insert(helpPlaybooks)
      .values({ projectId, code: d.code, name: d.name, category: d.category, branches: d.branches ?? [], needsPatient: d.needsPatient ?? false, keywords: d.keywords, sort: i, escalation: d.escalation ?? DEFAULT_ESCALATION })
      .onConflictDoNothing()
      .returning();
    if (!book) continue;
    await ex.insert(helpPlaybookSteps).values(
      d.steps.map((s, j) => ({ playbookId: book.id, branch: s.branch ?? null, seq: j + 1, parallelGroup: s.group, role: s.role, title: s.title, instruction: s.instruction ?? null, limitMinutes: s.limit ?? null })),
    );
  }
}

export async function playbookByCode(ex: Executor, projectId: string, code: string) {
  return (await playbooksOf(ex, projectId)).find((b) => b.playbook.code === code && b.playbook.active);
}

/** Open steps of the given roles, in the given projects, of requests not closed. */
export async function openStepsFor(ex: Executor, projectId: string, roles: readonly string[]) {
  if (roles.length === 0) return [];
  return ex
    .select({ step: helpSteps, req: helpRequests })
    .from(helpSteps)
    .innerJoin(helpRequests, eq(helpRequests.id, helpSteps.helpRequestId))
    .where(and(eq(helpSteps.projectId, projectId), inArray(helpSteps.role, roles as never[]), inArray(helpSteps.status, ['pending', 'acknowledged']), inArray(helpRequests.status, ['open', 'handling'])))
    .orderBy(asc(helpRequests.incidentStartedAt), asc(helpSteps.seq));
}
