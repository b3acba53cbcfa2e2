import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));

export default defineConfig({
  resolve: {
    // Examples and tests import 'shijian/<module>' as users do; in the repo that is the source.
    alias: [
      { find: /^shijian$/, replacement: `${src}index.ts` },
      { find: /^shijian\/(.+)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // The bundle test needs dist/: it runs in npm run test:dist, after the build.
    exclude: ['test/bundle/**'],
    // Starts a throw-away PostgreSQL server on 127.0.0.1 for the store tests and stops it by its pid afterwards.
    globalSetup: ['test/setup/postgres.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    coverage: { provider: 'v8', include: ['src/**'] },
  },
});
