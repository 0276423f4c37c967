import { asc, eq, lte } from 'drizzle-orm';
import { timers } from '../../domain/deadlines/deadlines.table';
import { helpRequests, helpSteps } from '../../domain/help/help.table';
import type { Role } from '../../domain/shared/roles';
import { localTime } from '../../domain/shared/business-time';
import type { Executor } from '../db/store';
import { appendAudit } from '../audit/audit.writer';
import { notify, usersWithRoles } from '../notifications/notifier';
import { subjectTimers, type TimerRunner } from '../deadlines/timers';
import { and, inArray } from 'drizzle-orm';
import { ACK_CHAIN, type EscalationChain, type EscalationStep } from '../../domain/help/help.playbooks';
import { cancelTimers } from '../deadlines/timers';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/store';
import { alerteesOf } from './roster.service';
import { shiftChangeTimers } from './shift-change-timer';
import { addHelpEvent, findHelp, type HelpRow, type HelpStepRow } from './help.repository';
import { escalateMany, warnMany } from './help-clock-rounds';

/** The payload of each kind of help-request timer. */
export interface HelpTimerPayloads {
  warn: { roles?: Role[] };
  escalate: { roles?: Role[] };
  /** A playbook step's time limit. */
  step_due: { stepId?: string };
  /** Steps nobody acknowledged yet (the fixed chain before chains were data; kept for timers already scheduled). */
  ack_check: { roles?: Role[] };
  /** The incident's escalation chain at `pos` of pass `round` (0 the first pass). */
  chain: { round?: number; pos?: number };
  /** An acknowledgement of a step made at `ackAt`, expiring if the step is not done by then. */
  ack_expiry: { stepId?: string; ackAt?: string };
}

/**
 * What the first-response clocks of one claim round share, when they are fired one by one (the single handlers
 * below; the engine normally fires them a round at a time through help-clock-rounds.ts). The round's first clock
 * reads the requests of every due first-response clock at once (one query instead of one per clock), and whom a
 * project's roles reach is looked up once per round. A request the round did not read (a clock claimed after it,
 * or one another instance's) is read on its own, as before.
 */
interface ClockRound {
  requests: Map<string, HelpRow>;
  recipients: Map<string, Promise<string[]>>;
}
const rounds = new WeakMap<Tx, ClockRound>();
/** How many due first-response clocks the round reads ahead. */
const READ_AHEAD = 400;
const CLOCK_KINDS = ['warn', 'escalate'];

async function roundOf(tx: Tx, now: Date): Promise<ClockRound> {
  let round = rounds.get(tx);
  if (round) return round;
  const due = tx
    .select({ id: timers.subjectId })
    .from(timers)
    .where(and(eq(timers.status, 'pending'), eq(timers.subjectType, 'help_request'), inArray(timers.kind, CLOCK_KINDS), lte(timers.fireAt, now)))
    .orderBy(asc(timers.fireAt))
    .limit(READ_AHEAD);
  const rowsRead = await tx.select().from(helpRequests).where(inArray(helpRequests.id, due));
  round = { requests: new Map(rowsRead.map((r) => [r.id, r])), recipients: new Map() };
  rounds.set(tx, round);
  return round;
}

/** The request a first-response clock is about: from the round's read, else on its own. */
async function clockRequest(tx: Tx, id: string, now: Date): Promise<HelpRow | undefined> {
  return (await roundOf(tx, now)).requests.get(id) ?? findHelp(tx, id);
}

/** Active users of the project holding the roles, once per round. */
async function roundRecipients(tx: Tx, projectId: string, roles: Role[], now: Date): Promise<string[]> {
  const round = await roundOf(tx, now);
  const key = `${projectId}|${[...roles].sort().join(',')}`;
  let found = round.recipients.get(key);
  if (!found) round.recipients.set(key, (found = usersWithRoles(tx, projectId, roles)));
  return found;
}

/** A step's time limit, watched by the one deadline engine (ADR 0012). */
export async function scheduleStepTimer(tx: Executor, s: HelpStepRow): Promise<void> {
  if (!s.dueAt) return;
  await tx.insert(timers).values({ projectId: s.projectId, subjectType: 'help_request', subjectId: s.helpRequestId, kind: 'step_due', level: 0, fireAt: s.dueAt, payload: { stepId: s.id } });
}

