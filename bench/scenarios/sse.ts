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
import { entry, type Entry } from '../lib/report';
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

/** One fan-out on a running server: open the streams, one notify() for all their users, close them. */
export async function fanOut(server: Server, url: string, ids: DeskIds, cookies: string[], streams: number, tabs = TABS): Promise<FanOut> {
  const users = Math.min(cookies.length, Math.max(1, Math.ceil(streams / tabs)));
  const client = new IpcChild<ClientCommand, ClientReply>(CLIENT);
  try {
    const agentIds = new Map(ids.agents.map((a) => [a.username, a.id]));
    const userIds = Array.from({ length: users }, (_, i) => agentIds.get(agentName(i))!);
    server.send({ type: 'stats' });
    const before = await server.next('stats', 10_000);
    client.send({ type: 'open', url, cookies: Array.from({ length: streams }, (_, i) => cookies[i % users]), parallel: 50 });
    const ready = await client.next('ready', 300_000);
    if (ready.failed) throw new Error(`${ready.failed} of ${streams} streams failed to open: ${ready.firstError}`);
    server.send({ type: 'stats' });
    const connected = await server.next('stats', 10_000);
    if (connected.connections !== before.connections + streams) throw new Error(`server holds ${connected.connections} streams, expected ${before.connections + streams}`);

    server.send({ type: 'notify', projectId: ids.projectId, userIds, title: '紧急：3栋地下室进水' });
    const done = await server.next('notified', 60_000);
    const got = await client.next('received', 120_000);
    server.send({ type: 'stats' });
    const after = await server.next('stats', 10_000);
    const arrivals = got.at.filter((t): t is number => t !== null).map((t) => t - done.commitAt);
    return {
      streams,
      users,
      latency: summarize(arrivals),
      missing: got.at.filter((t) => t === null).length,
      duplicates: got.counts.filter((c) => c > 1).length,
      rssBefore: before.rss,
      rssConnected: connected.rss,
      rssAfter: after.rss,
      connectSeconds: ready.seconds,
      commitMs: done.ms,
    };
  } finally {
    await client.end({ type: 'close' });
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

function figures(label: string, f: FanOut, base?: Entry[]): Entry[] {
  const name = `[${label}] SSE alert fan-out to ${f.streams} streams (${f.users} users × ${Math.round(f.streams / f.users)} tabs)`;
  const values: [string, number, string][] = [
    ['commit → received p50', f.latency.p50, 'ms'],
    ['commit → received p95', f.latency.p95, 'ms'],
    ['commit → last stream received', f.latency.max, 'ms'],
    ['server RSS before streams', f.rssBefore / MiB, 'MiB'],
    ['server RSS with streams open', f.rssConnected / MiB, 'MiB'],
    ['server RSS after the fan-out', f.rssAfter / MiB, 'MiB'],
  ];
  // Per stream only where the streams outweigh the garbage collector's noise in RSS.
  if (f.streams >= 200) values.push(['server RSS per open stream', (f.rssConnected - f.rssBefore) / 1024 / f.streams, 'KiB']);
  return values.map(([what, v, unit], i) => entry(`${name}: ${what}`, v, unit, base?.[i]));
}

const note = (label: string, f: FanOut) =>
  `[${label}] SSE ${f.streams} streams of ${f.users} users: opened in ${f.connectSeconds.toFixed(1)} s; notify() of ${f.users} rows committed in ${f.commitMs.toFixed(1)} ms; ` +
  `${f.streams - f.missing}/${f.streams} received the alert${f.missing ? ` (${f.missing} MISSING)` : ''}, ${f.duplicates} more than once`;

export async function sseScenario(opts: BenchOptions, label: string, location: StoreLocation, ids: DeskIds, notes: string[]): Promise<Entry[]> {
  const server: Server = new IpcChild<ServerCommand, ServerReply>(SERVER);
  try {
    server.send({ type: 'start', location });
    const { url } = await server.next('listening', 120_000);
    const cookies = await signInAll(url, Math.min(DESK_AGENTS, Math.ceil(opts.sseConnections / TABS)));
    log(`${label}: SSE fan-out baseline, 20 streams`);
    const base = await fanOut(server, url, ids, cookies, 20);
    notes.push(note(label, base));
    const baseEntries = figures(label, base);
    await settle(server);
    log(`${label}: SSE fan-out, ${opts.sseConnections} streams`);
    const main = await fanOut(server, url, ids, cookies, opts.sseConnections);
    notes.push(note(label, main));
    const mainEntries = figures(label, main, baseEntries);
    // Diagnostic: the same streams held by a tenth of the users — the hub reads the outbox once per user.
    await settle(server);
    const fewTabs = TABS * 10;
    log(`${label}: SSE fan-out, ${opts.sseConnections} streams of ${Math.ceil(opts.sseConnections / fewTabs)} users`);
    const few = await fanOut(server, url, ids, cookies, opts.sseConnections, fewTabs);
    notes.push(note(label, few));
    const fewEntries = figures(label, few, mainEntries).slice(0, 3);
    return [...baseEntries, ...mainEntries, ...fewEntries];
  } finally {
    await server.end({ type: 'close' });
  }
}
