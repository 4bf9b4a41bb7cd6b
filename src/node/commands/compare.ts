import { checkFieldPath, FieldPathError } from '../../experiment/paths.js';
import { formatScorecard } from '../../experiment/scorecard.js';
import { Args, UsageError, type Command } from '../args.js';
import { compareInWorkers, comparisonFiles, parseFormats } from '../experiment.js';
import { checkOutputFolder, readScenarioFile, writeFilesAtomically } from '../files.js';
import { Interrupted, defaultWorkers } from '../pool.js';
import { Progress } from '../progress.js';
import { readUncertainty } from '../uncertainty-files.js';
import { SIZE_OPTIONS, interruptible, sized } from './common.js';

export const compareCommand: Command = {
  usage: `migsim compare <baseline> <variant> --reps N [--seed N] [--workers N] [--ticks N] [--scale N] [--out DIR [--force]] [--format csv,arrow] [--progress]
        [--uncertain PATH=uniform:LOW:HIGH|PATH=normal:MEAN:SD|PATH=posterior:FILE ...]
      Runs both scenarios N times with common random numbers and prints each indicator's
      mean difference (variant - baseline) with a paired 95% interval; with --out, writes
      the scorecard, every replication's values, the per-tick tables and comparison.json
      (DIR must be empty, new or migsim's own, unless --force).
      With --uncertain, each replication draws one parameter vector, used by both arms, so
      the interval covers what is not known about the parameters as well as chance.`,
  async run(argv) {
    const args = new Args(argv, ['reps', 'seed', 'workers', 'out', 'format', 'uncertain', ...SIZE_OPTIONS], ['progress', 'force']);
    const [baselineFile, variantFile] = args.exactly(2, 'a baseline and a variant scenario file');
    const replications = args.wholeNumber('reps', 1) ?? 10;
    const seed = args.wholeNumber('seed', 0);
    const workers = args.wholeNumber('workers', 1);
    const out = args.text('out');
    const formats = parseFormats(args.text('format'), ['csv', 'arrow']);
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
    const progress = new Progress(replications, 'replication pairs', Progress.wanted(args.has('progress')));
    try {
      const comparison = await interruptible((signal) => compareInWorkers(baseline, variant, {
        replications, seed, workers, signal, uncertain, tables: out !== undefined, onPair: () => progress.advance(),
      }));
      progress.finish();
      console.log(formatScorecard(comparison));
      if (uncertain) console.log(`\nIntervals include parameter uncertainty: each replication drew ${args.all('uncertain').join(', ')}, the same for both arms.`);
      if (out !== undefined) {
        const written = writeFilesAtomically(out, await comparisonFiles(comparison, formats));
        console.log(`\nWrote ${written.length} files to ${out}`);
      }
    } catch (e) {
      if (!(e instanceof Interrupted)) throw e;
      progress.finish();
      console.error(`migsim: interrupted after ${e.finished} of ${e.of} replication pairs; nothing written`);
      return 130;
    }
  },
};
