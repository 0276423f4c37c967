import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { Client, startTestApp, type TestApp } from './harness';
import { deskFixture } from './desk';
import { rows, type StoreKind } from '../db/store';

/** What the help-request test files share: the app on one store, the people of the manual signed in, and look-ups. */
export async function startHelpSuite(kind: StoreKind) {
  const t: TestApp = await startTestApp(kind, { sessionIdleMinutes: 1e6, sessionAbsoluteMinutes: 1e7 });
  const [qiantai, kefu, banzhang, menwei, baoan] = await Promise.all(['qiantai', 'kefu', 'banzhang', 'menwei', 'baoan'].map((u) => Client.login(t.app, u)));
  const f = await deskFixture(t);
  /** Notifications a user got of a type about a link, oldest first. */
  const notes = async (username: string, type: string, link: string) =>
    rows<{ title: string; body: string | null }>(
      t.store.db,
      sql`SELECT n.title, n.body FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = ${username} AND n.type = ${type} AND n.link = ${link} ORDER BY n.id`,
    );
  const tick = async () => {
    await t.app.desk.timers.tick();
    await t.app.desk.timers.tick();
  };
  /** A help request taken by the desk (201), with the caller and need filled unless given. */
  const take = async (body: Record<string, unknown>, c: Client = qiantai) => {
    const res = await c.post('/api/help', { projectId: t.ids.p1, requesterName: '李秀英', phone: '13912345678', need: '需要帮助', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const detail = async (id: string, c: Client = qiantai) => (await c.get(`/api/help/${id}`)).json();
  /** The request as stored, with how many playbook steps it holds. */
  const stored = async (id: string) =>
    (await rows<{ status: string; playbook_code: string | null; outcome: string | null; closed_at: unknown; steps: number }>(
      t.store.db,
      sql`SELECT status, playbook_code, outcome, closed_at, (SELECT count(*)::int FROM help_steps s WHERE s.help_request_id = r.id) AS steps FROM help_requests r WHERE id = ${id}`,
    ))[0];
  return { t, qiantai, kefu, banzhang, menwei, baoan, f, notes, tick, take, detail, stored };
}
export type HelpSuite = Awaited<ReturnType<typeof startHelpSuite>>;
