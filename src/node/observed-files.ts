import { readFileSync } from 'node:fs';
import { ObservedDataError, parseObserved, type ObservedData } from '../calibration/observed.js';

/** Reads an observed-data CSV file; a missing or unreadable file is an ObservedDataError too. */
export function readObservedFile(path: string): ObservedData {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ObservedDataError(path, [{ expected: 'a readable CSV file of observed figures', found: code === 'ENOENT' ? 'no file at that path' : code === 'EISDIR' ? 'a directory' : `a file that cannot be read (${code})` }]);
  }
  return parseObserved(text, path);
}
