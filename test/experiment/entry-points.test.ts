import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/**
 * Every module a source file loads when it is imported, following relative
 * static imports through the source tree; `dynamic` lists what is left for
 * `import()` at the moment it is needed.
 */
function importsOf(entry: string): { files: Set<string>; packages: Set<string>; dynamic: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const dynamic = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    // Type-only imports are erased when compiled, so they load nothing.
    for (const m of text.matchAll(/^\s*(?:import|export)\s(?!type\s)[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'|import\('([^']+)'\)/gm)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (m[3] !== undefined) dynamic.add(spec);
      else if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages, dynamic };
}

describe('entry points', () => {
  it('the core (migsim) imports no Node module, no worker pool and no Arrow writer', () => {
    const { files, packages } = importsOf(join(ROOT, 'src', 'index.ts'));
    expect([...packages].filter((p) => p.startsWith('node:') || ['apache-arrow', 'tinypool', 'fs', 'path', 'os', 'worker_threads'].includes(p))).toEqual([]);
    expect([...files].filter((f) => f.includes('/src/node/') || f.includes('/src/arrow/'))).toEqual([]);
    expect([...files].some((f) => f.endsWith('/src/experiment/compare.ts'))).toBe(true);
  });

  it('migsim/arrow is the only way to apache-arrow, and migsim/node loads it only when asked', () => {
    expect(importsOf(join(ROOT, 'src', 'arrow', 'index.ts')).packages).toContain('apache-arrow');
    const node = importsOf(join(ROOT, 'src', 'node', 'index.ts'));
    expect(node.packages).not.toContain('apache-arrow');
    expect([...node.files].filter((f) => f.includes('/src/arrow/'))).toEqual([]);
    expect(node.dynamic).toContain('../arrow/index.js');
  });

  it('the CLI loads a command only when it runs', () => {
    const cli = importsOf(join(ROOT, 'src', 'node', 'cli.ts'));
    expect([...cli.files].filter((f) => f.includes('/src/node/commands/') && !f.endsWith('/commands/index.ts'))).toEqual([]);
    expect(cli.dynamic).toContain('./flee.js');
  });

  it('`migsim flee` loads neither mathjs nor the engine and the worker pool; the core\'s index (for browsers) loads mathjs', () => {
    const flee = importsOf(join(ROOT, 'src', 'node', 'commands', 'flee.ts'));
    expect([...flee.packages].filter((p) => p.startsWith('mathjs') || p === 'tinypool')).toEqual([]);
    expect([...flee.files].filter((f) => f.endsWith('/engine/simulation.ts') || f.endsWith('/node/pool.ts'))).toEqual([]);
    // Elsewhere in Node mathjs is required on first use of an expression (src/world/expression.ts).
    expect(importsOf(join(ROOT, 'src', 'index.ts')).packages).toContain('mathjs/number');
    expect(importsOf(join(ROOT, 'src', 'explorer', 'worker.ts')).packages).toContain('mathjs/number');
  });

  it('package.json exports the three entry points', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining(['.', './node', './arrow']));
    expect(pkg.exports['./arrow'].import).toBe('./dist/arrow/index.js');
  });

  it('charts are behind migsim/charts: the core, migsim/node and the CLI load Plot, the DOM and the explorer only when asked', () => {
    const charts = importsOf(join(ROOT, 'src', 'charts', 'index.ts'));
    expect(charts.packages).toContain('@observablehq/plot');
    expect([...charts.packages].filter((p) => p.startsWith('node:') || p === 'linkedom')).toEqual([]);
    for (const entry of [['index.ts'], ['node', 'index.ts'], ['node', 'cli.ts']]) {
      const { packages, files } = importsOf(join(ROOT, 'src', ...entry));
      expect([...packages].filter((p) => ['@observablehq/plot', 'linkedom', 'esbuild'].includes(p)), entry.join('/')).toEqual([]);
      expect([...files].filter((f) => f.includes('/src/charts/') || f.includes('/src/explorer/')), entry.join('/')).toEqual([]);
    }
  });

  it('package.json points TypeScript without `exports` support (tslab) at every entry point\'s types', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const entry of ['node', 'arrow', 'charts']) {
      expect(pkg.exports[`./${entry}`].types).toBe(`./dist/${entry}/index.d.ts`);
      expect(pkg.typesVersions['*'][entry]).toEqual([`./dist/${entry}/index.d.ts`]);
    }
  });
});
