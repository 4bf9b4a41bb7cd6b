import { parse, type MathNode } from 'mathjs/number';

/**
 * The one place mathjs is imported: a time expression is parsed here, then
 * checked and compiled by quantity.ts. Commands load lazily, so `migsim --help`
 * never reaches it; `migsim flee` still does, through the scenario modules it
 * shares. (Loading mathjs on first use needs a top-level await in a browser,
 * which the notebook kernels' require() and the explorer's bundle cannot take.)
 */
export function parseExpression(text: string): MathNode {
  return parse(text);
}
