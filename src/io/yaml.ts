import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { clip } from './text.js';

/** One problem reading YAML text: where (1-based line and column, when known), what was expected, what was found. */
export interface YamlProblem {
  line?: number;
  column?: number;
  expected: string;
  found: string;
}

export interface YamlText {
  doc: Document.Parsed;
  lines: LineCounter;
  /** The document as plain data; undefined when there are problems. */
  value: unknown;
  problems: YamlProblem[];
}

/** No scenario or settings file needs more; a deeper one is an attack or a mistake. */
export const MAX_DEPTH = 64;
/** Aliases are for sharing a few values, not for multiplying them (an alias bomb). */
const MAX_ALIASES = 1000;

/**
 * Parses YAML (or JSON) text from an untrusted file. Every failure of the yaml
 * library (syntax, alias bombs, unknown aliases, stack exhaustion) becomes a
 * problem with a line and column instead of an exception; so do things the
 * library accepts but would lose or change in silence: tags it cannot resolve
 * (`!custom`, `!!js/function`, dropped to plain text), `__proto__` keys
 * (which vanish on assignment), and nesting deeper than MAX_DEPTH.
 */
export function readYaml(text: string): YamlText {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true, strict: true });
  const problems: YamlProblem[] = [];
  const at = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  for (const e of [...doc.errors, ...doc.warnings]) {
    const [line, column] = [e.linePos?.[0].line, e.linePos?.[0].col];
    const reason = e.code === 'RESOURCE_EXHAUSTION' ? `nesting at most ${MAX_DEPTH} levels deep` : e.code === 'TAG_RESOLVE_FAILED' ? 'no YAML tags (plain values only)' : 'valid YAML or JSON';
    problems.push({ line, column, expected: reason, found: describeYamlError(e.message) });
  }
  if (problems.length === 0) checkNodes(doc.contents as Node | null, (offset, expected, found) => problems.push({ ...at(offset), expected, found }));
  let value: unknown;
  if (problems.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      const message = (e as Error).message;
      const found = /alias count/i.test(message) ? 'aliases that expand too far (an alias bomb)' : clip(message.split('\n')[0], 120);
      problems.push({ expected: 'a document whose aliases name anchors set before them and expand to a small document', found });
    }
  }
  return { doc, lines, value: problems.length === 0 ? value : undefined, problems };
}

/** The first line of a yaml library message, without its "at line L, column C:" tail (reported apart) or any quoted source. */
function describeYamlError(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return `a syntax error: ${clip(first, 160)}`;
}

/** Walks the document without recursion: depth, `__proto__` keys, and aliases to anchors that do not exist. */
function checkNodes(root: Node | null, report: (offset: number | undefined, expected: string, found: string) => void): void {
  const anchors = new Set<string>();
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || node === undefined) continue;
    const offset = (node as Node).range?.[0];
    if (depth > MAX_DEPTH) {
      report(offset, `nesting at most ${MAX_DEPTH} levels deep`, `a value nested ${depth} levels deep`);
      return;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.add(anchor);
    if (isAlias(node)) {
      if (!anchors.has(node.source)) report(offset, 'an alias naming an anchor set before it', `*${clip(node.source, 40)}, which names no anchor`);
    } else if (isMap(node)) {
      // Pushed in reverse so they are visited in document order (anchors before their aliases).
      for (let k = node.items.length - 1; k >= 0; k--) {
        const pair = node.items[k];
        if (isScalar(pair.key) && pair.key.value === '__proto__') {
          report(pair.key.range?.[0], 'field names other than __proto__ (it cannot be stored as a field)', 'the key "__proto__"');
        }
        stack.push({ node: pair.value, depth: depth + 1 });
        stack.push({ node: pair.key, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (let k = node.items.length - 1; k >= 0; k--) stack.push({ node: node.items[k], depth: depth + 1 });
    } else if (isPair(node)) {
      stack.push({ node: node.value, depth: depth + 1 });
    }
  }
}
