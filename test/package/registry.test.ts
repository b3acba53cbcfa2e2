import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Record<string, unknown>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
const modules = readdirSync('src', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`src/${d.name}/index.ts`))
  .map((d) => d.name)
  .sort();

const configPath: string = '../../typedoc.config.mjs';
const typedocConfig = (await import(configPath)).default as { entryPoints: string[] };

describe('one list of public subpaths', () => {
  it('package.json#exports names exactly the modules under src/', () => {
    const subpaths = Object.keys(pkg.exports)
      .filter((k) => k !== '.' && k !== './package.json')
      .map((k) => k.slice(2))
      .sort();
    expect(subpaths).toEqual(modules);
  });

  it('every subpath has types, import and require targets under dist/', () => {
    for (const m of modules) {
      expect(pkg.exports[`./${m}`]).toEqual({
        import: { types: `./dist/${m}/index.d.ts`, default: `./dist/${m}/index.js` },
        require: { types: `./dist/${m}/index.d.cts`, default: `./dist/${m}/index.cjs` },
      });
    }
  });

  it('typedoc documents the same entry points', () => {
    expect([...(typedocConfig.entryPoints ?? [])].sort()).toEqual(
      ['src/index.ts', ...modules.map((m) => `src/${m}/index.ts`)].sort(),
    );
  });

  it('the root index re-exports every module as a namespace', () => {
    const root = readFileSync('src/index.ts', 'utf8');
    for (const m of modules) expect(root).toContain(`from './${m}/index.js'`);
  });

  it('zod is a peer dependency and the runtime dependencies are the three allowed', () => {
    expect(Object.keys(pkg.peerDependencies)).toEqual(['zod']);
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@date-fns/tz', 'date-fns', 'immer']);
  });
});