/** Starts (or starts over) an incident's escalation chain at `at`: one timer, each firing schedules the next. */
export async function scheduleChain(tx: Executor, r: Pick<HelpRow, 'id' | 'projectId'>, chain: EscalationChain | null, at: Date, from: { round: number; pos: number } = { round: 0, pos: 0 }): Promise<void> {
  if (!chain || chain.steps.length === 0) return;
  await tx.insert(timers).values({ projectId: r.projectId, subjectType: 'help_request', subjectId: r.id, kind: 'chain', level: from.round * 100 + from.pos, fireAt: at, payload: from });
}

/**
 * After a step is acknowledged or completed: an acknowledgement starts its expiry (the incident's chain says how
 * long it may stand without progress); when no step waits for acknowledgement any more the chain stops.
 */
export async function afterStepMoved(tx: Tx, r: HelpRow, s: HelpStepRow, action: 'acknowledge' | 'complete'): Promise<void> {
  const expires = r.escalation?.ackExpiresMinutes;
  if (action === 'acknowledge' && expires && s.acknowledgedAt) {
    await tx.insert(timers).values({ projectId: s.projectId, subjectType: 'help_request', subjectId: r.id, kind: 'ack_expiry', level: 0, fireAt: new Date(s.acknowledgedAt.getTime() + expires * 60_000), payload: { stepId: s.id, ackAt: s.acknowledgedAt.toISOString() } });
  }
  const [waiting] = await tx.select({ id: helpSteps.id }).from(helpSteps).where(and(eq(helpSteps.helpRequestId, r.id), eq(helpSteps.status, 'pending'))).limit(1);
  if (!waiting) await cancelTimers(tx, 'help_request', r.id, ['chain']);
}

const RESPONDER_PAGE_ROLES: readonly Role[] = ['guard', 'guard_leader', 'gate_guard', 'eng_lead', 'technician'];

/** One notifying step of the chain: whom it reaches (each person once per step) and what they are told. */
async function runChainStep(tx: Executor, r: HelpRow, waiting: HelpStepRow[], step: EscalationStep, level: number, now: Date): Promise<number> {
  const items: Parameters<typeof notify>[1] = [];
  const seen = new Set<string>();
  const push = (item: Parameters<typeof notify>[1][number]) => {
    if (seen.has(item.userId)) return;
    seen.add(item.userId);
    items.push(item);
  };
  if (step.type === 'notify_on_duty' || step.type === 'notify_team') {
    for (const role of new Set(waiting.map((s) => s.role))) {
      const titles = waiting.filter((s) => s.role === role).map((s) => s.title);
      const link = RESPONDER_PAGE_ROLES.includes(role) ? '/duty' : `/help/${r.id}`;
      const to = step.type === 'notify_on_duty' ? await alerteesOf(tx, r.projectId, role, now) : await usersWithRoles(tx, r.projectId, [role]);
      for (const userId of to) push({ userId, projectId: r.projectId, type: 'help.emergency', title: `再次提醒：${r.playbookName ?? ''} ${r.number} 尚未确认`, body: titles.join('；').slice(0, 300), link, detail: { helpRequestId: r.id, emergency: true, level } });
    }
  } else if (step.type === 'notify_roles') {
    for (const userId of await usersWithRoles(tx, r.projectId, step.roles ?? [])) {
      push({ userId, projectId: r.projectId, type: 'deadline.escalation', title: `应急步骤无人确认（第 ${level} 级）：${r.number}`, body: waiting.map((s) => s.title).join('；').slice(0, 300), link: `/help/${r.id}`, detail: { helpRequestId: r.id, level } });
    }
  }
  await notify(tx, items, now);
  return items.length;
}

