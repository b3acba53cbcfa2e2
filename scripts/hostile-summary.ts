// Prints how many hostile cases each target ran and which error codes they produced (npm run test:hostile).
import { hostileCases } from '../test/hostile/corpus.js';
import { targets } from '../test/hostile/targets.js';

const codes = new Map<string, number>();
let total = 0;
let accepted = 0;
let threw = 0;
for (const t of targets) {
  const cases = hostileCases(t.sample);
  for (const c of cases) {
    total++;
    try {
      const r = t.run(c.input);
      if (r.ok) accepted++;
      else for (const e of r.errors) codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
    } catch {
      threw++;
    }
  }
  console.log(`${t.label}: ${cases.length} cases`);
}
console.log(
  `\n${total} hostile cases over ${targets.length} targets: ${total - accepted - threw} refused, ${accepted} valid after all, ${threw} threw`,
);
for (const [code, n] of [...codes].sort((a, b) => b[1] - a[1])) console.log(`  ${code.padEnd(32)} ${n}`);
process.exit(threw > 0 ? 1 : 0);
