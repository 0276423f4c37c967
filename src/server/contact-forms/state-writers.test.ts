import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, STORE_KINDS, startTestApp, type TestApp } from '../testing/harness';
import { rows } from '../db/store';

/**
 * The contact-form step writer (stepContactForm, issue 8, mutation testing) through the real routes and database
 * (LINK-2): the receiving head signs and replies, the sending head confirms and closes; each step writes its own
 * columns and keeps the earlier steps' stamps; the close note is kept as written (none: empty); a stale step is a
 * 409 that tells the desk the form's state and version; a form that does not exist is a 404. Engineering (lingban)
 * asks security (banzhang). Expected values written by hand from SPEC.md.
 */
describe.each(STORE_KINDS)('contact form step writer on %s', (kind) => {
  let t: TestApp;
  let lingban: Client;
  let banzhang: Client;
  let userId: (username: string) => Promise<string>;

  beforeAll(async () => {
    t = await startTestApp(kind, { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
    [lingban, banzhang] = await Promise.all(['lingban', 'banzhang'].map((u) => Client.login(t.app, u)));
    userId = async (username) => (await rows<{ id: string }>(t.store.db, sql`SELECT id FROM users WHERE username = ${username}`))[0].id;
  });
  afterAll(() => t.close());

  const send = async () => {
    const res = await lingban.post('/api/contact-forms', {
      projectId: t.ids.p1,
      fromDepartment: 'engineering',
      toDepartment: 'security',
      subject: '配合停水检修',
      details: '周六 9:00-12:00 3 栋停水检修，请安排保安在大堂值守',
      requiredResult: '检修期间大堂有人值守',
      dueAt: new Date(t.clock.now().getTime() + 24 * 3600_000).toISOString(),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const ms = (v: unknown) => (v == null ? null : new Date(v as string).getTime());
  /** What the database holds of a form (instants as epoch ms), and how many events it has. */
  const stored = async (id: string) => {
    const [r] = await rows<{ status: string; version: number; signed_at: unknown; signed_by: string | null; reply: string | null; replied_at: unknown; replied_by: string | null; closed_at: unknown; closed_by: string | null; close_note: string | null }>(
      t.store.db,
      sql`SELECT status, version, signed_at, signed_by, reply, replied_at, replied_by, closed_at, closed_by, close_note FROM contact_forms WHERE id = ${id}`,
    );
    const [ev] = await rows<{ n: number }>(t.store.db, sql`SELECT count(*)::int AS n FROM contact_form_events WHERE form_id = ${id}`);
    return { ...r, signed_at: ms(r.signed_at), replied_at: ms(r.replied_at), closed_at: ms(r.closed_at), events: ev.n };
  };
  const ok = async (c: Client, id: string, step: string, body: Record<string, unknown> = {}) => {
    const res = await c.post(`/api/contact-forms/${id}/${step}`, { version: (await stored(id)).version, ...body });
    expect(res.statusCode, res.body).toBe(200);
    return stored(id);
  };

  it('LINK-2 sign, reply and close each write their own stamps and by whom, and keep the earlier steps\' as the form moves on', async () => {
    const id = await send();
    const sent = await stored(id);
    expect(sent).toMatchObject({ status: 'sent', signed_at: null, signed_by: null, reply: null, replied_at: null, replied_by: null, closed_at: null, closed_by: null, close_note: null });

    t.clock.advanceMinutes(4);
    const tSign = t.clock.t;
    const signed = await ok(banzhang, id, 'sign');
    expect(signed).toEqual({ ...sent, status: 'signed', version: sent.version + 1, signed_at: tSign, signed_by: await userId('banzhang'), events: sent.events + 1 });

    t.clock.advanceMinutes(6);
    const tReply = t.clock.t;
    const replied = await ok(banzhang, id, 'reply', { reply: '已安排两名保安大堂值守' });
    expect(replied).toEqual({ ...signed, status: 'replied', version: signed.version + 1, reply: '已安排两名保安大堂值守', replied_at: tReply, replied_by: await userId('banzhang'), events: signed.events + 1 });

    t.clock.advanceMinutes(8);
    const tClose = t.clock.t;
    const closed = await ok(lingban, id, 'close', { note: '确认值守到位' });
    expect(closed).toEqual({ ...replied, status: 'closed', version: replied.version + 1, closed_at: tClose, closed_by: await userId('lingban'), close_note: '确认值守到位', events: replied.events + 1 });
  });

  it('LINK-2 closing without a note (or an empty one) keeps no note', async () => {
    for (const note of [undefined, '', '   ']) {
      const id = await send();
      await ok(banzhang, id, 'sign');
      await ok(banzhang, id, 'reply', { reply: '已完成' });
      const closed = await ok(lingban, id, 'close', note === undefined ? {} : { note });
      expect(closed, JSON.stringify(note)).toMatchObject({ status: 'closed', close_note: null, closed_by: await userId('lingban'), closed_at: t.clock.t });
    }
  });

  it('LINK-2 a step at a version the head did not read is a 409 (VERSION_CONFLICT) with the form\'s state and version; nothing is written', async () => {
    const id = await send();
    const sent = await stored(id);
    const stale = await banzhang.post(`/api/contact-forms/${id}/sign`, { version: sent.version + 3 });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', current: { status: 'sent', version: sent.version } });
    expect(await stored(id)).toEqual(sent);
    const signed = await ok(banzhang, id, 'sign');
    const staleReply = await banzhang.post(`/api/contact-forms/${id}/reply`, { version: signed.version - 1, reply: '已安排' });
    expect(staleReply.statusCode, staleReply.body).toBe(409);
    expect(staleReply.json().error).toMatchObject({ code: 'VERSION_CONFLICT', current: { status: 'signed', version: signed.version } });
    expect(await stored(id)).toEqual(signed);
  });

  it('LINK-2 a form that does not exist is a 404 (NOT_FOUND) for every step, never a 500', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    for (const [c, step, body] of [
      [banzhang, 'sign', {}],
      [banzhang, 'reply', { reply: '已安排' }],
      [lingban, 'close', { note: '确认' }],
    ] as const) {
      const res = await c.post(`/api/contact-forms/${none}/${step}`, { version: 1, ...body });
      expect(res.statusCode, `${step}: ${res.body}`).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });
});
