import { isMap, isSeq, type LineCounter, type Node } from 'yaml';
import { clip } from '../io/text.js';
import { readYaml } from '../io/yaml.js';
import { ScenarioError, describeValue } from './errors.js';
import type { Scenario } from './types.js';
import { TOP_FIELDS, validateScenario } from './validate.js';

/**
 * Reads the scenario an `extends:` field names, relative to the file that
 * names it (`from`); `root` is the file the chain started from, whose folder
 * tree a base must stay within.
 */
export type ReadBase = (path: string, from: string, root: string) => { text: string; source: string };

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
  const { doc, lines, value, problems } = readYaml(text);
  if (problems.length > 0) throw new ScenarioError(source, problems.map((p) => ({ path: '', ...p })));
  const isBase = (options.chain ?? []).length > 0;
  if (!looksLikeScenario(value)) {
    // Never quote what a file that is not a scenario holds: it may be any file the user can read.
    const what = value === null || value === undefined || (typeof value === 'string' && value.trim() === '') ? 'an empty document' : 'a file that is not a scenario (no field of one at its top level)';
    throw new ScenarioError(source, [{ path: '', expected: `a scenario (a mapping with ${TOP_FIELDS.slice(0, 5).join(', ')}, ...)${isBase ? ' to extend' : ''}`, found: what }]);
  }
  let input: unknown = value;
  if ('extends' in value) {
    const { extends: basePath, ...own } = value;
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

/** A mapping with at least one field a scenario has: anything else is reported without quoting it. */
function looksLikeScenario(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.keys(value).some((k) => k === 'extends' || (TOP_FIELDS as readonly string[]).includes(k));
}

function baseScenario(basePath: unknown, source: string, options: ParseOptions): Scenario {
  const fail = (expected: string, found: string): never => {
    throw new ScenarioError(source, [{ path: 'extends', expected, found }]);
  };
  if (typeof basePath !== 'string' || basePath.trim() === '') return fail('the path of the scenario file this one starts from', describeValue(basePath));
  if (!options.readBase) return fail('no extends here: reading another file needs readScenarioFile from migsim/node', `"${clip(basePath)}"`);
  const chain = [...(options.chain ?? []), source];
  const base = options.readBase(basePath, source, chain[0]);
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
