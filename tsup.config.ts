import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

// Entry points come from package.json#exports, the one list of public subpaths.
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, unknown> };
const entry = Object.fromEntries(
  Object.keys(pkg.exports)
    .filter((k) => k !== './package.json')
    .map((k) => (k === '.' ? ['index', 'src/index.ts'] : [`${k.slice(2)}/index`, `src/${k.slice(2)}/index.ts`])),
);

export default defineConfig({
  entry,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  treeshake: true,
  splitting: true,
});
