import { SingleBar } from 'cli-progress';
import type { Notifier } from '../../core/ports/host';

/** A progress bar for one step, or nothing at all when stdout is not a terminal. */
export interface Progress {
  start(label: string, total: number): void;
  tick(by?: number): void;
  stop(): void;
}

const SILENT: Progress = { start: () => undefined, tick: () => undefined, stop: () => undefined };

/** Bars only on a terminal: piped output and CI logs stay free of control characters. */
class TerminalProgress implements Progress {
  private bar: SingleBar | null = null;
  private value = 0;

  start(label: string, total: number): void {
    this.stop();
    this.value = 0;
    this.bar = new SingleBar({
      format: `${label.padEnd(10)} {bar} {percentage}% | {duration_formatted}`,
      stream: process.stdout,
      clearOnComplete: true,
      hideCursor: true,
      barsize: 30,
      fps: 10,
    });
    this.bar.start(Math.max(total, 1), 0);
  }

  tick(by = 1): void {
    if (!this.bar) return;
    this.value += by;
    this.bar.update(this.value);
  }

  stop(): void {
    if (!this.bar) return;
    this.bar.stop();
    this.bar = null;
  }
}

export function createProgress(stream: NodeJS.WriteStream = process.stdout): Progress {
  return stream.isTTY ? new TerminalProgress() : SILENT;
}

/**
 * The core jobs' messages. Results are kept and printed by the command once the workbook is
 * saved (a "Refreshed …" line before a failed save would mislead); problems go to stderr at once.
 */
export class TerminalNotifier implements Notifier {
  readonly lines: string[] = [];

  progress(_message: string): void {
    // The progress bars say the same; job-level progress text would interleave with them.
  }

  done(message: string): void {
    this.lines.push(message);
  }

  problem(message: string): void {
    process.stderr.write(`${message}\n`);
  }
}
