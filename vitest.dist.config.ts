import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Runs the test suite against the built package: every import of a module's index (relative or 'shijian/…') resolves
// to dist/, as ESM or, with SHIJIAN_DIST=cjs, as CommonJS.
const dist = fileURLToPath(new URL('./dist/', import.meta.url));
const ext = process.env.SHIJIAN_DIST === 'cjs' ? 'cjs' : 'js';

export default defineConfig({
  resolve: {
    alias: [
      { find: /^(?:\.\.\/)+src\/index\.js$/, replacement: `${dist}index.${ext}` },
      { find: /^(?:\.\.\/)+src\/([a-z]+)\/index\.js$/, replacement: `${dist}$1/index.${ext}` },
      { find: /^shijian$/, replacement: `${dist}index.${ext}` },
      { find: /^shijian\/(.+)$/, replacement: `${dist}$1/index.${ext}` },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/package/**', 'test/store/**'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
