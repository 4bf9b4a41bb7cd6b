import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { ROOT } from './helpers.js';

const exec = promisify(execFile);

/**
 * The CLI as its own process, from the current source compiled once with
 * esbuild (what tsx does, file by file, at every start): for tests that start
 * many processes, each of which would otherwise compile it again, in its
 * worker threads too.
 */
export async function compiledCli(): Promise<(args: readonly string[]) => Promise<{ code: number; stdout: string; stderr: string }>> {
  const dir = mkdtempSync(join(tmpdir(), 'migsim-compiled-'));
  const sources: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.ts')) sources.push(join(d, e.name));
    }
  };
  walk(join(ROOT, 'src'));
  await build({ entryPoints: sources, outdir: join(dir, 'src'), outbase: join(ROOT, 'src'), format: 'esm', platform: 'node', target: 'node20', tsconfig: join(ROOT, 'tsconfig.json'), logLevel: 'error' });
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json')); // the library reads its version there
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const cli = join(dir, 'src', 'node', 'cli.js');
  return async (args) => {
    try {
      const { stdout, stderr } = await exec(process.execPath, [cli, ...args], { cwd: ROOT });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const { code, stdout, stderr } = e as { code: number; stdout: string; stderr: string };
      return { code, stdout, stderr };
    }
  };
}
