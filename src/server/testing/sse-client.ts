import http from 'node:http';

export interface Stream {
  events: { event: string; id?: string; data: string }[];
  close(): void;
  waitFor(pred: (e: { event: string; data: string }) => boolean, ms?: number): Promise<{ event: string; data: string }>;
}

/** A minimal SSE client over node:http. */
export function openStream(port: number, cookie: string, lastEventId?: number): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const events: Stream['events'] = [];
    const waiters: { pred: (e: { event: string; data: string }) => boolean; done: (e: { event: string; data: string }) => void }[] = [];
    const req = http.get({ host: '127.0.0.1', port, path: '/api/events', headers: { cookie, ...(lastEventId ? { 'last-event-id': String(lastEventId) } : {}) } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`SSE ${res.statusCode}`));
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const e = { event: 'message', data: '', id: undefined as string | undefined };
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) e.event = line.slice(7);
            else if (line.startsWith('data: ')) e.data += line.slice(6);
            else if (line.startsWith('id: ')) e.id = line.slice(4);
          }
          if (!e.data && e.event === 'message') continue;
          events.push(e);
          for (const w of [...waiters]) if (w.pred(e)) { waiters.splice(waiters.indexOf(w), 1); w.done(e); }
        }
      });
      resolve({
        events,
        close: () => req.destroy(),
        waitFor: (pred, ms = 30_000) =>
          new Promise((ok, fail) => {
            const hit = events.find(pred);
            if (hit) return ok(hit);
            const timer = setTimeout(() => fail(new Error(`no matching event in ${ms} ms; got ${JSON.stringify(events)}`)), ms);
            waiters.push({ pred, done: (e) => { clearTimeout(timer); ok(e); } });
          }),
      });
    });
    req.on('error', reject);
  });
}

