import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import { ScenarioError, type ScenarioIssue } from './errors.js';
import type { Scenario } from './types.js';
import { validateScenario } from './validate.js';

/** Reads the scenario an `extends:` field names, relative to the file that names it. */
export type ReadBase = (path: string, from: string) => { text: string; source: string };

export interface ParseOptions {
  /** Needed for `extends:`; `readScenarioFile` in `migsim/node` gives one that reads files. */
  readBase?: ReadBase;
  /** Files being read further down the chain, to refuse cycles. */
  chain?: readonly string[];
}

/**
 * Reads a scenario from YAML or JSON text (JSON is read as YAML, which it is a
 * subset of) and validates it. Errors carry `source` and, where it can be found,
 * the line of the offending field.
 *
 * A file may start from another: `extends: mediterranean.yaml` takes that
 * scenario (itself validated first, so its problems are reported against it)
 * and replaces each top-level field the file gives, e.g. `name` and `policies`.
 */
export function parseScenario(text: string, source: string, options: ParseOptions = {}): Scenario {
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
  let input: unknown = doc.toJS();
  if (input !== null && typeof input === 'object' && !Array.isArray(input) && 'extends' in input) {
    const { extends: basePath, ...own } = input as Record<string, unknown>;
    input = { ...baseScenario(basePath, source, options), ...own };
  }
  try {
    return validateScenario(input, source);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const located = e.issues.map((issue) => ({ ...issue, line: lineOf(doc.contents as Node | null, issue.path, lines) }));
    throw new ScenarioError(source, located);
  }
}

function baseScenario(basePath: unknown, source: string, options: ParseOptions): Scenario {
  const fail = (expected: string, found: string): never => {
    throw new ScenarioError(source, [{ path: 'extends', expected, found }]);
  };
  if (typeof basePath !== 'string' || basePath.trim() === '') return fail('the path of the scenario file this one starts from', JSON.stringify(basePath));
  if (!options.readBase) return fail('no extends here: reading another file needs readScenarioFile from migsim/node', `"${basePath}"`);
  const base = options.readBase(basePath, source);
  const chain = [...(options.chain ?? []), source];
  if (chain.includes(base.source)) return fail('a chain of extends without a cycle', `${[...chain, base.source].join(' -> ')}`);
  return parseScenario(base.text, base.source, { ...options, chain });
}

/** The line of the deepest node that exists along a field path such as `legs[2].cost`. */
function lineOf(root: Node | null, path: string, lines: LineCounter): number | undefined {
  let node: Node | null | undefined = root;
  let line = node?.range ? lines.linePos(node.range[0]).line : undefined;
  const parts = splitPath(path);
  // A field that came from the scenario this file extends has no line here.
  if (parts.length > 0 && isMap(root) && !root.items.some((p) => (p.key as { value?: unknown } | null)?.value === parts[0])) return undefined;
  for (const part of parts) {
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
