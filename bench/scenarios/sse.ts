/**
 * SSE alert fan-out: the built app in its own process (lib/desk-server.ts), n EventSource-like streams to
 * GET /api/events from another process (lib/sse-client.ts) — desk agents signed in with POST
 * /api/auth/login, five tabs each — then one transaction writes a notification for every one of those
 * agents through the notifier's notify(); measured from that commit to each stream receiving it, and the
 * server's RSS before and after. Baseline: the same with 20 streams, first, on the same server.
 */
import { fileURLToPath } from 'node:url';
import type { DeskIds } from '../data/desk-seed';
import { DESK_AGENTS, DESK_PASSWORD, agentName } from '../data/desk-seed';
import type { StoreLocation } from '../data/desk-store';
import type { ServerCommand, ServerReply } from '../lib/desk-server';
import type { ClientCommand, ClientReply } from '../lib/sse-client';
import { IpcChild } from '../lib/ipc-child';
import type { BenchOptions } from '../lib/options';
import { entry, judge, type Entry, type Goal } from '../lib/report';
import { signIn } from '../lib/session';
import { summarize, type LatencySummary } from '../lib/stats';
import { log } from '../lib/progress';

const SERVER = fileURLToPath(new URL('../lib/desk-server.ts', import.meta.url));
const CLIENT = fileURLToPath(new URL('../lib/sse-client.ts', import.meta.url));
/** Streams per signed-in agent: tabs and screens of one person share the session cookie. */
const TABS = 5;
const MiB = 1024 * 1024;

export interface FanOut {
  streams: number;
  users: number;
  /** App instances the streams were spread over (one database). */
  instances: number;
  latency: LatencySummary;
  missing: number;
  duplicates: number;
  rssBefore: number;
  rssConnected: number;
  rssAfter: number;
  connectSeconds: number;
  commitMs: number;
}

async function signInAll(url: string, users: number): Promise<string[]> {
  const cookies: string[] = new Array(users);
  let next = 0;
  // argon2 verification runs on the server's libuv pool: four at a time keeps it busy without queueing.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < users) {
        const i = next++;
        cookies[i] = (await signIn(url, agentName(i), DESK_PASSWORD)).cookie;
      }
    }),
  );
  return cookies;
}

type Server = IpcChild<ServerCommand, ServerReply>;

/** A running app instance and its address. */
interface Target {
  server: Server;
  url: string;
}

/**
 * One fan-out: open the streams — spread round the instances, stream i on instance i mod n, as a load balancer
 * would — then one notify() for all their users through the first instance, and close them. Every instance
 * reads the same database; the others learn of the commit by its NOTIFY.
 */
export async function fanOut(targets: Target[], ids: DeskIds, cookies: string[], streams: number, tabs = TABS): Promise<FanOut> {
  const users = Math.min(cookies.length, Math.max(1, Math.ceil(streams / tabs)));
  const clients = targets.map(() => new IpcChild<ClientCommand, ClientReply>(CLIENT));
  try {
    const agentIds = new Map(ids.agents.map((a) => [a.username, a.id]));
    const userIds = Array.from({ length: users }, (_, i) => agentIds.get(agentName(i))!);
    const mine = targets.map((_, k) => Array.from({ length: streams }, (_, i) => i).filter((i) => i % targets.length === k));
    const stats = async (t: Target) => {
      t.server.send({ type: 'stats' });
      return t.server.next('stats', 10_000);
    };
    const before = await Promise.all(targets.map(stats));
    targets.forEach((t, k) => clients[k].send({ type: 'open', url: t.url, cookies: mine[k].map((i) => cookies[i % users]), parallel: 50 }));
    const ready = await Promise.all(clients.map((c) => c.next('ready', 600_000)));
    const failed = ready.reduce((n, r) => n + r.failed, 0);
    if (failed) throw new Error(`${failed} of ${streams} streams failed to open: ${ready.find((r) => r.firstError)?.firstError}`);
    const connected = await Promise.all(targets.map(stats));
    targets.forEach((_, k) => {
      if (connected[k].connections !== before[k].connections + mine[k].length) throw new Error(`instance ${k + 1} holds ${connected[k].connections} streams, expected ${before[k].connections + mine[k].length}`);
    });

    targets[0].server.send({ type: 'notify', projectId: ids.projectId, userIds, title: '紧急：3栋地下室进水' });
    const done = await targets[0].server.next('notified', 60_000);
    const got = await Promise.all(clients.map((c) => c.next('received', 120_000)));
    const after = await Promise.all(targets.map(stats));
    const at = got.flatMap((g) => g.at);
    const arrivals = at.filter((t): t is number => t !== null).map((t) => t - done.commitAt);
    const sum = (xs: { rss: number }[]) => xs.reduce((n, x) => n + x.rss, 0);
    return {
      streams,
      users,
      instances: targets.length,
      latency: summarize(arrivals),
      missing: at.filter((t) => t === null).length,
      duplicates: got.flatMap((g) => g.counts).filter((c) => c > 1).length,
      rssBefore: sum(before),
      rssConnected: sum(connected),
      rssAfter: sum(after),
      connectSeconds: Math.max(...ready.map((r) => r.seconds)),
      commitMs: done.ms,
    };
  } finally {
    await Promise.all(clients.map((c) => c.end({ type: 'close' })));
  }
}

