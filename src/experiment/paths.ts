import { ScenarioError } from '../scenario/errors.js';
import type { Scenario } from '../scenario/types.js';
import { validateScenario } from '../scenario/validate.js';

/**
 * A path to one field of a scenario, as sweeps name the parameters they vary:
 *
 *   behaviour.choiceDeath                fields of objects, joined by "."
 *   legs[15].interception                the 16th entry of a list (counting from 0)
 *   legs[id=lby-ita].interception        the one entry of a list whose field `id` is "lby-ita"
 *   countries[id=SYR].wages.low
 *   policies[name=libya-coastguard].value
 *
 * The field named last must hold a number, a yearly series or an expression:
 * a sweep sets it to a constant number, and the scenario is validated again
 * with that value, so a value out of range is reported like any bad field.
 */
export type FieldStep = { field: string } | { index: number } | { match: { field: string; value: string } };

/** A path that does not parse or does not name a numeric field of the scenario. */
export class FieldPathError extends Error {
  constructor(readonly path: string, readonly problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'FieldPathError';
  }
}

const STEP = /\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[([A-Za-z_][A-Za-z0-9_]*)=([^\]]+)\]/y;

export function parseFieldPath(path: string): FieldStep[] {
  const steps: FieldStep[] = [];
  STEP.lastIndex = 0;
  while (STEP.lastIndex < path.length) {
    const at = STEP.lastIndex;
    const m = STEP.exec(path);
    if (!m || (m[1] !== undefined && at > 0 && path[at] !== '.') || (m[1] !== undefined && at === 0 && path[0] === '.')) {
      throw new FieldPathError(path, `cannot read the path from character ${at + 1} ("${path.slice(at)}"): expected a field name (legs, interception), an index [3] or a selector [id=lby-ita], as in legs[id=lby-ita].interception`);
    }
    if (m[1] !== undefined) steps.push({ field: m[1] });
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
    else steps.push({ match: { field: m[3], value: m[4] } });
  }
  if (steps.length === 0) throw new FieldPathError(path, 'an empty path: name a field, as in behaviour.choiceDeath');
  return steps;
}

export function stepText(steps: readonly FieldStep[]): string {
  let out = '';
  for (const s of steps) {
    if ('field' in s) out += out === '' ? s.field : `.${s.field}`;
    else if ('index' in s) out += `[${s.index}]`;
    else out += `[${s.match.field}=${s.match.value}]`;
  }
  return out;
}

/** Where a path leads in a scenario: the container holding the field, and its key there. */
interface Located {
  parent: Record<string, unknown> | unknown[];
  key: string | number;
}

function locate(root: unknown, path: string, steps: readonly FieldStep[]): Located {
  let node: unknown = root;
  let parent: Located | undefined;
  steps.forEach((step, k) => {
    const where = k === 0 ? 'the scenario' : stepText(steps.slice(0, k));
    if ('field' in step) {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) throw new FieldPathError(path, `${where} is ${kindOf(node)}, which has no field "${step.field}"`);
      const obj = node as Record<string, unknown>;
      if (!(step.field in obj)) throw new FieldPathError(path, `${where} has no field "${step.field}" (fields: ${Object.keys(obj).join(', ')})`);
      parent = { parent: obj, key: step.field };
      node = obj[step.field];
      return;
    }
    if (!Array.isArray(node)) throw new FieldPathError(path, `${where} is ${kindOf(node)}, not a list, so it cannot be indexed with ${stepText([step])}`);
    let index: number;
    if ('index' in step) {
      index = step.index;
      if (index >= node.length) throw new FieldPathError(path, `${where} has ${node.length} entries (indices 0 to ${node.length - 1}), so there is no [${index}]`);
    } else {
      const { field, value } = step.match;
      const matches = node.flatMap((item, i) => (item !== null && typeof item === 'object' && String((item as Record<string, unknown>)[field]) === value ? [i] : []));
      const known = node.map((item) => (item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[field] : undefined)).filter((v) => v !== undefined);
      if (matches.length === 0) throw new FieldPathError(path, `no entry of ${where} has ${field} "${value}"${known.length ? ` (${field}s: ${known.join(', ')})` : ` (its entries have no field "${field}")`}`);
      if (matches.length > 1) throw new FieldPathError(path, `${matches.length} entries of ${where} have ${field} "${value}": select by a field that is unique, such as id, or by index`);
      index = matches[0];
    }
    parent = { parent: node, key: index };
    node = node[index];
  });
  return parent!;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return `an object (fields: ${Object.keys(value as object).join(', ')})`;
  return typeof value === 'string' ? `the text "${value}"` : `the ${typeof value} ${String(value)}`;
}

/** Whether a field holds something a sweep may replace with a number: a number, an expression, or a yearly series. */
function isQuantity(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'string') return true;
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    && Object.keys(value).length > 0 && Object.entries(value).every(([k, v]) => /^\d{4}$/.test(k) && typeof v === 'number');
}

/** Checks that a path names a numeric field of the scenario; returns its parsed steps. */
export function checkFieldPath(scenario: Scenario, path: string): FieldStep[] {
  const steps = parseFieldPath(path);
  const { parent, key } = locate(scenario, path, steps);
  const value = (parent as Record<string | number, unknown>)[key];
  if (!isQuantity(value)) throw new FieldPathError(path, `the field holds ${kindOf(value)}, not a number, a yearly series or an expression, so a sweep cannot set it to a number`);
  return steps;
}

/**
 * The scenario with the fields at `paths` set to numbers, validated again.
 * Nothing is changed in place. A value out of the field's range gives the
 * usual ScenarioError, reported against `source`.
 */
export function withFieldValues(scenario: Scenario, values: Readonly<Record<string, number>>, source = scenario.name): Scenario {
  const copy = structuredClone(scenario) as unknown;
  for (const [path, value] of Object.entries(values)) {
    const steps = checkFieldPath(scenario, path);
    const { parent, key } = locate(copy, path, steps);
    (parent as Record<string | number, unknown>)[key] = value;
  }
  try {
    return validateScenario(copy, source);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const set = Object.entries(values).map(([p, v]) => `${p}=${v}`).join(', ');
    throw new ScenarioError(`${source} with ${set}`, e.issues);
  }
}
