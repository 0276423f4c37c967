/** In-process load: `concurrency` loops each awaiting one operation after the other (a closed loop). */
import { summarize, type LatencySummary } from './stats';

export interface LoopOutcome {
  responses: number;
  seconds: number;
  rps: number;
  latency: LatencySummary;
  errors: number;
  firstError?: string;
}

export async function closedLoop(op: () => Promise<unknown>, concurrency: number, warmupSeconds: number, durationSeconds: number): Promise<LoopOutcome> {
  const t0 = performance.now();
  const measureFrom = t0 + warmupSeconds * 1000;
  const end = measureFrom + durationSeconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const worker = async () => {
    while (performance.now() < end) {
      const s = performance.now();
      try {
        await op();
        if (s >= measureFrom) latencies.push(performance.now() - s);
      } catch (err) {
        errors++;
        firstError ??= err instanceof Error ? err.message : String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - measureFrom) / 1000;
  return { responses: latencies.length, seconds, rps: latencies.length / seconds, latency: summarize(latencies), errors, firstError };
}
