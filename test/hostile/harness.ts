import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { folderFiles } from '../flee/tiny.js';
import { runCli } from '../helpers.js';

/** How a variant ended: refused cleanly, ran, or failed the promise (and why). */
export type Outcome = 'refused' | 'ran' | 'same' | 'warned' | `FAILED: ${string}`;

/** Writes a variant's files into a fresh folder and returns it. */
export function writeVariant(files: Record<string, string | Uint8Array>, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `migsim-hostile-${prefix}-`));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Every file written into an output folder, by its path within it (run.json aside: it names the input's path). */
export function outputOf(dir: string): Map<string, string> {
  const files = folderFiles(dir);
  files.delete('run.json');
  return files;
}

/**
 * Runs the CLI on a variant and judges it: a refusal must be exit 2 with a
 * bounded message naming `file` and a field path or line, no stack trace, no
 * text the message must not quote, and nothing written at `out`.
 */
export async function judge(argv: string[], out: string, file: string, secret?: string): Promise<{ outcome: Outcome; code: number; stderr: string }> {
  let result;
  try {
    result = await runCli(argv);
  } catch (e) {
    return { outcome: `FAILED: crashed (${(e as Error).name}: ${(e as Error).message.split('\n')[0].slice(0, 120)})`, code: 1, stderr: '' };
  }
  const { code, stderr } = result;
  if (code === 0) return { outcome: 'ran', code, stderr };
  if (code !== 2) return { outcome: `FAILED: exit ${code}`, code, stderr };
  if (existsSync(out)) return { outcome: 'FAILED: refused but wrote output', code, stderr };
  if (!stderr.includes(file)) return { outcome: `FAILED: message does not name ${file}: ${stderr.slice(0, 200)}`, code, stderr };
  if (!/: [\w.[\]"-]+( \(line \d+(, column \d+)?\))?: expected|line \d+|key "|column "|: \(whole file\)|--out|: expected/.test(stderr)) {
    return { outcome: `FAILED: message names no field or line: ${stderr.slice(0, 200)}`, code, stderr };
  }
  if (/\n\s+at .+:\d+:\d+/.test(stderr)) return { outcome: 'FAILED: stack trace in message', code, stderr };
  if (stderr.length > 20_000) return { outcome: `FAILED: message of ${stderr.length} characters`, code, stderr };
  if (secret && stderr.includes(secret)) return { outcome: 'FAILED: message quotes a file that is not a scenario', code, stderr };
  return { outcome: 'refused', code, stderr };
}
