import { SmugglerStatus, SmugglerStore } from '../agents/smugglers.js';
import type { Census } from '../metrics/census.js';
import type { RunState } from '../engine/run-state.js';
import type { Clock } from '../engine/clock.js';
import type { RandomStream, RandomStreams } from '../random/streams.js';
import type { World } from '../world/world.js';
import type { BehaviourParameters } from './parameters.js';

/** Crossing modes a smuggler can offer. */
export const Mode = { Standard: 0, Risky: 1 } as const;

/** Interception above which a contract's expected number of tries is capped (to keep it finite). */
export const MAX_INTERCEPTION = 0.99;

/**
 * The smuggling market of every leg, settled in the markets phase from the
 * queue at the start of the tick. On a leg with smugglers:
 * - each smuggler may be arrested, with a hazard that grows with interception;
 * - each picks the mode that pays better: standard, or cheap and risky
 *   (deadlier, no harder to intercept);
 * - a fee buys the leg's contract (per attempt, a package of tries, or pay on
 *   success); its price moves towards the running cost of the crossings the
 *   contract is expected to take, plus a rent that grows with the queue
 *   relative to capacity and falls to nothing when boats stand idle;
 * - the capacity of active smugglers is shared among those waiting who can pay;
 * - smugglers earning more than the outside wage and the cost of the risk of
 *   arrest attract entrants, those earning less leave.
 * A leg without smugglers is crossed at its cost, paid on every attempt, with no limit on numbers.
 */
export class SmugglingMarket {
  readonly smugglers = new SmugglerStore();
  /** Standard price of the leg's contract, PPP dollars per person. */
  readonly price: Float64Array;
  /** Chance that a person waiting who can pay boards this tick. */
  readonly boarding: Float64Array;
  /** Share of capacity in risky boats. */
  readonly riskyShare: Float64Array;
  /** Agents per tick. */
  readonly capacity: Float64Array;
  /** Trips and revenue this tick by leg and mode, [leg * 2 + mode], agent units. */
  readonly trips: Float64Array;
  readonly takings: Float64Array;
  /** Contracts one active smuggler of a leg sold, at last tick's pace, per year. */
  private readonly contractsPerYear: Float64Array;
  /** One stream per leg, so one leg's market never shifts another's numbers. */
  private readonly rng: RandomStream[];

  constructor(private readonly world: World, clock: Clock, params: BehaviourParameters, private readonly scale: number, streams: RandomStreams) {
    const n = world.legs.length;
    this.rng = streams.family('smugglers', world.legs.map((l) => l.id));
    this.price = new Float64Array(n);
    this.boarding = new Float64Array(n).fill(1);
    this.riskyShare = new Float64Array(n);
    this.capacity = new Float64Array(n);
    this.trips = new Float64Array(n * 2);
    this.takings = new Float64Array(n * 2);
    this.contractsPerYear = Float64Array.from(world.legs, (leg) => leg.smuggling?.capacityPerYear ?? 0);
    world.legs.forEach((leg, l) => {
      this.price[l] = world.leg.values.cost[l];
      if (!leg.smuggling) return;
      for (let k = 0; k < leg.smuggling.smugglers; k++) this.enter(l, clock, params);
    });
  }

  /** Price a person pays for a crossing of this mode: risky boats sell at a discount off the leg's base price. */
  priceOf(leg: number, mode: number, params: BehaviourParameters): number {
    if (mode === Mode.Standard) return this.price[leg];
    return Math.max(0, this.price[leg] - params.riskyPriceDiscount * this.world.leg.values.cost[leg]);
  }

  mortality(leg: number, mode: number, params: BehaviourParameters): number {
    const m = this.world.leg.values.mortality[leg];
    return mode === Mode.Risky ? Math.min(1, m * params.riskyMortalityFactor) : m;
  }

  interception(leg: number, mode: number, params: BehaviourParameters): number {
    const i = this.world.leg.values.interception[leg];
    return mode === Mode.Risky ? i * params.riskyInterceptionFactor : i;
  }

