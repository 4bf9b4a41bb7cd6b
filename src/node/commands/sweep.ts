import { FieldPathError } from '../../experiment/paths.js';
import type { SweepDesign } from '../../experiment/sweep.js';
import { Args, UsageError, type Command } from '../args.js';
import { parseFormats, sweepInWorkers, sweepSummary } from '../experiment.js';
import { checkOutputFolder, readScenarioFile } from '../files.js';
import { Interrupted, defaultWorkers } from '../pool.js';
import { sweepShard } from '../shards.js';
import { REPORT_SWITCH, SIZE_OPTIONS, folderProgress, interruptedKeeping, interruptible, reportWanted, shardDone, shardOption, sized, writeReportInto } from './common.js';

export const sweepCommand: Command = {
  async run(argv) {
    const args = new Args(argv, ['param', 'sample', 'reps', 'seed', 'workers', 'out', 'format', 'shard', ...SIZE_OPTIONS], ['progress', 'force', REPORT_SWITCH]);
    const [file] = args.exactly(1, 'one scenario file');
    const out = args.text('out');
    if (out === undefined) throw new UsageError('sweep needs --out DIR: each finished run is kept there, so an interrupted sweep can resume');
    const replications = args.wholeNumber('reps', 1) ?? 10;
    const seed = args.wholeNumber('seed', 0);
    const workers = args.wholeNumber('workers', 1);
    const formats = parseFormats(args.text('format'), ['csv', 'arrow']);
    const report = reportWanted(args, out);
    const shard = shardOption(args);
    const design = readDesign(args);
    checkOutputFolder(out, args.has('force'));
    const scenario = sized(readScenarioFile(file), args, file, Math.min(workers ?? defaultWorkers(), defaultWorkers()));
    const progress = folderProgress('runs', out, args.has('progress'));
    try {
      if (shard !== undefined) {
        const run = await interruptible((signal) => sweepShard(scenario, design, { replications, seed, workers, out, formats, signal, shard, onTask: progress.onTask }));
        progress.finish();
        console.log(shardDone(scenario.name, 'runs', out, run));
      } else {
        const result = await interruptible((signal) => sweepInWorkers(scenario, design, { replications, seed, workers, out, formats, signal, onRun: progress.onTask }));
        progress.finish();
        console.log(`${sweepSummary(result)}; results in ${out} (runs, points, sweep.json)`);
        if (report) await writeReportInto(out);
      }
    } catch (e) {
      if (e instanceof FieldPathError) throw new UsageError(`--param ${e.message}`);
      if (!(e instanceof Interrupted)) throw e;
      progress.finish();
      console.error(interruptedKeeping('runs', out));
      return 130;
    }
  },
};

/** The design from --param (and --sample): PATH=V1,V2 for a grid, PATH=LOW:HIGH for a sample. */
function readDesign(args: Args): SweepDesign {
  const params = args.all('param').map(splitParam);
  if (params.length === 0) throw new UsageError('sweep needs at least one --param PATH=V1,V2,... (or PATH=LOW:HIGH with --sample N)');
  const sample = args.wholeNumber('sample', 1);
  const number = (text: string, param: string) => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--param ${param}: "${text}" is not a number`);
    return n;
  };
  if (sample === undefined) {
    return {
      kind: 'grid',
      parameters: params.map(({ path, values, text }) => {
        if (values.includes(':')) throw new UsageError(`--param ${text}: LOW:HIGH bounds are for a random sample; add --sample N, or list values V1,V2,...`);
        return { path, values: values.split(',').map((v) => number(v, text)) };
      }),
    };
  }
  return {
    kind: 'sample', count: sample,
    parameters: params.map(({ path, values, text }) => {
      const bounds = values.split(':');
      if (bounds.length !== 2) throw new UsageError(`--param ${text}: with --sample, give bounds as PATH=LOW:HIGH`);
      return { path, low: number(bounds[0], text), high: number(bounds[1], text) };
    }),
  };
}

/** PATH=VALUES, where PATH may itself hold "=" inside a selector such as countries[id=SYR]. */
export function splitParam(text: string): { path: string; values: string; text: string } {
  let depth = 0;
  for (let k = 0; k < text.length; k++) {
    if (text[k] === '[') depth++;
    else if (text[k] === ']') depth--;
    else if (text[k] === '=' && depth === 0) return { path: text.slice(0, k), values: text.slice(k + 1), text };
  }
  throw new UsageError(`--param ${text}: expected PATH=V1,V2,... or PATH=LOW:HIGH`);
}
