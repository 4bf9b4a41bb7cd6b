/**
 * migsim's Flee mode against Flee itself at equal work: the same conflict,
 * the same simsetting.yml with the same `hasten`, chosen so each run is about
 * 2.5 million agent-days (Flee-sized); agent-days are counted on both sides.
 * Each side is one process per replication, timed in CPU seconds: Flee's
 * `runscripts/run.py`, and the built `migsim flee` whole (starting node and
 * reading the files included) and its engine alone (the run, as the command
 * prints it). Also the start-up: `migsim --help` and `node -e 0` whole.
 *
 *   MIGSIM_FLEE_CHECKOUT=/path/to/flee [MIGSIM_FLEE_PYTHON=python3] npx tsx bench/flee-versus.ts [conflict ...]
 *
 * Flee needs numpy and pandas (Debian: python3-numpy python3-pandas); it
 * imports beartype only to check argument types, and where that is missing a
 * stand-in that checks nothing is put on its path. Nothing of Flee is kept.
 * Without MIGSIM_FLEE_CHECKOUT it prints the ratios last recorded, with their
 * date. Results: bench/results/flee-versus.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFilesAtomically } from '../src/node/files.js';
import { buildDist } from './performance.js';

const DATA = fileURLToPath(new URL('../../shared/data/flee-validation', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results', import.meta.url));
const RECORD = join(RESULTS, 'flee-versus.json');
const CLI = fileURLToPath(new URL('../dist/node/cli.js', import.meta.url));

/** hasten for about 2.5 million agent-days on each conflict. */
export const FLEE_SIZED: Record<string, number> = { mali2012: 8, burundi2015: 25, car2013: 100, syria2013: 1000 };

/** Prints the CPU seconds of the whole process (user + system since it started) on stderr as it exits. */
const NODE_CPU = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\nCPU '+(u.user+u.system)/1e6+'\\n')})`;
const PYTHON_CPU = `import resource, runpy, sys
sys.argv = sys.argv[1:]
try:
    runpy.run_path(sys.argv[0], run_name='__main__')
finally:
    r = resource.getrusage(resource.RUSAGE_SELF)
    sys.stderr.write('\\nCPU %f\\n' % (r.ru_utime + r.ru_stime))`;

export interface VersusRow {
  conflict: string;
  hasten: number;
  fleeAgentDays: number;
  migsimAgentDays: number;
  fleeCpuSeconds: number;
  migsimProcessCpuSeconds: number;
  migsimEngineCpuSeconds: number;
  /** Flee's CPU seconds over migsim's at equal work: whole processes, and Flee's process over migsim's engine. */
  timesWhole: number;
  timesEngine: number;
  load: number;
}

export interface VersusRecord {
  date: string;
  flee: string;
  startup: { helpCpuSeconds: number; nodeCpuSeconds: number; fleeStartCpuSeconds: number };
  rows: VersusRow[];
}

function cpuOf(stderr: string): number {
  const m = /\nCPU ([0-9.e-]+)\n/.exec(stderr);
  if (!m) throw new Error(`no CPU figure in:\n${stderr.slice(-2000)}`);
  return Number(m[1]);
}

function nodeProcess(args: readonly string[]): { stdout: string; cpu: number } {
  const child = spawnSync(process.execPath, ['--import', NODE_CPU, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${child.stderr}`);
  return { stdout: child.stdout, cpu: cpuOf(child.stderr) };
}

/** simsetting.yml with `hasten` set. */
function settingsWithHasten(folder: string, hasten: number): string {
  const text = readFileSync(join(DATA, 'simsetting.yml'), 'utf8');
  if (!/^\s+hasten:\s*\d+/m.test(text)) throw new Error('simsetting.yml has no optimisations.hasten line');
  const file = join(folder, `simsetting-hasten-${hasten}.yml`);
  writeFileSync(file, text.replace(/^(\s+hasten:\s*)\d+/m, `$1${hasten}`));
  return file;
}

function runFlee(checkout: string, python: string, conflict: string, settings: string, shim: string | undefined): { agentDays: number; cpu: number } {
  const folder = join(DATA, conflict);
  const env = { ...process.env, PYTHONPATH: [checkout, shim, process.env.PYTHONPATH].filter(Boolean).join(':') };
  const child = spawnSync(python, ['-c', PYTHON_CPU, join(checkout, 'runscripts', 'run.py'), join(folder, 'input_csv'), join(folder, 'source_data'), '0', settings], { encoding: 'utf8', env, maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`Flee on ${conflict} failed:\n${child.stderr.slice(-3000)}`);
  const lines = child.stdout.trim().split('\n').filter((l) => /^(Day|\d)/.test(l));
  const column = lines[0].split(',').indexOf('total refugees (simulation)');
  if (column < 0) throw new Error(`Flee's output on ${conflict} has no "total refugees (simulation)" column`);
  const agentDays = lines.slice(1).reduce((sum, l) => sum + Number(l.split(',')[column]), 0);
  return { agentDays, cpu: cpuOf(child.stderr) };
}

function runMigsim(conflict: string, settings: string): { agentDays: number; engine: number; whole: number } {
  const { stdout, cpu } = nodeProcess([CLI, 'flee', join(DATA, conflict), '--settings', settings]);
  const m = /Speed: ([0-9,]+) agent-days in ([0-9.]+) CPU-s/.exec(stdout);
  if (!m) throw new Error(`migsim flee printed no speed line:\n${stdout}`);
  return { agentDays: Number(m[1].replace(/,/g, '')), engine: Number(m[2]), whole: cpu };
}

/** A stand-in for beartype (its decorator returns the function unchecked), when Flee's Python lacks it. */
function beartypeStandIn(python: string, folder: string): string | undefined {
  if (spawnSync(python, ['-c', 'import beartype']).status === 0) return undefined;
  const dir = join(folder, 'beartype');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '__init__.py'), 'def beartype(f):\n    return f\n');
  writeFileSync(join(dir, 'typing.py'), 'from typing import *\n');
  return folder;
}

