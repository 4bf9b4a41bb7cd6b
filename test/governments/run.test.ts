import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/simulation.js';
import { runFiles } from '../../src/io/summary.js';
import { ROOT, loadScenario, scenarioFiles, table } from '../helpers.js';
import { governedWorld } from './worlds.js';
import { targetedRoutes } from '../../src/metrics/indicators.js';
import { validateScenario } from '../../src/scenario/validate.js';

const column = (t: { columns: readonly string[]; rows: Array<Array<string | number>> }, name: string) => t.rows.map((r) => r[t.columns.indexOf(name)]);

describe('governments in a run', () => {
  it('pay through a ledger that balances every tick, and each government\'s books balance', () => {
    const sim = new Simulation(governedWorld());
    const paid: number[] = [];
    while (!sim.finished) {
      sim.step();
      expect(sim.statePayments.imbalance()).toBeLessThan(1e-6);
      paid.push(sim.statePayments.paid[2]);
    }
    // DES pays from the agreement's start, 3e6 a year.
    expect(paid[5]).toBe(0);
    expect(paid[47]).toBeCloseTo((3e6 / 12) * 42, 0);
    const r = sim.result();
    const g = table(r, 'governments');
    expect(g.rows.length).toBeGreaterThan(0);
    expect(column(g, 'country')).toContain('TRA');
  });

  it('bribes: what officials ask the smugglers on their legs is paid out of the smugglers\' books, every dollar in the ledger', () => {
    const bribesAt = (governance: number) => {
      const sim = new Simulation(governedWorld((x) => (x.countries[1].governance = governance)));
      const l = sim.scenario.legs.findIndex((leg) => leg.id === 'tra-des');
      let asked = 0;
      while (!sim.finished) {
        sim.step();
        // Asked this tick (the leg's attribute, a year), if any smuggler works the leg to pay it.
        const smugglers = sim.smugglers.smugglers;
        let active = false;
        for (let k = 0; k < smugglers.count; k++) if (smugglers.leg[k] === l && smugglers.status[k] === 1) active = true;
        if (active) asked += sim.world.leg.values.bribesPerYear[l] / 12;
      }
      const books = sim.smugglers.smugglers;
      let paid = 0;
      for (let k = 0; k < books.count; k++) paid += books.bribes[k];
      expect(paid).toBeCloseTo(sim.money.bribesBySmugglers[l], 6);
      return { asked, paid: paid * sim.scenario.agents.scale };
    };
    const weak = bribesAt(0.3);
    expect(weak.paid).toBeGreaterThan(0);
    expect(Math.abs(weak.paid - weak.asked) / weak.asked).toBeLessThan(0.05);
    const strong = bribesAt(1);
    expect(strong.paid).toBe(0);
  });

  it('bribes: smugglers on a leg its coastguard does not police pay its officials nothing', () => {
    // A second crossing from TRA that its interception instrument does not reach.
    const sim = new Simulation(governedWorld((x) => {
      x.countries[1].governance = 0.3;
      x.countries[1].government.instruments[0].legs = ['tra-des'];
      x.legs.push({ ...x.legs[1], id: 'tra-des-east', cost: 400 });
      x.routes.push({ id: 'east', legs: ['ori-tra', 'tra-des-east'] });
    }));
    sim.runFor();
    const at = (id: string) => sim.money.bribesBySmugglers[sim.scenario.legs.findIndex((leg) => leg.id === id)];
    expect(at('tra-des')).toBeGreaterThan(0);
    expect(at('tra-des-east')).toBe(0);
  });

  it('record every change as an event, and move instruments at most a step per review', () => {
    const r = new Simulation(governedWorld()).runFor();
    const moves = r.events.filter((e) => e.plugin === 'governments' && e.kind === 'instrument');
    expect(moves.length).toBeGreaterThan(0);
    for (const e of moves) expect(Math.abs(e.to - e.from)).toBeLessThanOrEqual(0.25 + 1e-9);
    const legEvents = r.events.filter((e) => e.kind === 'leg' && e.target === 'tra-des' && e.attribute === 'interception');
    expect(legEvents.length).toBeGreaterThan(0);
    expect(r.events.some((e) => e.kind === 'agreement' && e.attribute === 'inForce' && e.to === 1)).toBe(true);
  });

  it('passive: every instrument stays at its start value and no agreement acts', () => {
    const r = new Simulation(governedWorld((s) => (s.passiveGovernments = true))).runFor();
    expect(r.events.filter((e) => e.kind === 'instrument' || e.kind === 'agreement')).toEqual([]);
    // The start values are set once, before the first tick, and never again.
    expect(r.events.filter((e) => e.plugin === 'governments').every((e) => e.tick === 0)).toBe(true);
    expect(r.events.some((e) => e.plugin === 'governments')).toBe(true);
  });

  it('an agreement ends when set-attribute ends it, and its payments stop', () => {
    const sim = new Simulation(governedWorld((s) => (s.policies = [{ plugin: 'set-attribute', name: 'court', kind: 'agreement', targets: ['deal'], attribute: 'inForce', value: 0, from: 24 }])));
    // The end is set in the policies phase of tick 24 and seen from the next tick, when the change has committed.
    sim.runFor(24);
    const before = sim.statePayments.paid[2];
    sim.runFor(1);
    expect(sim.statePayments.paid[2] - before).toBeCloseTo(3e6 / 12, 6);
    const ended = sim.statePayments.paid[2];
    sim.runFor();
    expect(sim.statePayments.paid[2]).toBe(ended);
    expect(sim.events.some((e) => e.kind === 'agreement' && e.reason === 'ended: set-attribute')).toBe(true);
  });

  it('a promise out of the partner\'s reach (its governance caps it) is breached and the agreement collapses from trust', () => {
    const r = new Simulation(governedWorld((s) => {
      s.countries[1].governance = 0.1;
      s.agreements[0].tolerance = 0.1;
      s.agreements[0].terms[1].atLeast = 0.4;
    }, { ticks: 60 })).runFor();
    const status = column(table(r, 'agreements'), 'status');
    expect(status).toContain('suspended');
    expect(status[status.length - 1]).toBe('ended (trust)');
  });

  it('renegotiation: a partner hosting would-be migrants gets a higher price', () => {
    const price = (blocked: boolean) => {
      const r = new Simulation(governedWorld((s) => {
        s.agreements[0].renegotiate = true;
        if (blocked) s.legs[1].smuggling.capacityPerYear = 200; // few boats: people pile up in TRA
      })).runFor();
      const pays = r.events.filter((e) => e.kind === 'agreement' && e.attribute === 'payment by DES');
      return pays.length > 0 ? pays[pays.length - 1].to : 3e6;
    };
    expect(price(true)).toBeGreaterThan(3e6 * 1.5);
  });
});

