import { RandomStreams } from '../random/streams.js';

/**
 * The seed of one point of an experiment, derived from (scenario, seed, key)
 * alone, where the key names the point by its values, never by its position:
 * adding a point to a sweep never shifts another point's seed. The run's own
 * streams then derive from (scenario, this seed, replication).
 */
export function derivedSeed(scenario: string, seed: number, key: string): number {
  // A stream of the experiment's root identity (replication 0) named after the point.
  return new RandomStreams({ scenario, seed, replication: 0 }).stream(`experiment-point:${key}`).int(2 ** 31);
}
