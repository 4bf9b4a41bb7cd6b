import { Flag, Stage, State } from '../agents/states.js';
import type { RunState } from '../engine/run-state.js';
import { familyPlaces } from './family-reunification.js';
import { Lender } from './ledger.js';
import { overstayLogOdds } from './permits.js';
import type { RandomStream } from '../random/streams.js';

interface ChannelQueue {
  /** Agents and the tick they applied (their ticket), in order of priority. */
  agents: number[];
  tickets: number[];
  /** Applications of this tick, shuffled before they join the queue. */
  incoming: number[];
  usedThisYear: number;
  /** Places granted this year and people waiting, by origin (for per-origin quotas). */
  usedByOrigin: Float64Array;
  queuedByOrigin: Float64Array;
  year: number;
}

/**
 * Yearly quotas and the queues of applicants waiting for them. Applicants of
 * a tick are collected during the decisions phase and only join the queue in
 * the markets phase, in an order drawn at random, so places never go to
 * whoever happened to be read first. Compliant returners from circular schemes
 * go ahead of the queue.
 */
export class QuotaLedger {
  private readonly queues: ChannelQueue[];
  /** By channel * countries + origin: those who left a circular scheme on time and hold priority, not yet readmitted (agents). */
  private readonly priorityHolders: Float64Array;

  constructor(channels: number, private readonly countries: number, firstYear: number) {
    this.queues = Array.from({ length: channels }, () => ({
      agents: [], tickets: [], incoming: [], usedThisYear: 0, usedByOrigin: new Float64Array(countries), queuedByOrigin: new Float64Array(countries), year: firstYear,
    }));
    this.priorityHolders = new Float64Array(channels * countries);
  }

  /** A worker of this origin left the circular channel on time and holds priority for its next season. */
  earnPriority(channel: number, origin: number): void {
    this.priorityHolders[channel * this.countries + origin]++;
  }

  /**
   * The chance a priority holder of this origin gets a place in a season: the
   * places a year for the origin (its own quota inside the channel, else the
   * channel's) against those holding priority, itself included. The quota a
   * state sets for an origin is what makes leaving on time worth it.
   */
  priorityChance(run: RunState, channel: number, origin: number): number {
    const allowance = Math.min(this.allowance(run, channel), this.originAllowance(run, channel, origin));
    if (!Number.isFinite(allowance)) return 1;
    return Math.min(1, allowance / (this.priorityHolders[channel * this.countries + origin] + 1));
  }

  /** Places of an origin's own quota inside the channel released this year and not yet granted (Infinity: no such quota). */
  originPlacesLeft(run: RunState, channel: number, origin: number): number {
    const allowance = this.originAllowance(run, channel, origin);
    if (!Number.isFinite(allowance)) return allowance;
    const q = this.queues[channel];
    return this.releasedOf(run, allowance) - (q.year === run.clock.calendarYear(run.tick) ? q.usedByOrigin[origin] : 0);
  }

  /** An origin's chance of a place under its own quota, reckoned as placeChance is. */
  originPlaceChance(run: RunState, channel: number, origin: number): number {
    const allowance = this.originAllowance(run, channel, origin);
    if (!Number.isFinite(allowance)) return 1;
    const places = Math.max(0, this.originPlacesLeft(run, channel, origin)) + (allowance * run.params.quotaPatienceMonths) / 12;
    return Math.min(1, places / Math.max(1, this.queues[channel].queuedByOrigin[origin]));
  }

  private originAllowance(run: RunState, channel: number, origin: number): number {
    const { world } = run;
    const set = world.channelOrigin.values.quotaPerYear[channel * this.countries + origin];
    return Math.round(Math.min(set, familyPlaces(run, channel, origin)) / run.scale);
  }

  /** Places in agents released so far this calendar year and not yet granted. */
  placesLeft(run: RunState, channel: number): number {
    const q = this.queues[channel];
    return this.released(run, channel) - (q.year === run.clock.calendarYear(run.tick) ? q.usedThisYear : 0);
  }

  /**
   * Places released so far this calendar year: the yearly quota comes out
   * tick by tick, as visas are issued through the year, so a small quota is
   * not all taken by whoever applies in January.
   */
  released(run: RunState, channel: number): number {
    return this.releasedOf(run, this.allowance(run, channel));
  }

  private releasedOf(run: RunState, allowance: number): number {
    if (!Number.isFinite(allowance)) return allowance;
    const { clock, tick } = run;
    const intoYear = Math.round((clock.at(tick).year - clock.calendarYear(tick)) * clock.ticksPerYear);
    return (allowance * (intoYear + 1)) / clock.ticksPerYear;
  }

