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
 * Walks the whole trail in pages (in seq order) and recomputes every keyed hash, each row linked to the
 * previous row of its own chain (ADR 0017). With anchors (checkpoints of chain heads kept outside the
 * database), a chain cut before an anchored entry, or holding another hash there, fails too.
 */
export async function verifyAuditChain(db: Db, opts: { anchors?: readonly AuditAnchor[]; pageSize?: number } = {}): Promise<VerifyResult> {
  const pageSize = opts.pageSize ?? 5000;
  const anchored = new Map((opts.anchors ?? []).map((a) => [a.seq, a]));
  const seen = new Set<number>();
  /** Each chain's head so far: its last hash and seq. */
  const heads = new Map<string, { hash: string; seq: number }>();
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.seq, lastSeq)).orderBy(asc(auditLog.seq)).limit(pageSize);
    if (page.length === 0) break;
    for (const r of page) {
      const prev = heads.get(r.chain)?.hash ?? GENESIS_HASH;
      if (r.prevHash !== prev) return { ok: false, checked, brokenAt: r.seq, reason: 'prev_hash does not link to the previous row of its chain' };
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
      if (anchor !== undefined) {
        if (anchor.hash !== r.hash || (anchor.chain !== undefined && anchor.chain !== r.chain))
          return { ok: false, checked, brokenAt: r.seq, reason: 'the entry differs from its anchor: the chain was rewritten' };
        seen.add(r.seq);
      }
      heads.set(r.chain, { hash: r.hash, seq: r.seq });
      lastSeq = r.seq;
      checked++;
    }
  }
  // Every anchored entry must still be there. Anchors from before chains were split carry no chain: they
  // are judged against the whole trail, as then.
  for (const a of [...anchored.values()].sort((x, y) => x.seq - y.seq)) {
    if (seen.has(a.seq)) continue;
    const end = a.chain === undefined ? lastSeq : (heads.get(a.chain)?.seq ?? 0);
    if (end < a.seq) return { ok: false, checked, brokenAt: a.seq, reason: `the chain ${a.chain ?? ''} ends at ${end} but entry ${a.seq} was anchored: entries were removed from the end`.replace('chain  ends', 'chain ends') };
    return { ok: false, checked, brokenAt: a.seq, reason: `entry ${a.seq} was anchored but is gone from inside its chain: the chain was rewritten` };
  }
  return { ok: true, checked };
}
