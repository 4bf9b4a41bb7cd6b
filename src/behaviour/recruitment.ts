import { RecruiterStatus, RecruiterStore } from '../agents/recruiters.js';
import type { Clock } from '../engine/clock.js';
import type { RunState } from '../engine/run-state.js';
import type { RandomStream, RandomStreams } from '../random/streams.js';
import type { World } from '../world/world.js';
import { Lender, type LenderCode } from './ledger.js';
import type { BehaviourParameters } from './parameters.js';

/**
 * Recruiters fill places in legal labour channels from their origin. Licensed
 * recruiters price at cost plus a markup, but no higher than the regulator's
 * fee cap, and carry the cost of a licence deposit; unlicensed ones charge
 * more, advertise less than they charge, and risk fines. Each tick a worker
 * granted a place picks one by the fees as advertised, among those with
 * capacity left. Recruiters making a loss leave; profitable ones attract
 * entrants, and unlicensed ones also enter where workers go unserved. So too
 * strict a regulation empties the licensed market and feeds the unlicensed one.
 */
export class RecruitmentMarket {
  readonly recruiters = new RecruiterStore();
  /** Fees charged to workers by origin: licensed, unlicensed. */
  readonly licensedFee: Float64Array;
  readonly unlicensedFee: Float64Array;
  /**
   * Placements that can still be made this tick by origin, in agents: licensed,
   * unlicensed. What is left unused carries over (up to a tick's capacity, or
   * one agent), so that capacities below one agent a tick still add up to
   * the right number of placements a year.
   */
  private readonly licensedLeft: Float64Array;
  private readonly unlicensedLeft: Float64Array;
  /** Placements and fees booked this tick by origin * 2 + (licensed ? 1 : 0), agent units. */
  private readonly booked: Float64Array;
  private readonly bookedFees: Float64Array;
  /** Workers granted a place who found no recruiter this tick, by origin, agents. */
  private readonly unserved: Float64Array;
  /** One stream per origin, and one per origin for inspections (so a world without them draws as before). */
  private readonly rng: RandomStream[];
  private readonly inspections: RandomStream[];

  constructor(private readonly world: World, clock: Clock, private readonly scale: number, streams: RandomStreams) {
    const n = world.countryCount;
    this.rng = streams.family('recruiters', world.countryIds);
    this.inspections = streams.family('recruiter-inspections', world.countryIds);
    this.licensedFee = new Float64Array(n);
    this.unlicensedFee = new Float64Array(n);
    this.licensedLeft = new Float64Array(n);
    this.unlicensedLeft = new Float64Array(n);
    this.unserved = new Float64Array(n);
    this.booked = new Float64Array(n * 2);
    this.bookedFees = new Float64Array(n * 2);
    world.recruitment.forEach((spec, o) => {
      if (!spec) return;
      for (let k = 0; k < spec.licensedRecruiters; k++) this.enter(o, true, clock);
      for (let k = 0; k < spec.unlicensedRecruiters; k++) this.enter(o, false, clock);
    });
  }

  /** Whether workers from this origin go through recruiters for recruited channels. */
  serves(origin: number): boolean {
    return this.world.recruitment[origin] !== null;
  }

  /** The fee a worker expects to pay, as fees are advertised: the cheaper-looking of the two kinds on offer. */
  advertisedFee(origin: number, params: BehaviourParameters): number {
    if (!this.serves(origin)) return 0;
    return Math.min(this.licensedFee[origin], this.unlicensedFee[origin] * (1 - params.recruiterMisinformation));
  }

