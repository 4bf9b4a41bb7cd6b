import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ScenarioError } from '../scenario/errors.js';
import { parseScenario, type ReadBase } from '../scenario/load.js';
import type { Scenario } from '../scenario/types.js';

/** Reads and validates a scenario file (and any it `extends`); a missing or unreadable file is a ScenarioError too. */
export function readScenarioFile(path: string): Scenario {
  return parseScenario(readText(path, path, ''), path, { readBase });
}

const readBase: ReadBase = (path, from) => {
  const source = join(dirname(from), path);
  return { text: readText(source, from, 'extends'), source };
};

function readText(path: string, reportedIn: string, field: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const found = code === 'ENOENT' ? `no file at ${path === reportedIn ? 'that path' : path}` : code === 'EISDIR' ? 'a directory' : `a file that cannot be read (${code})`;
    throw new ScenarioError(reportedIn, [{ path: field, expected: 'a readable YAML or JSON scenario file', found }]);
  }
}

/** A file to write: its name (which may include sub-folders, "tables/routes.csv") and its content. */
export interface OutputFile {
  name: string;
  content: string | Uint8Array;
}

/**
 * Writes files into a directory so that none is ever seen half-written: all are
 * first written into a temporary sibling directory, then each is renamed into
 * place (a rename within one file system is atomic).
 */
export function writeFilesAtomically(dir: string, files: readonly OutputFile[]): string[] {
  const target = resolve(dir);
  mkdirSync(dirname(target), { recursive: true });
  const staging = join(dirname(target), `.${target.split(/[\\/]/).pop()}.partial-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    for (const f of files) {
      mkdirSync(dirname(join(staging, f.name)), { recursive: true });
      writeFileSync(join(staging, f.name), f.content);
    }
    for (const f of files) {
      mkdirSync(dirname(join(target, f.name)), { recursive: true });
      renameSync(join(staging, f.name), join(target, f.name));
    }
  } finally {
    if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
  }
  return files.map((f) => join(target, f.name));
}

/** The library's version, from its package.json. */
export function libraryVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