  /**
   * Crossings a contract bought now is expected to take, at interception i:
   * one, the tries of a package used before one succeeds, or as many as
   * success takes (pay on success).
   */
  crossingsPerContract(leg: number, i: number): number {
    const spec = this.world.legs[leg].smuggling;
    const x = Math.min(i, MAX_INTERCEPTION);
    if (!spec || spec.contract === 'per-attempt') return 1;
    if (spec.contract === 'package') return (1 - Math.pow(x, spec.attempts)) / (1 - x);
    return 1 / (1 - x);
  }

  /**
   * What a migrant expects to pay to get across this leg at this price:
   * a price for every try, for every package needed, or once.
   */
  expectedOutlay(leg: number, price: number, i: number): number {
    const spec = this.world.legs[leg].smuggling;
    const x = Math.min(i, MAX_INTERCEPTION);
    if (!spec || spec.contract === 'per-attempt') return price / (1 - x);
    if (spec.contract === 'package') return price / (1 - Math.pow(x, spec.attempts));
    return price;
  }

  /** Mortality of an attempt on this leg, averaged over the modes on offer. */
  expectedMortality(leg: number, params: BehaviourParameters): number {
    const r = this.riskyShare[leg];
    return (1 - r) * this.mortality(leg, Mode.Standard, params) + r * this.mortality(leg, Mode.Risky, params);
  }

  expectedInterception(leg: number, params: BehaviourParameters): number {
    const r = this.riskyShare[leg];
    return (1 - r) * this.interception(leg, Mode.Standard, params) + r * this.interception(leg, Mode.Risky, params);
  }

  /** Markets phase: arrests, modes, prices, entry and exit, and each leg's boarding chance. */
  update(run: RunState, census: Census): void {
    const { world, params, clock, counters } = run;
    const s = this.smugglers;
    const legCount = counters.leg.count;
    const base = world.leg.values.cost;
    const active = new Float64Array(world.legs.length);
    const profit = new Float64Array(world.legs.length);
    const riskyCapacity = new Float64Array(world.legs.length);
    const exit = clock.perTick(params.smugglerExitPerYear);
    this.capacity.fill(0);
    // By leg * 2 + mode, once a tick: the chance of arrest, the profit below which a smuggler may quit
    // (outside wage and the risk of prison), and a contract's profit as fixed - costFactor * slope,
    // with the risk of arrest spread over the contracts a smuggler sells in a year.
    const slots = world.legs.length * 2;
    const arrest = new Float64Array(slots), quitBelow = new Float64Array(slots), fixed = new Float64Array(slots), slope = new Float64Array(slots);
    for (let l = 0; l < world.legs.length; l++) {
      for (const m of [Mode.Standard, Mode.Risky]) {
        const risk = this.arrestRiskCost(l, m, params);
        arrest[l * 2 + m] = clock.perTick(this.arrestHazard(l, m, params));
        quitBelow[l * 2 + m] = this.outsideWage(l) + risk;
        fixed[l * 2 + m] = this.priceOf(l, m, params) - risk / Math.max(this.contractsPerYear[l], 1);
        slope[l * 2 + m] = this.crossingsPerContract(l, this.interception(l, m, params)) * this.runningCost(l, 1, m, params);
      }
    }

    for (let a = 0; a < s.activeCount; a++) {
      const k = s.active[a];
      if (s.status[k] !== SmugglerStatus.Active) continue;
      const l = s.leg[k];
      if (this.rng[l].uniform() < arrest[l * 2 + s.risky[k]]) {
        s.status[k] = SmugglerStatus.Arrested;
        legCount.smugglersArrested[l]++;
        continue;
      }
      if (s.profit[k] < quitBelow[l * 2 + s.risky[k]] && this.rng[l].uniform() < exit) {
        // Earning less than the outside wage and the risk of prison are worth: quits.
        s.status[k] = SmugglerStatus.Left;
        legCount.smugglersLeft[l]++;
        continue;
      }
      profit[l] += s.profit[k];
      const cf = s.costFactor[k];
      s.risky[k] = fixed[l * 2 + 1] - cf * slope[l * 2 + 1] > fixed[l * 2] - cf * slope[l * 2] ? 1 : 0;
      active[l]++;
      this.capacity[l] += s.capacity[k];
      if (s.risky[k]) riskyCapacity[l] += s.capacity[k];
    }
    s.pruneActive();

    world.legs.forEach((leg, l) => {
      if (!leg.smuggling) {
        // No smugglers modelled: the leg's cost is its price, and anyone who can pay may cross.
        this.price[l] = base[l];
        this.boarding[l] = 1;
        this.riskyShare[l] = 0;
      } else {
        const queue = census.waiting[l];
        const interception = this.expectedInterception(l, params);
        // No floor: boats standing idle compete the rent away, down to running cost.
        const scarcity = this.capacity[l] > 0 ? Math.min(4, queue / this.capacity[l]) : 4;
        const rent = base[l] * (1 - params.smugglerOperatingCost) * (1 + params.smugglerRiskPremium * interception) * Math.pow(scarcity, params.smugglerScarcityElasticity);
        const target = this.crossingsPerContract(l, interception) * this.runningCost(l, 1, Mode.Standard, params) + rent;
        this.price[l] += (1 - Math.pow(1 - params.smugglerPriceAdjustment, 12 / clock.ticksPerYear)) * (target - this.price[l]);
        this.boarding[l] = queue > 0 ? Math.min(1, this.capacity[l] / queue) : 1;
        this.riskyShare[l] = this.capacity[l] > 0 ? riskyCapacity[l] / this.capacity[l] : 0;
        this.enterWhereProfitable(run, l, active[l], profit[l], queue);
      }
      legCount.price[l] = this.price[l];
      legCount.riskyShare[l] = this.riskyShare[l];
      legCount.capacity[l] = leg.smuggling ? this.capacity[l] * this.scale : Number.POSITIVE_INFINITY;
      legCount.smugglers[l] = active[l];
      legCount.effectiveMortality[l] = this.expectedMortality(l, params);
    });
  }

