import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ObservedDataError, parseObserved } from '../../src/calibration/observed.js';
import { seriesReadings, simulatedSeries } from '../../src/calibration/simulated.js';
import { Simulation } from '../../src/engine/simulation.js';
import { mediterranean, ROOT, sum } from '../helpers.js';
import { smallWorld } from '../worlds.js';

const SHIPPED = join(ROOT, 'data', 'observed', 'mediterranean-2014-2019.csv');

function problems(text: string): string {
  try {
    parseObserved(text, 'obs.csv');
  } catch (e) {
    if (e instanceof ObservedDataError) return e.message;
    throw e;
  }
  throw new Error('expected the file to be refused');
}

describe('observed series', () => {
  it('group rows into series by table, key, figure and resolution, in date order', () => {
    const data = parseObserved([
      'year,table,key,figure,value,source',
      '2021,legs,tra-des,crossings,90,b',
      '2020,leg,tra-des,crossings,100,a',
      '2020-03,leg,tra-des,crossings,7,"c, with a comma"',
      '2020,leg,ori-tra+tra-des,deaths,3,d',
    ].join('\n'), 'obs.csv');
    expect(data.series.map((s) => s.name)).toEqual(['leg:tra-des:crossings', 'leg:tra-des:crossings/month', 'leg:ori-tra+tra-des:deaths']);
    expect(data.series[0].points.map((p) => [p.date, p.from, p.to, p.value, p.line])).toEqual([['2020', '2020-01', '2020-12', 100, 3], ['2021', '2021-01', '2021-12', 90, 2]]);
    expect(data.series[1].points[0].source).toBe('c, with a comma');
  });

  it('refuse bad rows naming the file, line, column, what was expected and what was found, every problem at once', () => {
    const message = problems([
      'date,table,key,figure,value,source',
      '2016-13,leg,tur-grc,crossings,5,x',
      '2016,boats,tur-grc,crossings,5,x',
      '2016,leg,tur-grc,crossings,"1,200",x',
      '2016,leg,tur-grc,price,5,x',
      '2017,leg,tur-grc,crossings,5,',
      '2018,leg,tur-grc,crossings,5,x',
      '2018,leg,tur-grc,crossings,6,x',
    ].join('\n'));
    expect(message).toContain('obs.csv: 6 problems in observed data');
    expect(message).toContain('obs.csv: line 2, column date: expected a year (2016) or a month (2016-03), found "2016-13"');
    expect(message).toContain('line 3, column table: expected one of route, corridor, leg, country, channel, found "boats"');
    expect(message).toContain('line 4, column value: expected a number of at least 0, without thousands separators, found "1,200"');
    expect(message).toContain('line 5, column figure');
    expect(message).toContain('line 6, column source: expected where the figure was published, found an empty cell');
    expect(message).toContain('line 8, column date: expected one row per date for leg:tur-grc:crossings, found a second row for 2018 (the first is on line 7)');
  });

  it('refuse a file without the columns', () => {
    expect(problems('when,what\n2016,5')).toContain('line 1: expected the columns date, table, key, figure, value, source');
  });

  it('are checked against the scenario: unknown keys, figures, and periods the run does not cover', () => {
    const data = parseObserved([
      'date,table,key,figure,value,source',
      '2020,leg,nowhere,crossings,5,x',
      '2020,route,main,crossings,5,x',
      '2023,route,main,arrivals,5,x',
    ].join('\n'), 'obs.csv');
    let message = '';
    try {
      seriesReadings(data, smallWorld({ ticks: 24 }));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('line 2, column key: expected a leg of scenario small-world (ori-tra, tra-des), found "nowhere"');
    expect(message).toContain('line 3, column figure: expected a column of the routes table');
    expect(message).toContain('line 4, column date: expected a period the run covers whole, tick for tick (the run: 2020-01 to 2021-12, 12 ticks a year), found "2023"');
  });

  it('read from a run as the sums of the figure over the ticks of each period and the keys joined by +', () => {
    const scenario = smallWorld({ ticks: 24, legs: [{ interception: 0.2 }, { mortality: 0.05 }] });
    const result = new Simulation(scenario, { seed: 3, replication: 0 }).runFor();
    const data = parseObserved([
      'date,table,key,figure,value,source',
      '2020,leg,tra-des,crossings,1,x', '2021,leg,tra-des,crossings,1,x',
      '2020,leg,ori-tra+tra-des,deaths,1,x', '2021,leg,ori-tra+tra-des,deaths,1,x',
    ].join('\n'), 'obs.csv');
    const [crossings, deaths] = simulatedSeries(seriesReadings(data, scenario), result);
    expect(crossings[0] + crossings[1]).toBe(sum(result, 'legs', 'crossings', { leg: 'tra-des' }));
    expect(crossings[0]).toBeGreaterThan(0);
    expect(deaths[0] + deaths[1]).toBe(sum(result, 'legs', 'deaths'));
  });

  it('ship for the Mediterranean 2014-2019: every row sourced, every series readable from the built-in scenario', () => {
    const data = parseObserved(readFileSync(SHIPPED, 'utf8'), SHIPPED);
    const points = data.series.flatMap((s) => s.points);
    expect(points.length).toBeGreaterThan(50);
    expect(points.every((p) => p.source.length > 10)).toBe(true);
    expect(new Set(data.series.map((s) => s.key))).toEqual(new Set(['tur-grc', 'lby-ita', 'mar-esp', 'tur-grc+lby-ita+mar-esp']));
    expect(data.series.some((s) => s.monthly)).toBe(true);
    expect(() => seriesReadings(data, mediterranean())).not.toThrow();
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('data');
  });
});
