import type { RunState } from '../engine/run-state.js';
import type { World } from '../world/world.js';

/**
 * Family reunification, the legal way in that grows with the diaspora: a
 * resident sponsors a spouse, child or parent, so only people with a close
 * tie in the destination may use a family channel, and the places a year for
 * an origin are what its residents there sponsor (familyReunificationPerResident
 * of the stock), whatever quota the channel also has.
 */

/** Whether a family channel is closed to a person without a tie (a sponsor) in its destination. */
export function needsSponsor(world: World, channel: number): boolean {
  return world.channels[channel].type === 'family';
}

/** Persons a year an origin's residents in the channel's destination can bring through it (Infinity: not a family channel). */
export function familyPlaces(run: RunState, channel: number, origin: number): number {
  const { world, params } = run;
  if (!needsSponsor(world, channel)) return Number.POSITIVE_INFINITY;
  const d = world.channels[channel].destination;
  return params.familyReunificationPerResident * world.diaspora[d * world.countryCount + origin];
}
