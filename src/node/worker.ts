/**
 * The worker thread of experiment pools: runs one task (a replication pair of
 * a comparison, or one run of a sweep point) and returns what it gave. Tasks
 * are plain data; the result of a task never depends on which worker ran it.
 */
import { simulateObserved } from '../calibration/evaluate.js';
import type { SeriesReading } from '../calibration/simulated.js';
import { runReplication, type PairRun } from '../experiment/compare.js';
import type { Uncertainty } from '../experiment/uncertainty.js';
import { runSweepPoint, type SweepPoint, type SweepRun } from '../experiment/sweep.js';
import type { Scenario } from '../scenario/types.js';

export type WorkerTask = { modules: readonly string[] } & (
  | { kind: 'pair'; baseline: Scenario; variant: Scenario; seed: number; replication: number; indicators?: readonly string[]; tables: boolean; uncertain?: Uncertainty }
  | { kind: 'sweep'; scenario: Scenario; point: SweepPoint; replication: number; indicators?: readonly string[] }
  | { kind: 'series'; scenario: Scenario; point: SweepPoint; replication: number; readings: readonly SeriesReading[] }
);

const loaded = new Set<string>();

export default async function work(task: WorkerTask): Promise<PairRun | SweepRun | number[][]> {
  // Modules that register policy types or indicators must be loaded here too: a worker starts with the built-in ones only.
  for (const m of task.modules) {
    if (!loaded.has(m)) await import(m);
    loaded.add(m);
  }
  if (task.kind === 'pair') return runReplication(task.baseline, task.variant, task.seed, task.replication, task);
  if (task.kind === 'series') return simulateObserved(task.scenario, task.point, task.replication, task.readings);
  return runSweepPoint(task.scenario, task.point, task.replication, task.indicators);
}
