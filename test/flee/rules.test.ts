import { describe, expect, it } from 'vitest';
import { displacementSchedule } from '../../src/flee/displacement.js';
import { FleeNetwork, NO_ARC } from '../../src/flee/network.js';
import { Role, capacityMultiplier, conflictDecay, moveChance, placeRole, placeScore } from '../../src/flee/rules.js';
import { FleeSimulation } from '../../src/flee/simulation.js';
import { DEFAULT_FLEE_SETTINGS, type FleeSettings } from '../../src/flee/settings.js';
import { conflictsCsv, settingsWith, tiny } from './tiny.js';

const P = { Arda: 0, Borin: 1, Calla: 2, Dunmore: 3, Eskar: 4 };
const NO_CLOSURES = '#closure_type,name1,name2,closure_start,closure_end\n';
const ARDA_AT_WAR = conflictsCsv(12, { Arda: () => 1 });

/** Counts of a camp: the same count on every day, or 0 then `n` from day 1 on (so n people are displaced on day 1). */
const flat = (n: number) => `2020-03-30,${n}\n2020-04-10,${n}\n`;
const fromDayOne = (n: number) => `2020-03-30,0\n2020-03-31,${n}\n2020-04-10,${n}\n`;

/** The tiny scenario with 20,000 people displaced at Arda on day 1 and no closures or corrections. */
function crowd(changes: Record<string, string | null> = {}) {
  return tiny({
    'source_data/calla.csv': flat(0), 'source_data/dunmore.csv': fromDayOne(20000),
    'input_csv/registration_corrections.csv': null, 'input_csv/closures.csv': NO_CLOSURES, 'input_csv/conflicts.csv': ARDA_AT_WAR,
    ...changes,
  });
}

function run(sim: FleeSimulation, days: number): FleeSimulation {
  for (let d = 0; d < days; d++) sim.step();
  expect(sim.conservationChecks).toBe(days);
  return sim;
}

/** People on the way, by the place the link they are on leads to, and the km they have done on it. */
function onTheWay(sim: FleeSimulation): { to: Map<string, number>; km: Set<number> } {
  const to = new Map<string, number>();
  const km = new Set<number>();
  const a = sim.agents;
  for (let i = 0; i < a.size; i++) {
    if (a.arc[i] === NO_ARC) continue;
    const name = sim.scenario.places[sim.network.arcTo[a.arc[i]]].name;
    to.set(name, (to.get(name) ?? 0) + 1);
    km.add(a.km[i]);
  }
  return { to, km };
}

describe('move chances by type of place', () => {
  it('follow the role a place plays today', () => {
    const rules = DEFAULT_FLEE_SETTINGS.move_rules;
    expect(placeRole('camp', 0, false)).toBe(Role.Camp);
    expect(placeRole('camp', 0, true)).toBe(Role.Town);
    expect(placeRole('town', 0.5, false)).toBe(Role.Conflict);
    expect(placeRole('conflict_zone', 0, false)).toBe(Role.Town);
    expect(moveChance(Role.Camp, rules)).toBe(0.001);
    expect(moveChance(Role.IdpCamp, rules)).toBe(0.1);
    expect(moveChance(Role.Conflict, rules)).toBe(1);
    expect(moveChance(Role.Town, rules)).toBe(0.5);
    expect(moveChance(Role.Hub, rules)).toBe(1);
  });

  // 20,000 people start in Calla, 300 km from anywhere; at 100 km a day, who left on day 0 is on the way at its end.
  const N = 20000;
  const settings = settingsWith({ camp_movechance: 0.3, default_movechance: 0.6, conflict_movechance: 0.8, max_move_speed: 100 });
  const campers = (changes: Record<string, string | null>, rules: Record<string, number> = {}) => run(new FleeSimulation(tiny({
    'source_data/calla.csv': flat(N), 'source_data/dunmore.csv': flat(0), 'input_csv/registration_corrections.csv': null,
    'input_csv/closures.csv': NO_CLOSURES, 'input_csv/conflicts.csv': ARDA_AT_WAR, ...changes,
  }), { settings: settingsWith({ ...settings.move_rules, ...rules }) }), 1);
  const closed = { 'input_csv/closures.csv': NO_CLOSURES + 'camp,Calla,,0,0\n' };

  it.each([
    ['an open camp', {}, 0.3, {}],
    ['a closed camp (a town while closed)', closed, 0.6, {}],
    // One half draws its gaps from the bits of one draw rather than a logarithm.
    ['a town at Flee\'s default move chance of one half', closed, 0.5, { default_movechance: 0.5 }],
    ['a camp at conflict', { 'input_csv/conflicts.csv': conflictsCsv(12, { Arda: () => 1, Calla: () => 1 }) }, 0.8, {}],
  ])('%s: the share leaving in a day is its move chance', (_, changes, chance, rules) => {
    const sim = campers(changes, rules);
    expect(sim.dayState.moveChance[P.Calla]).toBe(chance);
    const stayed = sim.personsAt('Calla');
    const sd = Math.sqrt(N * chance * (1 - chance));
    expect(Math.abs(stayed - N * (1 - chance))).toBeLessThan(4 * sd);
    expect(sim.personsOnTheWay).toBe(N - stayed);
  });
});

