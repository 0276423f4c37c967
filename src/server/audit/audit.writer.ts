import { sql } from 'drizzle-orm';
import { auditLog } from '../../domain/audit/audit.table';
import type { Actor } from '../../domain/shared/policy';
import { rows, type Executor } from '../db/store';
import { chainHash, GENESIS_HASH } from './audit-chain';

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
 * Appends one entry to its hash chain. Call it inside the transaction that makes the change, so the act
 * and its audit row commit or vanish together. A transaction-scoped advisory lock on the entry's chain
 * (not on the whole trail) orders that chain: writes of other projects, and reads, do not queue behind it.
 */
export async function appendAudit(tx: Executor, e: AuditEntry, now: Date): Promise<void> {
  const chain = chainOf(e);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(727202, hashtext(${chain}))`);
  // After the lock (a separate statement, so it is surely taken first): the chain's head and the next seq.
  const [head] = await rows<{ hash: string | null; seq: string }>(
    tx,
    sql`SELECT (SELECT hash FROM audit_log WHERE chain = ${chain} ORDER BY seq DESC LIMIT 1) AS hash, nextval(pg_get_serial_sequence('audit_log', 'seq')) AS seq`,
  );
  const prevHash = head.hash ?? GENESIS_HASH;
  const seq = head.seq;
  const fields = {
    seq: Number(seq),
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
  await tx.insert(auditLog).values({ ...fields, chain, prevHash, hash: chainHash(prevHash, fields) });
}
