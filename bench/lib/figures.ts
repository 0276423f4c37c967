import type { StoreKind } from '../../src/server/db/store';
import type { LoadOutcome } from './load';
import { entry, type Entry } from './report';
import { log } from './progress';

export const STORE_LABEL: Record<StoreKind, string> = { embedded: 'PGlite', postgres: 'PostgreSQL' };

/** The four figures of one load run: throughput and latency percentiles. */
export interface LoadFigures {
  rps: Entry;
  p50: Entry;
  p95: Entry;
  p99: Entry;
}

/** Figures of a load run, each beside the same figure of the baseline run when one is given. */
export function loadFigures(name: string, o: Pick<LoadOutcome, 'rps' | 'latency'>, base?: LoadFigures): LoadFigures {
  return {
    rps: entry(`${name}: throughput`, o.rps, 'req/s', base?.rps),
    p50: entry(`${name}: p50 latency`, o.latency.p50, 'ms', base?.p50),
    p95: entry(`${name}: p95 latency`, o.latency.p95, 'ms', base?.p95),
    p99: entry(`${name}: p99 latency`, o.latency.p99, 'ms', base?.p99),
  };
}

export const figureList = (f: LoadFigures): Entry[] => [f.rps, f.p50, f.p95, f.p99];

/** A load run whose answers were not all 2xx measured something else: say so loudly. */
export function checkOutcome(name: string, o: LoadOutcome, notes: string[]): void {
  const bad = o.responses - (o.statusCodes['200'] ?? 0) - (o.statusCodes['201'] ?? 0);
  if (bad > 0 || o.errors > 0 || o.timeouts > 0) {
    const msg = `${name}: ${bad} non-2xx answers (${JSON.stringify(o.statusCodes)}), ${o.errors} errors, ${o.timeouts} timeouts of ${o.responses}`;
    log(`WARNING ${msg}`);
    notes.push(`WARNING ${msg}`);
  }
}

/** Answers of a load run that were not 2xx, plus errors and timeouts: any of them fails the figure. */
export function failedAnswers(o: LoadOutcome): number {
  return o.responses - (o.statusCodes['200'] ?? 0) - (o.statusCodes['201'] ?? 0) + o.errors + o.timeouts;
}