  /** Markets phase, before quota places are granted: fees, capacity for this tick, entry and exit. */
  update(run: RunState): void {
    const { world, params, clock, counters } = run;
    const r = this.recruiters;
    const country = counters.country.count;
    const licensedCapacity = new Float64Array(world.countryCount);
    // Active recruiters by origin * 2 + (licensed ? 1 : 0).
    const active = new Float64Array(world.countryCount * 2);
    const unlicensedCapacity = new Float64Array(world.countryCount);
    world.recruitment.forEach((spec, o) => {
      if (!spec) return;
      const desired = spec.costPerPlacement * (1 + params.recruiterMarkup);
      this.licensedFee[o] = Math.min(world.country.values.recruiterFeeCap[o], desired);
      this.unlicensedFee[o] = desired * params.unlicensedMarkup;
      country.licensedFee[o] = this.licensedFee[o];
      country.unlicensedFee[o] = this.unlicensedFee[o];
    });
    for (let k = 0; k < r.count; k++) {
      if (r.status[k] !== RecruiterStatus.Active) continue;
      const o = r.origin[k];
      // An unlicensed recruiter the origin's inspectors find is shut down.
      const inspection = world.country.values.recruiterInspection[o];
      const found = !r.licensed[k] && inspection > 0 && this.inspections[o].uniform() < clock.perTick(inspection);
      if (found || (r.profit[k] < 0 && this.rng[o].uniform() < clock.perTick(params.recruiterExitPerYear))) {
        r.status[k] = RecruiterStatus.Left;
        country.recruitersLeft[o]++;
        continue;
      }
      active[o * 2 + r.licensed[k]]++;
      if (r.licensed[k]) licensedCapacity[o] += r.capacity[k];
      else unlicensedCapacity[o] += r.capacity[k];
    }
    for (let o = 0; o < world.countryCount; o++) {
      this.licensedLeft[o] = Math.min(Math.max(0, this.licensedLeft[o]), Math.max(1, licensedCapacity[o])) + licensedCapacity[o];
      this.unlicensedLeft[o] = Math.min(Math.max(0, this.unlicensedLeft[o]), Math.max(1, unlicensedCapacity[o])) + unlicensedCapacity[o];
      if (licensedCapacity[o] === 0) this.licensedLeft[o] = 0;
      if (unlicensedCapacity[o] === 0) this.unlicensedLeft[o] = 0;
    }
    world.recruitment.forEach((spec, o) => {
      if (!spec) return;
      this.enterWhereProfitable(run, o, true, 0);
      this.enterWhereProfitable(run, o, false, this.unserved[o]);
      this.unserved[o] = 0;
      country.licensedRecruiters[o] = active[o * 2 + 1];
      country.unlicensedRecruiters[o] = active[o * 2];
    });
  }

  /**
   * A worker granted a place picks a recruiter by advertised fee among the
   * kinds with capacity left whose fee they can pay. Returns the kind, or
   * Lender.None when no recruiter can take them this tick (they keep their
   * place in the queue).
   */
  choose(origin: number, means: number, canPay: (fee: number) => boolean, params: BehaviourParameters): LenderCode {
    const licensedOpen = this.licensedLeft[origin] >= 1 && canPay(this.licensedFee[origin]);
    const unlicensedOpen = this.unlicensedLeft[origin] >= 1 && canPay(this.unlicensedFee[origin]);
    if (!licensedOpen && !unlicensedOpen) {
      this.unserved[origin]++;
      return Lender.None;
    }
    let licensed = licensedOpen;
    if (licensedOpen && unlicensedOpen) {
      const advantage = params.recruiterChoiceFee * (this.unlicensedFee[origin] * (1 - params.recruiterMisinformation) - this.licensedFee[origin]) / Math.max(means, 1);
      licensed = this.rng[origin].uniform() * (1 + Math.exp(-advantage)) < 1;
    }
    if (licensed) this.licensedLeft[origin]--;
    else this.unlicensedLeft[origin]--;
    return licensed ? Lender.LicensedRecruiter : Lender.UnlicensedRecruiter;
  }

  /** Books a placement: the fees go to that kind's recruiters of the origin, shared out by capacity when the tick settles. */
  book(origin: number, kind: LenderCode, workerFee: number, employerFee: number): void {
    const slot = origin * 2 + (kind === Lender.LicensedRecruiter ? 1 : 0);
    this.booked[slot]++;
    this.bookedFees[slot] += workerFee + employerFee;
  }

