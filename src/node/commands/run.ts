import { Simulation } from '../../engine/simulation.js';
import { eventsTable } from '../../io/csv.js';
import { runFiles, summarise } from '../../io/summary.js';
import { Args, type Command } from '../args.js';
import { parseFormats, tableFiles } from '../experiment.js';
import { checkOutputFolder, libraryVersion, readScenarioFile, writeFilesAtomically, type OutputFile } from '../files.js';
import { Progress } from '../progress.js';
import { REPORT_SWITCH, SIZE_OPTIONS, reportWanted, sized, writeReportInto } from './common.js';

export const runCommand: Command = {
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
