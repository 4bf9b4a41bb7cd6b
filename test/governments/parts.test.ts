import { describe, expect, it } from 'vitest';
import { achieved, bribed, leakage, lookingAwayWorth, nextCapacity, steadyAchieved } from '../../src/governments/production.js';
import { affordableOptions, logitChoice, menu, recentSlope, withFloor } from '../../src/governments/decision.js';
import { effortFor } from '../../src/governments/treaties.js';
import { AgreementBook } from '../../src/governments/agreements.js';
import { GOVERNMENT_DEFAULTS } from '../../src/governments/parameters.js';
import { Clock } from '../../src/engine/clock.js';
import { StateLedger } from '../../src/governments/ledger.js';
import type { AgreementSpec } from '../../src/scenario/types.js';

describe('production function', () => {
  it('has decreasing returns and a ceiling set by governance', () => {
    const at = (k: number, g: number) => achieved(0.1, g, k, 1e7);
    expect(at(1e7, 0.8) - at(0, 0.8)).toBeGreaterThan(at(2e7, 0.8) - at(1e7, 0.8));
    expect(at(1e12, 0.8)).toBeCloseTo(0.1 + 0.9 * 0.8, 6);
    expect(at(1e12, 0.3)).toBeCloseTo(0.1 + 0.9 * 0.3, 6);
    expect(at(0, 0.5)).toBe(0.1);
  });
  it('builds and loses capacity with a lag', () => {
    let k = 0;
    const path: number[] = [];
    for (let t = 0; t < 24; t++) path.push((k = nextCapacity(k, 1e7, 6)));
    expect(path[0]).toBeLessThan(0.2e7);
    expect(path[5]).toBeGreaterThan(0.5e7);
    expect(path[23]).toBeGreaterThan(0.95e7);
    let down = 1e7;
    down = nextCapacity(down, 0, 6);
    expect(down).toBeGreaterThan(0.8e7);
  });
  it('leaks more where governance is weak and smugglers take more', () => {
    expect(leakage(0.9, 1e7, 0, 0.2)).toBeLessThan(leakage(0.2, 1e7, 0, 0.2));
    expect(leakage(0.3, 1e7, 5e7, 0.2)).toBeGreaterThan(leakage(0.3, 1e7, 1e6, 0.2));
    expect(leakage(1, 1e7, 5e7, 0.2)).toBe(0);
  });
  it('the part smugglers buy is bribes: none without their takings, never more than (1 - g)(1 - leak0) of the smaller of takings and spending', () => {
    expect(bribed(0.3, 1e7, 0, 0.2)).toBe(0);
    expect(leakage(0.3, 1e7, 5e6, 0.2) - bribed(0.3, 1e7, 5e6, 0.2)).toBeCloseTo(0.7 * 0.2, 12);
    for (const [s, r] of [[1e7, 5e6], [1e6, 5e7], [1e7, 1e7]]) expect(bribed(0.3, s, r, 0.2) * s).toBeLessThanOrEqual(0.7 * 0.8 * Math.min(s, r));
  });
  it('looking away is worth to smugglers the takings the bought interception would stop: little where governance caps it', () => {
    const worth = (g: number) => lookingAwayWorth(0.05, g, 5e6, 3e6, 1e7, 4e6);
    expect(worth(0)).toBe(0);
    expect(worth(0.15)).toBeGreaterThan(0);
    expect(worth(0.15)).toBeLessThan(worth(0.7));
    // Never more than the ceiling's share of the takings, however much is bought.
    expect(lookingAwayWorth(0.05, 0.15, 0, 1e12, 1e7, 4e6)).toBeLessThanOrEqual(0.95 * 0.15 * 4e6 + 1e-6);
    expect(worth(0.15) / 4e6).toBeCloseTo(achieved(0.05, 0.15, 8e6, 1e7) - achieved(0.05, 0.15, 5e6, 1e7), 12);
  });
  it('inverts: the effort for a target reaches it in the steady state, or is the maximum when out of reach', () => {
    const effort = effortFor(0.3, 0.1, 0.6, 0.2, 1e7, 10);
    expect(steadyAchieved(0.1, 0.6, effort * 1e7, 0.2, 1e7)).toBeCloseTo(0.3, 9);
    expect(effortFor(0.9, 0.1, 0.3, 0.2, 1e7, 4)).toBe(4);
    expect(effortFor(0.05, 0.1, 0.3, 0.2, 1e7, 4)).toBe(0);
  });
});

