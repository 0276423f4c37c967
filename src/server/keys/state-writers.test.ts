import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { SIGNATURE } from '../testing/desk';
import { rows } from '../db/store';
import { ownerLoanBody } from '../testing/keys.testkit';

/**
 * The key lending writer (lend, issue 8, mutation testing) through the real routes and database (KEY-1, KEY-2): a key
 * is lent only from the cabinet — one that is out or was handed to its owner is refused with the reason in Chinese;
 * the borrower's signature must be a real image (400 on body.signature); a lending at a version the desk did not read
 * is a 409 that tells the desk the key's version and state. A refusal writes nothing. Expected values from SPEC.md.
 */
describe.each(STORE_KINDS)('key lending writer on %s', (kind) => {
  let t: TestApp;
  let qiantai: Client; // front desk: keeps the cabinet, hands keys over
  let baoan: Client; // guard: lends
  let approverId: string;
  let ownerId: string;
  let seq = 0;

  beforeAll(async () => {
    t = await startTestApp(kind, { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
    [qiantai, baoan] = await Promise.all(['qiantai', 'baoan'].map((u) => Client.login(t.app, u)));
    approverId = (await qiantai.get(`/api/key-approvers?projectId=${t.ids.p1}`)).json().items.find((u: { displayName: string }) => u.displayName === '赵丹').id;
    const [o] = await rows<{ id: string }>(t.store.db, sql`SELECT p.id FROM persons p JOIN households h ON h.id = p.household_id JOIN units u ON u.id = h.unit_id WHERE u.code = '3-2-1502' AND p.relation = 'owner'`);
    ownerId = o.id;
  });
  afterAll(() => t.close());

  const newKey = async (over: Record<string, unknown> = {}) => {
    const res = await qiantai.post('/api/keys', { projectId: t.ids.p1, number: `KW-${kind}-${++seq}`, kind: 'owner_deposited', unitCode: '3-2-1502', count: 1, cabinetPosition: 'B柜-01', ...over });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; status: string };
  };
  const loanBody = (version: number, over: Record<string, unknown> = {}) => ownerLoanBody({ version, ownerPersonId: ownerId, approverId, dueAt: new Date(t.clock.now().getTime() + 120 * 60_000).toISOString() }, over);
  /** What the database holds of a key, its lendings and the signatures kept for them. */
  const stored = async (keyId: string) => {
    const [k] = await rows<{ status: string; version: number }>(t.store.db, sql`SELECT status, version FROM property_keys WHERE id = ${keyId}`);
    const [l] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM key_loans WHERE key_id = ${keyId}`);
    const [a] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM attachments WHERE owner_type = 'key_loan'`);
    return { ...k, loans: l.n, loanSignatures: a.n };
  };

  it('KEY-2 a key that is out is not lent again until it is returned: 409 INVALID_STATE with that reason, nothing written', async () => {
    const k = await newKey();
    const lent = await baoan.post(`/api/keys/${k.id}/loans`, loanBody(k.version));
    expect(lent.statusCode, lent.body).toBe(201);
    const out = await stored(k.id);
    expect(out).toMatchObject({ status: 'out', version: k.version + 1, loans: 1 });
    const again = await qiantai.post(`/api/keys/${k.id}/loans`, loanBody(out.version));
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'INVALID_STATE', message: '该钥匙已借出，归还后才能再借' });
    expect(await stored(k.id)).toEqual(out);
  });

  it('KEY-1 a key handed over to its owner is lent no more: 409 INVALID_STATE with that reason, nothing written', async () => {
    const k = await newKey({ kind: 'developer_held' });
    const handed = await qiantai.post(`/api/keys/${k.id}/handover`, { version: k.version, ownerPersonId: ownerId, renovationRef: '装修申请 ZX-2026-040', signature: SIGNATURE });
    expect(handed.statusCode, handed.body).toBe(201);
    const before = await stored(k.id);
    expect(before).toMatchObject({ status: 'handed_over', loans: 0 });
    const res = await baoan.post(`/api/keys/${k.id}/loans`, loanBody(before.version));
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'INVALID_STATE', message: '该钥匙已移交业主，不能出借' });
    expect(await stored(k.id)).toEqual(before);
  });

  it('KEY-2 the borrower\'s signature must be a real PNG image: 400 on body.signature, and the key stays in the cabinet', async () => {
    const k = await newKey();
    const before = await stored(k.id);
    // a well-formed PNG data URL whose content is not a PNG ("hello world")
    const res = await baoan.post(`/api/keys/${k.id}/loans`, loanBody(k.version, { signature: 'data:image/png;base64,aGVsbG8gd29ybGQ=' }));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'body.signature', message: '图片内容与格式不符' }]);
    expect(await stored(k.id)).toEqual(before);
  });

  it('KEY-2 a lending at a version the desk did not read is a 409 (VERSION_CONFLICT) with the key\'s version and state; nothing is written', async () => {
    const k = await newKey();
    const before = await stored(k.id);
    const res = await baoan.post(`/api/keys/${k.id}/loans`, loanBody(k.version + 2));
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'VERSION_CONFLICT', current: { version: k.version, status: 'in' } });
    expect(await stored(k.id)).toEqual(before);
    expect((await baoan.post(`/api/keys/${k.id}/loans`, loanBody(k.version))).statusCode).toBe(201);
  });
});
