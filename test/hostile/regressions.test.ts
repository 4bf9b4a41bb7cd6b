import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FleeFormatError, formatFleeIssue, type FleeIssue } from '../../src/flee/errors.js';
import { parseFleeSettings } from '../../src/flee/settings.js';
import { nearestName } from '../../src/io/text.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { parseScenario } from '../../src/scenario/load.js';
import { checkRunSize, estimateRunSize } from '../../src/scenario/size.js';
import { parseTimeExpression } from '../../src/world/quantity.js';
import { conflictsCsv } from '../flee/tiny.js';
import { runCli } from '../helpers.js';
import { BASE_TEXT } from './scenarios.js';

function issues(read: () => unknown): ScenarioError['issues'] {
  try {
    read();
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  throw new Error('accepted');
}

describe('YAML errors carry a line and column; the library never throws through', () => {
  it('a syntax error is placed', () => {
    const [issue] = issues(() => parseScenario(BASE_TEXT.replace('origins: [ORI] }', 'origins: [ORI }'), 'x.yaml'));
    expect(issue.line).toBe(4);
    expect(issue.column).toBeGreaterThan(1);
  });

  it('an alias bomb, an unknown alias and deep nesting are ScenarioErrors', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...'bcdef'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdef'[i]}`).join(',')}]`)].join('\n');
    expect(issues(() => parseScenario(bomb, 'x.yaml'))[0].found).toMatch(/alias bomb/);
    expect(issues(() => parseScenario('x: *zz\n', 'x.yaml'))[0].found).toMatch(/\*zz, which names no anchor/);
    expect(issues(() => parseScenario(`${'['.repeat(5000)}${']'.repeat(5000)}`, 'x.yaml'))[0].expected).toMatch(/nesting at most 64 levels/);
  });

  it('unknown tags and __proto__ keys are refused, not dropped', () => {
    expect(issues(() => parseScenario(BASE_TEXT.replace('ticks: 12', 'ticks: !custom 12'), 'x.yaml'))[0].expected).toMatch(/no YAML tags/);
    const proto = issues(() => parseScenario(BASE_TEXT.replace('    conflict: "0.2 + 0.1 * t"', '    conflict: "0.2 + 0.1 * t"\n    diaspora: { __proto__: 5 }'), 'x.yaml'));
    expect(proto[0]).toMatchObject({ line: 11, column: 17, found: 'the key "__proto__"' });
  });

  it('the Flee settings reader is as safe, and suggests the key meant', () => {
    const read = (text: string) => { try { parseFleeSettings(text, 's.yml'); } catch (e) { return (e as FleeFormatError).issues.map(formatFleeIssue).join('\n'); } return 'read'; };
    expect(read('x: *zz\n')).toMatch(/names no anchor/);
    expect(read('move_rules: [\n')).toMatch(/line \d+, column \d+/);
    expect(read('move_rules:\n  camp_movechanse: 0.1\n')).toMatch(/did you mean camp_movechance\?/);
  });
});

describe('real Flee setting keys this rule set does not implement', () => {
  const text = 'log_levels:\n  granularity: location\nmove_rules:\n  max_crossing_speed: 20\n';
  it('are warnings when warnings are collected, naming each key, and errors otherwise', () => {
    const warnings: FleeIssue[] = [];
    parseFleeSettings(text, 's.yml', { warnings });
    expect(warnings.map(formatFleeIssue)).toEqual([expect.stringMatching(/line 2, key "log_levels.granularity, move_rules.max_crossing_speed": .*ignored here/)]);
    expect(() => parseFleeSettings(text, 's.yml')).toThrow(FleeFormatError);
    expect(() => parseFleeSettings(text, 's.yml', { warnings: [], strict: true })).toThrow(FleeFormatError);
  });
});

describe('time expressions', () => {
  it('allow arithmetic, comparisons, conditionals and a few functions of t, tick and year', () => {
    for (const e of ['0.1 + 0.2 * t', 'tick > 3 and year < 2030 ? min(0.5, sqrt(t)) : max(0, log(1 + t))', 'round(pow(t, 2) * 10) / 10', 'abs(-t) % 1', 'exp(-t) * pi / e']) {
      expect(() => parseTimeExpression(e), e).not.toThrow();
    }
  });

  it.each([
    ['f(x) = x <= 0 ? 0 : f(x - 1); f(3)', /function definition|more than one expression/], ['t = 0.1', /assignment/], ['random()', /"random" is not allowed/],
    ['evaluate("1")', /"evaluate" is not allowed/], ['{a: 1}.a', /object|taking a part/], ['"0.1"', /text is not a number/], ['x + 1', /"x" is not a variable/],
    [`0.1${' + 0'.repeat(200)}`, /characters long/],
  ])('refuse %s', (e, message) => {
    expect(() => parseTimeExpression(e)).toThrow(message);
  });

  it('are checked at every tick, and the first bad tick is reported', () => {
    const at = (e: string) => issues(() => parseScenario(BASE_TEXT.replace('"0.2 + 0.1 * t"', `"${e}"`), 'x.yaml'))[0].found;
    expect(at('tick == 3 ? 0/0 : 0.1')).toMatch(/gives NaN at tick 3/);
    expect(at('tick == 7 ? 1e400 : 0.1')).toMatch(/gives Infinity at tick 7/);
    expect(at('tick >= 5 ? -1 : 0.1')).toMatch(/gives -1 at tick 5$/);
  });
});

