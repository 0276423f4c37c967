import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { rows } from '../db/store';
import { AuditAnchorWriter, readAnchors } from './audit-anchor';
import { canonicalJson, chainHash, DEVELOPMENT_AUDIT_KEY, GENESIS_HASH, setAuditKey, type AuditFields } from './audit-chain';
import { verifyAuditChain } from './audit-verify';

interface Row extends AuditFields {
  prevHash: string;
}

/** What an intruder with the code but without the key can compute: the chain re-hashed with a known key or plain SHA-256. */
const plainSha = (prev: string, f: AuditFields) => createHash('sha256').update(prev).update('\n').update(canonicalJson({ ...f, at: new Date(f.at).toISOString() })).digest('hex');

describe.each(STORE_KINDS)('ARC-9 the audit trail is anchored outside its table on %s', (kind) => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    // The installation's own secret key (as from AUDIT_KEY or the key file), unknown to an intruder.
    setAuditKey(randomBytes(32).toString('hex'));
    t = await startTestApp(kind);
    dir = mkdtempSync(path.join(tmpdir(), 'wd-anchor-'));
  });
  afterAll(async () => {
    await t.close();
    setAuditKey(DEVELOPMENT_AUDIT_KEY);
    rmSync(dir, { recursive: true, force: true });
  });

  const all = async (): Promise<Row[]> =>
    (
      await rows<Record<string, unknown>>(
        t.store.db,
        sql`SELECT seq, at, actor_id, actor_name, action, entity, entity_id, project_id, subject, detail, ip, prev_hash FROM audit_log ORDER BY seq`,
      )
    ).map((r) => ({
      seq: Number(r.seq),
      at: new Date(r.at as string).toISOString(),
      actorId: r.actor_id as string | null,
      actorName: r.actor_name as string | null,
      action: r.action as string,
      entity: r.entity as string | null,
      entityId: r.entity_id as string | null,
      projectId: r.project_id as string | null,
      subject: r.subject as string | null,
      detail: r.detail ?? null,
      ip: r.ip as string | null,
      prevHash: r.prev_hash as string,
    }));

  const tamper = async (statements: string[]) => {
    await t.store.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
    for (const s of statements) await t.store.exec(s);
    await t.store.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
  };

  /** Rewrites every row's links and hashes with `hash`, as an intruder re-chaining after deleting rows would. */
  const rechain = async (hash: (prev: string, f: AuditFields) => string) => {
    let prev = GENESIS_HASH;
    const updates: string[] = [];
    for (const r of await all()) {
      const { prevHash: _p, ...fields } = r;
      const h = hash(prev, fields);
      updates.push(`UPDATE audit_log SET prev_hash = '${prev}', hash = '${h}' WHERE seq = ${r.seq}`);
      prev = h;
    }
    await tamper(updates);
  };

  it('removing the newest entries is detected once the head was anchored', async () => {
    for (const u of ['kefu', 'zhuli', 'jingli']) await Client.login(t.app, u);
    const file = path.join(dir, `tail-${kind}.anchor`);
    const anchor = new AuditAnchorWriter(t.store.db, file, t.clock.now);
    const written = await anchor.seal();
    expect(written).not.toBeNull();
    expect(await anchor.seal()).toBeNull(); // nothing new: no second line
    expect(await verifyAuditChain(t.store.db, { anchors: readAnchors(file) })).toMatchObject({ ok: true });

    const last = (await all()).slice(-3).map((r) => r.seq);
    await tamper([`DELETE FROM audit_log WHERE seq IN (${last.join(',')})`]);
    // The chain alone still links up: only the anchor outside the table shows the cut.
    expect((await verifyAuditChain(t.store.db)).ok).toBe(true);
    const res = await verifyAuditChain(t.store.db, { anchors: readAnchors(file) });
    expect(res.ok).toBe(false);
    expect(res.reason).toContain('removed from the end');
  });

  it('deleting entries in the middle and re-chaining without the key is detected, with the public code or the development key', async () => {
    for (const u of ['kefu', 'zhuguan']) await Client.login(t.app, u);
    const middle = (await all()).slice(5, 8).map((r) => r.seq);
    await tamper([`DELETE FROM audit_log WHERE seq IN (${middle.join(',')})`]);
    await rechain(plainSha);
    expect((await verifyAuditChain(t.store.db)).ok).toBe(false);

    setAuditKey(DEVELOPMENT_AUDIT_KEY);
    const devHash = (prev: string, f: AuditFields) => chainHash(prev, f);
    await rechain(devHash);
    setAuditKey(randomBytes(32).toString('hex')); // the installation's key is not the development key
    expect((await verifyAuditChain(t.store.db)).ok).toBe(false);
  });

  it('a chain re-hashed with the right key still differs from its anchors', async () => {
    const file = path.join(dir, `rechain-${kind}.anchor`);
    const key = randomBytes(32).toString('hex');
    setAuditKey(key);
    await rechain(chainHash); // start from a consistent chain under this key
    await Client.login(t.app, 'kefu');
    await new AuditAnchorWriter(t.store.db, file, t.clock.now).seal();
    expect((await verifyAuditChain(t.store.db, { anchors: readAnchors(file) })).ok).toBe(true);
    const victim = (await all()).at(-2)!.seq;
    await tamper([`DELETE FROM audit_log WHERE seq = ${victim}`]);
    await rechain(chainHash); // an insider who has the key
    expect((await verifyAuditChain(t.store.db)).ok).toBe(true);
    const res = await verifyAuditChain(t.store.db, { anchors: readAnchors(file) });
    expect(res.ok).toBe(false);
    expect(res.reason).toContain('rewritten');
  });
});
