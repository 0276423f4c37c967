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
import { appendAudit } from './audit.writer';
import { atCommit } from '../db/commit-work';

interface Row extends AuditFields {
  prevHash: string;
  chain: string;
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
        sql`SELECT seq, at, actor_id, actor_name, action, entity, entity_id, project_id, subject, detail, ip, prev_hash, chain FROM audit_log ORDER BY seq`,
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
      chain: r.chain as string,
    }));

  const tamper = async (statements: string[]) => {
    await t.store.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
    for (const s of statements) await t.store.exec(s);
    await t.store.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
  };

  /** Rewrites every row's links and hashes with `hash`, chain by chain, as an intruder re-chaining after deleting rows would. */
  const rechain = async (hash: (prev: string, f: AuditFields) => string) => {
    const prevOf = new Map<string, string>();
    const updates: string[] = [];
    for (const r of await all()) {
      const { prevHash: _p, chain, ...fields } = r;
      const prev = prevOf.get(chain) ?? GENESIS_HASH;
      const h = hash(prev, fields);
      updates.push(`UPDATE audit_log SET prev_hash = '${prev}', hash = '${h}' WHERE seq = ${r.seq}`);
      prevOf.set(chain, h);
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

describe.each(STORE_KINDS)('ARC-9 the trail is one chain per project and kind (ADR 0017) on %s', (kind) => {
  let t: TestApp;
  let dir: string;
  const projectA = '00000000-0000-4000-8000-00000000000a';
  const projectB = '00000000-0000-4000-8000-00000000000b';
  beforeAll(async () => {
    setAuditKey(randomBytes(32).toString('hex'));
    t = await startTestApp(kind);
    dir = mkdtempSync(path.join(tmpdir(), 'wd-chains-'));
  });
  afterAll(async () => {
    await t.close();
    setAuditKey(DEVELOPMENT_AUDIT_KEY);
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (projectId: string | null, action: string) =>
    t.store.db.transaction((tx) => appendAudit(tx, { actor: null, action, entity: 'test', projectId }, t.clock.now()));

  it('writes and reads of each project and entries without a project link into their own chains, and the whole trail verifies', async () => {
    await write(projectA, 'call.create');
    await write(projectB, 'call.create');
    await write(projectA, 'household.search');
    await write(null, 'auth.login');
    await write(projectA, 'call.close');
    const chains = await rows<{ chain: string; n: number }>(t.store.db, sql`SELECT chain, count(*)::int AS n FROM audit_log WHERE entity = 'test' GROUP BY chain ORDER BY chain`);
    expect(chains).toEqual([
      { chain: 'global', n: 1 },
      { chain: `r:${projectA}`, n: 1 },
      { chain: `w:${projectA}`, n: 2 },
      { chain: `w:${projectB}`, n: 1 },
    ]);
    const [first] = await rows<{ prev_hash: string }>(t.store.db, sql`SELECT prev_hash FROM audit_log WHERE chain = ${`w:${projectB}`} ORDER BY seq LIMIT 1`);
    expect(first.prev_hash).toBe(GENESIS_HASH); // a chain starts at the genesis hash, not at another chain's row
    expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: true });
  });

  it("removing the newest entry of one project's chain, though not the trail's newest, is detected once anchored", async () => {
    await write(projectB, 'call.reply');
    const file = path.join(dir, `chains-${kind}.anchor`);
    await new AuditAnchorWriter(t.store.db, file, t.clock.now).seal();
    const anchors = readAnchors(file);
    expect(anchors.some((a) => a.chain === `w:${projectB}`)).toBe(true);
    await write(projectA, 'call.reply'); // newer entries in other chains
    await write(null, 'auth.logout');
    const [victim] = await rows<{ seq: string }>(t.store.db, sql`SELECT seq FROM audit_log WHERE chain = ${`w:${projectB}`} ORDER BY seq DESC LIMIT 1`);
    await t.store.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await t.store.exec(`DELETE FROM audit_log WHERE seq = ${victim.seq}`);
    await t.store.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
    expect((await verifyAuditChain(t.store.db)).ok).toBe(true); // the links alone cannot show a cut tail
    const res = await verifyAuditChain(t.store.db, { anchors });
    expect(res.ok).toBe(false);
    expect(res.reason).toContain('removed from the end');
  });

  it.runIf(kind === 'postgres')('a write of another project, and a read of the same project, do not wait for an open transaction holding a chain', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const isHolding = new Promise<void>((r) => (holding = r));
    const open = t.store.db.transaction(async (tx) => {
      const chainLocks = async () => (await rows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND classid = 727202`))[0].n;
      await appendAudit(tx, { actor: null, action: 'call.create', entity: 'test', projectId: projectA }, t.clock.now());
      // The entry is written just before the commit (ADR 0023), its chain's lock taken then, not before: wait after that.
      expect(await chainLocks()).toBe(0);
      atCommit(tx, async () => {
        expect(await chainLocks()).toBe(1);
        holding();
        await held; // the chain w:projectA stays locked until this transaction ends
      });
    });
    await isHolding;
    // Under the former instance-wide lock these two would wait for `open`, which waits for them: the test would hang.
    await write(projectB, 'call.create');
    await write(projectA, 'household.search');
    release();
    await open;
    expect(await verifyAuditChain(t.store.db)).toMatchObject({ ok: true });
  });
});
