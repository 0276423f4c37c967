import type { ServerResponse } from 'node:http';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { notifications } from '../../domain/notifications/notifications.table';
import { rows, type Store } from '../db/store';
import { EVENTS_CHANNEL } from './notifier';

/** Users per query when pushing to woken users, and notifications per user per push. */
const PUSH_CHUNK = 500;
const PER_USER_LIMIT = 500;

interface Conn {
  userId: string;
  /** The session the stream was opened with: the stream lives no longer than it. */
  sessionHash: string;
  res: ServerResponse;
  lastId: number;
}

export interface HubOptions {
  now: () => Date;
  /** The session limits (as the session plugin applies them to requests). */
  idleMinutes: number;
  absoluteMinutes: number;
  /** How often open streams are checked against their sessions (idle, over-age, deleted, user disabled). */
  sweepMs?: number;
}

/**
 * Live notifications over Server-Sent Events. Each instance keeps its open streams; a NOTIFY on
 * `wd_events` (sent at commit by whichever instance wrote the notification rows) wakes it to read the new
 * rows of the users concerned from the table — the outbox is the truth, NOTIFY only a wake-up.
 */
export class NotificationHub {
  private conns = new Map<string, Set<Conn>>();
  private stopListening: (() => Promise<void>) | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private pendingUsers = new Set<string>();
  private flushing: Promise<void> | null = null;

  constructor(
    private store: Store,
    private opts: HubOptions,
  ) {}

