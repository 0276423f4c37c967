/**
 * EventSource-like clients in a process of their own (forked by scenarios/sse.ts): opens one
 * GET /api/events stream per entry with node:http, waits for every stream's `ready`, then stamps when each
 * receives the alert. Reports over IPC.
 */
import http from 'node:http';
import { wallNow } from './wall';

export type ClientCommand = { type: 'open'; url: string; cookies: string[]; parallel: number } | { type: 'close' };
export type ClientReply =
  | { type: 'ready'; open: number; failed: number; firstError?: string; seconds: number }
  /** Per stream: when the alert arrived (epoch ms), or null; and how many alerts it got. */
  | { type: 'received'; at: (number | null)[]; counts: number[] };

const streams: http.ClientRequest[] = [];
const send = (m: ClientReply) => process.send?.(m);

interface Stream {
  alertAt: number | null;
  alerts: number;
}

function open(url: string, cookie: string, s: Stream, onReady: (err?: string) => void, onAlert: () => void): void {
  let buf = '';
  let ready = false;
  const req = http.get(`${url}/api/events`, { headers: { cookie, accept: 'text/event-stream' }, agent: false }, (res) => {
    if (res.statusCode !== 200) {
      onReady(`HTTP ${res.statusCode}`);
      res.resume();
      return;
    }
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buf += chunk;
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        if (event === 'ready' && !ready) {
          ready = true;
          onReady();
        } else if (event === 'notification' && block.includes('"bench.alert"')) {
          s.alerts++;
          if (s.alertAt === null) {
            s.alertAt = wallNow();
            onAlert();
          }
        }
      }
    });
  });
  req.on('error', (err) => {
    if (!ready) onReady(err.message);
  });
  streams.push(req);
}

async function openAll(url: string, cookies: string[], parallel: number): Promise<void> {
  const t0 = performance.now();
  const state: Stream[] = cookies.map(() => ({ alertAt: null, alerts: 0 }));
  let failed = 0;
  let firstError: string | undefined;
  let next = 0;
  let waiting = cookies.length;
  let settle: () => void = () => {};
  const allAlerts = new Promise<void>((r) => (settle = r));
  // Open `parallel` at a time: each waits for its `ready` before the next one starts, like tabs opening.
  await Promise.all(
    Array.from({ length: Math.min(parallel, cookies.length) }, async () => {
      while (next < cookies.length) {
        const i = next++;
        await new Promise<void>((resolve) =>
          open(url, cookies[i], state[i], (err) => {
            if (err) {
              failed++;
              firstError ??= err;
              if (--waiting === 0) settle();
            }
            resolve();
          }, () => {
            if (--waiting === 0) settle();
          }),
        );
      }
    }),
  );
  send({ type: 'ready', open: cookies.length - failed, failed, firstError, seconds: (performance.now() - t0) / 1000 });
  await Promise.race([allAlerts, new Promise((r) => setTimeout(r, 60_000))]);
  // A moment more, so a duplicate delivery would be seen.
  await new Promise((r) => setTimeout(r, 500));
  send({ type: 'received', at: state.map((s) => s.alertAt), counts: state.map((s) => s.alerts) });
}

process.on('message', (m: ClientCommand) => {
  if (m.type === 'open') void openAll(m.url, m.cookies, m.parallel);
  else {
    for (const r of streams) r.destroy();
    process.exit(0);
  }
});
