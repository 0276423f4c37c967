import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Test files run in parallel worker processes; a lock directory (mkdir is atomic) lets one of them do
 * a shared job (build the web app, seed the template store) while the others wait for it.
 */
export async function withLock<T>(lockDir: string, fn: () => Promise<T> | T, waitMs = 170_000): Promise<T> {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      try {
        // A lock left behind by a killed run is old: take it over.
        if (Date.now() - statSync(lockDir).mtimeMs > 180_000) rmSync(lockDir, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`lock ${lockDir} held too long`);
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
