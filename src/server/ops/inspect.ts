import path from 'node:path';
import { sql } from 'drizzle-orm';
import * as schema from '../db/schema';
import { rows, type Db } from '../db/store';
import { verifyAuditChain, type VerifyResult } from '../audit/audit-verify';
import type { Target } from './backup';
import type { AuditAnchor } from '../audit/audit-anchor';

export interface StoreSummary {
  /** Rows per table of the public schema. */
  tables: Record<string, number>;
  /** The audit trail's hash chain, or why it could not be checked. */
  audit: VerifyResult | { ok: false; error: string };
}

/**
 * Opens a store without migrating it (a restored store stays exactly as it was backed up) and
 * reports its row counts and whether the audit chain verifies.
 */
export async function inspectStore(target: Target, opts: { anchors?: readonly AuditAnchor[] } = {}): Promise<StoreSummary> {
  if (target.databaseUrl) {
    const pg = (await import('pg')).default;
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 2 });
    try {
      return await summarise(drizzle({ client: pool, schema }) as unknown as Db, opts.anchors);
    } finally {
      await pool.end();
    }
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const client = await PGlite.create(path.resolve(target.dataDir));
  try {
    return await summarise(drizzle({ client, schema }) as unknown as Db, opts.anchors);
  } finally {
    await client.close();
  }
}

async function summarise(db: Db, anchors?: readonly AuditAnchor[]): Promise<StoreSummary> {
  const names = await rows<{ t: string }>(
    db,
    sql`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const tables: Record<string, number> = {};
  for (const { t } of names) {
    const [r] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(t)}`);
    tables[t] = r.n;
  }
  let audit: StoreSummary['audit'];
  try {
    audit = await verifyAuditChain(db, { anchors });
  } catch (e) {
    // A backup older than the code may lack columns the verifier reads: start the app (it migrates), then npm run audit:verify.
    audit = { ok: false, error: (e as Error).message };
  }
  return { tables, audit };
}
