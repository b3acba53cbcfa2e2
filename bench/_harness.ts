/**
 * Shared timing helpers for the benchmarks. Times are medians of several rounds after a warm-up, taken in one
 * process so that ratios against the baselines compare like with like on a noisy machine.
 */

/** One line of a benchmark report. */
export interface BenchRow {
  readonly workload: string;
  readonly n: number;
  readonly shijianMs: number;
  readonly baselineMs?: number;
  readonly peerMs?: number;
  readonly peer?: string;
  readonly note?: string;
}

/** Options of {@link time}. */
export interface TimeOptions {
  /** Minimum wall time of one round; the function is repeated within a round until it is reached. */
  readonly minMs?: number;
  /** Timed rounds after one warm-up round. */
  readonly rounds?: number;
}

/** Median milliseconds per call of `fn`. */
export function time(fn: () => unknown, options: TimeOptions = {}): number {
  const minMs = options.minMs ?? 50;
  const rounds = options.rounds ?? 5;
  const samples: number[] = [];
  for (let r = 0; r <= rounds; r++) {
    let calls = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    do {
      fn();
      calls++;
      elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    } while (elapsed < minMs);
    if (r > 0) samples.push(elapsed / calls);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

/** Heap in use, in MB, after a full GC when node runs with --expose-gc. */
export function memory(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Formats a ratio such as 1.23×. */
export function ratio(a: number | undefined, b: number | undefined): string {
  return a === undefined || b === undefined || b === 0 ? '' : `${(a / b).toFixed(2)}×`;
}
