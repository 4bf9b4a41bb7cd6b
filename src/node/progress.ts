/**
 * Progress of a batch of runs on the terminal (stderr): runs done, rate and
 * time left, redrawn on one line. Only shown on a terminal or when asked, so
 * logs and pipes stay clean; it reads the clock, which never reaches results.
 */
export class Progress {
  private readonly started = Date.now();
  private done = 0;
  private skipped = 0;
  private lastDraw = 0;

  constructor(private readonly total: number, private readonly what: string, private readonly enabled: boolean, private readonly stream: NodeJS.WriteStream = process.stderr) {}

  /** Enabled when stderr is a terminal, or when forced. */
  static wanted(forced: boolean): boolean {
    return forced || process.stderr.isTTY === true;
  }

  /** Counts runs that were already done (resumed), without counting them in the rate. */
  skip(count: number): void {
    this.done += count;
    this.skipped += count;
    this.draw(true);
  }

  advance(): void {
    this.done++;
    this.draw(this.done === this.total);
  }

  private draw(force: boolean): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < 200) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const fresh = this.done - this.skipped;
    const rate = seconds > 0 ? fresh / seconds : 0;
    const left = rate > 0 ? (this.total - this.done) / rate : Number.NaN;
    const text = `  ${this.done}/${this.total} ${this.what}  ${rate.toFixed(2)}/s  ${Number.isFinite(left) ? `${clock(left)} left` : ''}`;
    this.stream.write(this.stream.isTTY ? `\r${text.padEnd(60)}` : `${text}\n`);
  }

  /** Ends the progress line. */
  finish(): void {
    if (this.enabled && this.stream.isTTY) this.stream.write('\n');
  }
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}
