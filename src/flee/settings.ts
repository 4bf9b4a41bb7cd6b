import { isMap, type Node } from 'yaml';
import { clip, nearestName } from '../io/text.js';
import { readYaml } from '../io/yaml.js';
import { FleeIssues, type FleeReadOptions } from './errors.js';

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
 * Keys Flee itself reads that this rule set does not implement (demographic
 * and ethnicity rules, population-weighted choices, crossing speeds, flood
 * rules, agents read from a file...). FabFlee's configs use many of them, so
 * they are accepted, with a warning that names them: a run here ignores them.
 */
const FLEE_ONLY: Record<string, readonly string[]> = {
  '': ['number_of_steps', 'conflict_input_file', 'flood_level_input_file'],
  log_levels: ['granularity'],
  spawn_rules: ['conflict_zone_spawning_only', 'flood_zone_spawning_only', 'camps_are_sicks', 'read_from_agents_csv_file', 'conflict_driven_spawning', 'flood_driven_spawning'],
  move_rules: [
    'max_crossing_speed', 'use_v1_rules', 'stay_close_to_home', 'home_distance_power', 'use_pop_for_loc_weight', 'pop_power_for_loc_weight',
    'movechance_pop_base', 'movechance_pop_scale_factor', 'ChildrenAvoidHazards', 'BoysTakeRisk', 'MatchCampEthnicity', 'MatchTownEthnicity',
    'MatchConflictEthnicity', 'flood_rules',
  ],
  optimisations: [],
};

/**
 * Reads a Flee settings file (simsetting.yml). Unlike Flee, which silently
 * ignores a key it does not know (so a misspelt rule quietly keeps its
 * default), an unknown section or key is an error, with the nearest known
 * key as a suggestion, as is a value of the wrong kind or out of range. Keys
 * Flee reads but this rule set does not implement are warnings (see
 * FleeReadOptions). Keys left out take DEFAULT_FLEE_SETTINGS.
 */
export function parseFleeSettings(text: string, source: string, options: FleeReadOptions = {}): FleeSettings {
  const issues = new FleeIssues(options);
  const { doc, lines, value, problems } = readYaml(text);
  const report = (line: number | undefined, key: string | undefined, expected: string, found: string) => void issues.list.push({ file: '', line, key, expected, found });
  for (const p of problems) issues.list.push({ file: '', line: p.line, col: p.column, expected: p.expected, found: p.found });
  issues.throwIfAny(source);
  const lineOf = (node: unknown) => {
    const range = (node as Node | null | undefined)?.range;
    return range ? lines.linePos(range[0]).line : undefined;
  };
  const settings = structuredClone(DEFAULT_FLEE_SETTINGS);
  const root = doc.contents;
  if (value === null || value === undefined) return settings;
  if (!isMap(root) || typeof value !== 'object' || Array.isArray(value)) {
    report(lineOf(root), undefined, `sections ${Object.keys(KEYS).join(', ')}`, 'something other than a mapping');
    throw issues.error(source);
  }
  const unimplemented: Array<{ line: number | undefined; key: string }> = [];
  const unknown = (line: number | undefined, section: string, key: string) => {
    if (FLEE_ONLY[section]?.includes(key)) {
      unimplemented.push({ line, key: section === '' ? key : `${section}.${key}` });
      return;
    }
    const known = section === '' ? Object.keys(KEYS) : Object.keys(KEYS[section as keyof typeof KEYS]);
    const suggestion = nearestName(key, [...known, ...(FLEE_ONLY[section] ?? [])]);
    const what = section === '' ? `a section of Flee's settings (${known.join(', ')})` : `a key of ${section} (${known.join(', ')})`;
    report(line, section === '' ? clip(key) : `${section}.${clip(key)}`, what, `an unknown ${section === '' ? 'section' : 'key'} "${clip(key)}"${suggestion ? `: did you mean ${suggestion}?` : ''}`);
  };
  const data = value as Record<string, unknown>;
  for (const pair of root.items) {
    const sectionName = String((pair.key as { value?: unknown } | null)?.value);
    const sectionLine = lineOf(pair.key);
    if (!(sectionName in KEYS)) {
      unknown(sectionLine, '', sectionName);
      continue;
    }
    const section = sectionName as keyof typeof KEYS;
    const node = pair.value;
    const entries = data[section];
    if (entries === null || entries === undefined) continue;
    if (!isMap(node) || typeof entries !== 'object' || Array.isArray(entries)) {
      report(lineOf(node), section, 'keys and values', 'something other than a mapping');
      continue;
    }
    for (const item of node.items) {
      const key = String((item.key as { value?: unknown } | null)?.value);
      const line = lineOf(item.key);
      const kind = KEYS[section][key];
      if (!kind) {
        unknown(line, section, key);
        continue;
      }
      const v = (entries as Record<string, unknown>)[key] ?? null;
      const problem = check(kind, v);
      if (problem) report(lineOf(item.value) ?? line, `${section}.${key}`, problem, describe(v));
      else (settings[section] as Record<string, unknown>)[key] = v;
    }
  }
  if (unimplemented.length > 0) {
    issues.warn({
      file: '', line: unimplemented[0].line, key: unimplemented.map((u) => u.key).join(', '),
      expected: 'settings this rule set implements',
      found: 'settings Flee reads that this rule set does not implement: they are ignored here',
    });
  }
  issues.finish(source);
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
  if (typeof v === 'string') return `the text "${clip(v, 60)}"`;
  if (Array.isArray(v)) return clip(`a list [${v.map((x) => (typeof x === 'object' && x !== null ? 'an object' : String(x))).join(', ')}]`, 120);
  return typeof v === 'object' ? 'a mapping' : String(v);
}
