import { smallWorld, type SmallWorld } from '../worlds.js';
import { validateScenario } from '../../src/scenario/validate.js';
import type { Scenario } from '../../src/scenario/types.js';

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