  /**
   * End of the markets phase: each active recruiter gets its share, by
   * capacity, of the placements and fees its kind booked in its origin this
   * tick, and these turn into smoothed yearly profit.
   */
  settle(run: RunState): void {
    const { world, params, clock } = run;
    const r = this.recruiters;
    const smoothing = clock.perTick(2);
    const capacity = new Float64Array(this.booked.length);
    for (let k = 0; k < r.count; k++) if (r.status[k] === RecruiterStatus.Active) capacity[r.origin[k] * 2 + r.licensed[k]] += r.capacity[k];
    for (let k = 0; k < r.count; k++) {
      if (r.status[k] !== RecruiterStatus.Active) continue;
      const o = r.origin[k];
      const slot = o * 2 + r.licensed[k];
      const share = r.capacity[k] / capacity[slot];
      const fees = this.bookedFees[slot] * share;
      r.revenue[k] += fees;
      const costs = this.booked[slot] * share * world.recruitment[o]!.costPerPlacement;
      const overhead = r.licensed[k] ? world.country.values.licenceDeposit[o] * params.licenceDepositCostPerYear : params.unlicensedPenaltyPerYear;
      const yearly = (fees - costs) * this.scale * clock.ticksPerYear - overhead;
      r.profit[k] += smoothing * (yearly - r.profit[k]);
    }
    this.booked.fill(0);
    this.bookedFees.fill(0);
  }

  private enterWhereProfitable(run: RunState, origin: number, licensed: boolean, unserved: number): void {
    const { params, clock, counters } = run;
    const r = this.recruiters;
    const spec = this.world.recruitment[origin]!;
    let profit = 0;
    let n = 0;
    for (let k = 0; k < r.count; k++) {
      if (r.origin[k] !== origin || r.status[k] !== RecruiterStatus.Active || (r.licensed[k] === 1) !== licensed) continue;
      profit += r.profit[k];
      n++;
    }
    // What a recruiter of this kind would make at full capacity: the yardstick for margins.
    const fee = licensed ? this.licensedFee[origin] : this.unlicensedFee[origin];
    const scaleOfBusiness = Math.max(1, spec.placementsPerYear * spec.costPerPlacement);
    const margin = n > 0 ? profit / n / scaleOfBusiness : (fee - spec.costPerPlacement) / spec.costPerPlacement;
    let expected = clock.perTick(params.recruiterEntryPerYear) * Math.max(n, 1) * Math.max(0, margin);
    // Workers turned away draw in recruiters who ask no licence.
    if (!licensed && fee > spec.costPerPlacement) expected += ((unserved * this.scale) / spec.placementsPerYear) * clock.perTick(params.recruiterEntryPerYear);
    if (!licensed) expected *= deterrence(params, run.world.country.values.recruiterInspection[origin]);
    const entrants = Math.floor(expected) + (this.rng[origin].uniform() < expected - Math.floor(expected) ? 1 : 0);
    for (let e = 0; e < entrants; e++) this.enter(origin, licensed, clock);
    counters.country.count.recruitersEntered[origin] += entrants;
  }

  private enter(origin: number, licensed: boolean, clock: Clock): void {
    const spec = this.world.recruitment[origin]!;
    this.recruiters.add(origin, licensed, spec.placementsPerYear / clock.ticksPerYear / this.scale, 0);
  }
}

/**
 * An unlicensed entrant's business is worth its yearly profit over the rate it
 * discounts the future at, plus the yearly chance inspectors shut it down: the
 * share of that worth inspection leaves, against none, scales entry (1 without
 * inspection). Entry follows expected profit (Becker 1968: the chance of being
 * caught deters), so inspection deters entry, not only removes entrants.
 */
export function deterrence(params: BehaviourParameters, inspectionPerYear: number): number {
  if (inspectionPerYear <= 0) return 1;
  return params.recruiterDiscountPerYear / (params.recruiterDiscountPerYear + inspectionPerYear);
}
