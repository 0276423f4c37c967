/** A progress bar on stderr: redrawn in place on a terminal, one line per 10% otherwise (CI logs). */
export class ProgressBar {
  private readonly started = performance.now();
  private lastDraw = 0;
  private lastDecile = -1;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number): void {
    const frac = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const elapsed = (performance.now() - this.started) / 1000;
    if (this.stream.isTTY) {
      const now = performance.now();
      if (now - this.lastDraw < 100 && done < this.total) return;
      this.lastDraw = now;
      const width = 30;
      const filled = Math.round(frac * width);
      const eta = frac > 0 ? elapsed / frac - elapsed : 0;
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      this.stream.write(`\r${this.label} ${bar} ${(frac * 100).toFixed(0).padStart(3)}% ${done}/${this.total} ${elapsed.toFixed(1)} s (eta ${eta.toFixed(0)} s)   `);
    } else {
      const decile = Math.floor(frac * 10);
      if (decile === this.lastDecile) return;
      this.lastDecile = decile;
      this.stream.write(`${this.label} ${decile * 10}% ${done}/${this.total} ${elapsed.toFixed(1)} s\n`);
    }
  }

  done(): void {
    this.update(this.total);
    if (this.stream.isTTY) this.stream.write('\n');
  }
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
