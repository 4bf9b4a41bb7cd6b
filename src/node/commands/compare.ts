import { checkFieldPath, FieldPathError } from '../../experiment/paths.js';
import { formatScorecard } from '../../experiment/scorecard.js';
import { Args, UsageError, type Command } from '../args.js';
import { compareInWorkers, comparisonFiles, parseFormats } from '../experiment.js';
import { checkOutputFolder, readScenarioFile, writeFilesAtomically } from '../files.js';
import { Interrupted, defaultWorkers } from '../pool.js';
import { Progress } from '../progress.js';
import { compareShard } from '../shards.js';
import { readUncertainty } from '../uncertainty-files.js';
import { REPORT_SWITCH, SIZE_OPTIONS, folderProgress, interruptedKeeping, interruptible, reportWanted, shardDone, shardOption, sized, writeReportInto } from './common.js';

export const compareCommand: Command = {
  async run(argv) {
    const args = new Args(argv, ['reps', 'seed', 'workers', 'out', 'format', 'uncertain', 'shard', ...SIZE_OPTIONS], ['progress', 'force', REPORT_SWITCH]);
    const [baselineFile, variantFile] = args.exactly(2, 'a baseline and a variant scenario file');
    const replications = args.wholeNumber('reps', 1) ?? 10;
    const seed = args.wholeNumber('seed', 0);
    const workers = args.wholeNumber('workers', 1);
    const out = args.text('out');
    const formats = parseFormats(args.text('format'), ['csv', 'arrow']);
    const report = reportWanted(args, out);
    // Each worker holds one run at a time.
    const copies = Math.min(workers ?? defaultWorkers(), defaultWorkers());
    const baseline = sized(readScenarioFile(baselineFile), args, baselineFile, copies);
    const variant = sized(readScenarioFile(variantFile), args, variantFile, copies);
    if (out !== undefined) checkOutputFolder(out, args.has('force'));
    const uncertain = args.all('uncertain').length > 0 ? readUncertainty(args.all('uncertain')) : undefined;
    for (const path of [...(uncertain?.parameters.map((p) => p.path) ?? []), ...(uncertain?.samples.flatMap((s) => s.paths) ?? [])]) {
      try {
        checkFieldPath(baseline, path);
        checkFieldPath(variant, path);
      } catch (e) {
        if (e instanceof FieldPathError) throw new UsageError(`--uncertain ${e.message}`);
        throw e;
      }
    }
    const shard = shardOption(args);
    if (shard !== undefined) {
      if (out === undefined) throw new UsageError('--shard needs --out DIR: each shard keeps its replication pairs in its own folder for `migsim merge`');
      const progress = folderProgress('replication pairs', out, args.has('progress'));
      try {
        const run = await interruptible((signal) => compareShard(baseline, variant, { replications, seed, workers, signal, uncertain, out, shard, formats, onTask: progress.onTask }));
        progress.finish();
        console.log(shardDone(`${baseline.name} vs ${variant.name}`, 'replication pairs', out, run));
        return;
      } catch (e) {
        if (!(e instanceof Interrupted)) throw e;
        progress.finish();
        console.error(interruptedKeeping('replication pairs', out));
        return 130;
      }
    }
    const progress = new Progress(replications, 'replication pairs', Progress.wanted(args.has('progress')));
    try {
      // Writing stays inside the interruptible part: Ctrl-C while files are written lets them finish (each lands whole) and says so.
      return await interruptible(async (signal) => {
        const comparison = await compareInWorkers(baseline, variant, {
          replications, seed, workers, signal, uncertain, tables: out !== undefined, onPair: () => progress.advance(),
        });
        progress.finish();
        console.log(formatScorecard(comparison));
        if (uncertain) console.log(`\nIntervals include parameter uncertainty: each replication drew ${args.all('uncertain').join(', ')}, the same for both arms.`);
        if (out !== undefined) {
          const written = writeFilesAtomically(out, await comparisonFiles(comparison, formats));
          console.log(`\nWrote ${written.length} files to ${out}`);
          if (report && !signal.aborted) await writeReportInto(out);
        }
        if (!signal.aborted) return 0;
        console.error(`migsim: interrupted after every run finished${out === undefined ? '' : `; the files in ${out} were all written first${report ? ' (report.html was not)' : ''}`}`);
        return 130;
      });
    } catch (e) {
      if (!(e instanceof Interrupted)) throw e;
      progress.finish();
      console.error(`migsim: interrupted after ${e.finished} of ${e.of} replication pairs; nothing written`);
      return 130;
    }
  },
};
