import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../src/random/streams.js';

const draws = (streams: RandomStreams, name: string, n = 5) => Array.from({ length: n }, () => streams.stream(name).uniform());

describe('random streams', () => {
  it('give the same numbers for the same scenario, seed, replication and name', () => {
    const a = new RandomStreams({ scenario: 's', seed: 1, replication: 0 });
    const b = new RandomStreams({ scenario: 's', seed: 1, replication: 0 });
    expect(draws(a, 'decisions')).toEqual(draws(b, 'decisions'));
  });

  it('are independent by name: drawing from one does not shift another', () => {
    const a = new RandomStreams({ scenario: 's', seed: 1, replication: 0 });
    const b = new RandomStreams({ scenario: 's', seed: 1, replication: 0 });
    draws(a, 'movement', 100);
    expect(draws(a, 'decisions')).toEqual(draws(b, 'decisions'));
    expect(draws(a, 'returns')).not.toEqual(draws(b, 'decisions'));
  });

  it('differ by seed, replication and scenario', () => {
    const base = draws(new RandomStreams({ scenario: 's', seed: 1, replication: 0 }), 'x');
    expect(draws(new RandomStreams({ scenario: 's', seed: 2, replication: 0 }), 'x')).not.toEqual(base);
    expect(draws(new RandomStreams({ scenario: 's', seed: 1, replication: 1 }), 'x')).not.toEqual(base);
    expect(draws(new RandomStreams({ scenario: 't', seed: 1, replication: 0 }), 'x')).not.toEqual(base);
  });

  it('draw geometric gaps with the right mean', () => {
    const s = new RandomStreams({ scenario: 's', seed: 3, replication: 0 }).stream('g');
    const p = 0.1;
    let sum = 0;
    for (let k = 0; k < 20000; k++) sum += s.geometric(p);
    expect(sum / 20000).toBeGreaterThan(((1 - p) / p) * 0.95);
    expect(sum / 20000).toBeLessThan(((1 - p) / p) * 1.05);
  });
});
