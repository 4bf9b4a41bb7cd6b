import { SmugglerStatus, SmugglerStore } from '../agents/smugglers.js';
import type { Census } from '../metrics/census.js';
import type { RunState } from '../engine/run-state.js';
import type { Clock } from '../engine/clock.js';
import type { RandomStream, RandomStreams } from '../random/streams.js';
import type { World } from '../world/world.js';
import type { BehaviourParameters } from './parameters.js';

/** Crossing modes a smuggler can offer. */
export const Mode = { Standard: 0, Risky: 1 } as const;

/**
 * The smuggling market of every leg, settled in the markets phase from the
 * queue at the start of the tick. On a leg with smugglers:
 * - each smuggler may be arrested, with a hazard that grows with interception;
 * - each picks the mode that pays better: standard, or cheap and risky (harder
 *   to intercept, deadlier); enforcement tips the lean ones into risky boats;
 * - the price moves towards a level set by the leg's base price, a premium for
 *   interception risk and the queue relative to capacity;
 * - the capacity of active smugglers is shared among those waiting who can pay;
 * - smugglers earning more than the outside wage attract entrants, those
 *   earning less leave.
 * A leg without smugglers is crossed at its cost, with no limit on numbers.
 */
export class SmugglingMarket {
  readonly smugglers = new SmugglerStore();
  /** Standard price, PPP dollars per person. */
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
    const wage = world.legs.map((_, l) => this.outsideWage(l));
    const exit = clock.perTick(params.smugglerExitPerYear);
    this.capacity.fill(0);

    for (let k = 0; k < s.count; k++) {
      if (s.status[k] !== SmugglerStatus.Active) continue;
      const l = s.leg[k];
      const i = this.interception(l, s.risky[k], params);
      if (this.rng[l].uniform() < clock.perTick(params.smugglerArrestPerInterception * i)) {
        s.status[k] = SmugglerStatus.Arrested;
        legCount.smugglersArrested[l]++;
        continue;
      }
      if (s.profit[k] < wage[l] && this.rng[l].uniform() < exit) {
        // Earning less than the outside wage: quits.
        s.status[k] = SmugglerStatus.Left;
        legCount.smugglersLeft[l]++;
        continue;
      }
      profit[l] += s.profit[k];
      const cf = s.costFactor[k];
      s.risky[k] = this.margin(l, cf, Mode.Risky, params) > this.margin(l, cf, Mode.Standard, params) ? 1 : 0;
      active[l]++;
      this.capacity[l] += s.capacity[k];
      if (s.risky[k]) riskyCapacity[l] += s.capacity[k];
    }

    world.legs.forEach((leg, l) => {
      if (!leg.smuggling) {
        // No smugglers modelled: the leg's cost is its price, and anyone who can pay may cross.
        this.price[l] = base[l];
        this.boarding[l] = 1;
        this.riskyShare[l] = 0;
      } else {
        const queue = census.waiting[l];
        const interception = this.expectedInterception(l, params);
        const scarcity = this.capacity[l] > 0 ? Math.min(4, Math.max(0.5, queue / this.capacity[l])) : 4;
        const target = base[l] * (1 + params.smugglerRiskPremium * interception) * Math.pow(scarcity, params.smugglerScarcityElasticity);
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

  /** Records a crossing bought: movement calls this for every attempt paid for. */
  sell(leg: number, mode: number, paid: number): void {
    this.trips[leg * 2 + mode]++;
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
    for (let k = 0; k < s.count; k++) if (s.status[k] === SmugglerStatus.Active) modeCapacity[s.leg[k] * 2 + s.risky[k]] += s.capacity[k];
    const smoothing = clock.perTick(2);
    for (let k = 0; k < s.count; k++) {
      if (s.status[k] !== SmugglerStatus.Active) continue;
      const slot = s.leg[k] * 2 + s.risky[k];
      const share = modeCapacity[slot] > 0 ? s.capacity[k] / modeCapacity[slot] : 0;
      s.revenue[k] += this.takings[slot] * share;
      const trips = this.trips[slot] * share * this.scale;
      const yearly = trips * this.margin(s.leg[k], s.costFactor[k], s.risky[k], params) * clock.ticksPerYear;
      s.profit[k] += smoothing * (yearly - s.profit[k]);
    }
    this.trips.fill(0);
    this.takings.fill(0);
  }

  /**
   * Profit per person carried by a smuggler with this cost factor: the price,
   * less operating cost, less what interception costs. A standard boat lost is
   * a dear boat and a crew at risk of arrest; in a risky crossing the migrants
   * steer a cheap boat themselves, so only the boat is lost.
   */
  private margin(leg: number, costFactor: number, mode: number, params: BehaviourParameters): number {
    const base = this.world.leg.values.cost[leg];
    const cost = params.smugglerOperatingCost * base * costFactor * (mode === Mode.Risky ? params.riskyCostShare : 1);
    const loss = mode === Mode.Risky ? cost : cost + params.smugglerArrestCost * base;
    return this.priceOf(leg, mode, params) - cost - this.interception(leg, mode, params) * loss;
  }

  private outsideWage(leg: number): number {
    return this.world.country.values.wageHigh[this.world.places[this.world.legs[leg].from].country];
  }

  /** Smugglers earning more than the outside wage draw entrants, in proportion to the excess. */
  private enterWhereProfitable(run: RunState, leg: number, active: number, profit: number, queue: number): void {
    const { params, clock, counters } = run;
    const wage = this.outsideWage(leg);
    // Where nobody works a leg that people wait at, a newcomer would fill a boat at today's price.
    const prospect = queue > 0 ? this.world.legs[leg].smuggling!.capacityPerYear * Math.max(this.margin(leg, 1, Mode.Standard, params), this.margin(leg, 1, Mode.Risky, params)) : 0;
    const mean = active > 0 ? profit / active : prospect;
    const expected = clock.perTick(params.smugglerEntryPerYear) * Math.max(active, 1) * Math.max(0, (mean - wage) / wage);
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
