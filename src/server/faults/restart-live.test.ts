import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { STORE_KINDS, openTestStore } from '../testing/harness';
import { HttpClient, spawnServer } from '../testing/spawn';
import { openStream } from '../testing/sse-client';

describe.each(STORE_KINDS)('app killed during a live deadline countdown on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  it('the escalation planned before the crash fires once after restart and reaches the reconnected screen', async () => {
    let env: Record<string, string | undefined>;
    if (kind === 'embedded') {
      const dir = mkdtempSync(path.join(tmpdir(), 'wd-restart-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      env = { DATA_DIR: dir, DATABASE_URL: undefined };
    } else {
      const db = await openTestStore('postgres');
      await db.close();
      cleanups.push(db.drop);
      env = { DATABASE_URL: db.url };
    }
    // Vendors promise one minute, so the first escalation is due a minute after the call.
    env = { ...env, SEED_DEMO: '1', DEMO_VENDOR_PROMISED_MINUTES: '1' };
    let server = await spawnServer(env);
    cleanups.push(() => server.kill('SIGKILL'));
    const port = () => Number(new URL(server.baseUrl).port);
    const zhuli = await new HttpClient(server.baseUrl).login('zhuli');
    let stream = await openStream(port(), zhuli.cookie);
    await stream.waitFor((e) => e.event === 'ready');

    const kefu = await new HttpClient(server.baseUrl).login('kefu');
    const me = (await kefu.json<{ projects: { id: string; code: string }[] }>('GET', '/api/auth/me')).body;
    const projectId = me.projects.find((p) => p.code === 'JHHY')!.id;
    const hh = (await kefu.json<{ items: { id: string }[] }>('POST', '/api/households/search', { q: '3-2-1502' })).body.items[0].id;
    const cats = (await kefu.json<{ items: { id: string; code: string }[] }>('GET', `/api/service-categories?projectId=${projectId}`)).body.items;
    const call = await kefu.json<{ id: string; class: string; dueAt: string }>('POST', '/api/calls', { projectId, channel: 'phone', callerName: '张伟明', householdId: hh, content: '宽带断网', categoryId: cats.find((c) => c.code === 'broadband')!.id });
    expect(call.status).toBe(201);
    expect(call.body.class).toBe('Q');
    const seen = stream.events.filter((e) => e.id).map((e) => Number(e.id));
    stream.close();

    // Crash mid-countdown, come back.
    await server.kill('SIGKILL');
    server = await spawnServer(env);
    zhuli.baseUrl = server.baseUrl;
    stream = await openStream(port(), zhuli.cookie, seen.length ? Math.max(...seen) : undefined);
    await stream.waitFor((e) => e.event === 'ready');
    const isEscalation = (e: { event: string; data: string }) => e.event === 'notification' && JSON.parse(e.data).type === 'deadline.escalation' && JSON.parse(e.data).link === `/calls/${call.body.id}`;
    // a limit far above normal: on a busy machine a restarted server takes a while to pick the timer up
    const wait = Math.max(0, new Date(call.body.dueAt).getTime() - Date.now()) + 60_000;
    await stream.waitFor(isEscalation, wait);
    // Give a second instance of the same timer every chance to show up: it must not.
    await new Promise((r) => setTimeout(r, 2500));
    expect(stream.events.filter(isEscalation)).toHaveLength(1);
    const list = await zhuli.json<{ items: { type: string; link: string }[] }>('GET', '/api/notifications?limit=100');
    expect(list.body.items.filter((n) => n.type === 'deadline.escalation' && n.link === `/calls/${call.body.id}`)).toHaveLength(1);
    stream.close();
  }, 900_000);
});