  /**
   * An applicant's chance of a place before giving up: the places to be
   * granted over their patience (what is left this year, and the yearly
   * quota for the rest) against those already waiting. Long queues put people
   * off; an empty queue does not draw the whole country at once.
   */
  placeChance(run: RunState, channel: number): number {
    const allowance = this.allowance(run, channel);
    if (!Number.isFinite(allowance)) return 1;
    const q = this.queues[channel];
    const places = Math.max(0, this.placesLeft(run, channel)) + (allowance * run.params.quotaPatienceMonths) / 12;
    return Math.min(1, places / Math.max(1, q.agents.length));
  }

  /** Places an applicant of this origin can hope for over their patience: what is left this year and the yearly quota for the rest (channel's and origin's). */
  placesInSight(run: RunState, channel: number, origin: number): number {
    const patience = run.params.quotaPatienceMonths / 12;
    const ofChannel = Math.max(0, this.placesLeft(run, channel)) + this.allowance(run, channel) * patience;
    const allowance = this.originAllowance(run, channel, origin);
    return Number.isFinite(allowance) ? Math.min(ofChannel, Math.max(0, this.originPlacesLeft(run, channel, origin)) + allowance * patience) : ofChannel;
  }

  /** Places in agents for a whole calendar year, at the quota in force now. */
  allowance(run: RunState, channel: number): number {
    return Math.round(run.world.channel.values.quotaPerYear[channel] / run.scale);
  }

  /**
   * Books a place of this year's quota for an applicant of this origin who
   * waits outside it (Resettlement); false when none is left.
   */
  take(run: RunState, channel: number, origin: number): boolean {
    const q = this.queues[channel];
    if (q.usedThisYear + 1 > this.released(run, channel) || this.originPlacesLeft(run, channel, origin) < 1) return false;
    this.book(run, channel, origin);
    this.countUse(run, channel);
    return true;
  }

  /** A place of this year's quota granted to one of this origin. */
  private book(run: RunState, channel: number, origin: number): void {
    const q = this.queues[channel];
    q.usedThisYear++;
    q.usedByOrigin[origin]++;
    run.counters.channel.count.admissions[channel]++;
    run.counters.channelOrigin.count.admissions[channel * this.countries + origin]++;
  }

  /** The channel's quota used and left this year, as its figures report them. */
  private countUse(run: RunState, channel: number): void {
    const used = this.queues[channel].usedThisYear;
    run.counters.channel.count.quotaUsed[channel] = used;
    run.counters.channel.count.quotaLeft[channel] = Math.max(0, this.allowance(run, channel) - used);
  }

  apply(channel: number, agent: number): void {
    this.queues[channel].incoming.push(agent);
  }

  /**
   * Markets phase: queue this tick's applicants, then grant places in order
   * while the year's quota lasts. In a recruited channel a worker from an
   * origin with recruiters also needs one with capacity left this tick, and
   * pays its fee (on credit from the recruiter where savings fall short);
   * channels are served in a random order, so none has first call on
   * recruiters every tick.
   */
  allocate(run: RunState): void {
    const { store, tick, clock } = run;
    const rng = run.streams.stream('quotas');
    const byChannel = run.streams.family('quotas', run.world.channels.map((c) => c.id));
    const year = clock.calendarYear(tick);
    const order = this.queues.map((_, ch) => ch);
    shuffle(order, (n) => rng.int(n));
    const vacancies = jobsOpen(run);
    for (const ch of order) {
      const q = this.queues[ch];
      if (q.year !== year) {
        q.year = year;
        q.usedThisYear = 0;
        q.usedByOrigin.fill(0);
      }
      shuffle(q.incoming, (n) => byChannel[ch].int(n));
      // Drop those who gave up; put priority holders first (stable, so waiting order is kept).
      const agents: number[] = [];
      const tickets: number[] = [];
      const join = (priority: boolean) => {
        for (const i of q.incoming) {
          if (((store.flags[i] & Flag.CircularPriority) !== 0) === priority) {
            agents.push(i);
            tickets.push(tick);
          }
        }
      };
      join(true);
      for (let k = 0; k < q.agents.length; k++) {
        const i = q.agents[k];
        if (store.state[i] === State.Preparing && store.stage[i] === Stage.Queued && store.option[i] === ch && store.since[i] === q.tickets[k]) {
          agents.push(i);
          tickets.push(q.tickets[k]);
        }
      }
      join(false);
      q.agents = agents;
      q.tickets = tickets;
      q.incoming = [];
      this.grant(run, ch, q, vacancies, byChannel[ch]);
      q.queuedByOrigin.fill(0);
      for (const i of q.agents) q.queuedByOrigin[store.origin[i]]++;
    }
  }

