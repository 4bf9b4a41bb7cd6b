import { formatTable } from '../../sensitivity/format.js';
import type { SensitivityMethod } from '../../sensitivity/analysis.js';
import { Args, UsageError, type Command } from '../args.js';
import { parseFormats } from '../experiment.js';
import { checkOutputFolder, readScenarioFile } from '../files.js';
import { Progress } from '../progress.js';
import { sensitivityInWorkers, sensitivityShard, type IndicatorChoice } from '../sensitivity.js';
import { SIZE_OPTIONS, folderProgress, interruptible, shardDone, shardOption, sized } from './common.js';
import { readRanges, stoppedKeepingRuns } from './ranges.js';

export const sensitivityCommand: Command = {
  async run(argv) {
    const args = new Args(argv, ['param', 'indicator', 'method', 'trajectories', 'levels', 'samples', 'bootstrap', 'reps', 'seed', 'workers', 'out', 'format', 'shard', ...SIZE_OPTIONS], ['progress', 'force']);
    const [file] = args.exactly(1, 'one scenario file');
    const out = args.text('out');
    if (out === undefined) throw new UsageError('sensitivity needs --out DIR: each finished run is kept there, so an interrupted analysis can resume');
    const parameters = readRanges(args, 'sensitivity');
    const indicators: IndicatorChoice[] = args.all('indicator').map((text) => {
      const at = text.indexOf(':');
      return at < 0 ? { name: text } : { name: text.slice(0, at), key: text.slice(at + 1) };
    });
    if (indicators.length === 0) throw new UsageError('sensitivity needs at least one --indicator NAME or NAME:KEY (e.g. arrivalsByCorridor:central, deaths)');
    const name = args.text('method') ?? 'morris';
    let method: SensitivityMethod;
    if (name === 'morris') method = { method: 'morris', trajectories: args.wholeNumber('trajectories', 2) ?? 10, levels: args.wholeNumber('levels', 2) ?? 4 };
    else if (name === 'sobol') method = { method: 'sobol', samples: args.wholeNumber('samples', 2) ?? 64, bootstrap: args.wholeNumber('bootstrap', 0) ?? 200 };
    else throw new UsageError(`--method: expected morris or sobol, found "${name}"`);
    if (method.method === 'morris' && method.levels % 2 !== 0) throw new UsageError(`--levels: expected an even number, found ${method.levels}`);
    const replications = args.wholeNumber('reps', 1) ?? 1;
    const seed = args.wholeNumber('seed', 0);
    const workers = args.wholeNumber('workers', 1);
    const formats = parseFormats(args.text('format'), ['csv']);
    const shard = shardOption(args);
    checkOutputFolder(out, args.has('force'));
    const scenario = sized(readScenarioFile(file), args, file);
    if (shard !== undefined) {
      const shown = folderProgress('runs', out, args.has('progress'));
      try {
        const run = await interruptible((signal) => sensitivityShard(scenario, parameters, indicators, method, { replications, seed, workers, out, formats, signal, shard, onTask: shown.onTask }));
        shown.finish();
        console.log(shardDone(scenario.name, 'runs', out, run));
        return;
      } catch (e) {
        shown.finish();
        return stoppedKeepingRuns(e, out);
      }
    }
    let progress: Progress | undefined;
    try {
      const result = await interruptible((signal) => sensitivityInWorkers(scenario, parameters, indicators, method, {
        replications, seed, workers, out, formats, signal,
        onProgress: (_done, of, resumed) => {
          if (!progress) {
            if (resumed > 0) console.error(`migsim: resuming: ${resumed} of ${of} runs already done in ${out}`);
            progress = new Progress(of, 'runs', Progress.wanted(args.has('progress')));
            progress.skip(resumed);
          } else progress.advance();
        },
      }));
      progress?.finish();
      console.log(formatTable(result.indices));
      console.log(`\n${result.values.length * replications} runs; results in ${out} (${result.indices.name}, design, sensitivity.json)`);
    } catch (e) {
      progress?.finish();
      return stoppedKeepingRuns(e, out);
    }
  },
};
