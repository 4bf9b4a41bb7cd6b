import { readFileSync } from 'node:fs';
import type { ParameterSample, Uncertainty } from '../experiment/uncertainty.js';
import { csvRows } from '../flee/csv-text.js';
import { UsageError } from './args.js';
import { splitParam } from './commands/sweep.js';

/**
 * `--uncertain` options: PATH=uniform:LOW:HIGH, PATH=normal:MEAN:SD, or
 * PATH=posterior:FILE, a CSV with a column named PATH and, optionally, a
 * `weight` column (as `migsim calibrate` writes posterior.csv). Paths read
 * from the same file are drawn together, from the same row.
 */
export function readUncertainty(specs: readonly string[]): Uncertainty {
  const u: Uncertainty = { parameters: [], samples: [] };
  const byFile = new Map<string, string[]>();
  for (const text of specs) {
    const { path, values } = splitParam(text);
    const [kind, ...rest] = values.split(':');
    const numbers = () => {
      const n = rest.map(Number);
      if (rest.length !== 2 || rest.some((r) => r.trim() === '') || n.some((x) => !Number.isFinite(x))) throw new UsageError(`--uncertain ${text}: expected ${kind}:A:B with two numbers`);
      return n;
    };
    if (kind === 'uniform') {
      const [low, high] = numbers();
      if (low > high) throw new UsageError(`--uncertain ${text}: LOW must not exceed HIGH`);
      u.parameters.push({ path, distribution: { kind, low, high } });
    } else if (kind === 'normal') {
      const [mean, sd] = numbers();
      if (sd < 0) throw new UsageError(`--uncertain ${text}: the standard deviation must not be negative`);
      u.parameters.push({ path, distribution: { kind, mean, sd } });
    } else if (kind === 'posterior') {
      const file = rest.join(':');
      byFile.set(file, [...(byFile.get(file) ?? []), path]);
    } else throw new UsageError(`--uncertain ${text}: expected PATH=uniform:LOW:HIGH, PATH=normal:MEAN:SD or PATH=posterior:FILE`);
  }
  for (const [file, paths] of byFile) u.samples.push(readSample(file, paths));
  const paths = [...u.parameters.map((p) => p.path), ...u.samples.flatMap((s) => s.paths)];
  const twice = paths.find((p, k) => paths.indexOf(p) !== k);
  if (twice !== undefined) throw new UsageError(`--uncertain: ${twice} is given twice`);
  return u;
}

/** The rows of a sample file, narrowed to the paths asked for, with their weights (1 each without a weight column). */
function readSample(file: string, paths: string[]): ParameterSample {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`--uncertain: cannot read the posterior file ${file}`);
  }
  const [header, ...rows] = csvRows(text).filter((r) => r.cells.some((c) => c !== ''));
  if (!header || rows.length === 0) throw new UsageError(`--uncertain: ${file} has no rows`);
  const columns = header.cells;
  const at = paths.map((p) => {
    const k = columns.indexOf(p);
    if (k < 0) throw new UsageError(`--uncertain: ${file} has no column ${p} (columns: ${columns.join(', ')})`);
    return k;
  });
  const weightAt = columns.indexOf('weight');
  const number = (cells: string[], k: number, line: number) => {
    const v = Number(cells[k]);
    if (cells.length !== columns.length) throw new UsageError(`${file}: line ${line}: expected ${columns.length} cells, as in the header, found ${cells.length}`);
    if (cells[k] === '' || !Number.isFinite(v)) throw new UsageError(`${file}: line ${line}, column ${columns[k]}: expected a number, found "${cells[k]}"`);
    return v;
  };
  return {
    source: file, paths,
    rows: rows.map((r) => at.map((k) => number(r.cells, k, r.line))),
    weights: rows.map((r) => (weightAt < 0 ? 1 : number(r.cells, weightAt, r.line))),
  };
}
