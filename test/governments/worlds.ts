import { smallWorld, type SmallWorld } from '../worlds.js';
import { validateScenario } from '../../src/scenario/validate.js';
import type { Scenario } from '../../src/scenario/types.js';
import { Simulation, type RunResult } from '../../src/engine/simulation.js';
import { pairedDifference, type Estimate } from '../../src/experiment/stats.js';

/**
 * The small world of test/worlds.ts (origin ORI, transit TRA, destination DES)
 * with governments: TRA polices the sea leg with a budget and a coastguard to
 * build, DES pays for it under an agreement. `change` edits the input before
 * validation.
 */
export function governedWorld(change: (input: any) => void = () => {}, options: SmallWorld = {}): Scenario {
  const input: any = structuredClone(smallWorld({
    ticks: 48, population: 60_000, legs: [{}, { interception: 0.05, smuggling: { smugglers: 10, capacityPerYear: 1500 } }],
    behaviour: { reconsiderPerYear: 1 }, ...options,
  }));
  input.countries[1].governance = 0.6;
  input.countries[1].government = {
    reviewMonths: 3, budgetPerYear: 5e5, objectives: { paymentsReceived: 1, spending: -0.3, borderIncome: 0.5 },
    instruments: [{ kind: 'interception', start: 0, step: 0.25, max: 3, costPerYear: 2e6 }],
  };
  input.countries[2].government = { reviewMonths: 3, budgetPerYear: 1e9, objectives: { arrivals: -30, spending: -1 }, instruments: [] };
  input.agreements = [{
    id: 'deal', parties: ['DES', 'TRA'], from: 6, tolerance: 0.5, renegotiate: false,
    terms: [{ kind: 'payment', by: 'DES', perYear: 3e6 }, { kind: 'interception', by: 'TRA', atLeast: 0.2 }],
  }];
  change(input);
  return validateScenario(input, 'governed world (test)');
}

/**
 * Effects are measured against a counterfactual arm with common random numbers
 * over replications: the variant draws the baseline's streams.
 */
const REPS = 4;

/** Paired differences variant - baseline of each measure, from the same runs. */
export function paired<K extends string>(baseline: Scenario, variant: Scenario, measures: Record<K, (r: RunResult) => number>, reps = REPS): Record<K, Estimate> {
  const names = Object.keys(measures) as K[];
  const b = names.map(() => [] as number[]);
  const v = names.map(() => [] as number[]);
  for (let rep = 0; rep < reps; rep++) {
    const rb = new Simulation(baseline, { replication: rep }).runFor();
    const rv = new Simulation(variant, { replication: rep, streamsOf: baseline.name }).runFor();
    names.forEach((n, k) => {
      b[k].push(measures[n](rb));
      v[k].push(measures[n](rv));
    });
  }
  return Object.fromEntries(names.map((n, k) => [n, pairedDifference(b[k], v[k]).estimate])) as Record<K, Estimate>;
}

