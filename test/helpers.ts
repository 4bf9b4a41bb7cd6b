import { readdirSync, readFileSync, statSync } from 'node:fs';
import { vi } from 'vitest';
import { join, relative } from 'node:path';
import { readScenarioFile } from '../src/node/files.js';
import { validateScenario } from '../src/scenario/validate.js';
import type { Scenario } from '../src/scenario/types.js';
import type { RunResult } from '../src/engine/simulation.js';
import { total, type Table } from '../src/metrics/table.js';

export const ROOT = new URL('..', import.meta.url).pathname;
export const SCENARIOS = join(ROOT, 'scenarios');

export function scenarioFiles(): string[] {
  return readdirSync(SCENARIOS).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => join(SCENARIOS, f));
}

export function loadScenario(file: string): Scenario {
  return readScenarioFile(file);
}

/** The built-in scenario, optionally with fewer agents (a larger scale) for faster tests. */
export function mediterranean(changes: { scale?: number; ticks?: number } = {}): Scenario {
  const s = loadScenario(join(SCENARIOS, 'mediterranean.yaml'));
  return validateScenario({ ...s, ticks: changes.ticks ?? s.ticks, agents: { ...s.agents, scale: changes.scale ?? s.agents.scale } }, 'mediterranean (test)');
}

export function table(result: RunResult, name: string): Table {
  const t = result.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

/** Sum of a field over all ticks of a run, filtered by other columns. */
export function sum(result: RunResult, tableName: string, field: string, where: Record<string, string> = {}): number {
  return total(table(result, tableName), field, where);
}

/** The value of a column in the last tick's row matching a filter. */
export function last(result: RunResult, tableName: string, field: string, where: Record<string, string> = {}): number {
  const t = table(result, tableName);
  const lastTick = t.rows[t.rows.length - 1][0];
  return total({ ...t, rows: t.rows.filter((r) => r[0] === lastTick) }, field, where);
}

/** Runs the CLI in this process and captures what it prints. */
export async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = await import('../src/node/cli.js');
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    const code = await main(argv);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** Every file under a folder, by relative path, with its bytes (as latin1 text: one character a byte). */
export function filesIn(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return out;
}