describe('where people go', () => {
  const settings = settingsWith({
    max_move_speed: 100, default_movechance: 1, camp_movechance: 0, avoid_short_stints: false,
    camp_weight: 2, foreign_weight: 1.5, conflict_weight: 0.25, softening: 50, distance_power: 0.75, weight_power: 1.2,
  });

  it('weighs each neighbour as a hand computation does, and people choose in those proportions', () => {
    // Day 1: 20,000 people displaced at Arda walk the 100 km to Borin. Day 2: all leave Borin.
    const sim = run(new FleeSimulation(crowd(), { settings }), 3);
    const hand = {
      Arda: (0.25 / 150 ** 0.75) ** 1.2, // conflict zone at home, 100 km
      Calla: ((1.5 * 2) / 350 ** 0.75) ** 1.2, // camp abroad, 300 km
      Dunmore: ((1.5 * 2) / 100 ** 0.75) ** 1.2, // camp abroad, 50 km
      Eskar: (1 / 170 ** 0.75) ** 1.2, // a town until day 3, 120 km
    };
    const state = sim.dayState;
    const net = sim.network;
    const weights: Record<string, number> = {};
    for (let q = net.optionStart[P.Borin]; q < net.optionStart[P.Borin + 1]; q++) {
      weights[sim.scenario.places[net.optionEnd[q]].name] = state.cumulative[q] - (q > net.optionStart[P.Borin] ? state.cumulative[q - 1] : 0);
    }
    expect(Object.keys(weights).sort()).toEqual(Object.keys(hand).sort());
    for (const [name, w] of Object.entries(hand)) expect(weights[name]).toBeCloseTo(w, 12);

    // Where they went on day 2: back to Arda and to Dunmore they arrived; towards Calla and Eskar they are on the way.
    const way = onTheWay(sim).to;
    const chosen: Record<string, number> = {
      Arda: sim.personsAt('Arda'), Dunmore: sim.personsAt('Dunmore'), Calla: way.get('Calla') ?? 0, Eskar: way.get('Eskar') ?? 0,
    };
    const total = Object.values(hand).reduce((a, b) => a + b, 0);
    expect(Object.values(chosen).reduce((a, b) => a + b, 0)).toBe(20000);
    for (const name of Object.keys(hand)) expect(Math.abs(chosen[name] / 20000 - hand[name as keyof typeof hand] / total)).toBeLessThan(0.015);
  });

  it('with awareness_level 2 weighs two-link paths by their whole length', () => {
    const net = new FleeNetwork(tiny(), 2);
    const from = (p: number) => {
      const out: Array<[string, number]> = [];
      for (let q = net.optionStart[p]; q < net.optionStart[p + 1]; q++) out.push([['Arda', 'Borin', 'Calla', 'Dunmore', 'Eskar'][net.optionEnd[q]], net.optionKm[q]]);
      return out.sort();
    };
    expect(from(P.Arda)).toEqual([['Borin', 100], ['Calla', 400], ['Dunmore', 150], ['Eskar', 220]]);
    // Loop-free: from Borin, no path comes back to Borin.
    expect(from(P.Borin)).toEqual([['Arda', 100], ['Calla', 300], ['Dunmore', 50], ['Eskar', 120]]);
  });

  it('passes through markers without stopping or counting them as a step', () => {
    const locations = tiny().places.map((p) => `${p.name},r,${p.country},,,${p.name === 'Borin' ? 'marker' : p.type},,${p.capacity ?? p.population}`);
    const net = new FleeNetwork(tiny({ 'input_csv/locations.csv': '#name,region,country,lat,lon,location_type,conflict_date,population\n' + locations.join('\n') }), 1);
    const ends = [];
    for (let q = net.optionStart[P.Arda]; q < net.optionStart[P.Arda + 1]; q++) ends.push([net.optionEnd[q], net.optionKm[q]]);
    expect(ends.sort()).toEqual([[P.Calla, 400], [P.Dunmore, 150], [P.Eskar, 220]]);
  });

  it('follows a chosen two-link path to its end', () => {
    // Arda's only neighbour is Borin; with awareness 2 people aim past it, and Borin (a town) does not stop them.
    const sim = run(new FleeSimulation(crowd({ 'input_csv/routes.csv': '#name1,name2,distance\nArda,Borin,100\nBorin,Calla,300\n' }),
      { settings: settingsWith({ ...settings.move_rules, awareness_level: 2, default_movechance: 0, max_move_speed: 250 }) }), 3);
    // With move chance 0 at towns, only people on a path to Calla leave Borin.
    expect(sim.personsAt('Calla') + sim.personsAt('Borin') + sim.personsOnTheWay).toBe(20000);
    expect(sim.personsAt('Calla')).toBeGreaterThan(10000);
  });
});

