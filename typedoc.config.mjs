import { readFileSync } from 'node:fs';

// Entry points come from package.json#exports, the one list of public subpaths.
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const entryPoints = Object.keys(pkg.exports)
  .filter((k) => k !== './package.json')
  .map((k) => (k === '.' ? 'src/index.ts' : `src/${k.slice(2)}/index.ts`));

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  entryPoints,
  out: 'docs/api',
  name: 'shijian',
  readme: 'README.md',
  projectDocuments: ['docs/guide/*.md'],
  treatWarningsAsErrors: true,
  excludeInternal: true,
  excludePrivate: true,
  validation: { notExported: true, invalidLink: true, notDocumented: true },
  requiredToBeDocumented: ['Enum', 'Variable', 'Function', 'Class', 'Interface', 'TypeAlias'],
  sort: ['kind', 'alphabetical'],
  // Source links depend on the clone's git remote; CI clones have none that a reader could follow.
  disableSources: true,
};
