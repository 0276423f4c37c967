/**
 * CPU spent, for the measured reason of a missed goal: this process (the app under test runs in it, and on
 * the embedded store the database too) and every PostgreSQL process of this host (its backends; the bench
 * only loads a server on 127.0.0.1). Linux /proc; on other systems the PostgreSQL part is undefined.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuSnapshot {
  appMs: number;
  postgresMs?: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function postgresMs(): number | undefined {
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue;
      }
      const open = stat.indexOf('(');
      const close = stat.lastIndexOf(')');
      if (stat.slice(open + 1, close) !== 'postgres') continue;
      const f = stat.slice(close + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    }
  } catch {
    return undefined;
  }
  return ticks * TICK_MS;
}

export function cpuSnapshot(): CpuSnapshot {
  const u = process.cpuUsage();
  return { appMs: (u.user + u.system) / 1000, postgresMs: postgresMs() };
}

/** CPU ms per operation between two snapshots. */
export function cpuPer(a: CpuSnapshot, b: CpuSnapshot, operations: number): CpuSnapshot {
  const n = Math.max(1, operations);
  return {
    appMs: (b.appMs - a.appMs) / n,
    postgresMs: a.postgresMs !== undefined && b.postgresMs !== undefined ? (b.postgresMs - a.postgresMs) / n : undefined,
  };
}
