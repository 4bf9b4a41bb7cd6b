import { formatScorecard } from '../../experiment/scorecard.js';
import { Args, type Command } from '../args.js';
import { compareInWorkers, comparisonFiles, parseFormats } from '../experiment.js';
import { readScenarioFile, writeFilesAtomically } from '../files.js';
import { Interrupted } from '../pool.js';
import { Progress } from '../progress.js';
import { REPORT_SWITCH, SIZE_OPTIONS, interruptible, reportWanted, sized, writeReportInto } from './common.js';

export const compareCommand: Command = {
  usage: `migsim compare <baseline> <variant> [--reps N] [--seed N] [--workers N] [--ticks N] [--scale N] [--out DIR] [--format csv,arrow] [--report] [--progress]
      Runs both scenarios N times with common random numbers and prints each indicator's
      mean difference (variant - baseline) with a paired 95% interval; with --out, writes
      the scorecard, every replication's values, the per-tick tables and comparison.json.
      Defaults: --reps 10, --seed the baseline's, --workers every core, --format csv,arrow.
      --report also writes DIR/report.html.`,
  async run(argv) {
    const args = new Args(argv, ['reps', 'seed', 'workers', 'out', 'format', ...SIZE_OPTIONS], ['progress', REPORT_SWITCH]);
    const [baselineFile, variantFile] = args.exactly(2, 'a baseline and a variant scenario file');
    const replications = args.wholeNumber('reps', 1) ?? 10;
    const seed = args.wholeNumber('seed', 0);
    const workers = args.wholeNumber('workers', 1);
    const out = args.text('out');
    const formats = parseFormats(args.text('format'), ['csv', 'arrow']);
    const report = reportWanted(args, out);
    const baseline = sized(readScenarioFile(baselineFile), args, baselineFile);
    const variant = sized(readScenarioFile(variantFile), args, variantFile);
    const progress = new Progress(replications, 'replication pairs', Progress.wanted(args.has('progress')));
    try {
      // Writing stays inside the interruptible part: Ctrl-C while files are written lets them finish (each lands whole) and says so.
      return await interruptible(async (signal) => {
        const comparison = await compareInWorkers(baseline, variant, {
          replications, seed, workers, signal, tables: out !== undefined, onPair: () => progress.advance(),
        });
        progress.finish();
        console.log(formatScorecard(comparison));
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
