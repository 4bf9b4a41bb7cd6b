import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Evaluated } from '../calibration/abc.js';
import type { ObservedData } from '../calibration/observed.js';
import type { ParameterRange } from '../calibration/parameters.js';
import { calibrationSteps, driveCalibration, type CalibrationSetup, type CalibrationStage } from '../calibration/steps.js';
import { jsonText } from '../io/json.js';
import type { Scenario } from '../scenario/types.js';
import { UsageError } from './args.js';
import { calibrationFiles, calibrationPlan, calibrationSummary, setupOfDesign, stageEvaluations, stageRunNames, stageTaskList, type CalibrateOptions } from './calibrate.js';
import { libraryVersion, type OutputFile } from './files.js';
import { ShardMismatch, type MergeKind } from './merge.js';
import { shardRun, type ShardOptions, type ShardRun } from './shards.js';
import { designDifference, resultFileName, type ShardRecord } from './tasks.js';

/**
 * A calibration by ABC split over machines generation by generation. Each
 * generation's particles are one list of tasks: shard I of N runs its share
 * (`--shard I/N`), starting `--from` the folder the previous generation was
 * merged into; `migsim merge` joins the shards with those earlier runs into a
 * new folder holding every run so far and either the next generation's
 * proposals (proposals.json) or, once the calibration ends, the files one
 * machine writes, byte for byte. Nothing but runs passes between generations:
 * every step replays the calibration from design.json and the runs.
 */

/** The file by which a merged folder says it holds whole generations and which vectors run next. */
export const PROPOSALS = 'proposals.json';

/** One generation's shard of a calibration: what it ran and which generation it is. */
export interface CalibrationShardRun extends ShardRun {
  generation: number;
}

/**
 * Runs this shard's share of the first generation `from` does not hold
 * (generation 0 without `from`), into its own folder, resumably.
 */
export async function calibrateShard(scenario: Scenario, observed: ObservedData, parameters: readonly ParameterRange[], options: Omit<CalibrateOptions, 'out' | 'onProgress'> & ShardOptions & { from?: string }): Promise<CalibrationShardRun> {
  if ((options.method ?? 'abc') !== 'abc') throw new UsageError('--shard splits an ABC generation\'s particles; Nelder-Mead (--method optimise) runs one vector at a time: run it on one machine, with --workers for its cores');
  const plan = calibrationPlan(scenario, observed, parameters, options);
  const from = options.from === undefined ? null : resolve(options.from);
  const earlier = from === null ? new Map<string, string>() : earlierRuns(from, plan.design, (problem) => new UsageError(`--from ${options.from}: ${problem}`));
  const next = await nextGeneration(plan.setup, earlier, from, (problem) => new UsageError(`--from ${options.from}: ${problem}`));
  const run = await shardRun(stageTaskList(plan, next, options.modules), { ...options, formats: options.formats ?? ['csv'], stage: { generation: next.generation!, from } });
  return { ...run, generation: next.generation! };
}

/** How `migsim merge` joins one generation's shards with the generations before it. */
export const calibrationMerge: MergeKind = {
  reads: (record) => (record.stage?.from ? [record.stage.from] : []),
  async names(design, record) {
    return stageRunNames(await shardsGeneration(design, record), setupOfDesign(design).replications);
  },
  async merge(design, results, formats, record) {
    const setup = setupOfDesign(design);
    const mine = await shardsGeneration(design, record);
    const earlier = record.stage?.from ? earlierRuns(record.stage.from, design, mismatch) : new Map<string, string>();
    const joined = new Map([...earlier, ...stageRunNames(mine, setup.replications).map((name, k) => [name, results[k]] as const)]);
    const outcome = await driveCalibration(calibrationSteps(setup), (stage) => evaluationsIn(setup, stage, joined, mismatch));
    const runs: OutputFile[] = [...joined].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, content]) => ({ name: `runs/${resultFileName(name)}`, content }));
    if (outcome.done) {
      return { files: [{ name: 'design.json', content: design }, ...runs, ...(await calibrationFiles(outcome.result, formats))], summary: calibrationSummary(outcome.result) };
    }
    const { stage } = outcome;
    return {
      files: [{ name: 'design.json', content: design }, ...runs, { name: PROPOSALS, content: proposalsText(stage) }],
      summary: `${setup.scenario.name} calibration: generation ${mine.generation} merged (${joined.size} runs so far); ${stage.name} is next, ${stage.points.length} vectors of ${setup.replications} run${setup.replications === 1 ? '' : 's'} each (in ${PROPOSALS}): run its shards with --from this folder`,
    };
  },
};

const mismatch = (problem: string) => new ShardMismatch([problem]);

