import { Args, UsageError, type Command } from '../args.js';
import { calibrateInWorkers, calibrationSummary, type CalibrationMethod } from '../calibrate.js';
import { parseFormats } from '../experiment.js';
import { checkOutputFolder, readScenarioFile } from '../files.js';
import { readObservedFile } from '../observed-files.js';
import { Progress } from '../progress.js';
import { SIZE_OPTIONS, folderProgress, interruptible, shardDone, shardOption, sized } from './common.js';
import { numberIn, readRanges, stoppedKeepingRuns } from './ranges.js';

export const calibrateCommand: Command = {
  async run(argv) {
    const args = new Args(argv, ['observed', 'param', 'method', 'particles', 'generations', 'alpha', 'min-acceptance', 'iterations', 'reps', 'seed', 'workers', 'out', 'format', 'shard', 'from', ...SIZE_OPTIONS], ['progress', 'force']);
    const [file] = args.exactly(1, 'one scenario file');
    const observedFile = args.text('observed');
    if (observedFile === undefined) throw new UsageError('calibrate needs --observed FILE, a CSV of observed figures (see data/observed/)');
    const out = args.text('out');
    if (out === undefined) throw new UsageError('calibrate needs --out DIR: each finished run is kept there, so an interrupted calibration can resume');
    const method = (args.text('method') ?? 'abc') as CalibrationMethod;
    if (method !== 'abc' && method !== 'optimise') throw new UsageError(`--method: expected abc or optimise, found "${method}"`);
    const parameters = readRanges(args, 'calibrate');
    const particles = args.wholeNumber('particles', 4);
    const maxGenerations = args.wholeNumber('generations', 1);
    const alpha = numberIn(args, 'alpha', 0, 1);
    const minAcceptance = numberIn(args, 'min-acceptance', -1e-9, 1);
    const iterations = args.wholeNumber('iterations', 1);
    const replications = args.wholeNumber('reps', 1) ?? 1;
    const seed = args.wholeNumber('seed', 0);
    const workers = args.wholeNumber('workers', 1);
    const formats = parseFormats(args.text('format'), ['csv']);
    const shard = shardOption(args);
    const from = args.text('from');
    if (from !== undefined && shard === undefined) throw new UsageError('--from PREV goes with --shard I/N: it names the folder `migsim merge` wrote for the previous generation');
    checkOutputFolder(out, args.has('force'));
    const scenario = sized(readScenarioFile(file), args, file);
    const observed = readObservedFile(observedFile);
    const options = {
      method, replications, seed, workers, formats,
      abc: { ...(particles !== undefined && { particles }), ...(maxGenerations !== undefined && { maxGenerations }), ...(alpha !== undefined && { alpha }), ...(minAcceptance !== undefined && { minAcceptance }) },
      optimise: { ...(iterations !== undefined && { iterations }) },
    };
    if (shard !== undefined) {
      const shown = folderProgress('runs', out, args.has('progress'));
      try {
        const { calibrateShard } = await import('../calibration-shards.js');
        const run = await interruptible((signal) => calibrateShard(scenario, observed, parameters, { ...options, out, shard, from, signal, onTask: shown.onTask }));
        shown.finish();
        console.log(shardDone(`${scenario.name} calibration, generation ${run.generation}`, 'runs', out, run));
        return;
      } catch (e) {
        shown.finish();
        return stoppedKeepingRuns(e, out);
      }
    }
    const enabled = Progress.wanted(args.has('progress'));
    let progress: Progress | undefined;
    let stage = '';
    try {
      const result = await interruptible((signal) => calibrateInWorkers(scenario, observed, parameters, {
        ...options, out, signal,
        onProgress: (p) => {
          if (p.stage !== stage) {
            progress?.finish();
            stage = p.stage;
            if (p.resumed > 0) console.error(`migsim: resuming ${p.stage}: ${p.resumed} of ${p.of} runs already done in ${out}`);
            // Nelder-Mead runs one vector at a time: a bar per vector would only flicker.
            progress = new Progress(p.of, `runs of ${p.stage}`, enabled && !p.stage.startsWith('evaluation'));
            progress.skip(p.resumed);
          } else progress?.advance();
        },
      }));
      progress?.finish();
      console.log(calibrationSummary(result));
      console.log(`Results in ${out}: fit, predictive${result.method === 'abc' ? ', posterior, parameters, generations' : ', evaluations'}, best.yaml, calibration.json`);
    } catch (e) {
      progress?.finish();
      return stoppedKeepingRuns(e, out);
    }
  },
};
