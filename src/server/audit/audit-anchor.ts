import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/store';

/** One checkpoint of the chain's head, kept outside the audited table. */
export interface AuditAnchor {
  seq: number;
  hash: string;
  at: string;
}

/**
 * Checkpoints the audit chain's head (its last sequence number and hash) to an append-only file outside
 * the database. A chain that later ends before an anchored entry, or holds another hash there, was cut or
 * re-chained: `audit:verify` and `restore` say so (ADR 0013).
 */
export class AuditAnchorWriter {
  private last: number | null = null;
  private handle: NodeJS.Timeout | null = null;

  constructor(
    private db: Db,
    readonly file: string,
    private now: () => Date,
  ) {}

  /** Appends the current head when it moved since the last anchor; returns the anchor written, if any. */
  async seal(): Promise<AuditAnchor | null> {
    const [head] = await rows<{ seq: string | number; hash: string }>(this.db, sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`);
    if (!head) return null;
    const seq = Number(head.seq);
    if (this.last === null) this.last = readAnchors(this.file).at(-1)?.seq ?? null;
    if (this.last !== null && seq <= this.last) return null;
    const anchor: AuditAnchor = { seq, hash: head.hash, at: this.now().toISOString() };
    mkdirSync(path.dirname(this.file), { recursive: true });
    const fd = openSync(this.file, 'a', 0o600);
    try {
      appendFileSync(fd, `${JSON.stringify(anchor)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.last = seq;
    return anchor;
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
