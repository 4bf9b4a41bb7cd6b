import type { MathNode } from 'mathjs/number';

type Parser = (text: string) => MathNode;
type Require = (id: string) => { parse: Parser };
interface NodeProcess {
  getBuiltinModule?: (id: string) => { createRequire(url: string): Require } | undefined;
}

/**
 * mathjs is the heaviest thing migsim loads (typed-function builds every
 * signature at import: most of a second of CPU), and most runs, the Flee mode
 * and the built-in scenario among them, evaluate no expression. So it is
 * loaded the first time a scenario holds one: synchronously where the runtime
 * can (Node), and where it cannot (a browser) when this module is first
 * imported, as before.
 */
let parser: Parser | undefined;

const requireHere = (globalThis as { process?: NodeProcess }).process?.getBuiltinModule?.('module')?.createRequire(import.meta.url);
if (requireHere === undefined) parser = (await import('mathjs/number')).parse;

/** Parses a mathjs expression (checked and compiled by the caller), loading mathjs if nothing has yet. */
export function parseExpression(text: string): MathNode {
  parser ??= requireHere!('mathjs/number').parse;
  return parser(text);
}