/** Waits until the server holds no stream (the closed client's sockets are gone). */
async function settle(server: Server): Promise<void> {
  for (let i = 0; i < 50; i++) {
    server.send({ type: 'stats' });
    if ((await server.next('stats', 10_000)).connections === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Issue 14, goal 3: the alert reaches the last stream within a second of its commit. */
const LAST_STREAM_GOAL: Goal = { of: 'value', op: '<=', target: 1000 };

function figures(label: string, f: FanOut, base?: Entry[]): Entry[] {
  const across = f.instances > 1 ? ` across ${f.instances} instances` : '';
  const name = `[${label}] SSE alert fan-out to ${f.streams} streams${across} (${f.users} users × ${Math.round(f.streams / f.users)} tabs)`;
  const server = f.instances > 1 ? 'servers\' RSS (sum)' : 'server RSS';
  const values: [string, number, string][] = [
    ['commit → received p50', f.latency.p50, 'ms'],
    ['commit → received p95', f.latency.p95, 'ms'],
    ['commit → last stream received', f.latency.max, 'ms'],
    [`${server} before streams`, f.rssBefore / MiB, 'MiB'],
    [`${server} with streams open`, f.rssConnected / MiB, 'MiB'],
    [`${server} after the fan-out`, f.rssAfter / MiB, 'MiB'],
  ];
  // Per stream only where the streams outweigh the garbage collector's noise in RSS.
  if (f.streams >= 200) values.push([`${server} per open stream`, (f.rssConnected - f.rssBefore) / 1024 / f.streams, 'KiB']);
  return values.map(([what, v, unit], i) => entry(`${name}: ${what}`, v, unit, base?.[i]));
}

/** The last-stream figure judged: failed when a stream missed the alert or got it twice, whatever the time. */
function judged(entries: Entry[], f: FanOut): Entry[] {
  const last = entries.find((e) => e.name.endsWith('commit → last stream received'))!;
  const wrong = [f.missing ? `${f.missing} streams never received the alert` : '', f.duplicates ? `${f.duplicates} received it more than once` : ''].filter(Boolean).join(', ');
  judge(last, LAST_STREAM_GOAL, wrong || undefined);
  if (last.verdict === 'missed')
    last.reason = `after the commit (notify() of ${f.users} rows took ${Math.round(f.commitMs)} ms to commit) half the streams had the alert by ${Math.round(f.latency.p50)} ms and 95 % by ${Math.round(f.latency.p95)} ms: the last ones waited behind the writes to the ${Math.round(f.streams / f.instances)} streams of each instance`;
  return entries;
}

const note = (label: string, f: FanOut) =>
  `[${label}] SSE ${f.streams} streams of ${f.users} users${f.instances > 1 ? ` on ${f.instances} instances` : ''}: opened in ${f.connectSeconds.toFixed(1)} s; notify() of ${f.users} rows committed in ${f.commitMs.toFixed(1)} ms; ` +
  `${f.streams - f.missing}/${f.streams} received the alert${f.missing ? ` (${f.missing} MISSING)` : ''}, ${f.duplicates} more than once`;

async function startServer(location: StoreLocation): Promise<Target> {
  const server: Server = new IpcChild<ServerCommand, ServerReply>(SERVER);
  server.send({ type: 'start', location });
  const { url } = await server.next('listening', 120_000);
  return { server, url };
}

/**
 * The fan-out on one instance (a baseline of 20 streams, then `sseConnections`, then the same streams held by a
 * tenth of the users), and on PostgreSQL the goal's own shape: `sseAcross` streams (10,000) spread over two
 * instances of one database, the alert committed through the first. The embedded store is one process by
 * nature (one data folder, one app): its goal figure is the one-instance fan-out.
 */
export async function sseScenario(opts: BenchOptions, label: string, location: StoreLocation, ids: DeskIds, notes: string[]): Promise<Entry[]> {
  const first = await startServer(location);
  const targets = [first];
  try {
    const cookies = await signInAll(first.url, DESK_AGENTS);
    log(`${label}: SSE fan-out baseline, 20 streams`);
    const base = await fanOut([first], ids, cookies, 20);
    notes.push(note(label, base));
    const baseEntries = figures(label, base);
    await settle(first.server);
    log(`${label}: SSE fan-out, ${opts.sseConnections} streams`);
    const main = await fanOut([first], ids, cookies, opts.sseConnections);
    notes.push(note(label, main));
    const mainEntries = figures(label, main, baseEntries);
    if (!('databaseUrl' in location)) judged(mainEntries, main);
    // Diagnostic: the same streams held by a tenth of the users — the hub reads the outbox once per user.
    await settle(first.server);
    const fewTabs = TABS * 10;
    log(`${label}: SSE fan-out, ${opts.sseConnections} streams of ${Math.ceil(opts.sseConnections / fewTabs)} users`);
    const few = await fanOut([first], ids, cookies, opts.sseConnections, fewTabs);
    notes.push(note(label, few));
    const fewEntries = figures(label, few, mainEntries).slice(0, 3);
    const out = [...baseEntries, ...mainEntries, ...fewEntries];
    if ('databaseUrl' in location) {
      await settle(first.server);
      targets.push(await startServer(location));
      // Every desk agent holds streams: 10,000 over 400 people is 25 each (screens, tabs, phones).
      const tabs = Math.max(TABS, Math.ceil(opts.sseAcross / cookies.length));
      log(`${label}: SSE fan-out, ${opts.sseAcross} streams across two instances`);
      const across = await fanOut(targets, ids, cookies, opts.sseAcross, tabs);
      notes.push(note(label, across));
      out.push(...judged(figures(label, across, mainEntries), across));
    }
    return out;
  } finally {
    await Promise.all(targets.map((t) => t.server.end({ type: 'close' })));
  }
}
