import { createHmac } from 'node:crypto';

/** The fields of an audit row that its hash covers. */
export interface AuditFields {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  projectId: string | null;
  subject: string | null;
  detail: unknown;
  ip: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The key of the chain's HMAC. Without it nobody can recompute a valid chain after removing or editing
 * rows, not even with this file's code (ADR 0013). The development key below is used only where no key was
 * configured: tests and a laptop without AUDIT_KEY on PostgreSQL. Production refuses to start with it.
 */
export const DEVELOPMENT_AUDIT_KEY = 'wuye-desk-development-audit-key-not-secret';
let chainKey: string | Buffer = DEVELOPMENT_AUDIT_KEY;

/** Sets the HMAC key for this process (at start, from AUDIT_KEY or the store's key file). */
export function setAuditKey(key: string | Buffer): void {
  chainKey = key;
}

export function usesDevelopmentAuditKey(): boolean {
  return chainKey === DEVELOPMENT_AUDIT_KEY;
}

export function chainHash(prevHash: string, f: AuditFields): string {
  const body = canonicalJson({ ...f, at: new Date(f.at).toISOString() });
  return createHmac('sha256', chainKey).update(prevHash).update('\n').update(body).digest('hex');
}
