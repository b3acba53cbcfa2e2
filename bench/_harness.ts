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

/** A workload at two sizes: `small` runs it on n items, `large` on 10n. */
export interface SizedPair {
  readonly small: () => unknown;
  readonly large: () => unknown;
}

/** Median milliseconds per call at each size, and their ratio t(10n)/t(n) (linear = 10). */
export interface Growth {
  readonly small: number;
  readonly large: number;
  readonly ratio: number;
  /** The same ratio in process CPU time (main thread and GC helpers): less sensitive to other processes' load. */
  readonly cpuRatio: number;
  /** The lowest and highest per-round ratio (round i's large over round i's small): the spread. */
  readonly spread: readonly [number, number];
}

/** Options of {@link growth}. */
export interface GrowthOptions {
  /** Timed rounds after the warm-up (default 9). */
  readonly rounds?: number;
  /**
   * Work per round: each function repeats until this many ms in the warm-up, and that call count is then fixed
   * for every round (default 200; at least one call). The small size thus does about ten calls where the large
   * does one, and both rounds allocate about as much.
   */
  readonly minMs?: number;
  /**
   * When the full GC runs: before every timed run (`'run'`, the default), or once before each round of all the
   * workloads (`'round'`), for a heap of a gigabyte or more, where one full GC takes longer than the workloads.
   */
  readonly gcEvery?: 'run' | 'round';
}

/**
 * Growth ratios t(10n)/t(n) of several workloads (shijian's and its baseline's, say), every size timed the same
 * way: a warm-up that also fixes the calls per round, then rounds in which every workload at both sizes runs in
 * turn (sizes interleaved, the order reversed every other round so that neither size always follows the other's
 * garbage), a full GC before each timed run (or each round: `gcEvery`) when node runs with --expose-gc, and the
 * median of the per-call times.
 */
export function growth<K extends string>(pairs: Record<K, SizedPair>, options: GrowthOptions = {}): Record<K, Growth> {
  const rounds = options.rounds ?? 9;
  const minMs = options.minMs ?? 200;
  const perRun = (options.gcEvery ?? 'run') === 'run';
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  interface Run {
    readonly key: K;
    readonly fn: () => unknown;
    calls: number;
    readonly wall: number[];
    readonly cpu: number[];
  }
  const runs: Run[] = [];
  for (const key of Object.keys(pairs) as K[])
    for (const size of ['small', 'large'] as const)
      runs.push({ key, fn: pairs[key][size], calls: 1, wall: [], cpu: [] });
  for (const run of runs) {
    if (perRun) gc();
    let calls = 0;
    const start = performance.now();
    do {
      run.fn();
      calls++;
    } while (performance.now() - start < minMs);
    run.calls = calls;
  }
  for (let r = 0; r < rounds; r++) {
    if (!perRun) gc();
    for (const run of r % 2 === 0 ? runs : [...runs].reverse()) {
      if (perRun) gc();
      const cpu0 = process.cpuUsage();
      const start = performance.now();
      for (let c = 0; c < run.calls; c++) run.fn();
      const wall = performance.now() - start;
      const cpu = process.cpuUsage(cpu0);
      run.wall.push(wall / run.calls);
      run.cpu.push((cpu.user + cpu.system) / 1000 / run.calls);
    }
  }
  const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const out = {} as Record<K, Growth>;
  for (const key of Object.keys(pairs) as K[]) {
    const [s, l] = runs.filter((x) => x.key === key) as [Run, Run];
    const perRound = l.wall.map((w, i) => w / (s.wall[i] as number));
    out[key] = {
      small: median(s.wall),
      large: median(l.wall),
      ratio: median(l.wall) / median(s.wall),
      cpuRatio: median(l.cpu) / median(s.cpu),
      spread: [Math.min(...perRound), Math.max(...perRound)],
    };
  }
  return out;
}

/**
 * A workload over several equal inputs, taking the next one at each call. For the small size of a growth pair:
 * ten copies of the n-sized input make the ~ten small calls of a round read as much distinct memory as the one
 * 10n call, so the ratio compares sizes rather than a hot cache (one input read ten times) with a cold one.
 */
export function rotating<T>(inputs: readonly T[], fn: (input: T) => unknown): () => unknown {
  let next = 0;
  return () => fn(inputs[next++ % inputs.length] as T);
}

/** A growth ratio for a report: `12.34 (CPU 11.20; rounds 9.8–14.1)`. */
export function growthNote(g: Growth): string {
  return `${g.ratio.toFixed(2)} (CPU ${g.cpuRatio.toFixed(2)}; rounds ${g.spread[0].toFixed(1)}–${g.spread[1].toFixed(1)})`;
}
