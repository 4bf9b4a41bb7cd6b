import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import { ScenarioError, type ScenarioIssue } from './errors.js';
import type { Scenario } from './types.js';
import { validateScenario } from './validate.js';

/**
 * Reads a scenario from YAML or JSON text (JSON is read as YAML, which it is a
 * subset of) and validates it. Errors carry `source` and, where it can be found,
 * the line of the offending field.
 */
export function parseScenario(text: string, source: string): Scenario {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const issues: ScenarioIssue[] = doc.errors.map((e) => ({
      path: '',
      expected: 'valid YAML or JSON',
      found: `a syntax error: ${e.message.split('\n')[0]}`,
      line: e.linePos?.[0].line,
    }));
    throw new ScenarioError(source, issues);
  }
  try {
    return validateScenario(doc.toJS(), source);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const located = e.issues.map((issue) => ({ ...issue, line: lineOf(doc.contents as Node | null, issue.path, lines) }));
    throw new ScenarioError(source, located);
  }
}

/** The line of the deepest node that exists along a field path such as `legs[2].cost`. */
function lineOf(root: Node | null, path: string, lines: LineCounter): number | undefined {
  let node: Node | null | undefined = root;
  let line = node?.range ? lines.linePos(node.range[0]).line : undefined;
  for (const part of splitPath(path)) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value?.toString() === String(part));
      next = pair?.value ?? pair?.key;
    } else if (isSeq(node) && typeof part === 'number') next = node.items[part];
    if (!next || typeof next !== 'object' || !('range' in next)) break;
    node = next as Node;
    if (node.range) line = lines.linePos(node.range[0]).line;
  }
  return line;
}

function splitPath(path: string): Array<string | number> {
  const parts: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return parts;
}
