import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/scenario/load.js';
import { ScenarioError } from '../src/scenario/errors.js';
import { scenario } from '../src/scenario/builder.js';
import { ROOT, runCli } from './helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const exec = promisify(execFile);

function problems(file: string): ScenarioError {
  const path = join(FIXTURES, 'bad', file);
  try {
    parseScenario(readFileSync(path, 'utf8'), path);
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error(`${file} was accepted`);
}

/** Each bad file: the field path that must be named, and words that must appear in the message. */
const BAD_FILES: Array<[file: string, path: string, words: string[]]> = [
  ['missing-field.yaml', 'countries[0].gdpPerCapita', ['missing']],
  ['wrong-type.yaml', 'ticks', ['whole number', '"twelve"']],
  ['unknown-country-in-leg.yaml', 'legs[0].from', ['"XYZ"', 'neither a place nor a country']],
  ['negative-quota.yaml', 'channels[0].quotaPerYear', ['at least 0', '-5']],
  ['leg-chain.yaml', 'routes[0].legs[1]', ['starting where leg "tra-des" ends']],
  ['bad-expression.yaml', 'countries[0].conflict', ['does not parse']],
  ['expression-out-of-range.yaml', 'countries[0].conflict', ['from 0 to 1', 'at tick 12']],
  ['unknown-field.yaml', 'legs[0].speed', ['unknown field "speed"']],
  ['empty.yaml', '', ['empty document']],
  ['wrong-yaml.yaml', '', ['syntax error', 'line']],
  ['duplicate-id.yaml', 'legs[1].id', ['"ori-tra", already used by legs[0]']],
  ['duplicate-key.yaml', '', ['syntax error']],
  ['bad-month.yaml', 'start', ['YYYY-MM', '2020-13']],
  ['unknown-behaviour.yaml', 'behaviour.braveness', ['unknown field']],
  ['unknown-leg-in-route.yaml', 'routes[0].legs[1]', ['"tra-ita", which is not a leg']],
  ['country-with-places-in-leg.yaml', 'legs[0].to', ['a place of TRA', 'TRA-HUB']],
  ['bad-series-year.yaml', 'countries[2].gdpPerCapita.later', ['calendar year']],
  ['bad-enum.yaml', 'legs[1].mode', ['"land", "sea", "air"', '"boat"']],
  ['smuggling-unknown-field.yaml', 'legs[1].smuggling.boats', ['unknown field "boats"', 'smugglers, capacityPerYear, payLater']],
  ['smuggling-negative-capacity.yaml', 'legs[1].smuggling.capacityPerYear', ['at least', '-1000']],
  ['pay-later-not-boolean.yaml', 'legs[1].smuggling.payLater', ['true or false', '"sometimes"']],
  ['smuggling-bad-contract.yaml', 'legs[1].smuggling.contract', ['"per-attempt", "package", "on-success"', '"guaranteed"']],
  ['smuggling-zero-attempts.yaml', 'legs[1].smuggling.attempts', ['a whole number from 1 to 100', 'the number 0']],
  ['recruitment-missing-field.yaml', 'countries[0].recruitment.placementsPerYear', ['missing']],
  ['fee-cap-negative.yaml', 'countries[0].recruitment.feeCap', ['at least 0', '-100']],
  ['labour-demand-wrong-type.yaml', 'countries[2].labourDemand', ['an object', '50000']],
  ['recruited-not-boolean.yaml', 'channels[0].recruited', ['true or false', '"yes please"']],
];

describe('scenario files', () => {
  it('the valid fixture reads, with documented defaults filled in', () => {
    const s = parseScenario(readFileSync(join(FIXTURES, 'valid.yaml'), 'utf8'), 'valid.yaml');
    expect(s.ticksPerYear).toBe(12);
    expect(s.countries[0].unemployment).toBe(0);
    expect(s.legs[0].onInterception).toBe('pushback');
    expect(s.routes[0].corridor).toBe('main');
    expect(s.channels[0].origins).toBe('all');
  });

  it('the builder and the file format give the same validated scenario', () => {
    const fromFile = parseScenario(readFileSync(join(FIXTURES, 'valid.yaml'), 'utf8'), 'valid.yaml');
    const built = scenario('fixture').starting('2020-01').ticks(12).agents({ scale: 100, origins: ['ORI'] })
      .country({ id: 'ORI', population: 100000, gdpPerCapita: 2000, wages: { low: 1500, high: 4000 }, conflict: '0.2 + 0.1 * t' })
      .country({
        id: 'TRA', population: 1000000, gdpPerCapita: 8000, wages: { low: 5000, high: 12000 },
        places: [{ id: 'TRA-HUB', kind: 'hub', populationShare: 0.2 }, { id: 'TRA-CAP', kind: 'city', populationShare: 0.8 }],
      })
      .country({
        id: 'DES', population: 50000000, gdpPerCapita: { 2020: 40000, 2022: 42000 }, wages: { low: 25000, high: 50000 },
        asylum: { decisionMonths: 6, recognition: { default: 0.3, ORI: 0.5 } },
      })
      .channel({ id: 'work', type: 'work', destination: 'DES', quotaPerYear: 1000, fee: 500, stayMonths: 24 })
      .leg({ id: 'ori-tra', from: 'ORI', to: 'TRA-HUB', mode: 'land', durationDays: 5, cost: 200, mortality: 0.001, interception: 0.05 })
      .leg({ id: 'tra-des', from: 'TRA-HUB', to: 'DES', mode: 'sea', durationDays: 2, cost: 1000, mortality: 0.01, interception: 0.1 })
      .route({ id: 'main', legs: ['ori-tra', 'tra-des'] })
      .build();
    expect(built).toEqual(fromFile);
  });

  it('the builder reports problems the same way', () => {
    expect(() => scenario('x').starting('2020-01').ticks(0).agents({ scale: 1, origins: ['A'] }).build()).toThrowError(/ticks: expected a whole number of at least 1/);
  });

  it.each(BAD_FILES)('%s names %s and says what was expected and found', (file, path, words) => {
    const e = problems(file);
    expect(e.issues.map((i) => i.path)).toContain(path);
    expect(e.message).toContain(join(FIXTURES, 'bad', file));
    for (const w of words) expect(e.message).toContain(w);
    expect(e.message).not.toMatch(/\n\s+at /); // no stack trace in the message
    const issue = e.issues.find((i) => i.path === path)!;
    expect(issue.expected.length).toBeGreaterThan(0);
    expect(issue.found.length).toBeGreaterThan(0);
  });

  it('lists every problem, not only the first', () => {
    const path = join(FIXTURES, 'bad', 'multi.yaml');
    const text = readFileSync(join(FIXTURES, 'valid.yaml'), 'utf8').replace('ticks: 12', 'ticks: -1').replace('mode: sea', 'mode: boat');
    try {
      parseScenario(text, path);
      throw new Error('accepted');
    } catch (e) {
      expect((e as ScenarioError).issues.map((i) => i.path)).toEqual(['ticks', 'legs[1].mode']);
    }
  });

  it('errors give the line of the offending field', () => {
    const e = problems('negative-quota.yaml');
    const line = readFileSync(join(FIXTURES, 'bad', 'negative-quota.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('quotaPerYear: -5')) + 1;
    expect(e.issues[0].line).toBe(line);
  });

  it.each(BAD_FILES)('the CLI exits with 2 on %s, prints the field path, and writes no output', async (file, path) => {
    const dir = join(mkdtempSync(join(tmpdir(), 'migsim-bad-')), 'out');
    const { code, stderr } = await runCli(['run', join(FIXTURES, 'bad', file), '--out', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain(path === '' ? '(whole file)' : path);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(dir)).toBe(false);
  });

  it('a real process exits with 2 on a bad file (the exit code reaches the shell)', async () => {
    const err = await exec('node', ['--import', 'tsx', join(ROOT, 'src/node/cli.ts'), 'validate', join(FIXTURES, 'bad', 'negative-quota.yaml')], { cwd: ROOT })
      .then(() => ({ code: 0, stderr: '' }), (e: { code: number; stderr: string }) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toContain('channels[0].quotaPerYear');
  });
});
