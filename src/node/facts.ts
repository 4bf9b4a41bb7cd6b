import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FACTS, FACT_WORLDS } from '../experiment/fact-catalogue.js';
import { evaluateFact, type CheckResult, type Fact } from '../experiment/facts.js';
import type { Scenario } from '../scenario/types.js';
import { validateScenario } from '../scenario/validate.js';
import { UsageError } from './args.js';
import { compareInWorkers } from './experiment.js';
import { readScenarioFile } from './files.js';
import { WorkerPool, defaultWorkers } from './pool.js';

/** The fact scenarios shipped with the library (scenarios/facts/, two levels up from src/node or dist/node). */
export const FACT_SCENARIOS = fileURLToPath(new URL('../../scenarios/facts/', import.meta.url));

/**
 * Paired replications per world by default. At 8, a check whose true effect
 * lies near a band's edge (I9: departures about −0.2% against a band ending at
 * 0) passed or failed by replication noise; 24 resolves effects of a few tenths
 * of a percent and keeps the scorecard near a minute on two cores.
 */
export const FACT_REPLICATIONS = 24;

export interface FactRunOptions {
  /** Paired replications per world. */
  replications: number;
  seed?: number;
  workers?: number;
  /** Only these facts (by id); default: all. */
  only?: readonly string[];
  /** Multiply every world's agent scale by this (coarser, faster, noisier); default 1. */
  coarsen?: number;
  folder?: string;
  signal?: AbortSignal;
  /** Called after each world's comparison. */
  onWorld?: (world: string, done: number, of: number) => void;
}

/** The facts named (all when none are), refusing an unknown id. */
export function selectFacts(only?: readonly string[]): Fact[] {
  if (!only) return [...FACTS];
  return only.map((id) => {
    const fact = FACTS.find((f) => f.id === id);
    if (!fact) throw new UsageError(`no fact "${id}" (facts: ${FACTS.map((f) => f.id).join(', ')})`);
    return fact;
  });
}

function coarsened(s: Scenario, factor: number, source: string): Scenario {
  return factor === 1 ? s : validateScenario({ ...s, agents: { ...s.agents, scale: s.agents.scale * factor } }, source);
}

/**
 * Runs the scorecard: each world the chosen facts are measured on, as a
 * comparison over worker threads (common random numbers, `replications`
 * pairs, tables kept), then every check of every fact from those runs.
 */
export async function runFacts(options: FactRunOptions): Promise<CheckResult[]> {
  const facts = selectFacts(options.only);
  const folder = options.folder ?? FACT_SCENARIOS;
  const worlds = FACT_WORLDS.filter((w) => facts.some((f) => f.world === w.id));
  const pool = new WorkerPool(Math.min(options.workers ?? defaultWorkers(), options.replications * worlds.length));
  const results: CheckResult[] = [];
  let done = 0;
  try {
    // Every world's pairs queue on one pool at once, so no core idles at the end of a small world.
    await Promise.all(worlds.map(async (world) => {
      const read = (file: string) => coarsened(readScenarioFile(join(folder, file)), options.coarsen ?? 1, file);
      const baseline = read(world.baseline);
      const variant = read(world.variant);
      const c = await compareInWorkers(baseline, variant, { replications: options.replications, seed: options.seed, indicators: [], tables: true, pool, signal: options.signal });
      for (const fact of facts.filter((f) => f.world === world.id)) results.push(...evaluateFact(fact, baseline, variant, c.runs));
      options.onWorld?.(world.id, ++done, worlds.length);
    }));
  } finally {
    await pool.close();
  }
  // In the catalogue's order, whatever order the worlds ran in.
  return facts.flatMap((f) => results.filter((r) => r.fact === f));
}
