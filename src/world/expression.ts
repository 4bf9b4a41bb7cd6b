import type { MathNode } from 'mathjs/number';

type Parser = (text: string) => MathNode;
type Require = (id: string) => { parse: Parser };
interface NodeProcess {
  getBuiltinModule?: (id: string) => { createRequire(url: string): Require } | undefined;
}

/**
 * mathjs is the heaviest thing migsim loads (typed-function builds every
 * signature at import: most of a second of CPU), and most runs, the Flee mode
 * and the built-in scenario among them, parse no expression. So where the
 * runtime can load a module synchronously (Node) it is required the first
 * time a scenario holds an expression. A browser cannot: there the entry
 * points that reach a scenario (the core's index, the explorer's worker)
 * import mathjs-parser.ts, which hands the parser over at import. No
 * top-level await: notebook kernels require() migsim and the explorer is an
 * iife bundle, and neither can take one.
 */
let parser: Parser | undefined;

/** Sets the parser (mathjs's `parse`) for runtimes that cannot require mathjs on first use. */
export function useExpressionParser(parse: Parser): void {
  parser ??= parse;
}

/** Parses a mathjs expression (checked and compiled by the caller), loading mathjs if nothing has yet. */
export function parseExpression(text: string): MathNode {
  parser ??= requireParser();
  return parser(text);
}

function requireParser(): Parser {
  const require = (globalThis as { process?: NodeProcess }).process?.getBuiltinModule?.('module')?.createRequire(import.meta.url);
  if (require === undefined) throw new Error('mathjs is not loaded: import migsim\'s main entry point before reading a scenario with expressions in this runtime');
  return require('mathjs/number').parse;
}
