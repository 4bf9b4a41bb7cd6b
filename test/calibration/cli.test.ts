import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

const MEDITERRANEAN = join(ROOT, 'scenarios', 'mediterranean.yaml');
const BALLOON = join(ROOT, 'scenarios', 'balloon.yaml');
const SHIPPED = join(ROOT, 'data', 'observed', 'mediterranean-2014-2019.csv');
const dir = () => mkdtempSync(join(tmpdir(), 'migsim-cli-calibrate-'));

describe('migsim calibrate, sensitivity and compare --uncertain on bad input', () => {
  it('calibrate names the observed file, line and column of a bad row, exit code 2', async () => {
    const file = join(dir(), 'obs.csv');
    writeFileSync(file, 'date,table,key,figure,value,source\n2016,leg,tur-grc,crossings,lots,UNHCR\n');
    const { code, stderr } = await runCli(['calibrate', MEDITERRANEAN, '--observed', file, '--param', 'legs[id=tur-grc].interception=0:0.5', '--out', join(dir(), 'out')]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}: line 2, column value: expected a number of at least 0, without thousands separators, found "lots"`);
  });

  it('calibrate refuses a missing observed file, a bad path and an empty range before running anything', async () => {
    const missing = await runCli(['calibrate', MEDITERRANEAN, '--observed', join(dir(), 'none.csv'), '--param', 'legs[id=tur-grc].interception=0:0.5', '--out', join(dir(), 'o')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('none.csv: (whole file): expected a readable CSV file of observed figures, found no file at that path');
    const path = await runCli(['calibrate', MEDITERRANEAN, '--observed', SHIPPED, '--param', 'legs[id=tur-xxx].interception=0:0.5', '--out', join(dir(), 'o')]);
    expect(path.code).toBe(2);
    expect(path.stderr).toContain('--param legs[id=tur-xxx].interception: no entry of legs has id "tur-xxx"');
    const range = await runCli(['calibrate', MEDITERRANEAN, '--observed', SHIPPED, '--param', 'legs[id=tur-grc].interception=0.5:0.1', '--out', join(dir(), 'o')]);
    expect(range.code).toBe(2);
    expect(range.stderr).toContain('LOW must be below HIGH');
    const method = await runCli(['calibrate', MEDITERRANEAN, '--observed', SHIPPED, '--param', 'legs[id=tur-grc].interception=0:0.5', '--out', join(dir(), 'o'), '--method', 'mcmc']);
    expect(method.code).toBe(2);
    expect(method.stderr).toContain('--method: expected abc or optimise, found "mcmc"');
  });

  it('sensitivity needs an indicator and an even number of levels', async () => {
    const none = await runCli(['sensitivity', MEDITERRANEAN, '--param', 'legs[id=tur-grc].interception=0:0.5', '--out', join(dir(), 'o')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('sensitivity needs at least one --indicator');
    const odd = await runCli(['sensitivity', MEDITERRANEAN, '--param', 'legs[id=tur-grc].interception=0:0.5', '--indicator', 'deaths', '--levels', '3', '--out', join(dir(), 'o')]);
    expect(odd.code).toBe(2);
    expect(odd.stderr).toContain('--levels: expected an even number, found 3');
  });

  it('compare --uncertain refuses an unknown distribution, a path neither arm has and a posterior without the column', async () => {
    const kind = await runCli(['compare', MEDITERRANEAN, BALLOON, '--uncertain', 'behaviour.choiceDeath=beta:1:2']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('expected PATH=uniform:LOW:HIGH, PATH=normal:MEAN:SD or PATH=posterior:FILE');
    const path = await runCli(['compare', MEDITERRANEAN, BALLOON, '--uncertain', 'legs[id=nowhere].cost=uniform:1:2']);
    expect(path.code).toBe(2);
    expect(path.stderr).toContain('--uncertain legs[id=nowhere].cost: no entry of legs has id "nowhere"');
    const posterior = join(dir(), 'posterior.csv');
    writeFileSync(posterior, 'generation,index,weight,distance,legs[id=tur-grc].cost\n0,0,1,0.5,900\n');
    const column = await runCli(['compare', MEDITERRANEAN, BALLOON, '--uncertain', `legs[id=lby-ita].cost=posterior:${posterior}`]);
    expect(column.code).toBe(2);
    expect(column.stderr).toContain(`${posterior} has no column legs[id=lby-ita].cost`);
  });
});