/** The generation the shards ran, checked against what their --from folder leads to now. */
async function shardsGeneration(design: string, record: ShardRecord): Promise<CalibrationStage> {
  const stage = record.stage;
  if (stage === undefined) throw mismatch(`the shards of a calibration name their generation in shard.json, and these do not: run them again with this migsim`);
  const setup = setupOfDesign(design);
  const earlier = stage.from === null ? new Map<string, string>() : earlierRuns(stage.from, design, mismatch);
  const next = await nextGeneration(setup, earlier, stage.from, mismatch);
  if (next.generation !== stage.generation) throw mismatch(`the shards ran generation ${stage.generation}, but ${stage.from} now leads to generation ${next.generation}: it was changed after they started; run this generation's shards again --from the folder of generation ${stage.generation - 1}`);
  return next;
}

/** The first stage `earlier` does not hold: the generation a shard from it runs. */
async function nextGeneration(setup: CalibrationSetup, earlier: ReadonlyMap<string, string>, from: string | null, fail: (problem: string) => Error): Promise<CalibrationStage> {
  const replayed = new Set<string>();
  const outcome = await driveCalibration(calibrationSteps(setup), (stage) => {
    const evaluated = evaluationsIn(setup, stage, earlier, fail);
    if (evaluated) for (const name of stageRunNames(stage, setup.replications)) replayed.add(name);
    return evaluated;
  });
  if (outcome.done) throw fail('it holds every generation of this calibration: nothing is left to run');
  const stray = [...earlier.keys()].filter((name) => !replayed.has(name));
  if (stray.length > 0) throw fail(`it holds runs of no generation before ${outcome.stage.name} (${stray.slice(0, 3).map(resultFileName).join(', ')}${stray.length > 3 ? ', ...' : ''}): it is no folder \`migsim merge\` wrote`);
  if (from !== null && readFileSync(join(from, PROPOSALS), 'utf8') !== proposalsText(outcome.stage)) {
    throw fail(`its ${PROPOSALS} is not what its runs lead to: it was changed after \`migsim merge\` wrote it; merge its generation again`);
  }
  return outcome.stage;
}

/** A stage's evaluations from the runs held, or none when it has none of them; part of a generation is a folder no merge wrote. */
function evaluationsIn(setup: CalibrationSetup, stage: CalibrationStage, runs: ReadonlyMap<string, string>, fail: (problem: string) => Error): Evaluated[] | undefined {
  const names = stageRunNames(stage, setup.replications);
  const held = names.filter((name) => runs.has(name));
  if (held.length === 0) return undefined;
  if (held.length < names.length) throw fail(`it holds ${held.length} of the ${names.length} runs of ${stage.name}, not all: it is no folder \`migsim merge\` wrote`);
  return stageEvaluations(setup, stage, names.map((name) => JSON.parse(runs.get(name)!) as number[][]));
}

/**
 * The runs of the generations merged into `from`, checked to be this
 * calibration's: the same design.json, merged (not a shard, not a whole run),
 * and not finished.
 */
function earlierRuns(from: string, design: string, fail: (problem: string) => Error): Map<string, string> {
  const designFile = join(from, 'design.json');
  if (!existsSync(designFile)) throw fail(`${existsSync(from) ? 'it has no design.json' : 'there is no such folder'}: give the folder \`migsim merge\` wrote for the previous generation`);
  const theirs = readFileSync(designFile, 'utf8');
  if (theirs !== design) throw fail(`it holds another calibration (design.json differs at ${designDifference(theirs, design, 'that folder', 'this calibration')})`);
  if (existsSync(join(from, 'shard.json'))) throw fail('it is one shard of a generation: give the folder `migsim merge` joined the shards into');
  if (existsSync(join(from, 'calibration.json'))) throw fail('it holds a finished calibration (calibration.json): nothing is left to run');
  if (!existsSync(join(from, PROPOSALS))) throw fail(`it has no ${PROPOSALS}, so it is no generation joined by \`migsim merge\` (a calibration run on one machine resumes with its own command, without --shard)`);
  const runs = join(from, 'runs');
  const names = existsSync(runs) ? readdirSync(runs).filter((n) => n.endsWith('.json') && !n.startsWith('.')) : [];
  return new Map(names.map((n) => [n.slice(0, -'.json'.length), readFileSync(join(runs, n), 'utf8')]));
}

/** The next generation's vectors, as a merged folder states them. */
function proposalsText(stage: CalibrationStage): string {
  return jsonText({
    library: 'migsim', version: libraryVersion(), generation: stage.generation, stage: stage.name,
    proposals: stage.points.map(({ tag, point }) => ({ tag, seed: point.seed, values: point.values })),
  });
}
