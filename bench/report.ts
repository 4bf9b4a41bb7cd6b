/**
 * Report benchmark: the report of a 72-tick comparison (the built-in
 * scenario against balloon.yaml) must be written in under 2 s and weigh
 * under 2 MB. Times the built CLI end to end (`node dist/node/cli.js report
 * DIR`: start-up, loading Plot and the DOM, reading the files, drawing,
 * writing), the fastest of a few trials, and the drawing alone in process.
 *
 *   npx tsx bench/report.ts [replications=10]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare } from '../src/experiment/compare.js';
import { comparisonFiles } from '../src/node/experiment.js';
import { readScenarioFile, writeFilesAtomically } from '../src/node/files.js';
import { writeReport } from '../src/node/report.js';
import { validateScenario } from '../src/scenario/validate.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function reportSuite(options: { replications: number; trials: number; log: (line: string) => void }): Promise<{ markdown: string; json: Record<string, number> }> {
  // The report's size and time depend on ticks, routes and replications, not on agents: a coarse scale keeps the runs short.
  const coarse = (file: string) => {
    const s = readScenarioFile(join(ROOT, 'scenarios', file));
    return validateScenario({ ...s, agents: { ...s.agents, scale: 20_000 } }, file);
  };
  const dir = join(mkdtempSync(join(tmpdir(), 'migsim-bench-report-')), 'comparison');
  const baseline = coarse('mediterranean.yaml');
  const c = compare(baseline, coarse('balloon.yaml'), { replications: options.replications, tables: true });
  writeFilesAtomically(dir, await comparisonFiles(c, ['csv']));
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  // Wall-clock and CPU seconds (user + system) of the child, from bash's `time`: on a shared machine the CPU time is the fairer figure.
  const timed = (args: string[]) => {
    let wall = Number.POSITIVE_INFINITY;
    let cpu = Number.POSITIVE_INFINITY;
    for (let k = 0; k < options.trials; k++) {
      const command = `TIMEFORMAT='%R %U %S'; time ${[process.execPath, ...args].map((a) => JSON.stringify(a)).join(' ')} > /dev/null`;
      const [w, user, system] = execFileSync('bash', ['-c', `{ ${command}; } 2>&1`], { encoding: 'utf8' }).trim().split(/\s+/).slice(-3).map(Number);
      wall = Math.min(wall, w);
      cpu = Math.min(cpu, user + system);
    }
    return { wall, cpu };
  };
  // The CLI as it is (it loads every command's modules at start), and the report's own path in a fresh process.
  const { wall: cli, cpu } = timed([join(ROOT, 'dist', 'node', 'cli.js'), 'report', dir]);
  const own = timed(['--input-type=module', '-e', `const { writeReport } = await import(${JSON.stringify(join(ROOT, 'dist', 'node', 'report.js'))}); await writeReport(${JSON.stringify(dir)});`]);
  await writeReport(dir); // loads Plot and the DOM once
  const started = performance.now();
  await writeReport(dir);
  const drawing = (performance.now() - started) / 1000;
  const bytes = statSync(join(dir, 'report.html')).size;
  const json = { ticks: baseline.ticks, replications: options.replications, cliSeconds: cli, cliCpuSeconds: cpu, reportPathSeconds: own.wall, reportPathCpuSeconds: own.cpu, inProcessSeconds: drawing, megabytes: bytes / 1e6 };
  const text = `${baseline.ticks}-tick comparison (mediterranean against balloon, ${options.replications} replications): \`migsim report\` end to end (built CLI, fastest of ${options.trials}) `
    + `${cli.toFixed(2)} s wall-clock, ${cpu.toFixed(2)} s of CPU; the report's own path in a fresh process (writeReport from dist/node/report.js) ${own.wall.toFixed(2)} s wall-clock, ${own.cpu.toFixed(2)} s of CPU; ${drawing.toFixed(2)} s to read and draw once loaded; report.html ${(bytes / 1e6).toFixed(2)} MB (targets: under 2 s, under 2 MB)`;
  options.log(`  ${text}`);
  const markdown = `## Report\n\nThe report of a ${text}.\n`;
  return { markdown, json };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await reportSuite({ replications: Number(process.argv[2] ?? 10), trials: 3, log: console.log });
}
