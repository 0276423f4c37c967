import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { STORE_KINDS, openTestStore } from '../testing/harness';
import { HttpClient, spawnServer } from '../testing/spawn';
import { openStore, rows } from '../db/store';

/** FAULTS_FULL=1 (npm run test:faults) runs the long form; npm test runs the short one. */
const FULL = process.env.FAULTS_FULL === '1';
const CREATES = 200;
const KILL_AFTER = FULL ? [20, 60, 120, 180] : [60];

describe.each(STORE_KINDS)('kill -9 during concurrent creates on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  it.each(KILL_AFTER)('after %i acknowledgements: every acknowledged call exists exactly once after restart, each with its audit row', async (killAfter) => {
    let env: Record<string, string | undefined>;
    if (kind === 'embedded') {
      const dir = mkdtempSync(path.join(tmpdir(), 'wd-kill-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      env = { DATA_DIR: dir, DATABASE_URL: undefined, SEED_DEMO: '1' };
    } else {
      const db = await openTestStore('postgres');
      await db.close();
      cleanups.push(db.drop);
      env = { DATABASE_URL: db.url, SEED_DEMO: '1' };
    }
    let server = await spawnServer(env);
    const api = await new HttpClient(server.baseUrl).login('kefu');
    const me = (await api.json<{ projects: { id: string; code: string }[] }>('GET', '/api/auth/me')).body;
    const projectId = me.projects.find((p) => p.code === 'JHHY')!.id;
    const hh = (await api.json<{ items: { id: string }[] }>('POST', '/api/households/search', { q: '3-2-1502' })).body.items[0].id;
    const cats = (await api.json<{ items: { id: string; code: string }[] }>('GET', `/api/service-categories?projectId=${projectId}`)).body.items;
    const body = (i: number) => ({ projectId, channel: 'phone', callerName: '张伟明', householdId: hh, content: `压力测试 ${i}`, categoryId: cats.find((c) => c.code === 'public')!.id, idempotencyKey: `kill-${killAfter}-${String(i).padStart(4, '0')}` });

    const acked = new Map<string, string>();
    let killed = false;
    const results = await Promise.allSettled(
      Array.from({ length: CREATES }, async (_, i) => {
        const r = await api.json<{ id: string }>('POST', '/api/calls', body(i));
        if (r.status === 201 || r.status === 200) {
          acked.set(body(i).idempotencyKey, r.body.id);
          if (acked.size >= killAfter && !killed) {
            killed = true;
            server.child.kill('SIGKILL');
          }
        }
        return r.status;
      }),
    );
    await server.exited;
    expect(killed).toBe(true);
    expect(acked.size).toBeGreaterThanOrEqual(killAfter);
    expect(results.some((r) => r.status === 'rejected' || (r.status === 'fulfilled' && r.value >= 500))).toBe(acked.size < CREATES);

    // Restart on the same store; the desk retries every submission with its key.
    server = await spawnServer(env);
    const api2 = await new HttpClient(server.baseUrl).login('kefu');
    for (let i = 0; i < CREATES; i++) {
      const r = await api2.json<{ id: string }>('POST', '/api/calls', body(i));
      expect([200, 201]).toContain(r.status);
      const before = acked.get(body(i).idempotencyKey);
      if (before) expect(r.body.id).toBe(before);
    }
    await server.kill('SIGTERM');

    const store = await openStore(kind === 'embedded' ? { dataDir: env.DATA_DIR } : { databaseUrl: env.DATABASE_URL });
    try {
      const calls = await rows<{ id: string; idempotency_key: string }>(store.db, sql`SELECT id, idempotency_key FROM call_records WHERE idempotency_key LIKE ${`kill-${killAfter}-%`}`);
      expect(calls).toHaveLength(CREATES);
      expect(new Set(calls.map((c) => c.idempotency_key)).size).toBe(CREATES);
      for (const [key, id] of acked) expect(calls.find((c) => c.idempotency_key === key)?.id).toBe(id);
      const audited = await rows<{ entity_id: string }>(store.db, sql`SELECT entity_id FROM audit_log WHERE action = 'call.create'`);
      const ids = new Set(audited.map((a) => a.entity_id));
      expect(calls.every((c) => ids.has(c.id))).toBe(true);
    } finally {
      await store.close();
    }
    // two server starts, each allowed spawnServer's 120 s on a busy machine: a limit far above normal, not a figure
  }, 900_000);
});