  /** Records a crossing run (paid for now, earlier in a package, or to be paid on success). */
  carry(leg: number, mode: number): void {
    this.trips[leg * 2 + mode]++;
  }

  /** Records money paid to the smugglers of a leg and mode. */
  receive(leg: number, mode: number, paid: number): void {
    this.takings[leg * 2 + mode] += paid;
  }

  /**
   * End of the movement phase: each active smuggler of a leg gets its share,
   * by capacity, of the trips and takings of its mode; profits are updated.
   */
  settle(run: RunState): void {
    const { params, clock } = run;
    const s = this.smugglers;
    const modeCapacity = new Float64Array(this.trips.length);
    const active = new Float64Array(this.contractsPerYear.length);
    for (let a = 0; a < s.activeCount; a++) {
      const k = s.active[a];
      if (s.status[k] !== SmugglerStatus.Active) continue;
      modeCapacity[s.leg[k] * 2 + s.risky[k]] += s.capacity[k];
      active[s.leg[k]]++;
    }
    for (let l = 0; l < active.length; l++) {
      const crossings = (this.trips[l * 2] + this.trips[l * 2 + 1]) * this.scale * clock.ticksPerYear;
      if (active[l] > 0) this.contractsPerYear[l] = crossings / this.crossingsPerContract(l, this.expectedInterception(l, params)) / active[l];
    }
    const smoothing = clock.perTick(2);
    const unitCost = Float64Array.from(modeCapacity, (_, slot) => this.runningCost(slot >> 1, 1, slot & 1, params));
    for (let a = 0; a < s.activeCount; a++) {
      const k = s.active[a];
      if (s.status[k] !== SmugglerStatus.Active) continue;
      const slot = s.leg[k] * 2 + s.risky[k];
      const share = modeCapacity[slot] > 0 ? s.capacity[k] / modeCapacity[slot] : 0;
      s.revenue[k] += this.takings[slot] * share;
      // What came in, less what the crossings run cost (a package's later tries are run, not paid again).
      const costs = this.trips[slot] * s.costFactor[k] * unitCost[slot];
      const yearly = (this.takings[slot] - costs) * share * this.scale * clock.ticksPerYear;
      s.profit[k] += smoothing * (yearly - s.profit[k]);
    }
    this.trips.fill(0);
    this.takings.fill(0);
  }

