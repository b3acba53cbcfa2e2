/** Layering of design.md: core ← org ← {brand, loop, risk, rating}; store and the root index sit on top. */
const LEAVES = ['brand', 'loop', 'risk', 'rating'];
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'core-imports-no-module',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(?!core/)' },
    },
    {
      name: 'org-imports-only-core',
      severity: 'error',
      from: { path: '^src/org/' },
      to: { path: '^src/(?!core/|org/)' },
    },
    ...LEAVES.map((leaf) => ({
      name: `${leaf}-imports-only-core-and-org`,
      severity: 'error',
      from: { path: `^src/${leaf}/` },
      to: { path: `^src/(?!core/|org/|${leaf}/)` },
    })),
    {
      name: 'only-the-root-imports-join',
      comment: 'join is the one place where the leaf modules meet; no module may depend on it.',
      severity: 'error',
      from: { path: '^src/(?!index\\.ts$|join/)' },
      to: { path: '^src/join/' },
    },
    {
      name: 'join-imports-no-store',
      severity: 'error',
      from: { path: '^src/join/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'store-imports-only-core',
      comment: 'The store talks to a client the host passes in; it depends on the kernel alone.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(?!core/|store/)' },
    },
    {
      name: 'src-imports-only-runtime-deps',
      comment: 'src/ may import zod, immer, date-fns, @date-fns/tz and relative paths; nothing else (no node: built-ins).',
      severity: 'error',
      from: { path: '^src/' },
      to: {
        dependencyTypesNot: ['local'],
        pathNot: '^node_modules/(zod|immer|date-fns|@date-fns/tz)/',
      },
    },
    {
      name: 'no-private-lib-across-modules',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/([^/]+)/_lib/', pathNot: '^src/$1/_lib/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
