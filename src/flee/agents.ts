import { NO_ARC } from './network.js';

/** Set once a person has reached a place after setting out (start_on_foot: until then they walk). */
export const ARRIVED = 1;

/**
 * Displaced people as a struct of typed arrays: 15 bytes a person (plus 5
 * when people follow paths of more than one link), so tens of millions fit.
 * Person `i` is column `i` of every array; the store is sized once, for
 * everybody a run will displace.
 */
export class FleeAgents {
  size = 0;
  /** The place the person is at, or the place the link they are on starts from. */
  readonly place: Uint16Array;
  /** The arc they are on, or NO_ARC at a place. */
  readonly arc: Uint16Array;
  /** km travelled along the arc. */
  readonly km: Float32Array;
  /** Share of a day's travel done, averaged over recent days, as of the day `recentDay` (avoid_short_stints). */
  readonly recent: Float32Array;
  readonly recentDay: Uint16Array;
  readonly flags: Uint8Array;
  /** The option (path) being followed and the number of its arcs already taken; only with awareness_level above 1. */
  readonly route: Int32Array;
  readonly routeStep: Uint8Array;

  constructor(readonly capacity: number, followsPaths: boolean) {
    this.place = new Uint16Array(capacity);
    this.arc = new Uint16Array(capacity).fill(NO_ARC);
    this.km = new Float32Array(capacity);
    this.recent = new Float32Array(capacity);
    this.recentDay = new Uint16Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.route = new Int32Array(followsPaths ? capacity : 0).fill(-1);
    this.routeStep = new Uint8Array(followsPaths ? capacity : 0);
  }

  /** A newly displaced person at a place on a day. */
  add(place: number, day: number): number {
    if (this.size >= this.capacity) throw new Error(`the agent store is full (${this.capacity}); the displacement schedule undercounted`);
    const i = this.size++;
    this.place[i] = place;
    this.recentDay[i] = day;
    return i;
  }
}
