import { Args, type Command } from '../args.js';
import { mergeShards, ShardMismatch, type MergeKind } from '../merge.js';

/** How each kind of experiment merges, loaded only when a shard of that kind is merged. */
const KINDS: Record<string, () => Promise<MergeKind>> = {
  sweep: async () => (await import('../shards.js')).sweepMerge,
  comparison: async () => (await import('../shards.js')).comparisonMerge,
  'sensitivity analysis': async () => (await import('../sensitivity.js')).sensitivityMerge,
  calibration: async () => (await import('../calibration-shards.js')).calibrationMerge,
};

export const mergeCommand: Command = {
  async run(argv) {
    const args = new Args(argv, [], ['force']);
    if (args.positional.length < 2) args.exactly(2, 'an output folder and at least one shard folder');
    const [out, ...dirs] = args.positional;
    try {
      const { files, summary } = await mergeShards(out, dirs, KINDS, { force: args.has('force') });
      console.log(summary);
      console.log(`\nWrote ${files.length} files to ${out}`);
    } catch (e) {
      if (!(e instanceof ShardMismatch)) throw e;
      console.error(e.message);
      return 2;
    }
  },
};
