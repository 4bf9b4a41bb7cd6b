import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Simulation, type RunResult } from '../../src/engine/simulation.js';
import { FigureHistory, figureReaders, type FigureSources } from '../../src/governments/figures.js';
import type { PolicyApi } from '../../src/engine/policy-api.js';
import { validateScenario } from '../../src/scenario/validate.js';
import { SCENARIOS, loadScenario } from '../helpers.js';

/** A history fed a month of deaths at a time (a stand-in for the policy interface: only figures by leg are read). */
function history(deathsByMonth: number[]): FigureHistory {
  const h = new FigureHistory();
  const src: FigureSources = { country: 'X', routesInto: [], legsFrom: [], legsTouching: ['leg'], channelPairs: [], nationalsAbroad: [] };
  let d = 0;
  const api = { observer: (dimension: string, ids: readonly string[], field: string) => () => (dimension === 'leg' && field === 'deaths' ? d * ids.length : 0) } as unknown as PolicyApi;
  const readers = figureReaders(api, src);
  for (d of deathsByMonth) h.record(readers, 12, 0, 0);
  return h;
}

describe('salience: public attention to deaths', () => {
  const attention = (months: number[]) => history(months).salience(1, 12, 1, 3, 100, 3);
  it('stays at 1 when a month is within the threshold of the year before, or before a year is on record', () => {
    expect(attention([...Array(14).fill(30), 80, 0])).toBe(1);
    expect(attention([30, 30, 400, 0])).toBe(1);
  });
  it('jumps by the deaths beyond the threshold in units of news, then fades with its half-life', () => {
    // Twelve months of 30, then a month of 390 (published a month late): (390 - 3 * 30) / 100 = 3.
    const h = history([...Array(13).fill(30), 390, 30]);
    const jumped = h.salience(1, 12, 1, 3, 100, 3);
    expect(jumped).toBeCloseTo(4, 9);
    expect(history([...Array(13).fill(30), 390, 30, 30]).salience(jumped, 12, 1, 3, 100, 3)).toBeCloseTo(1 + 3 * Math.pow(0.5, 1 / 3), 9);
  });
});

describe('a shipwreck on the partner\'s leg: the paying state stops honouring the deal at its next review', () => {
  // Italy-Libya with a promise Libya keeps and no court; Italy's public weighs deaths. A wreck: two months in which half of those crossing lby-ita drown.
  const world = (wreck: boolean, deathsWeight: number) => {
    const x: any = structuredClone(loadScenario(join(SCENARIOS, 'italy-libya.yaml')));
    x.name = 'shipwreck';
    x.agents.scale = 80;
    x.ticks = 60;
    x.policies = [];
    x.agreements[0].terms[1].atLeast = 0.15;
    x.agreements[0].tolerance = 0.3;
    x.agreements[0].renegotiate = false;
    x.countries[3].government.objectives.deaths = deathsWeight;
    if (wreck) x.legs[2].mortality = 'tick >= 48 and tick < 50 ? 0.5 : 0.02';
    return validateScenario(x, 'shipwreck (test)');
  };
  /** Italy's value of the deal at its reviews in ticks 49-54, and whether it stopped honouring in them. */
  const after = (r: RunResult) => {
    const t = r.tables.find((x) => x.name === 'agreements')!;
    const rows = t.rows.filter((x) => x[4] === 'ITA' && Number(x[0]) > 48 && Number(x[0]) <= 54);
    return { value: Math.min(...rows.map((x) => Number(x[t.columns.indexOf('value')]))), stopped: rows.some((x) => Number(x[t.columns.indexOf('honouring')]) === 0) };
  };
  it('after a wreck its public attends to, and not without the wreck or where its public does not weigh deaths', () => {
    for (let rep = 0; rep < 3; rep++) {
      const calm = after(new Simulation(world(false, -2), { replication: rep }).runFor());
      const wrecked = after(new Simulation(world(true, -2), { replication: rep, streamsOf: 'shipwreck' }).runFor());
      const indifferent = after(new Simulation(world(true, 0), { replication: rep, streamsOf: 'shipwreck' }).runFor());
      console.log(`shipwreck, replication ${rep}: Italy's lowest value of the deal after it`, wrecked.value, 'without the wreck', calm.value, 'public indifferent to deaths', indifferent.value);
      expect(wrecked.stopped).toBe(true);
      expect(calm.stopped).toBe(false);
      expect(indifferent.stopped).toBe(false);
      expect(wrecked.value).toBeLessThan(0);
    }
  });
});
