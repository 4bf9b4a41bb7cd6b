import { ARRIVED } from './agents.js';
import { NO_ARC } from './network.js';
import { Role } from './rules.js';
import type { RandomStream } from '../random/streams.js';
import type { FleeRunState } from './run-state.js';

/** 0.5 ** k for every k whose power is not 0 in double precision: built once, not every day. */
const HALVING = Float64Array.from({ length: 1075 }, (_, k) => 0.5 ** k);

/** Options up to which a place's choice counts rather than searches (counting is linear, searching mispredicts). */
const FEW_OPTIONS = 8;

/** A share of travel `days` days old: halved once a day. */
function recentDecay(recent: number, days: number, halving: Float64Array, halvings: number): number {
  return days < halvings ? recent * halving[days] : 0;
}

/** 1 / log(1 - 0.5): the scale of the default move chance, a fair coin per person. */
const FAIR_COIN = 1 / Math.log(0.5);

/**
 * Trials before the next person sets off, from 1 / log(1 - move chance): 0
 * when everyone does, never when nobody may. For a chance of one half, the
 * trailing zero bits of a uniform 32-bit draw are fair trials before the
 * first success, which spares a logarithm: the same distribution.
 */
function nextGap(rng: RandomStream, scale: number): number {
  if (scale === 0) return 0;
  if (scale === Number.NEGATIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (scale === FAIR_COIN) {
    const bits = rng.uniform() * 4294967296; // the draw's 32 bits: the streams draw multiples of 2^-32
    return bits === 0 ? 32 + nextGap(rng, scale) : 31 - Math.clz32(bits & -bits);
  }
  return rng.geometricFrom(scale);
}

/**
 * Movement phase. Each person decides from the day's tables, fixed at the
 * start of the day, then travels: up to max_move_speed km (walking speed
 * until they first reach a place, with start_on_foot). Reaching a place with
 * km to spare, they decide again there and go on with what is left of the
 * day's budget; unlike Flee, a link taken late in the day does not get a
 * fresh day's budget. Someone on a link that closes turns back to where the
 * link starts. Nobody sees another's move of the same day, so the order in
 * which people are processed changes nothing but the draws each one gets.
 * The stocks are tallied from where each person ends the day.
 */
export function move(run: FleeRunState): void {
  const { agents, network: net, state, day, stocks, transitions } = run;
  const rules = run.settings.move_rules;
  const rng = run.streams.stream('movement');
  const P = net.places;
  const S = P + 2;
  const onTheWay = P + 1;
  const { place, arc, km, recent, recentDay, flags, route, routeStep } = agents;
  const { arcTo, arcKm, optionStart, optionArcStart, optionArcs } = net;
  const { arcOpen, total, cumulative, role, moveChance } = state;
  const followsPaths = optionArcs.length > net.options;
  const avoidShortStints = rules.avoid_short_stints;
  const maxSpeed = rules.max_move_speed;
  const walkSpeed = rules.start_on_foot ? rules.max_walk_speed : maxSpeed;
  // Locals, not imported bindings: reading those in the loop costs a call each time.
  const none = NO_ARC;
  const arrived = ARRIVED;
  const town = Role.Town;
  const halving = HALVING;
  const halvings = HALVING.length;

  // Trials left before the next person at each place sets off: a geometric
  // gap per leaver stands for one uniform draw per person, and leaves the
  // many who stay (nearly everyone in a camp) costing a decrement.
  const { wait, gapScale } = run;
  for (let p = 0; p < P; p++) {
    const c = moveChance[p];
    gapScale[p] = c >= 1 ? 0 : c <= 0 ? Number.NEGATIVE_INFINITY : 1 / Math.log(1 - c);
    wait[p] = nextGap(rng, gapScale[p]);
  }

  stocks.fill(0);
  const n = agents.size;
  for (let i = 0; i < n; i++) {
    let a = arc[i];
    let p = place[i];
    const from = a === none ? p + 1 : onTheWay;
    let path = followsPaths ? route[i] : -1;
    let setOff = false;
    if (a === none && path < 0) {
      if (wait[p] > 0) {
        // The common case: at a place, staying.
        wait[p]--;
        stocks[from]++;
        continue;
      }
      wait[p] = nextGap(rng, gapScale[p]);
      setOff = true;
    } else if (a === none) setOff = true; // on a path: keep to it
    else if (!arcOpen[a]) {
      // The link closed: back to where it starts, and decide there.
      a = none;
      path = -1;
      if (wait[p] > 0) wait[p]--;
      else {
        wait[p] = nextGap(rng, gapScale[p]);
        setOff = true;
      }
    }

    let x = a === none ? 0 : km[i];
    let step = followsPaths ? routeStep[i] : 0;
    const budget = flags[i] & arrived ? maxSpeed : walkSpeed;
    const recentBefore = avoidShortStints ? recentDecay(recent[i], day - recentDay[i], halving, halvings) : 0;
    let moved = 0;
    let reached = false;
    for (;;) {
      if (a === none) {
        if (!setOff) break;
        if (path >= 0) {
          const k = optionArcStart[path] + step;
          if (k < optionArcStart[path + 1] && arcOpen[optionArcs[k]]) {
            a = optionArcs[k];
            step++;
          } else path = -1;
        }
        if (a === none) {
          const t = total[p];
          if (t <= 0) break;
          // The option whose cumulative weight first exceeds a uniform draw (see DayState.pick).
          const target = rng.uniform() * t;
          // The options at or below the draw: counted where a place has few,
          // which leaves no branch to mispredict; else a binary search.
          const first = optionStart[p];
          let lo = first;
          let hi = optionStart[p + 1] - 1;
          if (hi - first <= FEW_OPTIONS) {
            for (let q = first; q < hi; q++) lo += +(cumulative[q] <= target);
          } else {
            while (lo < hi) {
              const mid = (lo + hi) >> 1;
              if (cumulative[mid] > target) hi = mid;
              else lo = mid + 1;
            }
          }
          const option = cumulative[lo] > target ? lo : state.pick(p, target);
          a = optionArcs[optionArcStart[option]];
          if (followsPaths && optionArcStart[option + 1] - optionArcStart[option] > 1) {
            path = option;
            step = 1;
          }
        }
        x = 0;
      }
      const left = budget - moved;
      const remaining = arcKm[a] - x;
      if (remaining > left) {
        x += left;
        moved = budget;
        break;
      }
      moved += remaining;
      p = arcTo[a];
      a = none;
      x = 0;
      reached = true;
      if (path >= 0 && optionArcStart[path] + step >= optionArcStart[path + 1]) path = -1;
      if (moved >= budget) break;
      // A person on a path keeps to it; at a town, someone who has travelled
      // little lately moves on (avoid_short_stints); otherwise they decide again.
      if (path >= 0 || (avoidShortStints && role[p] === town && recentBefore + moved / maxSpeed < 1)) setOff = true;
      else if (wait[p] > 0) {
        wait[p]--;
        setOff = false;
      } else {
        wait[p] = nextGap(rng, gapScale[p]);
        setOff = true;
      }
    }
    place[i] = p;
    arc[i] = a;
    km[i] = x;
    if (reached) flags[i] |= arrived;
    if (followsPaths) {
      route[i] = path;
      routeStep[i] = path >= 0 ? step : 0;
    }
    if (avoidShortStints) {
      recent[i] = (recentBefore + moved / maxSpeed) / 2;
      recentDay[i] = day + 1;
    }
    const to = a === none ? p + 1 : onTheWay;
    if (to !== from) transitions[from * S + to]++;
    stocks[to]++;
  }
}
