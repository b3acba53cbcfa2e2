/**
 * Runs every benchmark in bench/ and prints one table of times and ratios; writes bench/results.md.
 */
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

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const rows: BenchRow[] = [];
  for (const [name, suite] of suites) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.error(`running ${name} …`);
    rows.push(...(await suite()));
  }
  const header = '| workload | n | shijian ms | baseline ms | × baseline | peer | peer ms | × peer | note |';
  const lines = [header, '|---|---:|---:|---:|---:|---|---:|---:|---|'];
  for (const r of rows)
    lines.push(
      `| ${r.workload} | ${r.n.toLocaleString('en')} | ${fmt(r.shijianMs)} | ${fmt(r.baselineMs)} | ${ratio(r.shijianMs, r.baselineMs)} | ${r.peer ?? ''} | ${fmt(r.peerMs)} | ${ratio(r.peerMs, r.shijianMs)} | ${r.note ?? ''} |`,
    );
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const md = `# Benchmark results\n\nMachine: ${machine}. Ratios are taken inside one run; "× baseline" is shijian's time over the hand-written baseline's, "× peer" is the peer's time over shijian's.\n\n${lines.join('\n')}\n`;
  console.log(md);
  if (only.length === 0) writeFileSync(new URL('./results.md', import.meta.url), md);
}

main();
