import type { RunState } from '../engine/run-state.js';
import type { World } from '../world/world.js';

/**
 * The chance of being sent back, as those weighing a route or an overstay can
 * reckon it from the last status phase: how readily a destination's return
 * capacity reaches those ordered to leave, and a readmission arrangement's
 * capacity against those waiting for it. Deterrence by returns works through
 * this, not by removing people alone.
 */
export class ReturnRisk {
  /** Chance per tick that someone ordered to leave a destination gets a return attempt. */
  readonly attemptChance: Float64Array;
  /** Chance per tick that someone who came by a leg under a readmission arrangement is sent back to its start. */
  readonly readmissionChance: Float64Array;

  constructor(world: World) {
    this.attemptChance = new Float64Array(world.countryCount).fill(1);
    this.readmissionChance = new Float64Array(world.legs.length).fill(1);
  }

  /** Status phase: capacity against those waiting for it (all of it counts when fewer wait than it can take). */
  record(capacity: Float64Array, ordered: Float64Array, readmissionCapacity: Float64Array, awaitingReadmission: Float64Array): void {
    const share = (c: number, waiting: number) => (c > 0 ? c / Math.max(c, waiting) : 0);
    for (let d = 0; d < capacity.length; d++) this.attemptChance[d] = share(capacity[d], ordered[d]);
    for (let l = 0; l < readmissionCapacity.length; l++) this.readmissionChance[l] = share(readmissionCapacity[l], awaitingReadmission[l]);
  }

  /**
   * Expected share of a stay of `returnHorizonYears` spent abroad before being
   * returned, for someone of origin o without papers in destination d who came
   * by `lastLeg` (-1: not by a route), of whom a share `protectedShare` will
   * be protected. The yearly hazard is apprehension followed by a return the
   * origin cooperates with (a cycle of 1/apprehension plus the wait for an
   * attempt), plus, where the last leg has a readmission arrangement, the
   * readmission capacity (arrivals by it are ordered to leave at once).
   */
  stayShare(run: RunState, d: number, o: number, lastLeg: number, protectedShare: number): number {
    const { world, clock, params } = run;
    const c = world.country.values;
    const tpy = clock.ticksPerYear;
    const a = c.apprehensionPerYear[d];
    const attempt = this.attemptChance[d] * tpy;
    let hazard = a > 0 && attempt > 0 ? c.returnCooperation[o] / (1 / a + 1 / attempt) : 0;
    if (lastLeg >= 0 && readmissionApplies(world, lastLeg, d)) {
      hazard += -Math.log(1 - Math.min(this.readmissionChance[lastLeg], 0.999)) * tpy;
    }
    const ht = hazard * (1 - protectedShare) * params.returnHorizonYears;
    return ht < 1e-9 ? 1 : (1 - Math.exp(-ht)) / ht;
  }
}

/** Whether someone who came by this leg into this country can be sent back to the leg's start. */
export function readmissionApplies(world: World, leg: number, country: number): boolean {
  return world.leg.values.readmissionCapacityPerYear[leg] > 0 && world.places[world.legs[leg].to].country === country;
}
