import type { Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** The explorer's two scripts, bundled for the browser: the page (with Plot) and the worker (with the core). */
export interface ExplorerAssets {
  page: string;
  worker: string;
}

/**
 * The core loads mathjs lazily (src/world/expression.ts), with a top-level
 * await where it cannot require it; an iife bundle has no top-level await, so
 * the bundle gets the same function over a plain import of mathjs.
 */
const EAGER_MATHJS: Plugin = {
  name: 'eager-mathjs',
  setup(b) {
    b.onResolve({ filter: /\/expression\.js$/ }, () => ({ path: 'expression', namespace: 'eager-mathjs' }));
    b.onLoad({ filter: /.*/, namespace: 'eager-mathjs' }, () => ({
      contents: "export { parse as parseExpression } from 'mathjs/number';", resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'js',
    }));
  },
};

/**
 * Bundles the explorer from its TypeScript sources with esbuild (a
 * development dependency): at build time into dist/explorer/, and on the fly
 * when migsim runs from its sources (tsx, tests).
 */
export async function bundleExplorer(): Promise<ExplorerAssets> {
  const { build } = await import('esbuild');
  const bundle = async (entry: string) => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL(`../explorer/${entry}.ts`, import.meta.url))],
      bundle: true, format: 'iife', platform: 'browser', target: 'es2022', minify: true, write: false, legalComments: 'none',
      // The page's script is inlined in the HTML: "</script" inside it must be escaped.
      supported: { 'inline-script': false },
      plugins: [EAGER_MATHJS],
    });
    return result.outputFiles[0].text;
  };
  return { page: await bundle('page'), worker: await bundle('worker') };
}