export function fleeVersus(checkout: string, python: string, conflicts: readonly string[], log: (line: string) => void): VersusRecord {
  buildDist();
  const folder = mkdtempSync(join(tmpdir(), 'migsim-flee-versus-'));
  try {
    const shim = beartypeStandIn(python, join(folder, 'shim'));
    const help = nodeProcess([CLI, '--help']).cpu;
    const bare = nodeProcess(['-e', '0']).cpu;
    log(`start-up, whole processes: migsim --help ${help.toFixed(3)} CPU-s, node -e 0 ${bare.toFixed(3)} CPU-s (load ${loadavg()[0].toFixed(1)})`);
    const rows: VersusRow[] = [];
    let fleeStart = Number.POSITIVE_INFINITY;
    for (const conflict of conflicts) {
      const hasten = FLEE_SIZED[conflict] ?? 1;
      const settings = settingsWithHasten(folder, hasten);
      const m = runMigsim(conflict, settings);
      const f = runFlee(checkout, python, conflict, settings, shim);
      fleeStart = Math.min(fleeStart, m.whole - m.engine);
      const row: VersusRow = {
        conflict, hasten, fleeAgentDays: f.agentDays, migsimAgentDays: m.agentDays, fleeCpuSeconds: f.cpu,
        migsimProcessCpuSeconds: m.whole, migsimEngineCpuSeconds: m.engine, timesWhole: f.cpu / m.whole, timesEngine: f.cpu / m.engine, load: loadavg()[0],
      };
      rows.push(row);
      log(formatRow(row));
    }
    const record: VersusRecord = { date: new Date().toISOString(), flee: checkout, startup: { helpCpuSeconds: help, nodeCpuSeconds: bare, fleeStartCpuSeconds: fleeStart }, rows };
    log(`migsim flee outside its engine (start, reading the files, printing), least of the runs: ${fleeStart.toFixed(3)} CPU-s`);
    return record;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function formatRow(r: VersusRow): string {
  const gap = (100 * Math.abs(r.migsimAgentDays - r.fleeAgentDays)) / r.fleeAgentDays;
  return `${r.conflict} (hasten ${r.hasten}): Flee ${(r.fleeAgentDays / 1e6).toFixed(2)} M agent-days in ${r.fleeCpuSeconds.toFixed(2)} CPU-s; `
    + `migsim ${(r.migsimAgentDays / 1e6).toFixed(2)} M (${gap.toFixed(2)}% apart) in ${r.migsimProcessCpuSeconds.toFixed(3)} CPU-s whole, ${r.migsimEngineCpuSeconds.toFixed(3)} in its engine: `
    + `${r.timesWhole.toFixed(0)}x Flee whole, ${r.timesEngine.toFixed(0)}x engine (load ${r.load.toFixed(1)})`;
}

/** The ratios last recorded, with their date, or a line saying there are none. */
export function lastRecorded(): string {
  if (!existsSync(RECORD)) return 'No side-by-side run of Flee recorded yet: set MIGSIM_FLEE_CHECKOUT to a Flee checkout to run one.';
  const r = JSON.parse(readFileSync(RECORD, 'utf8')) as VersusRecord;
  return [`Flee side by side, last recorded ${r.date} (set MIGSIM_FLEE_CHECKOUT to run it again):`, ...r.rows.map((row) => '  ' + formatRow(row)),
    `  start-up: migsim --help ${r.startup.helpCpuSeconds.toFixed(3)} CPU-s whole (node -e 0: ${r.startup.nodeCpuSeconds.toFixed(3)}); migsim flee outside its engine ${r.startup.fleeStartCpuSeconds.toFixed(3)} CPU-s`].join('\n');
}

/** Runs Flee side by side when MIGSIM_FLEE_CHECKOUT names a checkout and records it; otherwise prints the last record. */
export function fleeVersusFromEnv(conflicts: readonly string[], log: (line: string) => void): VersusRecord | undefined {
  const checkout = process.env.MIGSIM_FLEE_CHECKOUT;
  if (!checkout) {
    log(lastRecorded());
    return undefined;
  }
  const record = fleeVersus(checkout, process.env.MIGSIM_FLEE_PYTHON ?? 'python3', conflicts, log);
  writeFilesAtomically(RESULTS, [{ name: 'flee-versus.json', content: JSON.stringify(record, null, 2) + '\n' }], false);
  return record;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const conflicts = process.argv.slice(2);
  fleeVersusFromEnv(conflicts.length > 0 ? conflicts : Object.keys(FLEE_SIZED), console.log);
}
