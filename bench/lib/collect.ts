import { log } from './progress';
import type { Entry } from './report';

/** What a run gathers: the figures, notes under the table, EXPLAIN reports, and how many scenarios failed. */
export interface Collected {
  entries: Entry[];
  notes: string[];
  explains: string[];
  /** EXPLAIN reports of the call list queries (results/explain-calls.md). */
  callExplains: string[];
  failures: number;
}

/** Runs one scenario; a failure (e.g. the app mid-edit in the shared tree) is reported and the run goes on. */
export async function attempt<T>(what: string, out: Collected, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    out.failures++;
    const msg = err instanceof Error ? err.message : String(err);
    log(`FAILED ${what}: ${err instanceof Error ? (err.stack ?? msg) : msg}`);
    out.notes.push(`FAILED ${what}: ${msg.split('\n')[0]}`);
    return undefined;
  }
}
