import type { ServerResponse } from 'node:http';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { notifications } from '../../domain/notifications/notifications.table';
import type { Store } from '../db/store';
import { EVENTS_CHANNEL } from './notifier';

interface Conn {
  userId: string;
  res: ServerResponse;
  lastId: number;
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
  private pendingUsers = new Set<string>();
  private flushing: Promise<void> | null = null;

  constructor(private store: Store) {}

  async start(): Promise<void> {
    this.stopListening = await this.store.listen(EVENTS_CHANNEL, (payload) => this.onWake(payload));
    this.heartbeat = setInterval(() => {
      for (const set of this.conns.values()) for (const c of set) c.res.write(': keep-alive\n\n');
    }, 25_000);
    this.heartbeat.unref();
  }

  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
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
  async attach(userId: string, res: ServerResponse, lastEventId: number | null): Promise<void> {
    const db = this.store.db;
    let lastId = lastEventId ?? 0;
    if (lastEventId === null) {
      const [r] = await db.select({ max: sql<number>`coalesce(max(${notifications.id}), 0)::int` }).from(notifications).where(eq(notifications.userId, userId));
      lastId = r.max;
    }
    const conn: Conn = { userId, res, lastId };
    const set = this.conns.get(userId) ?? new Set();
    set.add(conn);
    this.conns.set(userId, set);
    res.on('close', () => {
      set.delete(conn);
      if (set.size === 0) this.conns.delete(userId);
    });
    const [unread] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    res.write(`event: ready\ndata: ${JSON.stringify({ unread: unread.n })}\n\n`);
    await this.push(userId);
  }

  /** Ends the live streams of users whose sessions ended (logout, disabled). */
  kick(userIds: string[]): void {
    for (const id of userIds) {
      for (const c of this.conns.get(id) ?? []) {
        c.res.write(`event: session_end\ndata: {}\n\n`);
        c.res.end();
      }
      this.conns.delete(id);
    }
  }

  private onWake(payload: string): void {
    if (payload === '*') {
      for (const id of this.conns.keys()) this.pendingUsers.add(id);
    } else {
      try {
        const p = JSON.parse(payload) as { u?: string[]; k?: string[] };
        if (p.k?.length) this.kick(p.k);
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
      const ids = [...this.pendingUsers];
      this.pendingUsers.clear();
      for (const id of ids) await this.push(id).catch(() => {});
    }
  }

  private async push(userId: string): Promise<void> {
    const set = this.conns.get(userId);
    if (!set?.size) return;
    const from = Math.min(...[...set].map((c) => c.lastId));
    const rows = await this.store.db.select().from(notifications).where(and(eq(notifications.userId, userId), gt(notifications.id, from))).orderBy(asc(notifications.id)).limit(500);
    for (const c of set) {
      for (const n of rows) {
        if (n.id <= c.lastId) continue;
        c.res.write(`id: ${n.id}\nevent: notification\ndata: ${JSON.stringify({ id: n.id, at: n.at, type: n.type, title: n.title, body: n.body, link: n.link, detail: n.detail })}\n\n`);
        c.lastId = n.id;
      }
    }
  }
}