describe('review rule', () => {
  it('offers at most a step each way within the bounds', () => {
    expect(menu(0.5, 0.1, 0, 1)).toEqual([0.5, 0.4, 0.6]);
    expect(menu(0, 0.1, 0, 1)).toEqual([0, 0.1]);
    expect(menu(0.95, 0.1, 0, 1)).toEqual([0.95, 0.85, 1]);
  });
  it('chooses the better prediction more often, and at random when noise swamps the stakes', () => {
    const count = (noise: number) => {
      let best = 0;
      for (let k = 0; k < 1000; k++) if (logitChoice([0, 1, -1], noise, (k + 0.5) / 1000) === 1) best++;
      return best / 1000;
    };
    expect(count(0.25)).toBeGreaterThan(0.95);
    expect(count(1000)).toBeGreaterThan(0.3);
    expect(count(1000)).toBeLessThan(0.37);
  });
  it('drops from the menu only efforts the budget cannot pay for: staying and stepping down remain', () => {
    expect(affordableOptions([0.5, 0.25, 0.75], 10e6, 6e6)).toEqual([0.5, 0.25]);
    expect(affordableOptions([0.5, 0.25, 0.75], 10e6, 8e6)).toEqual([0.5, 0.25, 0.75]);
    expect(affordableOptions([0.5, 0.25, 0.75], 10e6, 0)).toEqual([0.5, 0.25]);
  });
  it('under a floor only steps up towards it, and above it drops what is below', () => {
    expect(withFloor([0.2, 0.1, 0.3], 0.8)).toEqual([0.3]);
    expect(withFloor([0.5, 0.4, 0.6], 0.45)).toEqual([0.5, 0.6]);
  });
  it('learns the slope of payoff on a setting from the recent reviews', () => {
    expect(recentSlope([1, 1.1, 1.2, 1.1], [5, 4, 3, 4])).toBeCloseTo(-10, 9);
    expect(recentSlope([1, 1, 1], [5, 6, 7])).toBe(0);
  });
});

function agreement(): AgreementSpec {
  return {
    id: 'deal', parties: ['DES', 'TRA'], from: 0, tolerance: 0.1, suspendReviews: 2, reviewMonths: 3, renegotiate: true,
    terms: [
      { kind: 'payment', by: 'DES', to: 'TRA', perYear: 1e6, atLeast: null, channel: null, origin: null, perReadmitted: null },
      { kind: 'interception', by: 'TRA', to: null, perYear: null, atLeast: 0.4, channel: null, origin: null, perReadmitted: null },
    ],
  };
}

describe('agreements', () => {
  const p = GOVERNMENT_DEFAULTS;
  const book = () => {
    const b = new AgreementBook([agreement()], new Clock('2020-01', 12));
    expect(b.sign(0, 0)).toBe(true);
    return b;
  };
  it('a breach beyond the tolerance is punished by suspending the partner\'s terms, and costs trust', () => {
    const b = book();
    const breached = b.monitor(0, (term) => (term.kind === 'interception' ? 0.5 : 1), p);
    expect(breached).toEqual([false, true]);
    expect(b.punishing[0]).toBe(2); // DES suspends its payment
    expect(b.active(0, 0)).toBe(false);
    expect(b.active(0, 1)).toBe(true);
    expect(b.trust[0]).toBeCloseTo(1 - p.trustLoss, 9);
    b.monitor(0, () => 1, p);
    b.monitor(0, () => 1, p);
    expect(b.active(0, 0)).toBe(true);
    expect(b.trust[0]).toBeGreaterThan(1 - p.trustLoss);
  });
  it('a shortfall within the tolerance is no breach', () => {
    const b = book();
    expect(b.monitor(0, () => 0.95, p)).toEqual([false, false]);
    expect(b.trust[0]).toBe(1);
  });
  it('collapses when trust gives out, or when it is worth less than nothing for too long, never by date', () => {
    const b = book();
    let reason = null;
    for (let k = 0; k < 10 && !reason; k++) {
      b.monitor(0, (term) => (term.kind === 'interception' ? 0 : 1), p);
      reason = b.withdrawal(0, [1, 1], p);
    }
    expect(reason).toBe('trust');
    const c = book();
    const reasons = Array.from({ length: p.patienceReviews }, () => c.withdrawal(0, [1, -0.1], p));
    expect(reasons.slice(0, -1).every((r) => r === null)).toBe(true);
    expect(reasons[reasons.length - 1]).toBe('payoff');
    const d = book();
    for (let k = 0; k < 50; k++) {
      d.monitor(0, () => 1, p);
      expect(d.withdrawal(0, [1, 1], p)).toBeNull();
    }
  });
  it('is signed only at its start tick', () => {
    const b = new AgreementBook([{ ...agreement(), from: 5 }], new Clock('2020-01', 12));
    expect(b.sign(0, 4)).toBe(false);
    expect(b.status(0)).toBe('not yet signed');
    expect(b.sign(0, 5)).toBe(true);
    expect(b.status(0)).toBe('in force');
  });
});

describe('ledger of payments between states', () => {
  it('balances, and refuses a payment that is not one', () => {
    const l = new StateLedger(['A', 'B', 'C']);
    l.pay('A', 'B', 100);
    l.pay('C', 'B', 50);
    l.pay('B', 'A', 20);
    expect(l.imbalance()).toBe(0);
    expect(Array.from(l.received)).toEqual([20, 150, 0]);
    expect(() => l.pay('A', 'A', 1)).toThrow(/itself/);
    expect(() => l.pay('A', 'B', -1)).toThrow(/0 or more/);
    expect(() => l.pay('A', 'X', 1)).toThrow(/two countries/);
  });
});
