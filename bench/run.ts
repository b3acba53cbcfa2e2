/**
 * Runs every benchmark in bench/ and prints one table of times and ratios; writes bench/results.md.
 * Each suite runs in a process of its own, so that no suite's garbage or JIT feedback (the org suite's
 * many schemas made the shared parsing code polymorphic before the parse suite ran) moves another's ratios.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { type BenchRow, ratio } from './_harness.js';
import { run as loopBench } from './loop.js';
import { run as orgBench } from './org.js';
import { run as parseBench } from './parse.js';
import { run as ratingBench } from './rating.js';
import { run as replayBench } from './replay.js';
import { run as riskBench } from './risk.js';

const suites: readonly [string, () => Promise<BenchRow[]>][] = [
  ['core', replayBench],
  ['org', orgBench],
  ['parse', parseBench],
  ['loop', loopBench],
  ['risk', riskBench],
  ['rating', ratingBench],
];

const fmt = (ms: number | undefined) => (ms === undefined ? '' : ms < 1 ? ms.toFixed(3) : ms.toFixed(1));

const CHILD = '--suite';

/** One suite in this process: its rows as JSON on the last line of stdout. */
async function child(name: string): Promise<void> {
  const suite = suites.find(([n]) => n === name)?.[1];
  if (suite === undefined) throw new Error(`[bench] no suite ${name}`);
  const rows = await suite();
  process.stdout.write(`\n${JSON.stringify(rows)}\n`);
}

/** A suite in a fresh process with the same flags (tsx's loader, --expose-gc). */
function isolated(name: string): BenchRow[] {
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string, CHILD, name], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`[bench] suite ${name} failed (exit ${r.status})`);
  const last = r.stdout.trim().split('\n').at(-1) ?? '[]';
  return JSON.parse(last) as BenchRow[];
}

async function main(): Promise<void> {
  const at = process.argv.indexOf(CHILD);
  if (at >= 0) return child(process.argv[at + 1] as string);
  const only = process.argv.slice(2);
  const rows: BenchRow[] = [];
  for (const [name] of suites) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.error(`running ${name} …`);
    rows.push(...isolated(name));
  }
  const header = '| workload | n | shijian ms | baseline ms | × baseline | peer | peer ms | × peer | note |';
  const lines = [header, '|---|---:|---:|---:|---:|---|---:|---:|---|'];
  for (const r of rows)
    lines.push(
      `| ${r.workload} | ${r.n.toLocaleString('en')} | ${fmt(r.shijianMs)} | ${fmt(r.baselineMs)} | ${ratio(r.shijianMs, r.baselineMs)} | ${r.peer ?? ''} | ${fmt(r.peerMs)} | ${ratio(r.peerMs, r.shijianMs)} | ${r.note ?? ''} |`,
    );
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const md = `# Benchmark results\n\nMachine: ${machine}. Each suite runs in a process of its own; ratios are taken inside one run; "× baseline" is shijian's time over the hand-written baseline's, "× peer" is the peer's time over shijian's.\n\n${lines.join('\n')}\n`;
  console.log(md);
  if (only.length === 0) writeFileSync(new URL('./results.md', import.meta.url), md);
}

main();
