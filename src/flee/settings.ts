import { LineCounter, isMap, isScalar, parseDocument, type Node } from 'yaml';
import { FleeIssues } from './errors.js';

/** Rules for displacing people (simsetting.yml `spawn_rules`). */
export interface SpawnRules {
  /** The observed total is the sum of the camps' counts (not the `total` series). */
  sum_from_camps: boolean;
  /** Spawn weight of a conflict zone by its age, one factor per interval (the last holds on). */
  conflict_spawn_decay: number[];
  /** Days per step of conflict_spawn_decay. */
  conflict_spawn_decay_interval: number;
  /** Camps start empty instead of with their day-0 counts. */
  empty_camps_on_day0: boolean;
  /** Each person displaced leaves their home place's population, so its weight falls. */
  take_from_population: boolean;
  /** Day-0 camp counts are placed in the camps (otherwise they are displaced from conflict zones on day 0). */
  insert_day0: boolean;
}

/** Rules for moving (simsetting.yml `move_rules`). */
export interface MoveRules {
  /** km a day. */
  max_move_speed: number;
  /** km a day on foot. */
  max_walk_speed: number;
  /** Each person walks their first link. */
  start_on_foot: boolean;
  /** Someone reaching a town with less than half of two days' travel behind them moves on. */
  avoid_short_stints: boolean;
  default_movechance: number;
  conflict_movechance: number;
  camp_movechance: number;
  idpcamp_movechance: number;
  camp_weight: number;
  foreign_weight: number;
  conflict_weight: number;
  /** km added to every distance, so near places are not all but certain. */
  softening: number;
  /** Added to every destination's score, to even out choices. */
  weight_softening: number;
  distance_power: number;
  weight_power: number;
  /** Links ahead a person weighs destinations over (1: neighbours). */
  awareness_level: number;
  /** Multiplies every camp's capacity. */
  capacity_scaling: number;
  /** Share of capacity at which a camp's weight starts to fall. */
  capacity_buffer: number;
}

export interface FleeSettings {
  spawn_rules: SpawnRules;
  move_rules: MoveRules;
  optimisations: {
    /** Persons per agent (Flee's population scale-down factor). */
    hasten: number;
  };
  /** Flee's logging switches: accepted so its files read unchanged; they change nothing here. */
  log_levels: Record<string, number | string>;
}

type Kind = { type: 'boolean' } | { type: 'number'; min: number; max: number; whole?: boolean } | { type: 'numbers'; min: number };

const share = { type: 'number', min: 0, max: 1 } as const;
const positive = { type: 'number', min: Number.MIN_VALUE, max: Infinity } as const;
const weight = { type: 'number', min: 0, max: Infinity } as const;
const flag = { type: 'boolean' } as const;

/** Every key migsim reads, by section, with what it must hold. Any other key is an error. */
const KEYS: { [S in 'spawn_rules' | 'move_rules' | 'optimisations' | 'log_levels']: Record<string, Kind> } = {
  spawn_rules: {
    sum_from_camps: flag,
    conflict_spawn_decay: { type: 'numbers', min: 0 },
    conflict_spawn_decay_interval: { type: 'number', min: 1, max: Infinity, whole: true },
    empty_camps_on_day0: flag,
    take_from_population: flag,
    insert_day0: flag,
  },
  move_rules: {
    max_move_speed: positive,
    max_walk_speed: positive,
    start_on_foot: flag,
    avoid_short_stints: flag,
    default_movechance: share,
    conflict_movechance: share,
    camp_movechance: share,
    idpcamp_movechance: share,
    camp_weight: weight,
    foreign_weight: weight,
    conflict_weight: weight,
    softening: weight,
    weight_softening: weight,
    distance_power: weight,
    weight_power: weight,
    awareness_level: { type: 'number', min: 1, max: 6, whole: true },
    capacity_scaling: positive,
    capacity_buffer: { type: 'number', min: 0, max: 0.999 },
  },
  optimisations: {
    hasten: { type: 'number', min: 1, max: Infinity, whole: true },
  },
  log_levels: Object.fromEntries(['agent', 'link', 'camp', 'init', 'conflict', 'idp_totals'].map((k) => [k, { type: 'number', min: 0, max: 10, whole: true }])),
};

/**
 * The rule set's parameters when a file does not set them: the values of
 * FabFlee's validation simsetting.yml (Flee 3's defaults for these runs), and
 * Flee's own defaults for the keys that file leaves out.
 */
