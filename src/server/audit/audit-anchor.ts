import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/store';

/** One checkpoint of the chain's head, kept outside the audited table. */
export interface AuditAnchor {
  seq: number;
  hash: string;
  at: string;
  /** The chain whose head this is (ADR 0017); absent in anchors written before chains were split. */
  chain?: string;
}

/**
 * The head of every chain, found by walking the (chain, seq) index from one chain name to the next — a few
 * index probes per chain, not a scan of the trail.
 */
async function chainHeads(db: Db): Promise<{ chain: string; seq: number; hash: string }[]> {
  const heads = await rows<{ chain: string; seq: string | number; hash: string }>(
    db,
    sql`WITH RECURSIVE c(chain) AS (
          SELECT min(chain) FROM audit_log
          UNION ALL
          SELECT (SELECT min(a.chain) FROM audit_log a WHERE a.chain > c.chain) FROM c WHERE c.chain IS NOT NULL
        )
        SELECT c.chain, h.seq, h.hash FROM c
        CROSS JOIN LATERAL (SELECT a.seq, a.hash FROM audit_log a WHERE a.chain = c.chain ORDER BY a.seq DESC LIMIT 1) h
        WHERE c.chain IS NOT NULL`,
  );
  return heads.map((h) => ({ chain: h.chain, seq: Number(h.seq), hash: h.hash }));
}

/**
 * Checkpoints the audit chain's head (its last sequence number and hash) to an append-only file outside
 * the database. A chain that later ends before an anchored entry, or holds another hash there, was cut or
 * re-chained: `audit:verify` and `restore` say so (ADR 0013).
 */
export class AuditAnchorWriter {
  /** The last anchored seq of each chain (read from the file on first use). */
  private last: Map<string, number> | null = null;
  private handle: NodeJS.Timeout | null = null;

  constructor(
    private db: Db,
    readonly file: string,
    private now: () => Date,
  ) {}

  /** Appends the head of every chain that moved since its last anchor; returns the newest anchor written, if any. */
  async seal(): Promise<AuditAnchor | null> {
    const heads = await chainHeads(this.db);
    if (this.last === null) {
      this.last = new Map();
      for (const a of readAnchors(this.file)) this.last.set(a.chain ?? 'global', Math.max(a.seq, this.last.get(a.chain ?? 'global') ?? 0));
    }
    const at = this.now().toISOString();
    const moved = heads.filter((h) => h.seq > (this.last!.get(h.chain) ?? 0)).map((h): AuditAnchor => ({ seq: h.seq, hash: h.hash, at, chain: h.chain }));
    if (moved.length === 0) return null;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const fd = openSync(this.file, 'a', 0o600);
    try {
      appendFileSync(fd, moved.map((a) => `${JSON.stringify(a)}\n`).join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    for (const a of moved) this.last.set(a.chain!, a.seq);
    return moved.reduce((a, b) => (b.seq > a.seq ? b : a));
  }

  start(intervalMs: number, onError: (err: unknown) => void): void {
    const loop = () => {
      this.seal()
        .catch(onError)
        .finally(() => {
          if (this.handle) this.handle = setTimeout(loop, intervalMs).unref();
        });
    };
    this.handle = setTimeout(loop, intervalMs).unref();
  }

  async stop(): Promise<void> {
    if (this.handle) clearTimeout(this.handle);
    this.handle = null;
    await this.seal();
  }
}

/** The anchors of a file, oldest first; a torn last line (crash while writing) is ignored. */
export function readAnchors(file: string | undefined): AuditAnchor[] {
  if (!file || !existsSync(file)) return [];
  const out: AuditAnchor[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const a = JSON.parse(line) as AuditAnchor;
      if (Number.isInteger(a.seq) && typeof a.hash === 'string') out.push(a);
    } catch {
      // a half-written line from a crash: the anchors before it still stand
    }
  }
  return out;
}
