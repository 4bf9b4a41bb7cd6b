import { STATE_COUNT, type StateCode } from './states.js';

/** No country, place or option: the largest Uint16. */
export const NONE = 0xffff;

/**
 * All migrants of a run as a struct of typed arrays: under 60 bytes a person,
 * so ten million people fit in well under a gigabyte. Agent `i` is column `i`
 * of every array. State changes go through `move`, which counts every
 * transition so the conservation check can balance stocks against flows.
 */
export class MigrantStore {
  readonly size: number;
  readonly state: Uint8Array;
  /** Stage within Preparing or InTransit (see Stage). */
  readonly stage: Uint8Array;
  readonly flags: Uint8Array;
  readonly skill: Uint8Array;
  readonly ageBand: Uint8Array;
  /** Leg index within the route, while in transit. */
  readonly legIndex: Uint8Array;
  /** Renewals left on the current permit. */
  readonly renewalsLeft: Uint8Array;
  /** Tries already paid for on the current leg (what is left of a smuggling package). */
  readonly triesLeft: Uint8Array;
  /** Country of origin. */
  readonly origin: Uint16Array;
  /** Home place (in the origin). */
  readonly home: Uint16Array;
  /** Place the person is at now. */
  readonly location: Uint16Array;
  /** Country the person intends to reach, or is in when abroad. */
  readonly destination: Uint16Array;
  /** Channel index while on a legal path, route index while on an irregular one. */
  readonly option: Uint16Array;
  /** Country of the person's tie abroad, or NONE. */
  readonly tie: Uint16Array;
  /** PPP dollars. */
  readonly savings: Float32Array;
  /** PPP dollars owed, to the lender below. */
  readonly debt: Float64Array;
  /** Who the debt is owed to (see Lender); a person owes one lender at a time. */
  readonly lender: Uint8Array;
  /** 0 (averse) .. 1 (tolerant) */
  readonly riskTolerance: Float32Array;
  /**
   * The person's own taste for moving rather than staying (a logistic draw, in
   * utility), from the decision that set them on their way: it stays with them
   * for the journey (0, the median, for anyone who never decided).
   */
  readonly moveTaste: Float32Array;
  /** Tick at which the current wait ends (processing, crossing, decision, permit expiry). */
  readonly timer: Int32Array;
  /** Tick the current state or stage began. */
  readonly since: Int32Array;
  /** transitions[from * STATE_COUNT + to]: moves this tick, reset by the metrics phase. */
  readonly transitions = new Float64Array(STATE_COUNT * STATE_COUNT);
  /**
   * Who to visit. Most people stay home all run and do nothing but save, so
   * the phases after decisions walk `active`: everybody neither at home nor
   * dead as of the last census (which rebuilds it), and, during a tick, those
   * who have just left home.
   */
  readonly active: Int32Array;
  activeCount = 0;
  /** The people of home place p are agents placeStart[p] .. placeStart[p + 1] - 1 (they are created place by place). */
  placeStart: Int32Array = new Int32Array(1);

  constructor(size: number) {
    this.size = size;
    this.state = new Uint8Array(size);
    this.stage = new Uint8Array(size);
    this.flags = new Uint8Array(size);
    this.skill = new Uint8Array(size);
    this.ageBand = new Uint8Array(size);
    this.legIndex = new Uint8Array(size);
    this.renewalsLeft = new Uint8Array(size);
    this.triesLeft = new Uint8Array(size);
    this.origin = new Uint16Array(size);
    this.home = new Uint16Array(size);
    this.location = new Uint16Array(size);
    this.destination = new Uint16Array(size).fill(NONE);
    this.option = new Uint16Array(size).fill(NONE);
    this.tie = new Uint16Array(size).fill(NONE);
    this.savings = new Float32Array(size);
    this.debt = new Float64Array(size);
    this.lender = new Uint8Array(size);
    this.riskTolerance = new Float32Array(size);
    this.moveTaste = new Float32Array(size);
    this.timer = new Int32Array(size);
    this.since = new Int32Array(size);
    this.active = new Int32Array(size);
  }

  /** Moves agent `i` to a new state at `tick`, counting the transition. */
  move(i: number, to: StateCode, tick: number): void {
    this.transitions[this.state[i] * STATE_COUNT + to]++;
    this.state[i] = to;
    this.since[i] = tick;
  }

  /** Bytes held per agent by the arrays (the lists included). */
  static bytesPerAgent(): number {
    const s = new MigrantStore(1);
    return Object.values(s).reduce((sum, v) => sum + (ArrayBuffer.isView(v) && v !== s.transitions ? v.byteLength : 0), 0);
  }
}
