import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readFleeScenario } from '../../src/flee/reader.js';
import type { FleeScenario } from '../../src/flee/scenario.js';
import { DEFAULT_FLEE_SETTINGS, type FleeSettings, type MoveRules, type SpawnRules } from '../../src/flee/settings.js';
import { ROOT } from '../helpers.js';

export const FIXTURES = join(ROOT, 'test', 'flee', 'fixtures');
/** The shared validation data: eight conflicts, read-only, next to the repository. */
export const VALIDATION = join(ROOT, '..', 'shared', 'data', 'flee-validation');
export const CONFLICTS = ['burundi2015', 'car2013', 'mali2012', 'nigeria2016', 'nigeria2022_adm2', 'ssudan2013', 'syria2013', 'ukraine2022'];

/** Every file of a folder, by its path within it. */
export function folderFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

/** A bad-input fixture's text. */
export function bad(name: string): string {
  return readFileSync(join(FIXTURES, 'bad', name), 'utf8');
}

/**
 * The hand-made scenario of fixtures/tiny (five places: a conflict zone, a
 * town, two camps abroad, a second conflict zone from day 3), with some files
 * replaced (text) or removed (null).
 */
export function tinyFiles(changes: Record<string, string | null> = {}): (path: string) => string | undefined {
  const files = folderFiles(join(FIXTURES, 'tiny'));
  for (const [path, text] of Object.entries(changes)) {
    if (text === null) files.delete(path);
    else files.set(path, text);
  }
  return (path) => files.get(path);
}

export function tiny(changes: Record<string, string | null> = {}): FleeScenario {
  return readFleeScenario(tinyFiles(changes), 'tiny');
}

/** The default settings with some rules changed. */
export function settingsWith(move: Partial<MoveRules> = {}, spawn: Partial<SpawnRules> = {}): FleeSettings {
  return {
    ...DEFAULT_FLEE_SETTINGS,
    move_rules: { ...DEFAULT_FLEE_SETTINGS.move_rules, ...move },
    spawn_rules: { ...DEFAULT_FLEE_SETTINGS.spawn_rules, ...spawn },
  };
}

/** conflicts.csv text for `days` days from per-place intensity functions of the day. */
export function conflictsCsv(days: number, places: Record<string, (day: number) => number>): string {
  const names = Object.keys(places);
  const rows = [`#Day,${names.join(',')}`];
  for (let d = 0; d < days; d++) rows.push([d, ...names.map((n) => places[n](d))].join(','));
  return rows.join('\n') + '\n';
}

/** Data rows of a Flee CSV file: lines with text that are not # headers or comments. */
export function dataRows(path: string): number {
  return readFileSync(path, 'utf8').split(/\r?\n|\r/).filter((l) => l.replace(/,/g, '').trim() !== '' && !l.startsWith('#')).length;
}
