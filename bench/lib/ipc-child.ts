/** A forked bench helper (node --import tsx) spoken to over IPC: send a command, await a reply of a given type. */
import { fork, type ChildProcess } from 'node:child_process';
import { track } from './children';

export class IpcChild<Cmd extends object, Reply extends { type: string }> {
  private readonly child: ChildProcess;
  private inbox: Reply[] = [];
  private waiters: { type: string; resolve: (m: Reply) => void; reject: (e: Error) => void }[] = [];
  private exited: string | null = null;

  constructor(script: string) {
    this.child = track(fork(script, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    this.child.on('message', (m: Reply) => {
      if (m.type === 'error') {
        const msg = (m as { message?: string }).message ?? 'error';
        for (const w of this.waiters.splice(0)) w.reject(new Error(msg));
        return;
      }
      const i = this.waiters.findIndex((w) => w.type === m.type);
      if (i >= 0) this.waiters.splice(i, 1)[0].resolve(m);
      else this.inbox.push(m);
    });
    this.child.on('exit', (code) => {
      this.exited = `exited with ${code}`;
      for (const w of this.waiters.splice(0)) w.reject(new Error(`${script} ${this.exited}`));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  send(cmd: Cmd): void {
    this.child.send(cmd);
  }

  next<T extends Reply['type']>(type: T, timeoutMs: number): Promise<Extract<Reply, { type: T }>> {
    const i = this.inbox.findIndex((m) => m.type === type);
    if (i >= 0) return Promise.resolve(this.inbox.splice(i, 1)[0] as Extract<Reply, { type: T }>);
    if (this.exited) return Promise.reject(new Error(`child ${this.exited}`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        type,
        resolve: (m) => (clearTimeout(timer), resolve(m as Extract<Reply, { type: T }>)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
    });
  }

  /** Asks it to close, and kills it if it has not gone within a few seconds. */
  async end(close: Cmd): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.send(close);
    await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
    if (!this.exited) this.child.kill('SIGKILL');
  }
}