describe('policy windows and targets', () => {
  const policy = (fields: string) => issues(() => parseScenario(BASE_TEXT.replace('from: 2020-04, until: 2020-10', fields), 'x.yaml')).map((i) => `${i.path}: ${i.found}`);
  it.each([
    ['from: 2020-10, until: 2020-04', /policies\[0\]\.until: 2020-04: the policy would never be in force/],
    ['from: 2020-06, until: 2020-06', /policies\[0\]\.until: 2020-06/],
    ['from: 1900-01', /policies\[0\]\.from: 1900-01, before the run starts/],
    ['from: 9999-01', /policies\[0\]\.from: 9999-01, at or after the run's end/],
  ])('%s is refused', (fields, message) => {
    expect(policy(fields)).toEqual([expect.stringMatching(message)]);
  });
  it('an empty target list is refused', () => {
    expect(issues(() => parseScenario(BASE_TEXT.replace('targets: [tra-des]', 'targets: []'), 'x.yaml'))[0]).toMatchObject({ path: 'policies[0].targets', found: 'an empty list' });
  });
});

describe('the size of a run, before anything is allocated', () => {
  const s = parseScenario(BASE_TEXT, 'x.yaml');
  it('counts agents, bytes and agent-ticks', () => {
    const size = estimateRunSize(s);
    expect(size.agents).toBe(1000);
    expect(size.agentTicks).toBe(12_000);
    expect(size.bytes).toBeGreaterThan(1000 * 40);
  });
  it('refuses a scale that cannot fit, saying how many agents would', () => {
    const tiny1 = { ...s, agents: { ...s.agents, scale: 1e-9 } };
    expect(() => checkRunSize(tiny1, 'x.yaml', 24 * 2 ** 30)).toThrow(/agents\.scale: expected a scale giving agents that fit \(this machine has 24\.0 GiB: at most about [\d,]+ agents\), found 1e-9, which makes 1\.0e\+14 agents \(about [\d.]+ PiB\)/);
    expect(() => checkRunSize(s, 'x.yaml', 24 * 2 ** 30)).not.toThrow();
  });
});

describe('nearest names for "did you mean"', () => {
  it('a conflicts.csv column naming no location is left out, with the nearest name', () => {
    expect(nearestName('Distrito Capital', ['Distrito_Capital', 'Zulia'])).toBe('Distrito_Capital');
    expect(nearestName('Isale', ['Distrito_Capital', 'Zulia'])).toBeUndefined();
  });
});

describe('--out is checked before the run', () => {
  const scenarioFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'migsim-out-'));
    writeFileSync(join(dir, 's.yaml'), BASE_TEXT);
    return { dir, file: join(dir, 's.yaml') };
  };

  it('an existing file is refused, and replaced with --force', async () => {
    const { dir, file } = scenarioFile();
    writeFileSync(join(dir, 'out'), 'mine');
    const refused = await runCli(['run', file, '--out', join(dir, 'out')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/out: expected a folder to write results into, found an existing file; .*--force/);
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('mine');
    expect((await runCli(['run', file, '--out', join(dir, 'out'), '--force'])).code).toBe(0);
    expect(existsSync(join(dir, 'out', 'population.csv'))).toBe(true);
  });

  it('a folder of files migsim did not write is refused; its own folder is written again', async () => {
    const { dir, file } = scenarioFile();
    mkdirSync(join(dir, 'theirs'));
    writeFileSync(join(dir, 'theirs', 'population.csv'), 'my own data');
    const refused = await runCli(['run', file, '--out', join(dir, 'theirs')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/found a folder of 1 other file \(population\.csv\), which would be overwritten/);
    expect(readFileSync(join(dir, 'theirs', 'population.csv'), 'utf8')).toBe('my own data');
    expect((await runCli(['run', file, '--out', join(dir, 'ours')])).code).toBe(0);
    expect((await runCli(['run', file, '--out', join(dir, 'ours')])).code).toBe(0);
  });

  it('a place that cannot be written is refused before the run', async () => {
    const { dir, file } = scenarioFile();
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o500);
    const result = await runCli(['run', file, '--out', join(dir, 'locked', 'out')]);
    chmodSync(join(dir, 'locked'), 0o700);
    // root may write anywhere; everyone else is refused.
    if (process.getuid?.() === 0) expect(result.code).toBe(0);
    else {
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/not writable \(EACCES\)/);
    }
  });
});

describe('a folder Flee runs, with its habits', () => {
  it('merges a route listed both ways, skips a no-op closure and leaves out an unknown conflicts.csv column, each with a warning', async () => {
    const { readFleeScenario } = await import('../../src/flee/reader.js');
    const { tinyFiles } = await import('../flee/tiny.js');
    const warnings: FleeIssue[] = [];
    const files = tinyFiles({
      'input_csv/routes.csv': '#name1,name2,distance\nArda,Borin,100\nBorin,Calla,300\nBorin,Dunmore,50\nEskar,Borin,120\nBorin,Arda,100\n',
      'input_csv/closures.csv': '#closure_type,name1,name2,closure_start,closure_end\nremove_forced_redirection,Arda,Calla,0,5\n',
      'input_csv/conflicts.csv': conflictsCsv(12, { Arda: () => 1, Eskar: (d) => (d >= 3 ? 1 : 0), Eskr: () => 1 }),
    });
    const s = readFleeScenario(files, 'tiny', 'tiny', { warnings });
    expect(s.links).toHaveLength(4);
    expect(s.closures).toHaveLength(0);
    expect(warnings.map(formatFleeIssue)).toEqual([
      expect.stringMatching(/routes.csv, line 6: .*the route Borin - Arda of line 2 the other way round: merged into one link/),
      expect.stringMatching(/closures.csv, line 2: .*no route between Arda and Calla: a closure that changes nothing, skipped/),
      expect.stringMatching(/conflicts.csv, line 1, column "Eskr": .*no location "Eskr": did you mean Eskar\?; the column is left out/),
    ]);
    expect(() => readFleeScenario(files, 'tiny', 'tiny', { warnings: [], strict: true })).toThrow(/3 problems/);
  });
});
