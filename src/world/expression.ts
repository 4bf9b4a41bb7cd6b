/** A compiled mathjs expression. */
export interface CompiledExpression {
  evaluate(scope: Record<string, number>): unknown;
}

type Compiler = (text: string) => CompiledExpression;
type Require = (id: string) => { compile: Compiler };
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
let compiler: Compiler | undefined;

const requireHere = (globalThis as { process?: NodeProcess }).process?.getBuiltinModule?.('module')?.createRequire(import.meta.url);
if (requireHere === undefined) compiler = (await import('mathjs/number')).compile;

/** Compiles a mathjs expression, loading mathjs if nothing has yet. */
export function compileExpression(text: string): CompiledExpression {
  compiler ??= requireHere!('mathjs/number').compile;
  return compiler(text);
}
