import { formatFactsText } from '../../experiment/facts.js';
import { Args, type Command } from '../args.js';
import { FACT_REPLICATIONS, runFacts } from '../facts.js';
import { Interrupted } from '../pool.js';
import { interruptible } from './common.js';

export const factsCommand: Command = {
  async run(argv) {
    const args = new Args(argv, ['reps', 'seed', 'workers', 'only', 'coarsen']);
    args.exactly(0, 'no scenario files (the facts bring their own)');
    const only = args.text('only')?.split(',').map((id) => id.trim()).filter(Boolean);
    try {
      const results = await interruptible((signal) => runFacts({
        replications: args.wholeNumber('reps', 2) ?? FACT_REPLICATIONS, seed: args.wholeNumber('seed', 0), workers: args.wholeNumber('workers', 1),
        only, coarsen: args.positiveNumber('coarsen'), signal,
      }));
      console.log(formatFactsText(results));
    } catch (e) {
      if (!(e instanceof Interrupted)) throw e;
      console.error('migsim: interrupted; nothing printed');
      return 130;
    }
  },
};
