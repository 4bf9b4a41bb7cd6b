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

  it('draw uniforms spread evenly over [0, 1), with no correlation between neighbouring draws or between streams', () => {
    const streams = new RandomStreams({ scenario: 's', seed: 5, replication: 0 });
    const a = streams.stream('a');
    const b = streams.stream('b');
    const n = 100_000;
    const bins = new Array(10).fill(0);
    let lag = 0;
    let cross = 0;
    let previous = a.uniform();
    for (let k = 0; k < n; k++) {
      const u = a.uniform();
      const v = b.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      bins[Math.floor(u * 10)]++;
      lag += (u - 0.5) * (previous - 0.5);
      cross += (u - 0.5) * (v - 0.5);
      previous = u;
    }
    // Chi-square with 9 degrees of freedom: above 27.9 one time in a thousand for a fair generator.
    const chi2 = bins.reduce((sum, c) => sum + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.9);
    // Correlations, whose standard error is 1 / sqrt(n): within four of them of zero.
    expect(Math.abs(lag / n / (1 / 12))).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(cross / n / (1 / 12))).toBeLessThan(4 / Math.sqrt(n));
  });

  it('draw the same geometric gaps from p as from 1 / log(1 - p)', () => {
    const x = new RandomStreams({ scenario: 's', seed: 4, replication: 0 });
    const y = new RandomStreams({ scenario: 's', seed: 4, replication: 0 });
    const gaps = Array.from({ length: 50 }, () => x.stream('g').geometric(0.2));
    expect(Array.from({ length: 50 }, () => y.stream('g').geometricFrom(1 / Math.log(0.8)))).toEqual(gaps);
  });
});
