import { Args, UsageError, type Command } from '../args.js';
import { calibrateInWorkers, type CalibrationMethod, type CalibrationResult } from '../calibrate.js';
import { parseFormats } from '../experiment.js';
import { readScenarioFile } from '../files.js';
import { readObservedFile } from '../observed-files.js';
import { Progress } from '../progress.js';
import { SIZE_OPTIONS, interruptible, sized } from './common.js';
import { numberIn, readRanges, stoppedKeepingRuns } from './ranges.js';

export const calibrateCommand: Command = {
  async run(argv) {
    const args = new Args(argv, ['observed', 'param', 'method', 'particles', 'generations', 'alpha', 'min-acceptance', 'iterations', 'reps', 'seed', 'workers', 'out', 'format', ...SIZE_OPTIONS], ['progress']);
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
    const scenario = sized(readScenarioFile(file), args, file);
    const observed = readObservedFile(observedFile);
    const enabled = Progress.wanted(args.has('progress'));
    let progress: Progress | undefined;
    let stage = '';
    try {
      const result = await interruptible((signal) => calibrateInWorkers(scenario, observed, parameters, {
        method, replications, seed, workers, out, formats, signal,
        abc: { ...(particles !== undefined && { particles }), ...(maxGenerations !== undefined && { maxGenerations }), ...(alpha !== undefined && { alpha }), ...(minAcceptance !== undefined && { minAcceptance }) },
        optimise: { ...(iterations !== undefined && { iterations }) },
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
      console.log(describe(result, out));
    } catch (e) {
      progress?.finish();
      return stoppedKeepingRuns(e, out);
    }
  },
};

function describe(r: CalibrationResult, out: string): string {
  const lines = [`${r.scenario.name} calibrated against ${r.observed.file} (${r.observed.series.length} series) by ${r.method === 'abc' ? 'ABC (adaptive population Monte Carlo)' : 'Nelder-Mead'}`];
  if (r.method === 'abc') {
    const last = r.populations.at(-1)!;
    lines.push(`  ${r.populations.length} generations, ${r.populations.reduce((n, p) => n + p.proposals, 0)} parameter vectors run; final tolerance ${last.epsilon.toPrecision(3)}, acceptance ${last.acceptance.toFixed(2)}`);
  } else lines.push(`  ${r.evaluations.length} parameter vectors run`);
  lines.push(`  distance as given ${r.asGiven.distance.toPrecision(3)}, best ${r.best.distance.toPrecision(3)}`);
  for (const p of r.parameters) lines.push(`  ${p.path.padEnd(44)} best ${String(Number(r.best.values[p.path].toPrecision(4))).padStart(10)}   (range ${p.low}:${p.high})`);
  lines.push(`Results in ${out}: fit, predictive${r.method === 'abc' ? ', posterior, parameters, generations' : ', evaluations'}, best.yaml, calibration.json`);
  return lines.join('\n');
}
