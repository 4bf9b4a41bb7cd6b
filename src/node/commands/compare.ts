import { formatScorecard } from '../../experiment/scorecard.js';
import { Args, type Command } from '../args.js';
import { compareInWorkers, comparisonFiles, parseFormats } from '../experiment.js';
import { readScenarioFile, writeFilesAtomically } from '../files.js';
import { Interrupted } from '../pool.js';
import { Progress } from '../progress.js';
import { SIZE_OPTIONS, interruptible, sized } from './common.js';

export const compareCommand: Command = {
  async run(argv) {
    const args = new Args(argv, ['reps', 'seed', 'workers', 'out', 'format', ...SIZE_OPTIONS], ['progress']);
    const [baselineFile, variantFile] = args.exactly(2, 'a baseline and a variant scenario file');
    const replications = args.wholeNumber('reps', 1) ?? 10;
    const seed = args.wholeNumber('seed', 0);
    const workers = args.wholeNumber('workers', 1);
    const out = args.text('out');
    const formats = parseFormats(args.text('format'), ['csv', 'arrow']);
    const baseline = sized(readScenarioFile(baselineFile), args, baselineFile);
    const variant = sized(readScenarioFile(variantFile), args, variantFile);
    const progress = new Progress(replications, 'replication pairs', Progress.wanted(args.has('progress')));
    try {
      const comparison = await interruptible((signal) => compareInWorkers(baseline, variant, {
        replications, seed, workers, signal, tables: out !== undefined, onPair: () => progress.advance(),
      }));
      progress.finish();
      console.log(formatScorecard(comparison));
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