describe('the daily travel budget', () => {
  const chain = (changes: Record<string, string | null> = {}) => crowd({ 'input_csv/routes.csv': '#name1,name2,distance\nArda,Borin,100\nBorin,Calla,300\n', ...changes });
  // Nobody turns back to Arda: a conflict weight of 0 leaves Calla the only way on from Borin.
  const rules = { default_movechance: 1, camp_movechance: 0, avoid_short_stints: false, conflict_weight: 0 };

  it('is shared by every link of the day: 350 km take people from Arda past Borin and 250 km towards Calla, not to Calla', () => {
    const sim = run(new FleeSimulation(chain(), { settings: settingsWith({ ...rules, max_move_speed: 350 }) }), 2);
    // Flee would give the Borin-Calla link a fresh 350 km and have them in Calla on day 1.
    expect(sim.personsAt('Calla')).toBe(0);
    expect(sim.personsOnTheWay).toBe(20000);
    expect(onTheWay(sim)).toEqual({ to: new Map([['Calla', 20000]]), km: new Set([250]) });
    sim.step();
    expect(sim.personsAt('Calla')).toBe(20000);
  });

  it('is the walking speed until people first reach a place, with start_on_foot', () => {
    const sim = new FleeSimulation(chain(), { settings: settingsWith({ ...rules, max_move_speed: 350, start_on_foot: true, max_walk_speed: 35 }) });
    run(sim, 4); // days 1, 2, 3 on foot: 105 km, 5 km past Borin
    expect(onTheWay(sim)).toEqual({ to: new Map([['Calla', 20000]]), km: new Set([5]) });
    sim.step(); // then 350 km a day: the 295 km left are done on day 4
    expect(sim.personsAt('Calla')).toBe(20000);
  });
});