describe('the diversion indicator from the event record', () => {
  it('counts the routes whose legs the governments moved as targeted', () => {
    const active = validateScenario({ ...loadScenario(join(ROOT, 'scenarios/italy-libya.yaml')), ticks: 64, agents: { scale: 400, origins: ['NGA'] } }, 'italy-libya (test)');
    const passive = validateScenario({ ...active, name: 'italy-libya-passive', passiveGovernments: true }, 'italy-libya-passive (test)');
    const a = new Simulation(active).runFor();
    const p = new Simulation(passive, { streamsOf: active.name }).runFor();
    expect(targetedRoutes(active, p.events, a.events)).toEqual(['central-med']);
  });
});

describe('scenarios without governments', () => {
  it('write the tables and run record they always did: no new table, column or field', () => {
    for (const file of scenarioFiles()) {
      const s = loadScenario(file);
      if (s.countries.some((c) => c.government) || s.agreements || s.passiveGovernments !== undefined) continue;
      expect(Object.keys(s)).not.toContain('agreements');
      const r = new Simulation({ ...s, ticks: 2, agents: { ...s.agents, scale: s.agents.scale * 50 } }).runFor();
      expect(r.tables.map((t) => t.name)).toEqual(['population', 'routes', 'legs', 'channels', 'countries']);
      expect(r.plugins.map((p) => p.name)).not.toContain('governments');
      const json = runFiles(s, r, '0').find((f) => f.name === 'run.json')!.content as string;
      expect(json).not.toMatch(/"government"|"agreements"|passiveGovernments/);
    }
  });
});

describe('governments read only aggregates and act only through the policy interface', () => {
  it('no file of src/governments imports the agents, the behaviour, the run state or the world', () => {
    const dir = join(ROOT, 'src/governments');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/from '\.\.\/(agents|behaviour|world)\//);
      expect(text, f).not.toMatch(/run-state|MigrantStore|Census/);
    }
  });
});
