import { readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { FleeFormatError, type FleeReadOptions } from '../flee/errors.js';
import { readFleeScenario } from '../flee/reader.js';
import type { FleeScenario } from '../flee/scenario.js';
import { parseFleeSettings, type FleeSettings } from '../flee/settings.js';
import { decodeUtf8 } from '../io/text.js';

/**
 * Reads a Flee conflict folder (with input_csv/ and source_data/); its name is
 * the folder's name. Warnings go to `options.warnings`; without it they are errors.
 */
export function readFleeFolder(dir: string, options: FleeReadOptions = {}): FleeScenario {
  const root = resolve(dir);
  if (!isDirectory(root)) {
    throw new FleeFormatError(dir, [{ file: '', expected: 'a Flee conflict folder holding input_csv/ and source_data/', found: 'no folder at that path' }]);
  }
  return readFleeScenario((path) => readText(join(root, path), dir, root), basename(root), dir, options);
}

/** Reads a Flee settings file (simsetting.yml); a missing file is a FleeFormatError too. */
export function readFleeSettingsFile(path: string, options: FleeReadOptions = {}): FleeSettings {
  const text = readText(path, path);
  if (text === undefined) throw new FleeFormatError(path, [{ file: '', expected: 'a readable Flee settings file (simsetting.yml)', found: 'no file at that path' }]);
  return parseFleeSettings(text, path, options);
}

/** A file's text, undefined when there is none; bytes that are not UTF-8 are an error naming where. */
function readText(path: string, source: string, root?: string): string | undefined {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
    throw new FleeFormatError(source, [{ file: root ? relative(root, path) : '', expected: 'a readable file', found: `a file that cannot be read (${code})` }]);
  }
  const decoded = decodeUtf8(bytes);
  if ('text' in decoded) return decoded.text;
  const { line, column, byte } = decoded.bad;
  throw new FleeFormatError(source, [{ file: root ? relative(root, path) : '', line, col: column, expected: 'text in UTF-8', found: `a byte that is not UTF-8 (byte ${byte})` }]);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
