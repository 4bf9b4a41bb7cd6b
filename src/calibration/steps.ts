import { derivedSeed } from '../experiment/seeds.js';
import { designPoint, type SweepPoint } from '../experiment/sweep.js';
import { withFieldValues } from '../experiment/paths.js';
import type { Scenario } from '../scenario/types.js';
import { abcContinues, abcPopulation, abcProposals, type AbcSettings, type Evaluated, type Population } from './abc.js';
import type { ObservedData } from './observed.js';
import { nelderMeadStep, type OptimiseSettings } from './optimise.js';
import type { ParameterRange } from './parameters.js';

export type CalibrationMethod = 'abc' | 'optimise';

/** Everything a calibration's result depends on: its design.json holds exactly this. */
export interface CalibrationSetup {
  method: CalibrationMethod;
  scenario: Scenario;
  observed: ObservedData;
  parameters: ParameterRange[];
  seed: number;
  replications: number;
  settings: AbcSettings | OptimiseSettings;
}

/** Parameter vectors the calibration needs run before it can go on: one ABC generation, or one Nelder-Mead vector. */
export interface CalibrationStage {
  name: string;
  /** The ABC generation (generation 0 also runs the scenario as given). */
  generation?: number;
  points: Array<{ tag: string; point: SweepPoint }>;
}

export interface CalibrationResult {
  method: CalibrationMethod;
  scenario: Scenario;
  parameters: ParameterRange[];
  observed: ObservedData;
  seed: number;
  replications: number;
  /** The scenario as given, run the same way. */
  asGiven: Evaluated;
  best: Evaluated;
  /** ABC: each generation's kept particles; the last is the posterior sample. */
  populations: Population[];
  /** Nelder–Mead: every vector evaluated, in order. */
  evaluations: Evaluated[];
  /** The scenario with the best values set: the calibrated scenario file's content. */
  bestScenario: Scenario;
}

/**
 * A calibration as the sequence of its stages: it yields each stage's
 * vectors and is given back their evaluations, in order. Whoever drives it
 * decides where the runs come from (worker threads, a folder of earlier runs,
 * merged shards) and may stop at any stage, so one machine, a resumed run and
 * a chain of sharded generations all follow this one sequence.
 */
export function* calibrationSteps(setup: CalibrationSetup): Generator<CalibrationStage, CalibrationResult, Evaluated[]> {
  const { scenario, seed, parameters } = setup;
  const asGivenPoint = designPoint(scenario, -1, {}, seed);
  const populations: Population[] = [];
  const evaluations: Evaluated[] = [];
  let asGiven: Evaluated;
  let best: Evaluated;
  if (setup.method === 'abc') {
    const abc = setup.settings as AbcSettings;
    let population: Population | undefined;
    for (let g = 0; !population || abcContinues(population, abc); g++) {
      const proposals = abcProposals(parameters, abc, { scenario: scenario.name, seed }, g, population);
      const points = proposals.map((values, i) => ({ tag: `g${String(g).padStart(2, '0')}-p${String(i).padStart(4, '0')}`, point: designPoint(scenario, i, values, seed) }));
      // The scenario as given joins generation 0: a generation is then the whole of what can run at once.
      const evaluated = yield { name: `generation ${g}`, generation: g, points: g === 0 ? [{ tag: 'as-given', point: asGivenPoint }, ...points] : points };
      if (g === 0) asGiven = evaluated.shift()!;
      population = abcPopulation(parameters, abc, g, evaluated, population);
      populations.push(population);
    }
    best = population.particles[0];
  } else {
    // Nelder–Mead runs every vector with the same seeds (common random numbers), so its objective is a deterministic function the simplex can follow.
    const optimiseSeed = derivedSeed(scenario.name, seed, 'optimise');
    [asGiven] = yield { name: 'the scenario as given', points: [{ tag: 'as-given', point: { ...asGivenPoint, seed: optimiseSeed } }] };
    const known = new Map<string, Evaluated>();
    const keyOf = (values: Record<string, number>) => designPoint(scenario, 0, values, seed).key;
    for (;;) {
      const step = nelderMeadStep(parameters, setup.settings as OptimiseSettings, (v) => known.get(keyOf(v))?.distance);
      if (step.done) {
        best = known.get(keyOf(step.values))!;
        break;
      }
      const point = { ...designPoint(scenario, evaluations.length, step.values, seed), seed: optimiseSeed };
      const [e] = yield { name: `evaluation ${evaluations.length + 1}`, points: [{ tag: `e${String(evaluations.length).padStart(4, '0')}`, point }] };
      known.set(point.key, e);
      evaluations.push(e);
    }
  }
  return {
    method: setup.method, scenario, parameters: [...parameters], observed: setup.observed, seed, replications: setup.replications,
    asGiven: asGiven!, best, populations, evaluations, bestScenario: withFieldValues(scenario, best.values),
  };
}

/**
 * Drives the steps, asking `evaluate` for each stage's evaluations; when it
 * has none (the runs are not there yet) the calibration pauses at that stage.
 */
export async function driveCalibration(
  steps: Generator<CalibrationStage, CalibrationResult, Evaluated[]>,
  evaluate: (stage: CalibrationStage) => Promise<Evaluated[] | undefined> | Evaluated[] | undefined,
): Promise<{ done: true; result: CalibrationResult } | { done: false; stage: CalibrationStage }> {
  let step = steps.next();
  while (!step.done) {
    const evaluated = await evaluate(step.value);
    if (evaluated === undefined) return { done: false, stage: step.value };
    step = steps.next(evaluated);
  }
  return { done: true, result: step.value };
}
