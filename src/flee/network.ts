import type { FleeScenario } from './scenario.js';

/** No arc: the person is at a place, not on a link. */
export const NO_ARC = 0xffff;

/**
 * The roads as arcs, one per direction (arc 2k runs from link k's first place
 * to its second, arc 2k+1 back), and the options each place offers: every
 * loop-free path of up to `awareness` links that ends at a place other than a
 * marker. Markers are waypoints: a path passes through them without counting
 * them as a step. Options are fixed for a run; closures only make some
 * unavailable for a day, so a person's chosen path keeps its number.
 */
export class FleeNetwork {
  readonly arcFrom: Uint16Array;
  readonly arcTo: Uint16Array;
  readonly arcKm: Float64Array;
  /** Options of place p: indices optionStart[p] to optionStart[p + 1] - 1. */
  readonly optionStart: Int32Array;
  readonly optionEnd: Uint16Array;
  readonly optionKm: Float64Array;
  /** Arcs of option q, in order: optionArcs[optionArcStart[q] .. optionArcStart[q + 1] - 1]. */
  readonly optionArcStart: Int32Array;
  readonly optionArcs: Uint16Array;

  constructor(scenario: FleeScenario, awareness: number) {
    const P = scenario.places.length;
    const A = scenario.links.length * 2;
    if (P >= NO_ARC || A >= NO_ARC) throw new Error(`a Flee network holds at most ${NO_ARC - 1} places and arcs; this one has ${P} places and ${A} arcs`);
    this.arcFrom = new Uint16Array(A);
    this.arcTo = new Uint16Array(A);
    this.arcKm = new Float64Array(A);
    scenario.links.forEach((l, k) => {
      this.arcFrom[2 * k] = this.arcTo[2 * k + 1] = l.a;
      this.arcTo[2 * k] = this.arcFrom[2 * k + 1] = l.b;
      this.arcKm[2 * k] = this.arcKm[2 * k + 1] = l.distanceKm;
    });
    const out: number[][] = Array.from({ length: P }, () => []);
    for (let a = 0; a < A; a++) out[this.arcFrom[a]].push(a);
    const marker = scenario.places.map((p) => p.type === 'marker');

    const starts = [0];
    const ends: number[] = [];
    const kms: number[] = [];
    const arcStarts = [0];
    const arcs: number[] = [];
    const visited = new Uint8Array(P);
    const path: number[] = [];
    const walk = (at: number, steps: number, km: number) => {
      for (const a of out[at]) {
        const to = this.arcTo[a];
        if (visited[to]) continue;
        const taken = steps + (marker[to] ? 0 : 1);
        path.push(a);
        if (!marker[to]) {
          ends.push(to);
          kms.push(km + this.arcKm[a]);
          arcs.push(...path);
          arcStarts.push(arcs.length);
        }
        if (taken < awareness) {
          visited[to] = 1;
          walk(to, taken, km + this.arcKm[a]);
          visited[to] = 0;
        }
        path.pop();
      }
    };
    for (let p = 0; p < P; p++) {
      visited[p] = 1;
      walk(p, 0, 0);
      visited[p] = 0;
      starts.push(ends.length);
    }
    this.optionStart = Int32Array.from(starts);
    this.optionEnd = Uint16Array.from(ends);
    this.optionKm = Float64Array.from(kms);
    this.optionArcStart = Int32Array.from(arcStarts);
    this.optionArcs = Uint16Array.from(arcs);
  }

  get places(): number {
    return this.optionStart.length - 1;
  }

  get options(): number {
    return this.optionEnd.length;
  }
}
