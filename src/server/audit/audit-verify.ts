import { asc, gt } from 'drizzle-orm';
import { auditLog } from '../../domain/audit/audit.table';
import type { Db } from '../db/store';
import { chainHash, GENESIS_HASH } from './audit-chain';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not match, if any. */
  brokenAt?: number;
  reason?: string;
}

/** Walks the whole chain in pages and recomputes every hash. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.seq, lastSeq)).orderBy(asc(auditLog.seq)).limit(pageSize);
    if (page.length === 0) return { ok: true, checked };
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
      prev = r.hash;
      lastSeq = r.seq;
      checked++;
    }
  }
}
