/**
 * What a batch tells its user while and after it runs: a progress bar on a
 * terminal (files, throughput, ETA) and nothing but errors off one; a summary
 * line at the end either way.
 */
import cliProgress from 'cli-progress';

export interface BatchCounts {
  done: number;
  skipped: number;
  failed: number;
  /** UTF-8 bytes of the articles extracted (not of those skipped). */
  bytes: number;
}

export class BatchProgress {
  readonly counts: BatchCounts = { done: 0, skipped: 0, failed: 0, bytes: 0 };
  private readonly started = performance.now();
  private readonly bars?: cliProgress.MultiBar;
  private readonly bar?: cliProgress.SingleBar;
  private readonly stream: NodeJS.WriteStream;

  constructor(total: number, stream: NodeJS.WriteStream = process.stderr) {
    this.stream = stream;
    if (!stream.isTTY || total === 0) return;
    this.bars = new cliProgress.MultiBar(
      {
        stream,
        format: ' {bar} {value}/{total} files | {failed} failed | {mbps} MB/s | ETA {eta_formatted}',
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 200,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar = this.bars.create(total, 0, { failed: 0, mbps: '0.00' });
  }

  get seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  private tick(): void {
    const mbps = this.seconds > 0 ? (this.counts.bytes / 1e6 / this.seconds).toFixed(2) : '0.00';
    this.bar?.increment(1, { failed: this.counts.failed, mbps });
  }

  done(bytes: number): void {
    this.counts.done++;
    this.counts.bytes += bytes;
    this.tick();
  }

  skipped(): void {
    this.counts.skipped++;
    this.tick();
  }

  /** Reports a failed article (or a path that could not be read) above the bar, or plainly off a terminal. */
  failed(message: string): void {
    this.counts.failed++;
    const line = `envoy: ${message}\n`;
    if (this.bars) this.bars.log(line);
    else this.stream.write(line);
    this.tick();
  }

  /** Removes the bar and prints the summary line. */
  finish(): void {
    this.bars?.stop();
    this.stream.write(`envoy: ${formatSummary(this.counts, this.seconds)}\n`);
  }
}

export function formatSummary(counts: BatchCounts, seconds: number): string {
  const rate = seconds > 0 ? (counts.bytes / 1e6 / seconds).toFixed(2) : '-';
  return `${counts.done} done, ${counts.skipped} skipped, ${counts.failed} failed; ${(counts.bytes / 1e6).toFixed(2)} MB in ${seconds.toFixed(1)} s (${rate} MB/s)`;
}
