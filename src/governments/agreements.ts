import type { AgreementSpec, AgreementTerm } from '../scenario/types.js';
import type { GOVERNMENT_DEFAULTS } from './parameters.js';
import type { Clock } from '../engine/clock.js';
import { momentToTick } from '../policies/timing.js';

/** Why an agreement ended. */
export type EndReason = 'set-attribute' | 'trust' | 'payoff' | 'budget';

/**
 * Agreements between states as objects: who owes what to whom, whether each
 * party honours its terms, the punishment each is inflicting, its trust in
 * the other, and the price of each payment as renegotiated. The rules that
 * move these (monitoring, punishment, renegotiation, collapse) are here;
 * what a party's terms do to the world is the governments plugin's.
 */
export class AgreementBook {
  readonly specs: readonly AgreementSpec[];
  readonly inForce: Uint8Array;
  readonly endReason: Array<EndReason | null>;
  /** Two per agreement, [a * 2 + party]: party's trust in the other; whether it honours its terms; reviews it still punishes; reviews its value has been negative; breaches it committed. */
  readonly trust: Float64Array;
  readonly honouring: Uint8Array;
  readonly punishing: Int32Array;
  readonly losingStreak: Int32Array;
  readonly breaches: Int32Array;
  /** Per term (flattened in order): what a payment term pays a year now, and what was paid since the last review. */
  readonly perYear: Float64Array;
  readonly paidSinceReview: Float64Array;
  readonly termStart: Int32Array;
  readonly reviewTicks: Int32Array;
  /** Every term with its flat index, its agreement and the obligor's party number. */
  readonly termList: ReadonlyArray<{ a: number; t: number; term: AgreementTerm; party: number }>;

  /** The tick each is signed. */
  readonly startTick: Int32Array;

  constructor(specs: readonly AgreementSpec[], clock: Clock) {
    const ticksPerYear = clock.ticksPerYear;
    this.specs = specs;
    const n = specs.length;
    this.startTick = Int32Array.from(specs, (s) => momentToTick(s.from, clock));
    // Not yet in force: signed at its start tick (see sign).
    this.inForce = new Uint8Array(n);
    this.endReason = specs.map(() => null);
    this.trust = new Float64Array(n * 2).fill(1);
    this.honouring = new Uint8Array(n * 2).fill(1);
    this.punishing = new Int32Array(n * 2);
    this.losingStreak = new Int32Array(n * 2);
    this.breaches = new Int32Array(n * 2);
    this.termStart = new Int32Array(n + 1);
    specs.forEach((s, a) => (this.termStart[a + 1] = this.termStart[a] + s.terms.length));
    this.perYear = Float64Array.from(specs.flatMap((s) => s.terms.map((t) => t.perYear ?? 0)));
    this.paidSinceReview = new Float64Array(this.perYear.length);
    this.reviewTicks = Int32Array.from(specs, (s) => Math.max(1, Math.round((s.reviewMonths * ticksPerYear) / 12)));
    this.termList = specs.flatMap((s, a) => s.terms.map((term, j) => ({ a, t: this.termStart[a] + j, term, party: s.parties.indexOf(term.by as never) })));
  }

  party(a: number, country: string): number {
    return this.specs[a].parties.indexOf(country as never);
  }

  /** Whether party's terms act now: the agreement is in force, the party honours it and its partner's breach is not being punished by suspending them. */
  active(a: number, party: number): boolean {
    return this.inForce[a] === 1 && this.honouring[a * 2 + party] === 1 && this.punishing[a * 2 + party] === 0;
  }

  /**
   * Monitoring at a review: a party whose term's indicator fell short of the
   * promise by more than the tolerance is in breach; its partner punishes by
   * suspending its own terms for suspendReviews reviews, and trusts it less;
   * a partner that kept every term is trusted more. Returns the parties in breach.
   */
  monitor(a: number, compliance: (term: AgreementTerm, t: number) => number, p: typeof GOVERNMENT_DEFAULTS): boolean[] {
    const spec = this.specs[a];
    const breached = [false, false];
    spec.terms.forEach((term, j) => {
      if (compliance(term, this.termStart[a] + j) < 1 - spec.tolerance) breached[this.party(a, term.by)] = true;
    });
    for (let k = 0; k < 2; k++) {
      const other = a * 2 + (1 - k);
      if (this.punishing[a * 2 + k] > 0) this.punishing[a * 2 + k]--;
      if (breached[k]) {
        this.breaches[a * 2 + k]++;
        this.punishing[other] = spec.suspendReviews;
        this.trust[other] *= 1 - p.trustLoss;
      } else this.trust[other] += p.trustGain * (1 - this.trust[other]);
    }
    for (let t = this.termStart[a]; t < this.termStart[a + 1]; t++) this.paidSinceReview[t] = 0;
    return breached;
  }

  /** A party whose trust has fallen too low, or whose agreement has been worth less than nothing for too long, walks out. */
  withdrawal(a: number, values: readonly number[], p: typeof GOVERNMENT_DEFAULTS): EndReason | null {
    for (let k = 0; k < 2; k++) {
      const slot = a * 2 + k;
      this.losingStreak[slot] = values[k] < 0 ? this.losingStreak[slot] + 1 : 0;
      if (this.trust[slot] < p.collapseTrust) return 'trust';
      if (this.losingStreak[slot] >= p.patienceReviews) return 'payoff';
    }
    return null;
  }

  /** Whether it is signed at this tick (its start comes and it has not ended before). */
  sign(a: number, tick: number): boolean {
    if (tick !== this.startTick[a] || this.endReason[a] !== null) return false;
    this.inForce[a] = 1;
    return true;
  }

  end(a: number, reason: EndReason): void {
    this.inForce[a] = 0;
    this.endReason[a] = reason;
  }

  status(a: number): string {
    if (this.inForce[a] === 0) return this.endReason[a] === null ? 'not yet signed' : `ended (${this.endReason[a]})`;
    if (this.punishing[a * 2] > 0 || this.punishing[a * 2 + 1] > 0) return 'suspended';
    if (this.honouring[a * 2] === 0 || this.honouring[a * 2 + 1] === 0) return 'defecting';
    return 'in force';
  }
}
