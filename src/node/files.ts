import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, win32 } from 'node:path';
import { clip, decodeUtf8 } from '../io/text.js';
import { OutputError } from './output-error.js';
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

/** The file by which migsim knows a folder as its own, and so may write into it again. */
export const MANIFEST = 'migsim-manifest.json';

/**
 * Checks, before a run starts, that `--out DIR` can be written: not an
 * existing file, not a folder of someone else's files (a non-empty folder
 * without migsim's manifest; a sweep's design.json also counts as ours), and
 * in a place this process may write to. `force` allows the first two.
 */
export function checkOutputFolder(dir: string, force: boolean): void {
  const target = resolve(dir);
  const unless = force ? '' : '; choose another --out, or add --force to write there anyway';
  let stats;
  try {
    stats = statSync(target);
  } catch {
    stats = undefined;
  }
  if (stats && !stats.isDirectory()) {
    if (!force) throw new OutputError(dir, `expected a folder to write results into, found an existing file${unless}`);
  } else if (stats) {
    const names = readdirSync(target).filter((n) => !/^\.[^/]*\.partial-\d+$/.test(n));
    const ours = names.includes(MANIFEST) || names.includes('design.json');
    if (names.length > 0 && !ours && !force) {
      throw new OutputError(dir, `expected an empty folder or one migsim wrote (it holds ${MANIFEST}), found a folder of ${names.length} other file${names.length === 1 ? '' : 's'} (${clip(names.slice(0, 3).join(', '), 80)}${names.length > 3 ? ', ...' : ''}), which would be overwritten${unless}`);
    }
  }
  // The nearest folder that exists must be writable: a read-only file system or a folder of another user is found now, not after the run.
  let existing = stats?.isDirectory() ? target : dirname(target);
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  try {
    accessSync(existing, constants.W_OK);
  } catch (e) {
    throw new OutputError(dir, `expected a place this process can write to, found ${existing} not writable (${(e as NodeJS.ErrnoException).code})`);
  }
}

/**
 * Writes files into a directory so that none is ever seen half-written: all are
 * first written into a temporary sibling directory, then each is renamed into
 * place (a rename within one file system is atomic). The folder gets migsim's
 * manifest (unless `manifest` is false, for a sub-folder). A full disk or any
 * other failure to write is an OutputError, with the staging folder removed.
 */
export function writeFilesAtomically(dir: string, files: readonly OutputFile[], manifest = true): string[] {
  const target = resolve(dir);
  const all = manifest ? [...files, manifestFile(target, files)] : files;
  const staging = join(dirname(target), `.${target.split(/[\\/]/).pop()}.partial-${process.pid}`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    for (const f of all) {
      mkdirSync(dirname(join(staging, f.name)), { recursive: true });
      writeFileSync(join(staging, f.name), f.content);
    }
    if (existsSync(target) && !statSync(target).isDirectory()) rmSync(target); // an existing file, replaced with --force
    for (const f of all) {
      mkdirSync(dirname(join(target, f.name)), { recursive: true });
      renameSync(join(staging, f.name), join(target, f.name));
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === undefined) throw e;
    const why = code === 'ENOSPC' || code === 'EDQUOT' ? 'the disk is full' : code === 'EROFS' ? 'the file system is read-only' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `the system refused (${code})`;
    throw new OutputError(dir, `could not write the results: ${why}; nothing was written`);
  } finally {
    if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
  }
  return files.map((f) => join(target, f.name));
}

/** The manifest: what migsim wrote into the folder (with what it wrote before), in a stable order. */
function manifestFile(target: string, files: readonly OutputFile[]): OutputFile {
  let before: string[] = [];
  try {
    const old = JSON.parse(readFileSync(join(target, MANIFEST), 'utf8')) as { files?: unknown };
    if (Array.isArray(old.files)) before = old.files.filter((f): f is string => typeof f === 'string');
  } catch {
    // No manifest yet, or not one of ours: start afresh.
  }
  // The folder's own files only: a sub-folder's (a sweep's runs/) are written run by run, or all at once by a merge.
  const names = [...new Set([...before, ...files.map((f) => f.name).filter((name) => !/[\\/]/.test(name))])].sort();
  return { name: MANIFEST, content: JSON.stringify({ library: 'migsim', version: libraryVersion(), files: names }, null, 2) + '\n' };
}

/** The library's version, from its package.json. */
export function libraryVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
