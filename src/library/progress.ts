import type { IngestStatus } from './types.js';

export interface ProgressOptions {
  readonly stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Total number of inputs when known up front (directories expanded); null for streams, URLs and feeds. */
  readonly total: number | null;
  /** Plain-mode line every this many articles (default 100) ... */
  readonly every?: number;
  /** ... or at least this often, in milliseconds (default 1000). */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

export type ProgressCounts = Record<IngestStatus, number>;

/**
 * Ingest progress: on a TTY a bar redrawn in place (done/total, rate, ETA); otherwise a plain line every N
 * articles or every second; a summary line at the end.
 */
export class IngestProgress {
  readonly counts: ProgressCounts = { stored: 0, unchanged: 0, updated: 0, failed: 0 };
  private readonly options: ProgressOptions;
  private readonly started: number;
  private lastDraw = 0;
  private lastCount = 0;
  private total: number | null;

  constructor(options: ProgressOptions) {
    this.options = options;
    this.total = options.total;
    this.started = this.now();
    this.lastDraw = this.started;
  }

  get done(): number {
    return this.counts.stored + this.counts.unchanged + this.counts.updated + this.counts.failed;
  }

  /** Records one outcome and redraws when it is time. */
  record(status: IngestStatus): void {
    this.counts[status]++;
    if (this.total !== null && this.done > this.total) this.total = this.done;
    const now = this.now();
    if (this.options.stream.isTTY === true) {
      // Redrawing more than ~10 times a second only costs time.
      if (now - this.lastDraw >= 100 || this.done === this.total) this.draw(now);
      return;
    }
    const every = this.options.every ?? 100;
    const interval = this.options.intervalMs ?? 1000;
    if (this.done - this.lastCount >= every || now - this.lastDraw >= interval) {
      this.options.stream.write(`${this.line(now)}\n`);
      this.lastDraw = now;
      this.lastCount = this.done;
    }
  }

  /** Writes a message above the bar (the bar is redrawn on the next update). */
  note(message: string): void {
    if (this.options.stream.isTTY === true) this.options.stream.write('\r\x1b[K');
    this.options.stream.write(`${message}\n`);
    // Redraw the bar right away under the message; plain mode keeps its own rhythm.
    if (this.options.stream.isTTY === true) this.lastDraw = 0;
  }

  /** The final summary, e.g. "ingested 12 articles in 0.4 s (30.0/s): 10 stored, 1 unchanged, 1 updated, 0 failed". */
  finish(): string {
    const now = this.now();
    if (this.options.stream.isTTY === true) this.options.stream.write('\r\x1b[K');
    const seconds = (now - this.started) / 1000;
    const { stored, unchanged, updated, failed } = this.counts;
    const summary = `ingested ${this.done} article${this.done === 1 ? '' : 's'} in ${seconds.toFixed(1)} s (${this.rate(now).toFixed(1)}/s): ${stored} stored, ${unchanged} unchanged, ${updated} updated, ${failed} failed`;
    this.options.stream.write(`${summary}\n`);
    return summary;
  }

  private draw(now: number): void {
    const columns = this.options.stream.columns ?? 80;
    const tail = this.line(now);
    let bar = '';
    if (this.total !== null && this.total > 0) {
      const width = Math.max(10, Math.min(40, columns - tail.length - 4));
      const filled = Math.round((width * this.done) / this.total);
      bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] `;
    }
    this.options.stream.write(`\r\x1b[K${bar}${tail}`.slice(0, columns + 4));
    this.lastDraw = now;
  }

  private line(now: number): string {
    const rate = this.rate(now);
    const of = this.total === null ? '' : `/${this.total}`;
    let eta = '';
    if (this.total !== null && rate > 0 && this.done < this.total) eta = `, ETA ${formatDuration((this.total - this.done) / rate)}`;
    return `${this.done}${of} articles, ${rate.toFixed(1)}/s${eta} (${this.counts.failed} failed)`;
  }

  private rate(now: number): number {
    const seconds = (now - this.started) / 1000;
    return seconds > 0 ? this.done / seconds : 0;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
