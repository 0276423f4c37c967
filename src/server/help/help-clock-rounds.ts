import { inArray, sql } from 'drizzle-orm';
import { helpRequests } from '../../domain/help/help.table';
import type { Role } from '../../domain/shared/roles';
import { localTime } from '../../domain/shared/business-time';
import { rows, type Executor, type Tx } from '../db/store';
import { appendAuditMany, type AuditEntry } from '../audit/audit.writer';
import { EVENTS_CHANNEL, usersWithRoles, type NewNotification } from '../notifications/notifier';
import type { TypedTimer } from '../deadlines/timers';
import type { HelpRow } from './help.repository';

/**
 * The first-response clocks (HELP-2) a round at a time: what the `warn` and `escalate` handlers of help-timers.ts do
 * for one clock, done for a whole round of clocks with set-based statements (one read of the requests, one statement
 * inserting all notifications and all timeline lines and sending one NOTIFY, one audit append per chain). Same rows,
 * same texts, same order as the single handlers fired one after another.
 */

type Outcome = Record<string, unknown>;
type ClockTimer = TypedTimer<{ roles?: Role[] }>;

async function requestsOf(tx: Executor, ts: ClockTimer[]): Promise<Map<string, HelpRow>> {
  const ids = [...new Set(ts.map((t) => t.subjectId))];
  const found = ids.length ? await tx.select().from(helpRequests).where(inArray(helpRequests.id, ids)) : [];
  return new Map(found.map((r) => [r.id, r]));
}

/**
 * notify() for each clock's list and addHelpEvent() for each timeline line, in one statement: each list
 * deduplicated as notify() does it (a person once per type and link), every notification and every line inserted
 * in the order given (the lines' seq keeps it), and one NOTIFY naming everyone told (none when nobody was).
 */
async function writeRound(tx: Executor, lists: NewNotification[][], events: NewHelpEvent[], now: Date): Promise<void> {
  const all: NewNotification[] = [];
  for (const items of lists) {
    const unique = new Map<string, NewNotification>();
    for (const n of items) unique.set(`${n.userId}|${n.type}|${n.link ?? ''}`, n);
    all.push(...unique.values());
  }
  if (all.length === 0 && events.length === 0) return;
  const at = now.toISOString();
  const notes = all.map((n) => ({ user_id: n.userId, project_id: n.projectId, type: n.type, title: n.title, body: n.body ?? null, link: n.link ?? null, detail: n.detail ?? null }));
  const lines = events.map((e) => ({ project_id: e.projectId, help_request_id: e.helpRequestId, type: e.type, detail: e.detail ?? null }));
  const users = [...new Set(all.map((n) => n.userId))];
  let woken = JSON.stringify({ u: users });
  if (woken.length > 7000) woken = '*'; // as wake() does
  await tx.execute(sql`
    WITH n AS (
      INSERT INTO notifications (user_id, project_id, at, type, title, body, link, detail)
      SELECT x.user_id, x.project_id, ${at}::timestamptz, x.type, x.title, x.body, x.link, x.detail
      FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(notes)}::jsonb) AS (user_id uuid, project_id uuid, type text, title text, body text, link text, detail jsonb)) WITH ORDINALITY AS x(user_id, project_id, type, title, body, link, detail, ord)
      ORDER BY x.ord
    ), e AS (
      INSERT INTO help_events (project_id, help_request_id, at, actor_id, type, step_id, device, detail)
      SELECT x.project_id, x.help_request_id, ${at}::timestamptz, NULL, x.type, NULL, NULL, x.detail
      FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(lines)}::jsonb) AS (project_id uuid, help_request_id uuid, type text, detail jsonb)) WITH ORDINALITY AS x(project_id, help_request_id, type, detail, ord)
      ORDER BY x.ord
    )
    SELECT pg_notify(${EVENTS_CHANNEL}, ${woken}) WHERE ${users.length > 0 ? sql`true` : sql`false`}`);
}

type NewHelpEvent = { projectId: string; helpRequestId: string; type: string; detail: Record<string, unknown> | null };

/** A round of warnings (two minutes before the five): each open request's desk is reminded. */
export async function warnMany(tx: Tx, ts: ClockTimer[], now: Date): Promise<Outcome[]> {
  const requests = await requestsOf(tx, ts);
  const lists: NewNotification[][] = [];
  const events: NewHelpEvent[] = [];
  const outcomes = ts.map((t): Outcome => {
    const r = requests.get(t.subjectId);
    if (!r || r.status !== 'open') return { skipped: 'answered' };
    lists.push([{ userId: r.recordedBy, projectId: r.projectId, type: 'deadline.warning', title: `求助即将超时：${r.number}`, body: `须在 ${r.dueAt ? localTime(r.dueAt) : ''} 前答复：${r.need.slice(0, 60)}`, link: `/help/${r.id}` }]);
    events.push({ projectId: r.projectId, helpRequestId: r.id, type: 'deadline_warning', detail: null });
    return { notified: 1 };
  });
  await writeRound(tx, lists, events, now);
  return outcomes;
}

/** A round of escalations (past five minutes unanswered): the level's roles are told, the first level is audited. */
export async function escalateMany(tx: Tx, ts: ClockTimer[], now: Date): Promise<Outcome[]> {
  const requests = await requestsOf(tx, ts);
  // Whom a project's roles reach: once per round and (project, roles).
  const reach = new Map<string, string[]>();
  for (const t of ts) {
    const r = requests.get(t.subjectId);
    if (!r || r.status !== 'open') continue;
    const roles = (t.payload?.roles ?? []).filter(Boolean);
    const key = `${r.projectId}|${[...roles].sort().join(',')}`;
    if (!reach.has(key)) reach.set(key, await usersWithRoles(tx, r.projectId, roles));
  }
  const lists: NewNotification[][] = [];
  const events: NewHelpEvent[] = [];
  const audits: AuditEntry[] = [];
  const outcomes = ts.map((t): Outcome => {
    const r = requests.get(t.subjectId);
    if (!r || r.status !== 'open') return { skipped: 'answered' };
    const roles = (t.payload?.roles ?? []).filter(Boolean);
    const to = reach.get(`${r.projectId}|${[...roles].sort().join(',')}`)!;
    const late = Math.round((now.getTime() - (r.dueAt?.getTime() ?? now.getTime())) / 60000);
    lists.push(to.map((userId) => ({ userId, projectId: r.projectId, type: 'deadline.escalation', title: `求助超时未答复（第 ${t.level} 级）：${r.number}`, body: `已超过首次答复时限 ${late} 分钟：${r.need.slice(0, 60)}`, link: `/help/${r.id}`, detail: { level: t.level, helpRequestId: r.id } })));
    events.push({ projectId: r.projectId, helpRequestId: r.id, type: 'escalated', detail: { level: t.level, roles, to: to.length } });
    if (t.level === 1) audits.push({ actor: null, action: 'help.first_response_missed', entity: 'help_request', entityId: r.id, projectId: r.projectId });
    return { notified: to.length };
  });
  await writeRound(tx, lists, events, now);
  await appendAuditMany(tx, audits, now);
  return outcomes;
}
