import type { FleeNetwork } from './network.js';
import { capacityMultiplier, isCampRole, moveChance, optionWeight, placeRole, placeScore, spawnWeight, type Role } from './rules.js';
import type { FleeScenario } from './scenario.js';
import type { FleeSettings } from './settings.js';

/**
 * Everything a day's decisions read, computed once at the start of the day
 * (the drivers phase) from the schedules and from where people are then.
 * Every weight depends only on the place and the day, never on the person,
 * so each place's options are summed once into cumulative weights and each
 * choice is one draw and a short count or a binary search.
 */
export class DayState {
  day = -1;
  readonly intensity: Float64Array;
  /** Day the place's current conflict began; -1 while it is at peace. */
  readonly conflictStart: Int32Array;
  readonly campClosed: Uint8Array;
  readonly role: Uint8Array;
  readonly moveChance: Float64Array;
  readonly score: Float64Array;
  readonly capacity: Float64Array;
  readonly arcOpen: Uint8Array;
  /** Cumulative option weights within each place's options, and their totals (0: nowhere to go). */
  readonly cumulative: Float64Array;
  readonly total: Float64Array;
  /** Cumulative spawn weights over places, and their total. */
  readonly spawnCumulative: Float64Array;
  spawnTotal = 0;

  constructor(private readonly scenario: FleeScenario, private readonly settings: FleeSettings, private readonly network: FleeNetwork) {
    const P = scenario.places.length;
    this.intensity = new Float64Array(P);
    this.conflictStart = new Int32Array(P).fill(-1);
    this.campClosed = new Uint8Array(P);
    this.role = new Uint8Array(P);
    this.moveChance = new Float64Array(P);
    this.score = new Float64Array(P);
    this.capacity = new Float64Array(P);
    this.arcOpen = new Uint8Array(network.arcFrom.length);
    this.cumulative = new Float64Array(network.options);
    this.total = new Float64Array(P);
    this.spawnCumulative = new Float64Array(P);
  }

  /**
   * Conflicts switch on, change intensity and end; closures open and close;
   * then every place's role, move chance and options are set for `day`.
   * `persons`: persons at each place at the start of the day; `population`:
   * residents left at each place (for displacement weights).
   */
  update(day: number, persons: ArrayLike<number>, population: ArrayLike<number>): void {
    const { scenario, settings } = this;
    const P = scenario.places.length;
    const rules = settings.move_rules;
    this.day = day;
    for (let p = 0; p < P; p++) {
      const now = scenario.conflictIntensity[day * P + p];
      if (now > 0 && this.intensity[p] <= 0) this.conflictStart[p] = day;
      if (now <= 0) this.conflictStart[p] = -1;
      this.intensity[p] = now;
    }
    this.applyClosures(day);
    for (let p = 0; p < P; p++) {
      const place = scenario.places[p];
      const role = placeRole(place.type, this.intensity[p], this.campClosed[p] === 1) as Role;
      this.role[p] = role;
      this.moveChance[p] = moveChance(role, rules);
      this.score[p] = placeScore(role, place.foreign, this.intensity[p], rules);
      this.capacity[p] = isCampRole(role) ? capacityMultiplier(persons[p], place.capacity, rules) : 1;
    }
    this.weighOptions();
    let spawnTotal = 0;
    for (let p = 0; p < P; p++) {
      spawnTotal += spawnWeight(population[p], this.intensity[p], day - this.conflictStart[p], settings.spawn_rules);
      this.spawnCumulative[p] = spawnTotal;
    }
    this.spawnTotal = spawnTotal;
  }

  private applyClosures(day: number): void {
    const { scenario, network } = this;
    const places = scenario.places;
    this.arcOpen.fill(1);
    this.campClosed.fill(0);
    for (const c of scenario.closures) {
      if (day < c.start || (c.end !== null && day >= c.end)) continue;
      if (c.type === 'camp' || c.type === 'idpcamp') this.campClosed[c.place] = 1;
      else if (c.type === 'link') this.arcOpen[2 * c.link] = this.arcOpen[2 * c.link + 1] = 0;
      else {
        for (let a = 0; a < this.arcOpen.length; a++) {
          const from = network.arcFrom[a];
          const to = network.arcTo[a];
          if (c.type === 'location' ? from === c.place || to === c.place
            : c.type === 'country' ? (places[from].country === c.countries[0] && places[to].country === c.countries[1]) || (places[from].country === c.countries[1] && places[to].country === c.countries[0])
            : false) this.arcOpen[a] = 0;
        }
      }
    }
  }

  /** Weighs every option; a place whose open options all weigh 0 offers them evenly (as Flee does). */
  private weighOptions(): void {
    const net = this.network;
    const rules = this.settings.move_rules;
    for (let p = 0; p < net.places; p++) {
      const first = net.optionStart[p];
      const last = net.optionStart[p + 1];
      let sum = 0;
      let open = 0;
      for (let q = first; q < last; q++) {
        const end = net.optionEnd[q];
        if (this.isOpen(q)) {
          open++;
          sum += optionWeight(this.score[end], net.optionKm[q], this.capacity[end], rules);
        }
        this.cumulative[q] = sum;
      }
      if (sum <= 0 && open > 0) {
        sum = 0;
        for (let q = first; q < last; q++) this.cumulative[q] = sum += this.isOpen(q) ? 1 : 0;
      }
      this.total[p] = sum;
    }
  }

  /** Whether every link of option q is open today. */
  isOpen(q: number): boolean {
    const net = this.network;
    for (let k = net.optionArcStart[q]; k < net.optionArcStart[q + 1]; k++) if (!this.arcOpen[net.optionArcs[k]]) return false;
    return true;
  }

  /** The option of place p at cumulative weight x (0 <= x < total[p]). */
  pick(p: number, x: number): number {
    return firstAbove(this.cumulative, this.network.optionStart[p], this.network.optionStart[p + 1] - 1, x);
  }

  /** The place people are displaced from at cumulative spawn weight x (0 <= x < spawnTotal). */
  pickSpawnPlace(x: number): number {
    return firstAbove(this.spawnCumulative, 0, this.spawnCumulative.length - 1, x);
  }
}

/**
 * The first index from lo to hi whose cumulative weight exceeds x. Should x
 * reach the top through rounding, the last index with any weight.
 */
function firstAbove(cumulative: Float64Array, lo: number, hi: number, x: number): number {
  const first = lo;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  while (lo > first && cumulative[lo] <= x && cumulative[lo - 1] === cumulative[lo]) lo--;
  return lo;
}