export const DEFAULT_FLEE_SETTINGS: FleeSettings = {
  spawn_rules: {
    sum_from_camps: true,
    conflict_spawn_decay: [1, 1, 1, 0.5, 0.1],
    conflict_spawn_decay_interval: 30,
    empty_camps_on_day0: false,
    take_from_population: false,
    insert_day0: true,
  },
  move_rules: {
    max_move_speed: 400,
    max_walk_speed: 35,
    start_on_foot: false,
    avoid_short_stints: true,
    default_movechance: 0.5,
    conflict_movechance: 1,
    camp_movechance: 0.001,
    idpcamp_movechance: 0.1,
    camp_weight: 1,
    foreign_weight: 1,
    conflict_weight: 0.25,
    softening: 50,
    weight_softening: 0,
    distance_power: 0.75,
    weight_power: 1,
    awareness_level: 1,
    capacity_scaling: 1.25,
    capacity_buffer: 0.9,
  },
  optimisations: { hasten: 1 },
  log_levels: {},
};

/**
 * Reads a Flee settings file (simsetting.yml). Unlike Flee, which silently
 * ignores a key it does not know (so a misspelt rule quietly keeps its
 * default), every unknown section or key is an error, as is a value of the
 * wrong kind or out of range. Keys left out take DEFAULT_FLEE_SETTINGS.
 */
export function parseFleeSettings(text: string, source: string): FleeSettings {
  const issues = new FleeIssues();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const report = (line: number | undefined, key: string | undefined, expected: string, found: string) => void issues.list.push({ file: '', line, key, expected, found });
  for (const e of doc.errors) report(e.linePos?.[0].line, undefined, 'valid YAML', `a syntax error: ${e.message.split('\n')[0]}`);
  issues.throwIfAny(source);
  const lineOf = (node: Node | null | undefined) => (node?.range ? lines.linePos(node.range[0]).line : undefined);
  const settings = structuredClone(DEFAULT_FLEE_SETTINGS);
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return settings;
  if (!isMap(root)) {
    report(lineOf(root), undefined, `sections ${Object.keys(KEYS).join(', ')}`, 'something other than a mapping');
    throw issues.error(source);
  }
  for (const pair of root.items) {
    const sectionName = String((pair.key as { value?: unknown } | null)?.value);
    const sectionLine = lineOf(pair.key as Node);
    if (!(sectionName in KEYS)) {
      report(sectionLine, sectionName, `a section of Flee's settings (${Object.keys(KEYS).join(', ')})`, `an unknown section "${sectionName}"`);
      continue;
    }
    const section = sectionName as keyof typeof KEYS;
    const value = pair.value as Node | null;
    if (value === null || (isScalar(value) && value.value === null)) continue;
    if (!isMap(value)) {
      report(lineOf(value), section, 'keys and values', 'something other than a mapping');
      continue;
    }
    for (const item of value.items) {
      const key = String((item.key as { value?: unknown } | null)?.value);
      const path = `${section}.${key}`;
      const line = lineOf(item.key as Node);
      const kind = KEYS[section][key];
      if (!kind) {
        report(line, path, `a key of ${section} (${Object.keys(KEYS[section]).join(', ')})`, `an unknown key "${key}"`);
        continue;
      }
      const v = (item.value as Node | null)?.toJSON?.() ?? null;
      const problem = check(kind, v);
      if (problem) report(lineOf(item.value as Node) ?? line, path, problem, describe(v));
      else (settings[section] as Record<string, unknown>)[key] = v;
    }
  }
  issues.throwIfAny(source);
  return settings;
}

function check(kind: Kind, v: unknown): string | undefined {
  if (kind.type === 'boolean') return typeof v === 'boolean' ? undefined : 'true or false';
  if (kind.type === 'numbers') {
    const ok = Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= kind.min);
    return ok ? undefined : `a list of one or more numbers of ${kind.min} or more`;
  }
  const range = kind.max === Infinity ? `${kind.min === Number.MIN_VALUE ? 'above 0' : `of ${kind.min} or more`}` : `from ${kind.min} to ${kind.max}`;
  const what = `${kind.whole ? 'a whole number' : 'a number'} ${range}`;
  if (typeof v !== 'number' || Number.isNaN(v) || v < kind.min || v > kind.max || (kind.whole && !Number.isInteger(v))) return what;
  return undefined;
}

function describe(v: unknown): string {
  if (v === null) return 'nothing';
  if (typeof v === 'string') return `the text "${v}"`;
  if (Array.isArray(v)) return `a list [${v.map(String).join(', ')}]`;
  return typeof v === 'object' ? 'a mapping' : String(v);
}
