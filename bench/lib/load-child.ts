/**
 * The load generator runs in its own process (forked by load.ts), so autocannon never competes with
 * the server under test for the same event loop. It warms up, then measures, and reports back once.
 */
import autocannon, { type AutocannonOptions, type AutocannonResult } from 'autocannon';
import { summarize, type LatencySummary } from './stats';

export interface LoadJob {
  options: AutocannonOptions;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface LoadOutcome {
  responses: number;
  seconds: number;
  rps: number;
  latency: LatencySummary;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

export type ChildMessage = { type: 'result'; outcome: LoadOutcome } | { type: 'error'; message: string };

function runOnce(options: AutocannonOptions, onResponse?: (status: number, ms: number) => void): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
    if (onResponse) instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => onResponse(status, ms));
  });
}

async function execute(job: LoadJob): Promise<LoadOutcome> {
  const base: AutocannonOptions = { ...job.options, pipelining: 1 };
  if (job.warmupSeconds > 0) await runOnce({ ...base, duration: job.warmupSeconds });
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const started = process.hrtime.bigint();
  const result = await runOnce({ ...base, duration: job.durationSeconds }, (status, ms) => {
    latencies.push(ms);
    statusCodes[status] = (statusCodes[status] ?? 0) + 1;
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    responses: latencies.length,
    seconds,
    rps: latencies.length / seconds,
    latency: summarize(latencies),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
}

process.once('message', (job: LoadJob) => {
  execute(job).then(
    (outcome) => process.send?.({ type: 'result', outcome } satisfies ChildMessage, () => process.exit(0)),
    (err: unknown) => process.send?.({ type: 'error', message: String(err) } satisfies ChildMessage, () => process.exit(1)),
  );
});
