import { Simulation } from '../../engine/simulation.js';
import { eventsTable } from '../../io/csv.js';
import { runFiles, summarise } from '../../io/summary.js';
import { Args, type Command } from '../args.js';
import { parseFormats, tableFiles } from '../experiment.js';
import { checkOutputFolder, libraryVersion, readScenarioFile, writeFilesAtomically, type OutputFile } from '../files.js';
import { Progress } from '../progress.js';
import { REPORT_SWITCH, SIZE_OPTIONS, reportWanted, sized, writeReportInto } from './common.js';

export const runCommand: Command = {
  usage: `migsim run <scenario> [--seed N] [--replication N] [--ticks N] [--scale N] [--out DIR [--force]] [--format csv,arrow] [--report] [--progress]
      Runs a scenario and prints a summary; with --out, writes per-tick tables (CSV by
      default; Arrow IPC files with --format arrow or csv,arrow), events and run.json into DIR.
      DIR must be empty, new or written by migsim before (--force writes into any folder, or over a file).
      Defaults: --seed and --ticks from the scenario, --replication 0, --scale the scenario's.
      --report also writes DIR/report.html; --progress shows ticks done even when stderr
      is not a terminal (one line per update).`,
  async run(argv) {
    const args = new Args(argv, ['seed', 'replication', 'out', 'format', ...SIZE_OPTIONS], ['force', REPORT_SWITCH, 'progress']);
    const [file] = args.exactly(1, 'one scenario file');
    const seed = args.wholeNumber('seed', 0);
    const replication = args.wholeNumber('replication', 0);
    const out = args.text('out');
    const formats = parseFormats(args.text('format'), ['csv']);
    const report = reportWanted(args, out);
    const scenario = sized(readScenarioFile(file), args, file);
    if (out !== undefined) checkOutputFolder(out, args.has('force'));
    const simulation = new Simulation(scenario, { seed, replication });
    const progress = new Progress(scenario.ticks, 'ticks', Progress.wanted(args.has('progress')));
    while (!simulation.finished) {
      simulation.step();
      progress.advance();
    }
    progress.finish();
    const result = simulation.runFor(0);
    console.log(summarise(result));
    if (out !== undefined) {
      const files: OutputFile[] = runFiles(scenario, result, libraryVersion()).filter((f) => formats.includes('csv') || !f.name.endsWith('.csv'));
      if (formats.includes('arrow')) files.push(...(await tableFiles([...result.tables, eventsTable(result.events)], ['arrow'])));
      const written = writeFilesAtomically(out, files);
      console.log(`\nWrote ${written.length} files to ${out}`);
      if (report) await writeReportInto(out);
    }
  },
};