  async start(): Promise<void> {
    this.stopListening = await this.store.listen(EVENTS_CHANNEL, (payload) => this.onWake(payload));
    this.heartbeat = setInterval(() => {
      for (const set of this.conns.values()) for (const c of set) c.res.write(': keep-alive\n\n');
    }, 25_000);
    this.heartbeat.unref();
    this.sweeper = setInterval(() => void this.sweep().catch(() => {}), this.opts.sweepMs ?? 15_000);
    this.sweeper.unref();
  }

  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.sweeper) clearInterval(this.sweeper);
    await this.stopListening?.();
    for (const set of this.conns.values()) for (const c of set) c.res.end();
    this.conns.clear();
  }

  get connectionCount(): number {
    let n = 0;
    for (const s of this.conns.values()) n += s.size;
    return n;
  }

  /** Opens a stream: replays what came after Last-Event-ID, then stays live. */
  async attach(userId: string, sessionHash: string, res: ServerResponse, lastEventId: number | null): Promise<void> {
    const db = this.store.db;
    let lastId = lastEventId ?? 0;
    if (lastEventId === null) {
      const [r] = await db.select({ max: sql<number>`coalesce(max(${notifications.id}), 0)::int` }).from(notifications).where(eq(notifications.userId, userId));
      lastId = r.max;
    }
    const conn: Conn = { userId, sessionHash, res, lastId };
    const set = this.conns.get(userId) ?? new Set();
    set.add(conn);
    this.conns.set(userId, set);
    res.on('close', () => {
      set.delete(conn);
      if (set.size === 0) this.conns.delete(userId);
    });
    const [unread] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    res.write(`event: ready\ndata: ${JSON.stringify({ unread: unread.n })}\n\n`);
    await this.push([userId]);
  }

  /** Ends every live stream of these users (account disabled, password changed). */
  kick(userIds: string[]): void {
    for (const id of userIds) for (const c of this.conns.get(id) ?? []) this.end(c);
  }

  /** Ends the live streams opened with these sessions only (a logout ends that device's streams, not the others). */
  kickSessions(sessionHashes: readonly string[]): void {
    const ended = new Set(sessionHashes);
    for (const set of this.conns.values()) for (const c of set) if (ended.has(c.sessionHash)) this.end(c);
  }

  /**
   * Ends the streams whose session is over for any reason: idle or over-age by the session limits, deleted,
   * or its user disabled. A stream is no activity: it does not keep its session alive.
   */
  async sweep(): Promise<number> {
    const hashes = [...new Set([...this.conns.values()].flatMap((set) => [...set].map((c) => c.sessionHash)))];
    if (hashes.length === 0) return 0;
    const live = await rows<{ token_hash: string; created_at: string | Date; last_seen_at: string | Date; disabled: boolean }>(
      this.store.db,
      sql`SELECT s.token_hash, s.created_at, s.last_seen_at, u.disabled FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash IN (${sql.join(hashes.map((h) => sql`${h}`), sql`, `)})`,
    );
    const t = this.opts.now().getTime();
    const alive = new Set(
      live
        .filter((r) => !r.disabled && t - new Date(r.last_seen_at).getTime() <= this.opts.idleMinutes * 60_000 && t - new Date(r.created_at).getTime() <= this.opts.absoluteMinutes * 60_000)
        .map((r) => r.token_hash),
    );
    const over = hashes.filter((h) => !alive.has(h));
    this.kickSessions(over);
    return over.length;
  }

  private end(c: Conn): void {
    c.res.write(`event: session_end\ndata: {}\n\n`);
    c.res.end();
    const set = this.conns.get(c.userId);
    set?.delete(c);
    if (set?.size === 0) this.conns.delete(c.userId);
  }

  private onWake(payload: string): void {
    if (payload === '*') {
      for (const id of this.conns.keys()) this.pendingUsers.add(id);
    } else {
      try {
        const p = JSON.parse(payload) as { u?: string[]; k?: string[]; s?: string[] };
        if (p.k?.length) this.kick(p.k);
        if (p.s?.length) this.kickSessions(p.s);
        for (const id of p.u ?? []) if (this.conns.has(id)) this.pendingUsers.add(id);
      } catch {
        return;
      }
    }
    this.flushing ??= this.flush().finally(() => {
      this.flushing = null;
      if (this.pendingUsers.size) this.onWake('[]');
    });
  }

  private async flush(): Promise<void> {
    while (this.pendingUsers.size) {
      const ids = [...this.pendingUsers].filter((id) => this.conns.get(id)?.size);
      this.pendingUsers.clear();
      // Woken users' new notifications in one query per chunk, not one query per user (issue 14).
      for (let i = 0; i < ids.length; i += PUSH_CHUNK) await this.push(ids.slice(i, i + PUSH_CHUNK)).catch(() => {});
    }
  }

  private async push(userIds: string[]): Promise<void> {
    const froms = userIds.map((id) => ({ id, from: Math.min(...[...(this.conns.get(id) ?? [])].map((c) => c.lastId)) })).filter((u) => Number.isFinite(u.from));
    if (!froms.length) return;
    const found = await rows<{ id: string | number; user_id: string; at: string | Date; type: string; title: string; body: string | null; link: string | null; detail: unknown }>(
      this.store.db,
      sql`SELECT n.id, n.user_id, n.at, n.type, n.title, n.body, n.link, n.detail
          FROM (VALUES ${sql.join(
            froms.map((u) => sql`(${u.id}::uuid, ${u.from}::bigint)`),
            sql`, `,
          )}) AS w(user_id, from_id)
          CROSS JOIN LATERAL (
            SELECT * FROM notifications x WHERE x.user_id = w.user_id AND x.id > w.from_id ORDER BY x.id LIMIT ${PER_USER_LIMIT}
          ) n
          ORDER BY n.id`,
    );
    const byUser = new Map<string, typeof found>();
    for (const n of found) {
      const list = byUser.get(n.user_id);
      if (list) list.push(n);
      else byUser.set(n.user_id, [n]);
    }
    for (const [userId, list] of byUser) {
      // Each event is written once as text and sent to every tab of its user (a user may have many).
      const events = list.map((n) => {
        const id = Number(n.id);
        const at = new Date(n.at).toISOString();
        return { id, text: `id: ${id}\nevent: notification\ndata: ${JSON.stringify({ id, at, type: n.type, title: n.title, body: n.body, link: n.link, detail: n.detail })}\n\n` };
      });
      for (const c of this.conns.get(userId) ?? []) {
        const fresh = events.filter((e) => e.id > c.lastId);
        if (!fresh.length) continue;
        c.res.write(fresh.length === 1 ? fresh[0].text : fresh.map((e) => e.text).join(''));
        c.lastId = fresh[fresh.length - 1].id;
      }
    }
  }
}