  /**
   * What one crossing costs a smuggler with this cost factor to run: the
   * operating cost, and the boat seized when it is intercepted (a cheap boat
   * for a risky crossing). The risk of arrest is the smuggler's own, weighed
   * once a year in entry and exit (arrestRiskCost), not per seat.
   */
  private runningCost(leg: number, costFactor: number, mode: number, params: BehaviourParameters): number {
    const cost = params.smugglerOperatingCost * this.world.leg.values.cost[leg] * costFactor * (mode === Mode.Risky ? params.riskyCostShare : 1);
    return cost * (1 + this.interception(leg, mode, params));
  }

  /** Profit per contract sold: its price less the crossings it is expected to take. */
  private margin(leg: number, costFactor: number, mode: number, params: BehaviourParameters): number {
    const crossings = this.crossingsPerContract(leg, this.interception(leg, mode, params));
    return this.priceOf(leg, mode, params) - crossings * this.runningCost(leg, costFactor, mode, params);
  }

  /** Yearly hazard of arrest of a smuggler running this mode: lower for risky crossings, where migrants steer and the organiser stays ashore. */
  private arrestHazard(leg: number, mode: number, params: BehaviourParameters): number {
    return params.smugglerArrestPerInterception * this.interception(leg, mode, params) * (mode === Mode.Risky ? params.riskyArrestFactor : 1);
  }

  /** Yearly cost to a smuggler of the risk of arrest: the hazard times the prison term, in outside wages. */
  private arrestRiskCost(leg: number, mode: number, params: BehaviourParameters): number {
    return this.arrestHazard(leg, mode, params) * params.smugglerArrestPenaltyYears * this.outsideWage(leg);
  }

  private outsideWage(leg: number): number {
    return this.world.country.values.wageHigh[this.world.places[this.world.legs[leg].from].country];
  }

  /** Smugglers earning more than the outside wage and the risk of arrest draw entrants, in proportion to the excess. */
  private enterWhereProfitable(run: RunState, leg: number, active: number, profit: number, queue: number): void {
    const { params, clock, counters } = run;
    const wage = this.outsideWage(leg);
    // Where nobody works a leg that people wait at, a newcomer would fill a boat at today's price.
    const contracts = this.world.legs[leg].smuggling!.capacityPerYear / this.crossingsPerContract(leg, this.expectedInterception(leg, params));
    const prospect = queue > 0 ? contracts * Math.max(this.margin(leg, 1, Mode.Standard, params), this.margin(leg, 1, Mode.Risky, params)) : 0;
    const mean = active > 0 ? profit / active : prospect;
    const excess = mean - wage - Math.min(this.arrestRiskCost(leg, Mode.Standard, params), this.arrestRiskCost(leg, Mode.Risky, params));
    const expected = clock.perTick(params.smugglerEntryPerYear) * Math.max(active, 1) * Math.max(0, excess / wage);
    const entrants = Math.floor(expected) + (this.rng[leg].uniform() < expected - Math.floor(expected) ? 1 : 0);
    for (let e = 0; e < entrants; e++) this.enter(leg, clock, params);
    counters.leg.count.smugglersEntered[leg] += entrants;
  }

  private enter(leg: number, clock: Clock, params: BehaviourParameters): void {
    const spec = this.world.legs[leg].smuggling!;
    const capacity = spec.capacityPerYear / clock.ticksPerYear / this.scale;
    this.smugglers.add(leg, capacity, Math.exp(params.smugglerCostSpread * this.rng[leg].normal()), this.outsideWage(leg));
  }
}
