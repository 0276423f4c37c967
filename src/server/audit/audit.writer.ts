import { sql } from 'drizzle-orm';
import { auditLog } from '../../domain/audit/audit.table';
import type { Actor } from '../../domain/shared/policy';
import { rows, type Executor } from '../db/store';
import { chainHash, GENESIS_HASH } from './audit-chain';
import { atCommit } from '../db/commit-work';

export interface AuditEntry {
  actor: Pick<Actor, 'userId' | 'username'> | null;
  action: string;
  entity?: string;
  entityId?: string;
  projectId?: string | null;
  /** What the entry is about when there is no record id, e.g. the username of a login attempt. */
  subject?: string;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/** Audited reads (a search, a reveal, a download): their own chain per project, so a read never waits on a write's chain. */
const READ_ACTION = /\.(search|reveal|download)$/;

/** The chain an entry links into (ADR 0017): per project, changes and reads apart; entries without a project share `global`. */
export function chainOf(e: Pick<AuditEntry, 'projectId' | 'action'>): string {
  if (!e.projectId) return 'global';
  return `${READ_ACTION.test(e.action) ? 'r' : 'w'}:${e.projectId}`;
}

/**
 * Appends one entry to its hash chain. Call it inside the transaction that makes the change, so the act and its
 * audit row commit or vanish together. Inside a store transaction the entry is written last, just before the
 * commit, with the transaction's other entries (ADR 0023): the chain's transaction-scoped advisory lock (per chain,
 * not the whole trail) is then the transaction's last lock, so it never waits on a counter or row that another
 * transaction holding the same chain wants, and is held for three statements. On a plain database handle (an
 * audited read outside a transaction) the entry is written at once.
 */
export async function appendAudit(tx: Executor, e: AuditEntry, now: Date): Promise<void> {
  if (defer(tx, [{ e, now }])) return;
  await writeEntries(tx, [{ e, now }]);
}

/** Entries of open transactions waiting for their commit. */
const waiting = new WeakMap<object, Timed[]>();
interface Timed {
  e: AuditEntry;
  now: Date;
}

function defer(tx: Executor, entries: Timed[]): boolean {
  const list = waiting.get(tx);
  if (list) {
    list.push(...entries);
    return true;
  }
  const fresh = [...entries];
  if (!atCommit(tx, () => writeEntries(tx, fresh))) return false;
  waiting.set(tx, fresh);
  return true;
}

/** The fields of an entry that its hash covers, in the chain's order. */
function hashedFields(e: AuditEntry, seq: number, now: Date) {
  return {
    seq,
    at: now.toISOString(),
    actorId: e.actor?.userId ?? null,
    actorName: e.actor?.username ?? null,
    action: e.action,
    entity: e.entity ?? null,
    entityId: e.entityId ?? null,
    projectId: e.projectId ?? null,
    subject: e.subject ?? null,
    detail: e.detail ?? null,
    ip: e.ip ?? null,
  };
}

/** Rows per INSERT statement of a batch (well under the driver's parameter limit). */
const AUDIT_INSERT_CHUNK = 1000;

/** appendAudit() for many entries of one instant (a timer round's). */
export async function appendAuditMany(tx: Executor, entries: AuditEntry[], now: Date): Promise<void> {
  const timed = entries.map((e) => ({ e, now }));
  if (defer(tx, timed)) return;
  await writeEntries(tx, timed);
}

/**
 * Writes entries: per chain (in a fixed order, so two transactions never wait on each other's chains crosswise) the
 * chain's lock once, then its head and as many sequence numbers as entries in one statement (after the lock: a
 * statement of its own, so its snapshot is taken once the lock is held), the hashes linked in order, one insert.
 */
async function writeEntries(tx: Executor, entries: Timed[]): Promise<void> {
  const byChain = new Map<string, Timed[]>();
  for (const t of entries) {
    const c = chainOf(t.e);
    let list = byChain.get(c);
    if (!list) byChain.set(c, (list = []));
    list.push(t);
  }
  for (const chain of [...byChain.keys()].sort()) {
    const list = byChain.get(chain)!;
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727202, hashtext(${chain}))`);
    const got = await rows<{ hash: string | null; seq: string }>(
      tx,
      sql`SELECT (SELECT hash FROM audit_log WHERE chain = ${chain} ORDER BY seq DESC LIMIT 1) AS hash, s.seq::text AS seq
          FROM (SELECT nextval(pg_get_serial_sequence('audit_log', 'seq')) AS seq FROM generate_series(1, ${list.length}::int)) s`,
    );
    const seqs = got.map((g) => Number(g.seq)).sort((a, b) => a - b);
    let prevHash = got[0]?.hash ?? GENESIS_HASH;
    const values: (typeof auditLog.$inferInsert)[] = [];
    list.forEach((t, i) => {
      const fields = hashedFields(t.e, seqs[i], t.now);
      const hash = chainHash(prevHash, fields);
      values.push({ ...fields, chain, prevHash, hash });
      prevHash = hash;
    });
    for (let i = 0; i < values.length; i += AUDIT_INSERT_CHUNK) await tx.insert(auditLog).values(values.slice(i, i + AUDIT_INSERT_CHUNK));
  }
}
