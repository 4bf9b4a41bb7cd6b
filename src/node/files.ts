import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, win32 } from 'node:path';
import { clip, decodeUtf8 } from '../io/text.js';
import { ScenarioError } from '../scenario/errors.js';
import { parseScenario, type ReadBase } from '../scenario/load.js';
import type { Scenario } from '../scenario/types.js';

/** Reads and validates a scenario file (and any it `extends`); a missing or unreadable file is a ScenarioError too. */
export function readScenarioFile(path: string): Scenario {
  return parseScenario(readText(path, path, ''), path, { readBase });
}

/**
 * A base named by `extends:` is found relative to the folder of the file that
 * names it, and must stay within the folder tree of the file the chain started
 * from: a shared scenario cannot make migsim read files elsewhere.
 */
const readBase: ReadBase = (path, from, root) => {
  const refuse = (expected: string, found: string): never => {
    throw new ScenarioError(from, [{ path: 'extends', expected, found }]);
  };
  const relativeRule = `a path relative to this file's folder, within ${dirname(root) === '.' ? 'the folder' : dirname(root)} of ${basename(root)}`;
  if (isAbsolute(path) || win32.isAbsolute(path)) refuse(relativeRule, `the absolute path "${clip(path)}"`);
  const source = join(dirname(from), path);
  const inside = relative(resolve(dirname(root)), resolve(source));
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) refuse(relativeRule, `"${clip(path)}", which leaves that folder`);
  return { text: readText(source, from, 'extends'), source };
};

function readText(path: string, reportedIn: string, field: string): string {
  const fail = (found: string): never => {
    throw new ScenarioError(reportedIn, [{ path: field, expected: 'a readable YAML or JSON scenario file in UTF-8', found }]);
  };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? `no file at ${path === reportedIn ? 'that path' : path}` : code === 'EISDIR' ? 'a directory' : `a file that cannot be read (${code})`);
  }
  const decoded = decodeUtf8(bytes);
  if ('bad' in decoded) {
    // Reported against the file itself, which is where the bytes are.
    throw new ScenarioError(path, [{ path: '', line: decoded.bad.line, column: decoded.bad.column, expected: 'text in UTF-8', found: `a byte that is not UTF-8 (byte ${decoded.bad.byte})` }]);
  }
  return decoded.text;
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