describe('closures', () => {
  const settings = settingsWith({ default_movechance: 1, camp_movechance: 0, avoid_short_stints: false, max_move_speed: 350, conflict_weight: 0 });
  const chain = (closures: string) => crowd({ 'input_csv/routes.csv': '#name1,name2,distance\nArda,Borin,100\nBorin,Calla,300\n', 'input_csv/closures.csv': NO_CLOSURES + closures });

  it('a closed link is not taken, and people on it turn back; it opens again on its end day', () => {
    const sim = new FleeSimulation(chain('link,Borin,Calla,2,4\n'), { settings });
    run(sim, 2);
    expect(onTheWay(sim).to.get('Calla')).toBe(20000); // on the link when it closes
    for (const day of [2, 3]) {
      sim.step();
      expect(sim.dayState.arcOpen[2]).toBe(0);
      expect(sim.personsAt('Calla')).toBe(0);
      expect(onTheWay(sim).to.get('Calla')).toBeUndefined();
      expect(sim.day).toBe(day + 1);
    }
    sim.step();
    sim.step();
    expect(sim.personsAt('Calla')).toBeGreaterThan(0);
  });

  it('a country closure shuts every link between the two countries, both ways', () => {
    const sim = run(new FleeSimulation(chain('country,Homeland,Farland,0,0\n'), { settings }), 12);
    expect(sim.personsAt('Calla')).toBe(0);
    expect(Array.from(sim.dayState.arcOpen)).toEqual([1, 1, 0, 0]);
  });

  it('a location closure shuts every link of the place', () => {
    const sim = run(new FleeSimulation(chain('location,Borin,,0,0\n'), { settings }), 3);
    expect(Array.from(sim.dayState.arcOpen)).toEqual([0, 0, 0, 0]);
    expect(sim.personsAt('Arda')).toBe(20000);
  });

  it('a closed camp is a town: no camp weight, the default move chance', () => {
    const sim = run(new FleeSimulation(chain('camp,Calla,,0,5\n'), { settings: settingsWith({ camp_weight: 2 }) }), 5);
    const rules = settingsWith({ camp_weight: 2 }).move_rules;
    expect(sim.dayState.role[P.Calla]).toBe(Role.Town);
    expect(sim.dayState.score[P.Calla]).toBe(placeScore(Role.Town, true, 0, rules));
    expect(sim.dayState.moveChance[P.Calla]).toBe(rules.default_movechance);
    sim.step(); // day 5: open again
    expect(sim.dayState.role[P.Calla]).toBe(Role.Camp);
    expect(sim.dayState.score[P.Calla]).toBe(2);
  });
});

describe('camp capacity', () => {
  it('lowers a camp\'s weight linearly from capacity_buffer of its capacity to none when full', () => {
    const rules = { ...DEFAULT_FLEE_SETTINGS.move_rules, capacity_scaling: 1, capacity_buffer: 0.9 };
    expect([0, 900, 1000, 2000].map((n) => capacityMultiplier(n, 1000, rules))).toEqual([1, 1, 0, 0]);
    expect(capacityMultiplier(950, 1000, rules)).toBeCloseTo(0.5, 12);
    expect(capacityMultiplier(990, 1000, rules)).toBeCloseTo(0.1, 12);
    expect(capacityMultiplier(1e9, null, rules)).toBe(1);
    expect(capacityMultiplier(1000, 1000, { ...rules, capacity_scaling: 2 })).toBe(1);
  });

  it('once a camp is full nobody else goes there; without the limit it keeps filling', () => {
    // Calla (capacity 2000 x 0.1 = 200) is 50 km from Borin, Dunmore 300 km; 2,000 people a day are displaced at Arda.
    const scenario = crowd({
      'input_csv/routes.csv': '#name1,name2,distance\nArda,Borin,100\nBorin,Calla,50\nBorin,Dunmore,300\n',
      'source_data/dunmore.csv': '2020-03-30,0\n2020-04-09,20000\n',
    });
    const rules = { default_movechance: 1, camp_movechance: 0, avoid_short_stints: false, max_move_speed: 400 };
    const limited = run(new FleeSimulation(scenario, { settings: settingsWith({ ...rules, capacity_scaling: 0.1 }) }), 2);
    // Day 1's arrivals all decided on the empty camp of the morning, so it overfills once.
    const full = limited.personsAt('Calla');
    expect(full).toBeGreaterThan(200);
    for (let d = 2; d < 12; d++) {
      limited.step();
      expect(limited.dayState.capacity[P.Calla]).toBe(0);
      expect(limited.personsAt('Calla')).toBe(full);
    }
    const unlimited = run(new FleeSimulation(scenario, { settings: settingsWith({ ...rules, capacity_scaling: 100 }) }), 12);
    expect(unlimited.personsAt('Calla')).toBeGreaterThan(5 * full);
  });
});

