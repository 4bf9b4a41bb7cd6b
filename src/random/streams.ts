import seedrandom from 'seedrandom';

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
}

/** Identifies one run: a scenario, a seed and a replication number. */
export interface RunIdentity {
  scenario: string;
  seed: number;
  replication: number;
}

class AleaStream implements RandomStream {
  private readonly next: () => number;
  constructor(readonly name: string, key: string) {
    // Alea: fast, well-distributed, and seedable from a string key.
    this.next = seedrandom.alea(key);
  }
  uniform(): number {
    return this.next();
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  normal(): number {
    // Box-Muller; 1 - u keeps the logarithm finite.
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  geometric(p: number): number {
    if (p >= 1) return 0;
    if (p <= 0) return Number.POSITIVE_INFINITY;
    return Math.floor(Math.log(1 - this.next()) / Math.log(1 - p));
  }
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
      s = new AleaStream(name, `${this.rootKey}|${name}`);
      this.streams.set(name, s);
    }
    return s;
  }
}
