import { fileURLToPath } from 'node:url';

/** The explorer's two scripts, bundled for the browser: the page (with Plot) and the worker (with the core). */
export interface ExplorerAssets {
  page: string;
  worker: string;
}

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
      // Only Node's lazy require of mathjs reads it (src/world/expression.ts), never run in a browser.
      define: { 'import.meta.url': '"about:blank"' },
    });
    return result.outputFiles[0].text;
  };
  return { page: await bundle('page'), worker: await bundle('worker') };
}
