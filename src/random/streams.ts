import alea from 'seedrandom/lib/alea.js';

/**
 * One named, independent source of random numbers. Every random draw in a run
 * comes from a stream; streams are derived from (scenario, seed, replication,
 * name), so adding a component or a plugin never shifts another's numbers.
 */
export interface RandomStream {
  readonly name: string;
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Integer on [0, n). */
  int(n: number): number;
  /** Standard normal draw. */
  normal(): number;
  /** Number of failures before the first success of probability p (p in (0, 1]). */
  geometric(p: number): number;
  /** The same for p in (0, 1), given 1 / log(1 - p): for callers that draw many times with the same p. */
  geometricFrom(inverseLogFailure: number): number;
  /** The next `count` uniform draws into `into[0..count)`: the same numbers as `count` calls of uniform(), none boxed on the way. */
  uniforms(into: Float64Array, count: number): void;
}

/** Identifies one run: a scenario, a seed and a replication number. */
export interface RunIdentity {
  scenario: string;
  seed: number;
  replication: number;
}

/**
 * A stream's generator: sfc32 (Chris Doty-Humphrey's Small Fast Counter,
 * which passes PractRand and BigCrush), int32 arithmetic only, so a draw costs
 * about a third of Alea's in JavaScript. Its 128-bit state is seeded from the
 * stream's key through seedrandom's Alea, so every (scenario, seed,
 * replication, name) still gives its own independent sequence.
 */
class Sfc32Stream implements RandomStream {
  /** a, b, c, d: in a typed array, so updates never box a number. */
  private readonly s = new Int32Array(4);
  constructor(readonly name: string, key: string) {
    const seed = alea(key);
    const s = this.s;
    for (let k = 0; k < 4; k++) s[k] = seed.int32();
    for (let k = 0; k < 15; k++) this.next(); // mix the seed through the state before the first draw
  }
  /** The next 32 random bits, as a signed integer (which, unlike one above 2^31, is never boxed). */
  private next(): number {
    const s = this.s;
    const a = s[0];
    const b = s[1];
    const c = s[2];
    const d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t;
  }
  uniform(): number {
    return (this.next() >>> 0) * 2.3283064365386963e-10; // 2^-32
  }
  uniforms(into: Float64Array, count: number): void {
    for (let k = 0; k < count; k++) into[k] = (this.next() >>> 0) * 2.3283064365386963e-10;
  }
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }
  normal(): number {
    // Box-Muller; 1 - u keeps the logarithm finite.
    const u = 1 - this.uniform();
    const v = this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  geometric(p: number): number {
    if (p >= 1) return 0;
    if (p <= 0) return Number.POSITIVE_INFINITY;
    return this.geometricFrom(1 / Math.log(1 - p));
  }
  geometricFrom(inverseLogFailure: number): number {
    return Math.floor(Math.log(1 - this.uniform()) * inverseLogFailure);
  }
}

/**
 * Gaps between people sampled at chance `p` each, as a function of the stream
 * to draw from: the same numbers as rng.geometric(p), with 1 / ln(1 - p)
 * worked out once rather than at every gap.
 */
export function gapsAt(p: number): (rng: RandomStream) => number {
  if (p >= 1 || p <= 0) return (rng) => rng.geometric(p);
  const inverseLogFailure = 1 / Math.log(1 - p);
  return (rng) => rng.geometricFrom(inverseLogFailure);
}

/** The root of a run's streams. `stream(name)` always returns the same stream for a name. */
export class RandomStreams {
  private readonly streams = new Map<string, RandomStream>();
  private readonly families = new Map<string, RandomStream[]>();
  private readonly rootKey: string;

  constructor(readonly identity: RunIdentity) {
    this.rootKey = `migsim|${identity.scenario}|seed=${identity.seed}|rep=${identity.replication}`;
  }

  /**
   * One stream per entity (`prefix:id`): each origin's people, each route's
   * travellers, each leg's smugglers draw from their own, so a policy that
   * changes what happens on one route leaves the others' numbers as they were
   * (common random numbers, and less noise in comparisons).
   */
  family(prefix: string, ids: readonly string[]): RandomStream[] {
    // Phases ask for their family every tick: build it once.
    const key = `${prefix}\u0000${ids.join('\u0000')}`;
    let members = this.families.get(key);
    if (!members) {
      members = ids.map((id) => this.stream(`${prefix}:${id}`));
      this.families.set(key, members);
    }
    return members;
  }

  stream(name: string): RandomStream {
    let s = this.streams.get(name);
    if (!s) {
      s = new Sfc32Stream(name, `${this.rootKey}|${name}`);
      this.streams.set(name, s);
    }
    return s;
  }
}
