import { Args, type Command } from '../args.js';

export const reportCommand: Command = {
  usage: `migsim report <dir>
      Writes DIR/report.html from a folder written by run, compare, sweep or flee (--out DIR):
      one self-contained page (no network needed) with the run's record, a summary and
      every chart that applies. The same as --report on those commands.`,
  async run(argv) {
    const args = new Args(argv, []);
    const [dir] = args.exactly(1, 'one result folder');
    // Charts (Plot, a DOM) are loaded only when a report is asked for.
    const { writeReport } = await import('../report.js');
    console.log(`Wrote ${await writeReport(dir)}`);
  },
};
