import { readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { FleeFormatError } from '../flee/errors.js';
import { readFleeScenario } from '../flee/reader.js';
import type { FleeScenario } from '../flee/scenario.js';
import { parseFleeSettings, type FleeSettings } from '../flee/settings.js';

/** Reads a Flee conflict folder (with input_csv/ and source_data/); its name is the folder's name. */
export function readFleeFolder(dir: string): FleeScenario {
  const root = resolve(dir);
  if (!isDirectory(root)) {
    throw new FleeFormatError(dir, [{ file: '', expected: 'a Flee conflict folder holding input_csv/ and source_data/', found: 'no folder at that path' }]);
  }
  return readFleeScenario((path) => readText(join(root, path)), basename(root), dir);
}

/** Reads a Flee settings file (simsetting.yml); a missing file is a FleeFormatError too. */
export function readFleeSettingsFile(path: string): FleeSettings {
  const text = readText(path);
  if (text === undefined) throw new FleeFormatError(path, [{ file: '', expected: 'a readable Flee settings file (simsetting.yml)', found: 'no file at that path' }]);
  return parseFleeSettings(text, path);
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
    throw e;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
