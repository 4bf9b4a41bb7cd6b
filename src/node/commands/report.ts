import { Args, type Command } from '../args.js';

export const reportCommand: Command = {
  async run(argv) {
    const args = new Args(argv, []);
    const [dir] = args.exactly(1, 'one result folder');
    // Charts (Plot, a DOM) are loaded only when a report is asked for.
    const { writeReport } = await import('../report.js');
    console.log(`Wrote ${await writeReport(dir)}`);
  },
};
