import { Simulation } from '../engine/simulation.js';
import { withFieldValues } from '../experiment/paths.js';
import type { SweepPoint } from '../experiment/sweep.js';
import type { Scenario } from '../scenario/types.js';
import { simulatedSeries, type SeriesReading } from './simulated.js';

/**
 * One run of a calibration: the scenario with a parameter vector set, run
 * with the vector's seed and a replication number, read as the observed
 * series. Every calibration task, on any worker or shard, is this function.
 */
export function simulateObserved(scenario: Scenario, point: SweepPoint, replication: number, readings: readonly SeriesReading[]): number[][] {
  const result = new Simulation(withFieldValues(scenario, point.values), { seed: point.seed, replication }).runFor();
  return simulatedSeries(readings, result);
}
