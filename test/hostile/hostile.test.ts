import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { judge, outputOf, writeVariant, type Outcome } from './harness.js';
import { BASE_TEXT, ENTRY, scenarioVariants, type Variant } from './scenarios.js';
import { FLEE_ENTRY, fleeBase, fleeVariants } from './flee.js';

/**
 * The seeded hostile-input corpus: every variant must be refused cleanly or,
 * where the change is benign, give the base's output; where it may be either
 * (an optional field removed, a huge number), it must run or be refused
 * cleanly. The counts by kind and outcome are printed at the end.
 */
const SEED = 10;
const counts = new Map<string, Map<Outcome, number>>();
const count = (kind: string, outcome: Outcome) => {
  const byKind = counts.get(kind) ?? new Map<Outcome, number>();
  byKind.set(outcome, (byKind.get(outcome) ?? 0) + 1);
  counts.set(kind, byKind);
};

afterAll(() => {
  const lines = [...counts].map(([kind, byKind]) => `  ${kind.padEnd(24)} ${[...byKind].map(([o, n]) => `${o} ${n}`).join(', ')}`);
  const total = [...counts.values()].reduce((s, m) => s + [...m.values()].reduce((a, b) => a + b, 0), 0);
  console.log(`hostile-input corpus (seed ${SEED}): ${total} variants\n${lines.join('\n')}`);
});

const byKind = (variants: Variant[]) => [...new Set(variants.map((x) => x.kind))].map((kind) => [kind, variants.filter((x) => x.kind === kind)] as const);

/**
 * Judges every variant of one kind: `command` gives the CLI arguments for a
 * variant's folder and an output folder; the base's output is computed once.
 */
function judgeKind(prefix: string, command: (dir: string, out: string) => string[], baseFiles: () => Record<string, string | Uint8Array>) {
  let baseOutput: Map<string, string> | undefined;
  const sameAsBase = async (out: string) => {
    if (!baseOutput) {
      const dir = writeVariant(baseFiles(), `${prefix}-base`);
      const { code } = await runCli(command(dir, join(dir, 'out')));
      expect(code).toBe(0);
      baseOutput = outputOf(join(dir, 'out'));
    }
    const output = outputOf(out);
    return [...baseOutput].every(([name, text]) => output.get(name) === text) && output.size === baseOutput.size;
  };
  return async (kind: string, list: readonly Variant[]) => {
    const failures: string[] = [];
    for (const variant of list) {
      const dir = writeVariant(variant.files, prefix);
      const out = join(dir, 'out');
      const argv = command(dir, out);
      const { outcome, stderr } = await judge(argv, out, dir, variant.secret);
      let final: Outcome = outcome;
      if (outcome === 'ran') {
        if (variant.expect === 'refused') final = 'FAILED: accepted in silence';
        else if (variant.expect === 'same') final = (await sameAsBase(out)) ? 'same' : 'FAILED: output differs from the base';
        else if (variant.expect === 'warned') {
          // Accepted with a warning that is also in the record, and refused with --strict.
          const record = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { warnings: string[] };
          const strictOut = join(dir, 'strict-out');
          const strict = await judge([...command(dir, strictOut), '--strict'], strictOut, dir);
          final = !/migsim: warning: /.test(stderr) ? 'FAILED: accepted without a warning'
            : record.warnings.length === 0 ? 'FAILED: warning not in run.json'
              : strict.outcome !== 'refused' ? `FAILED: --strict did not refuse it (${strict.outcome})` : 'warned';
        }
      } else if (outcome === 'refused' && (variant.expect === 'same' || variant.expect === 'warned')) final = `FAILED: refused (${stderr.split('\n')[1]?.trim().slice(0, 160)})`;
      count(`${prefix === 'flee' ? 'flee ' : ''}${kind}`, final);
      if (final.startsWith('FAILED')) failures.push(`${variant.name}: ${final}`);
    }
    expect(failures).toEqual([]);
  };
}

describe('hostile scenario files', () => {
  const variants = scenarioVariants(SEED);

  it('the corpus is large and covers every kind', () => {
    expect(variants.length).toBeGreaterThan(200);
    expect(new Set(variants.map((x) => x.kind)).size).toBeGreaterThanOrEqual(25);
  });

  const judgeScenario = judgeKind('scenario', (dir, out) => ['run', join(dir, ENTRY), '--out', out], () => ({ [ENTRY]: BASE_TEXT }));
  it.each(byKind(variants))('%s', judgeScenario, 120_000);
});

describe('hostile Flee folders', () => {
  const variants = fleeVariants(SEED);

  it('the corpus covers many kinds', () => {
    expect(variants.length).toBeGreaterThan(40);
    expect(new Set(variants.map((x) => x.kind)).size).toBeGreaterThanOrEqual(12);
  });

  const judgeFlee = judgeKind('flee', (dir, out) => ['flee', join(dir, FLEE_ENTRY), '--settings', join(dir, 'simsetting.yml'), '--out', out], fleeBase);
  it.each(byKind(variants))('flee %s', judgeFlee, 120_000);
});
