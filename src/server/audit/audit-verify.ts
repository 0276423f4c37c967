import { asc, gt } from 'drizzle-orm';
import { auditLog } from '../../domain/audit/audit.table';
import type { Db } from '../db/store';
import { chainHash, GENESIS_HASH } from './audit-chain';
import type { AuditAnchor } from './audit-anchor';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not match, if any. */
  brokenAt?: number;
  reason?: string;
}

/**
 * Walks the whole chain in pages and recomputes every keyed hash; with anchors (checkpoints of the head kept
 * outside the database), a chain cut before an anchored entry or holding another hash there fails too.
 */
export async function verifyAuditChain(db: Db, opts: { anchors?: readonly AuditAnchor[]; pageSize?: number } = {}): Promise<VerifyResult> {
  const pageSize = opts.pageSize ?? 5000;
  const anchored = new Map((opts.anchors ?? []).map((a) => [a.seq, a.hash]));
  const lastAnchor = Math.max(0, ...anchored.keys());
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.seq, lastSeq)).orderBy(asc(auditLog.seq)).limit(pageSize);
    if (page.length === 0) {
      if (lastSeq < lastAnchor) return { ok: false, checked, brokenAt: lastAnchor, reason: `the chain ends at ${lastSeq} but entry ${lastAnchor} was anchored: entries were removed from the end` };
      return { ok: true, checked };
    }
    for (const r of page) {
      if (r.prevHash !== prev) return { ok: false, checked, brokenAt: r.seq, reason: 'prev_hash does not link to the previous row' };
      const expect = chainHash(prev, {
        seq: r.seq,
        at: r.at,
        actorId: r.actorId,
        actorName: r.actorName,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        projectId: r.projectId,
        subject: r.subject,
        detail: r.detail ?? null,
        ip: r.ip,
      });
      if (expect !== r.hash) return { ok: false, checked, brokenAt: r.seq, reason: 'row content does not match its hash' };
      const anchor = anchored.get(r.seq);
      if (anchor !== undefined && anchor !== r.hash) return { ok: false, checked, brokenAt: r.seq, reason: 'the entry differs from its anchor: the chain was rewritten' };
      prev = r.hash;
      lastSeq = r.seq;
      checked++;
    }
  }
}