/** What the first-response clock (HELP-2) and the steps' limits do when they fire. */
export const helpTimers = subjectTimers<HelpTimerPayloads>()('help_request', {
  // Two minutes before the five: the desk that took it is reminded.
  warn: async (tx, t, now) => {
    const r = await clockRequest(tx, t.subjectId, now);
    if (!r || r.status !== 'open') return { skipped: 'answered' };
    await notify(tx, [{ userId: r.recordedBy, projectId: r.projectId, type: 'deadline.warning', title: `求助即将超时：${r.number}`, body: `须在 ${r.dueAt ? localTime(r.dueAt) : ''} 前答复：${r.need.slice(0, 60)}`, link: `/help/${r.id}` }], now);
    await addHelpEvent(tx, r, now, null, 'deadline_warning');
    return { notified: 1 };
  },

  // Past five minutes without a first response: the CS supervisor, then the service-centre manager.
  escalate: async (tx, t, now) => {
    const r = await clockRequest(tx, t.subjectId, now);
    if (!r || r.status !== 'open') return { skipped: 'answered' };
    const roles = (t.payload?.roles ?? []).filter(Boolean);
    const to = await roundRecipients(tx, r.projectId, roles, now);
    const late = Math.round((now.getTime() - (r.dueAt?.getTime() ?? now.getTime())) / 60000);
    await notify(
      tx,
      to.map((userId) => ({ userId, projectId: r.projectId, type: 'deadline.escalation', title: `求助超时未答复（第 ${t.level} 级）：${r.number}`, body: `已超过首次答复时限 ${late} 分钟：${r.need.slice(0, 60)}`, link: `/help/${r.id}`, detail: { level: t.level, helpRequestId: r.id } })),
      now,
    );
    await addHelpEvent(tx, r, now, null, 'escalated', { detail: { level: t.level, roles, to: to.length } });
    if (t.level === 1) await appendAudit(tx, { actor: null, action: 'help.first_response_missed', entity: 'help_request', entityId: r.id, projectId: r.projectId }, now);
    return { notified: to.length };
  },

  // Steps nobody acknowledged: alerted again to their roles (an emergency, with sound), and the chain's roles told.
  ack_check: async (tx, t, now) => {
    const r = await findHelp(tx, t.subjectId);
    if (!r || r.status === 'closed') return { skipped: 'closed' };
    const waiting = await tx.select().from(helpSteps).where(and(eq(helpSteps.helpRequestId, r.id), inArray(helpSteps.status, ['pending'])));
    if (waiting.length === 0) return { skipped: 'acknowledged' };
    const items = [];
    for (const role of new Set(waiting.map((s) => s.role))) {
      const titles = waiting.filter((s) => s.role === role).map((s) => s.title);
      const link = ['guard', 'guard_leader', 'gate_guard', 'eng_lead', 'technician'].includes(role) ? '/duty' : `/help/${r.id}`;
      for (const userId of await alerteesOf(tx, r.projectId, role, now)) {
        items.push({ userId, projectId: r.projectId, type: 'help.emergency', title: `再次提醒：${r.playbookName ?? ''} ${r.number} 尚未确认`, body: titles.join('；').slice(0, 300), link, detail: { helpRequestId: r.id, emergency: true, level: t.level } });
      }
    }
    const roles = (t.payload?.roles ?? []).filter(Boolean);
    for (const userId of await usersWithRoles(tx, r.projectId, roles)) {
      items.push({ userId, projectId: r.projectId, type: 'deadline.escalation', title: `应急步骤无人确认（第 ${t.level} 级）：${r.number}`, body: waiting.map((s) => s.title).join('；').slice(0, 300), link: `/help/${r.id}`, detail: { helpRequestId: r.id, level: t.level } });
    }
    await notify(tx, items, now);
    await addHelpEvent(tx, r, now, null, 'ack_overdue', { detail: { level: t.level, steps: waiting.length, roles } });
    return { notified: items.length };
  },

  // The incident's escalation chain: notifying steps run at once, a wait schedules the next; passes are bounded.
  chain: async (tx, t, now) => {
    const r = await findHelp(tx, t.subjectId);
    if (!r || r.status === 'closed' || !r.escalation) return { skipped: 'closed' };
    // Cancelled in this very round (an expiry started the chain over): the newer timer runs it.
    const [self] = await tx.select({ status: timers.status }).from(timers).where(eq(timers.id, t.id));
    if (self?.status === 'cancelled') return { skipped: 'restarted' };
    const waiting = await tx.select().from(helpSteps).where(and(eq(helpSteps.helpRequestId, r.id), eq(helpSteps.status, 'pending')));
    if (waiting.length === 0) return { skipped: 'acknowledged' };
    const chain = r.escalation;
    // 第 n 级: the supervisors' notices are numbered through the passes.
    const levels = chain.steps.filter((e) => e.type === 'notify_roles').length;
    let round = t.payload?.round ?? 0;
    let pos = t.payload?.pos ?? 0;
    let notified = 0;
    const ran: string[] = [];
    // One line on the timeline per firing: which steps of the chain ran, how many people were told.
    const log = async () => {
      if (ran.length) await addHelpEvent(tx, r, now, null, 'ack_overdue', { detail: { round: round + 1, steps: ran, waiting: waiting.length, users: notified } });
    };
    for (let guard = 0; guard < (chain.steps.length + 1) * (chain.repeat + 1) + 1; guard++) {
      if (pos >= chain.steps.length) {
        if (round >= chain.repeat) {
          await log();
          await addHelpEvent(tx, r, now, null, 'chain_exhausted', { detail: { rounds: round + 1 } });
          return { notified, exhausted: true };
        }
        round++;
        pos = 0;
        continue;
      }
      const step = chain.steps[pos];
      if (step.type === 'wait') {
        await log();
        await scheduleChain(tx, r, chain, new Date(t.fireAt.getTime() + (step.minutes ?? 1) * 60_000), { round, pos: pos + 1 });
        return { notified, next: pos + 1, round };
      }
      const level = round * levels + chain.steps.slice(0, pos + 1).filter((e) => e.type === 'notify_roles').length;
      notified += await runChainStep(tx, r, waiting, step, level, now);
      ran.push(step.type);
      pos++;
    }
    await log();
    return { notified };
  },

  // An acknowledgement with no progress: the step waits again and the chain starts over.
  ack_expiry: async (tx, t, now) => {
    const r = await findHelp(tx, t.subjectId);
    const stepId = t.payload?.stepId;
    const [s] = stepId ? await tx.select().from(helpSteps).where(eq(helpSteps.id, stepId)) : [];
    if (!r || !s || r.status === 'closed' || s.status !== 'acknowledged') return { skipped: 'progressed' };
    if (s.acknowledgedAt?.toISOString() !== t.payload?.ackAt) return { skipped: 'acknowledged again' };
    await tx
      .update(helpSteps)
      .set({ status: 'pending', acknowledgedAt: null, acknowledgedBy: null, version: sql`${helpSteps.version} + 1` })
      .where(and(eq(helpSteps.id, s.id), eq(helpSteps.status, 'acknowledged')));
    await addHelpEvent(tx, r, now, null, 'ack_expired', { stepId: s.id, detail: { minutes: r.escalation?.ackExpiresMinutes ?? null } });
    await cancelTimers(tx, 'help_request', r.id, ['chain']);
    await scheduleChain(tx, r, r.escalation, now);
    return { restarted: true };
  },

  // A step past its limit and not done: the shift leader and the CS supervisor are told.
  step_due: async (tx, t, now) => {
    const r = await findHelp(tx, t.subjectId);
    const stepId = t.payload?.stepId;
    const [s] = stepId ? await tx.select().from(helpSteps).where(eq(helpSteps.id, stepId)) : [];
    if (!r || !s || r.status === 'closed' || s.status === 'done') return { skipped: 'done' };
    const to = await usersWithRoles(tx, r.projectId, ['guard_leader', 'cs_supervisor', s.role]);
    await notify(tx, to.map((userId) => ({ userId, projectId: r.projectId, type: 'deadline.escalation', title: `应急步骤超时：${r.number}`, body: `${s.title}（限 ${s.limitMinutes} 分钟）`, link: `/help/${r.id}`, detail: { helpRequestId: r.id, stepId: s.id } })), now);
    await addHelpEvent(tx, r, now, null, 'step_overdue', { stepId: s.id, detail: { to: to.length } });
    return { notified: to.length };
  },
}, {
  // The first-response clocks fall due by the thousand at a busy desk: fired a round at a time, with set-based SQL,
  // doing exactly what `warn` and `escalate` above do for each clock.
  warn: warnMany,
  escalate: escalateMany,
});

export function registerHelpTimers(runner: TimerRunner): void {
  runner.register(helpTimers);
  runner.register(shiftChangeTimers);
}
