import type { MathNode } from 'mathjs/number';
import { clip } from '../io/text.js';
import type { Quantity } from '../scenario/types.js';
import { parseExpression } from './expression.js';

/** The moment a quantity is read at. */
export interface TimePoint {
  /** Years since the scenario start. */
  t: number;
  tick: number;
  /** Calendar year as a decimal, e.g. 2016.25 for April 2016. */
  year: number;
}

export type QuantityFn = (at: TimePoint) => number;

/** Turns a scenario quantity into a function of time. Throws a plain Error with a readable reason. */
export function compileQuantity(q: Quantity): QuantityFn {
  if (typeof q === 'number') return () => q;
  if (typeof q === 'string') {
    const expr = parseTimeExpression(q).compile();
    return (at) => {
      const v = expr.evaluate({ t: at.t, tick: at.tick, year: at.year });
      if (typeof v !== 'number') throw new Error(`the expression gives ${typeof v === 'boolean' ? 'true or false' : typeof v}, not a number`);
      return v;
    };
  }
  const points = Object.entries(q)
    .map(([year, value]) => [Number(year), value] as const)
    .sort((a, b) => a[0] - b[0]);
  return (at) => interpolateYearly(points, at.year);
}

function interpolateYearly(points: ReadonlyArray<readonly [number, number]>, year: number): number {
  if (year <= points[0][0]) return points[0][1];
  const last = points[points.length - 1];
  if (year >= last[0]) return last[1];
  let i = 1;
  while (points[i][0] < year) i++;
  const [y0, v0] = points[i - 1];
  const [y1, v1] = points[i];
  return v0 + ((v1 - v0) * (year - y0)) / (y1 - y0);
}

/** Longer than any time expression needs; bounds parsing and evaluation whatever the input. */
const MAX_LENGTH = 500;
const MAX_NODES = 200;
const VARIABLES = ['t', 'tick', 'year', 'pi', 'e'];
const FUNCTIONS = ['min', 'max', 'abs', 'exp', 'log', 'log10', 'log2', 'sqrt', 'cbrt', 'pow', 'floor', 'ceil', 'round', 'fix', 'sign', 'mod'];
const OPERATORS = [
  'add', 'subtract', 'multiply', 'divide', 'pow', 'mod', 'unaryMinus', 'unaryPlus',
  'equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq', 'and', 'or', 'xor', 'not',
];

/**
 * Parses a time expression and checks that it uses only what a quantity of
 * time needs: numbers, t, tick and year (and pi, e), arithmetic, comparisons,
 * conditionals and the functions in FUNCTIONS. Function definitions,
 * assignments, objects, lists, text, mathjs's own parser functions and its
 * random functions are refused, so evaluating one takes a time bounded by its
 * length and gives the same value for the same tick, always.
 */
export function parseTimeExpression(text: string): MathNode {
  if (text.length > MAX_LENGTH) throw new Error(`it is ${text.length} characters long (at most ${MAX_LENGTH})`);
  const root = parseExpression(text);
  const stack: MathNode[] = [root];
  let count = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (++count > MAX_NODES) throw new Error(`it has more than ${MAX_NODES} parts`);
    stack.push(...allowedChildren(node));
  }
  return root;
}

/** The parts of an allowed node that must be checked in turn; throws on a node not allowed. */
function allowedChildren(node: MathNode): MathNode[] {
  const n = node as MathNode & Record<string, any>;
  switch (node.type) {
    case 'ConstantNode':
      if (typeof n.value !== 'number') throw new Error(`${describeConstant(n.value)} is not a number`);
      return [];
    case 'SymbolNode':
      if (!VARIABLES.includes(n.name)) throw new Error(`"${clip(n.name)}" is not a variable of time (use ${VARIABLES.join(', ')})`);
      return [];
    case 'ParenthesisNode':
      return [n.content];
    case 'ConditionalNode':
      return [n.condition, n.trueExpr, n.falseExpr];
    case 'OperatorNode':
      if (!OPERATORS.includes(n.fn)) throw new Error(`the operator "${n.op}" is not allowed (arithmetic, comparisons, and, or, not)`);
      return n.args;
    case 'RelationalNode':
      return n.params;
    case 'FunctionNode': {
      const name = n.fn?.type === 'SymbolNode' ? n.fn.name : undefined;
      if (name === undefined || !FUNCTIONS.includes(name)) throw new Error(`the function ${name === undefined ? 'call' : `"${clip(name)}"`} is not allowed (only ${FUNCTIONS.join(', ')})`);
      return n.args;
    }
    default:
      throw new Error(`${NODE_WORDS[node.type] ?? node.type} is not allowed in an expression of time`);
  }
}

const NODE_WORDS: Record<string, string> = {
  AssignmentNode: 'an assignment', FunctionAssignmentNode: 'a function definition', BlockNode: 'more than one expression',
  ObjectNode: 'an object', ArrayNode: 'a list', AccessorNode: 'taking a part of a value', IndexNode: 'an index', RangeNode: 'a range',
};

function describeConstant(value: unknown): string {
  return typeof value === 'string' ? 'a text' : typeof value === 'boolean' ? `${value}` : 'the constant';
}
