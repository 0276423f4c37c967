import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AutocannonRequest } from 'autocannon';
import type { ChildMessage, LoadJob, LoadOutcome } from './load-child';
import { track } from './children';

export type { LoadOutcome };

export interface LoadSpec {
  /** http://127.0.0.1:port — the bench only ever loads the loopback interface. */
  url: string;
  /** Requests cycled through by every connection, in order; default a GET of url itself. */
  requests?: AutocannonRequest[];
  headers?: Record<string, string>;
  /** Replace [<id>] in request bodies with a unique id per request. */
  idReplacement?: boolean;
  connections?: number;
  warmupSeconds: number;
  durationSeconds: number;
}

const CHILD = fileURLToPath(new URL('./load-child.ts', import.meta.url));

/** Runs autocannon (no pipelining) in a child process: a warm-up, then the measured run. */
export function runLoad(spec: LoadSpec): Promise<LoadOutcome> {
  const host = new URL(spec.url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') return Promise.reject(new Error(`refusing to load ${host}: loopback only`));
  const job: LoadJob = {
    options: { url: spec.url, connections: spec.connections ?? 10, timeout: 30, headers: spec.headers, requests: spec.requests, idReplacement: spec.idReplacement },
    warmupSeconds: spec.warmupSeconds,
    durationSeconds: spec.durationSeconds,
  };
  const deadlineMs = (spec.warmupSeconds + spec.durationSeconds + 60) * 1000;
  return new Promise((resolve, reject) => {
    const child = track(fork(CHILD, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(() => reject(new Error(`load run exceeded ${deadlineMs} ms`)));
    }, deadlineMs);
    child.on('message', (m: ChildMessage) => finish(() => (m.type === 'result' ? resolve(m.outcome) : reject(new Error(m.message)))));
    child.on('exit', (code) => finish(() => reject(new Error(`load child exited with ${code} before reporting`))));
    child.on('error', (err) => finish(() => reject(err)));
    child.send(job);
  });
}