describe('displacement follows the observed total', () => {
  it('each day brings the rise in the camps\' counts; a fall is a debt paid off by later rises', () => {
    const scenario = tiny();
    // Camps' counts: 166 433 700 966 1233 1200 1300 1400 ... 1800 (Calla corrected, plus Dunmore).
    const schedule = displacementSchedule(scenario, DEFAULT_FLEE_SETTINGS);
    expect(Array.from(schedule.observedTotal)).toEqual([166, 433, 700, 966, 1233, 1200, 1300, 1400, 1500, 1600, 1700, 1800]);
    expect(Array.from(schedule.agentsByDay)).toEqual([0, 267, 267, 266, 267, 0, 67, 100, 100, 100, 100, 100]);
    expect(Array.from(schedule.initialByPlace)).toEqual([0, 0, 166, 0, 0]);
    const sim = new FleeSimulation(scenario);
    expect(sim.personsAt('Calla')).toBe(166); // camps start with their day-0 counts
    let expected = 166;
    for (let d = 0; d < 12; d++) {
      sim.step();
      expected += schedule.agentsByDay[d];
      expect(sim.agents.size).toBe(expected);
    }
    expect(sim.agents.size).toBe(1800);
  });

  it('without insert_day0 the day-0 counts are displaced from conflict zones on day 0', () => {
    const schedule = displacementSchedule(tiny(), settingsWith({}, { insert_day0: false }));
    expect(schedule.agentsByDay[0]).toBe(166);
    expect(Array.from(schedule.initialByPlace)).toEqual([0, 0, 0, 0, 0]);
  });

  it('follows the total series when sum_from_camps is false, and counts agents of `hasten` persons', () => {
    const settings: FleeSettings = { ...settingsWith({}, { sum_from_camps: false }), optimisations: { hasten: 10 } };
    const schedule = displacementSchedule(tiny(), settings);
    // refugees.csv rises from 100 to 2100 over 11 days: 2000 persons, 200 agents of 10.
    expect(schedule.agentsByDay.reduce((a, b) => a + b, 0)).toBe(200);
    expect(schedule.initialByPlace[P.Calla]).toBe(16);
  });

  it('places people by population x intensity x decay, and a change of intensity during a conflict counts', () => {
    // 10,000 people a day from day 4 to 11; Eskar at war from day 3, three times as fiercely from day 8. Nobody moves.
    const scenario = crowd({
      'source_data/dunmore.csv': '2020-03-30,0\n2020-04-02,0\n2020-04-10,80000\n',
      'input_csv/conflicts.csv': conflictsCsv(12, { Arda: () => 1, Eskar: (d) => (d < 3 ? 0 : d < 8 ? 1 : 3) }),
    });
    const sim = run(new FleeSimulation(scenario, { settings: settingsWith({ conflict_movechance: 0 }) }), 12);
    // Days 4-7: Arda 30,000 : Eskar 10,000, so 3:1; days 8-11: 30,000 : 30,000.
    expect(Math.abs(sim.personsAt('Arda') - 50000)).toBeLessThan(600);
    expect(Math.abs(sim.personsAt('Eskar') - 30000)).toBeLessThan(600);
    expect(placeScore(Role.Conflict, false, 3, DEFAULT_FLEE_SETTINGS.move_rules)).toBeCloseTo(0.25 ** 3, 15);
  });

  it('lowers a conflict zone\'s weight as its conflict ages', () => {
    const spawn = { ...DEFAULT_FLEE_SETTINGS.spawn_rules, conflict_spawn_decay: [1, 0.5], conflict_spawn_decay_interval: 5 };
    expect([0, 4, 5, 100].map((age) => conflictDecay(age, spawn))).toEqual([1, 1, 0.5, 0.5]);
    const scenario = tiny({ 'input_csv/conflicts.csv': conflictsCsv(12, { Arda: () => 1, Eskar: (d) => (d < 3 ? 0 : d < 8 ? 1 : 3) }) });
    const sim = new FleeSimulation(scenario, { settings: settingsWith({}, { conflict_spawn_decay: [1, 0.5], conflict_spawn_decay_interval: 5 }) });
    const totals: number[] = [];
    for (let d = 0; d < 9; d++) {
      sim.step();
      totals.push(sim.dayState.spawnTotal);
    }
    // Arda (30,000) halves from day 5; Eskar (10,000) joins on day 3, triples on day 8 and halves (age 5) that same day.
    expect(totals).toEqual([30000, 30000, 30000, 40000, 40000, 25000, 25000, 25000, 30000]);
  });
});