  /**
   * Grants places in queue order while the quota lasts. An applicant likely
   * to overstay may be screened out; in a demand-driven channel each
   * admission needs a job open to migrants of that skill; in a recruited one,
   * a recruiter. Whoever cannot be placed this tick keeps their place.
   */
  private grant(run: RunState, ch: number, q: ChannelQueue, vacancies: Float64Array, rng: RandomStream): void {
    const { store, tick, clock, counters, world } = run;
    const allowance = this.released(run, ch);
    const channel = world.channels[ch];
    const screening = world.channel.values.screening[ch];
    const processingTicks = clock.monthsToTicks(channel.processingMonths);
    const originLeft = world.countryIds.map((_, o) => this.originPlacesLeft(run, ch, o));
    const agents: number[] = [];
    const tickets: number[] = [];
    let k = 0;
    for (; k < q.agents.length; k++) {
      if (q.usedThisYear + 1 > allowance) break; // the year's quota is used up: the rest keep their places as they are
      const i = q.agents[k];
      const o = store.origin[i];
      if (originLeft[o] < 1) {
        agents.push(i);
        tickets.push(q.tickets[k]);
        continue;
      }
      if (screening > 0 && rng.uniform() * (1 + Math.exp(-overstayLogOdds(run, i, ch))) < screening) {
        counters.channel.count.screenedOut[ch]++;
        store.move(i, State.Home, tick);
        run.homeSavings.arrive(store, i);
        continue;
      }
      const job = channel.destination * 2 + store.skill[i];
      if ((channel.demandDriven && vacancies[job] < 1) || !this.recruit(run, ch, i, rng.uniform())) {
        agents.push(i);
        tickets.push(q.tickets[k]);
        continue;
      }
      if (channel.demandDriven) vacancies[job]--;
      store.stage[i] = Stage.Processing;
      store.timer[i] = tick + processingTicks;
      if (store.flags[i] & Flag.CircularPriority) this.priorityHolders[ch * this.countries + o] = Math.max(0, this.priorityHolders[ch * this.countries + o] - 1);
      store.flags[i] &= ~Flag.CircularPriority;
      this.book(run, ch, o);
      originLeft[o]--;
    }
    q.agents = k < q.agents.length ? agents.concat(q.agents.slice(k)) : agents;
    q.tickets = k < q.tickets.length ? tickets.concat(q.tickets.slice(k)) : tickets;
    this.countUse(run, ch);
  }

  /**
   * Finds a recruiter where the channel needs one; false when none can take
   * the worker this tick. A recruiter's matching quality decides whether the
   * job is the one promised (`matchDraw` against it).
   */
  private recruit(run: RunState, ch: number, i: number, matchDraw: number): boolean {
    const { store, world, params, recruitment, ledger, counters, prospects } = run;
    const o = store.origin[i];
    if (!world.channels[ch].recruited || !recruitment.serves(o)) return true;
    const monthly = prospects.homeIncome[o * 2 + store.skill[i]] / 12;
    // A recruiter lends what savings do not cover, unless the worker already owes someone.
    const canPay = (fee: number) => store.lender[i] === Lender.None || store.savings[i] >= fee;
    const kind = recruitment.choose(o, store.savings[i] + monthly * params.creditMonths, canPay, params);
    if (kind === Lender.None) return false;
    const fee = kind === Lender.LicensedRecruiter ? recruitment.licensedFee[o] : recruitment.unlicensedFee[o];
    if (store.savings[i] >= fee) store.savings[i] -= fee;
    else {
      const owed = fee - store.savings[i];
      store.savings[i] = 0;
      store.debt[i] += owed;
      store.lender[i] = kind;
      ledger.lent[kind] += owed;
    }
    const employerFee = world.channel.values.employerFee[ch];
    ledger.workerFeesToRecruiters[o] += fee;
    ledger.employerFeesToRecruiters[o] += employerFee;
    recruitment.book(o, kind, fee, employerFee);
    counters.channel.count.recruiterFees[ch] += fee;
    if (kind === Lender.LicensedRecruiter) counters.channel.count.placedLicensed[ch]++;
    else counters.channel.count.placedUnlicensed[ch]++;
    const quality = kind === Lender.LicensedRecruiter ? params.licensedMatchQuality : params.unlicensedMatchQuality;
    if (matchDraw >= quality) {
      store.flags[i] |= Flag.Mismatched;
      counters.channel.count.mismatched[ch]++;
    }
    return true;
  }
}

/** Jobs open to newcomers by destination * 2 + skill, in agents: labour demand less the regular migrants already there (census). */
function jobsOpen(run: RunState): Float64Array {
  const { world, census, scale } = run;
  const v = world.country.values;
  const open = new Float64Array(world.countryCount * 2);
  for (let d = 0; d < world.countryCount; d++) {
    for (let s = 0; s < 2; s++) {
      const demand = (s === 0 ? v.labourDemandLow[d] : v.labourDemandHigh[d]) / scale;
      open[d * 2 + s] = Math.max(0, demand - census.migrants[(d * 2 + s) * 2]);
    }
  }
  return open;
}

/** Fisher-Yates, with the caller's seeded integer draw. */
function shuffle(a: number[], int: (n: number) => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = int(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
