import type { ChildProcess } from 'node:child_process';

/** Every process the bench starts, so none outlives it, even when the watchdog ends the run early. */
const live = new Set<ChildProcess>();

export function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

process.on('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});
