import type { RunResult } from '../engine/simulation.js';
import { indicatorsNamed, type IndicatorRun } from '../metrics/indicators.js';
import '../metrics/flow-indicators.js'; // the facts' measures use these
import type { Table } from '../metrics/table.js';
import type { Scenario } from '../scenario/types.js';
import type { PairRun } from './compare.js';
import { estimate, type Estimate } from './stats.js';

/**
 * The validation scorecard: published stylised facts (FACTS.md), each
 * measured as a paired comparison of a baseline world and the same world with
 * the policy (or shock) the fact is about, with common random numbers and
 * replications, and the library's default behaviour. A fact has one or more
 * checks; each check is a figure computed per replication from registered
 * indicators over a window of months, summarised with its 95% interval, and
 * passes when its mean lies in the fact's band.
 */

/** A baseline and variant scenario file (in scenarios/facts/) that one or more facts are measured on. */
export interface FactWorld {
  id: string;
  baseline: string;
  variant: string;
}

/** Months `[from, until)` written YYYY-MM; either end may be left open. */
export interface FactWindow {
  from?: string;
  until?: string;
}

export interface FactCheck {
  /** What is measured, in words and in indicator names. */
  measure: string;
  /** The band the mean must lie in, inclusive; ±Infinity for an open side. */
  band: readonly [number, number];
  /** How the figure is printed. */
  unit: 'percent' | 'ratio' | 'share' | 'dollars' | 'rate';
  /** Months of both runs the figure is computed over; default: the whole run. */
  window?: FactWindow;
  /** The figure for one replication, from its baseline and variant runs (windowed); NaN when undefined. */
  value(baseline: IndicatorRun, variant: IndicatorRun): number;
}

export interface Fact {
  id: string;
  title: string;
  /** What was observed, in brief, as FACTS.md gives it. */
  observed: string;
  world: string;
  checks: readonly FactCheck[];
}

export interface CheckResult {
  fact: Fact;
  check: FactCheck;
  values: number[];
  estimate: Estimate;
  pass: boolean;
}

/** The rows of a run's tables inside a window of months (tables carry each tick's date, YYYY-MM-DD). */
export function windowed(run: IndicatorRun, window: FactWindow = {}): IndicatorRun {
  if (window.from === undefined && window.until === undefined) return run;
  const inside = (date: string) => (window.from === undefined || date >= window.from) && (window.until === undefined || date < window.until);
  const tables: Table[] = run.result.tables.map((t) => {
    const k = t.columns.indexOf('date');
    return k < 0 ? t : { ...t, rows: t.rows.filter((r) => inside(String(r[k]).slice(0, 7))) };
  });
  return { scenario: run.scenario, result: { ...run.result, tables } };
}

/** A finished arm of a replication pair (its tables kept) as an indicator run. */
function armRun(scenario: Scenario, pair: PairRun, arm: 'baseline' | 'variant'): IndicatorRun {
  const a = pair[arm];
  if (!a.tables) throw new Error(`replication ${pair.replication} of ${scenario.name} kept no tables: facts need them (compare with tables: true)`);
  const result: RunResult = {
    scenario: scenario.name, seed: pair.seed, replication: pair.replication, ticksRun: scenario.ticks, scale: scenario.agents.scale,
    agents: 0, tables: a.tables, events: a.events, roles: [], plugins: [],
  };
  return { scenario, result };
}

/** Each check of a fact over the replication pairs of its world. */
export function evaluateFact(fact: Fact, baseline: Scenario, variant: Scenario, runs: readonly PairRun[]): CheckResult[] {
  return fact.checks.map((check) => {
    const values = runs.map((pair) => check.value(windowed(armRun(baseline, pair, 'baseline'), check.window), windowed(armRun(variant, pair, 'variant'), check.window)));
    const e = estimate(values);
    return { fact, check, values, estimate: e, pass: e.n > 0 && e.mean >= check.band[0] && e.mean <= check.band[1] };
  });
}

// ---- measures: figures of one run, and of a pair -------------------------------------------

/** A registered run indicator's value for one key. */
export function indicator(name: string, key = ''): (run: IndicatorRun) => number {
  const [i] = indicatorsNamed([name]);
  if (i.level !== 'run') throw new Error(`indicator "${name}" is a comparison indicator; use comparison()`);
  return (run) => i.compute(run)[key] ?? Number.NaN;
}

/** A registered comparison indicator's value for one key. */
export function comparison(name: string, key = ''): (baseline: IndicatorRun, variant: IndicatorRun) => number {
  const [i] = indicatorsNamed([name]);
  if (i.level !== 'comparison') throw new Error(`indicator "${name}" is a run indicator; use indicator()`);
  return (b, v) => i.compute(b, v)[key] ?? Number.NaN;
}

type RunFigure = (run: IndicatorRun) => number;

/** Sum of several figures of one run (e.g. arrivals on two routes). */
export function sum(...figures: RunFigure[]): RunFigure {
  return (run) => figures.reduce((s, f) => s + f(run), 0);
}

/** f / g of one run. */
export function share(f: RunFigure, g: RunFigure): RunFigure {
  return (run) => {
    const d = g(run);
    return d === 0 ? Number.NaN : f(run) / d;
  };
}

/** (variant − baseline) / baseline. */
export function relativeChange(f: RunFigure): FactCheck['value'] {
  return (b, v) => {
    const base = f(b);
    return base === 0 ? Number.NaN : (f(v) - base) / base;
  };
}

/** variant / baseline. */
export function ratioOf(f: RunFigure): FactCheck['value'] {
  return (b, v) => {
    const base = f(b);
    return base === 0 ? Number.NaN : f(v) / base;
  };
}

/** The figure in one arm only: a level in the world with (or without) the policy. */
export function inArm(arm: 'baseline' | 'variant', f: RunFigure): FactCheck['value'] {
  return (b, v) => f(arm === 'baseline' ? b : v);
}

/** Arc elasticity ln(f_v / f_b) / ln(cause_v / cause_b), the cause's change given by the world. */
export function elasticity(f: RunFigure, causeRatio: number): FactCheck['value'] {
  return (b, v) => {
    const base = f(b);
    const after = f(v);
    return base > 0 && after > 0 ? Math.log(after / base) / Math.log(causeRatio) : Number.NaN;
  };
}

// ---- reports -------------------------------------------------------------------------------

function figure(x: number, unit: FactCheck['unit']): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '—' : x > 0 ? '∞' : '−∞';
  switch (unit) {
    case 'percent': return `${x > 0 ? '+' : ''}${(100 * x).toFixed(1)}%`;
    case 'share': return `${(100 * x).toFixed(1)}%`;
    case 'dollars': return `$${Math.round(x).toLocaleString('en-US')}`;
    default: return String(Number(x.toPrecision(3)));
  }
}

export function formatBand(check: FactCheck): string {
  const [lo, hi] = check.band;
  // A fall of 100% is the most there can be: "−100% to −85%" reads as "at most −85%".
  if (lo === Number.NEGATIVE_INFINITY || (check.unit === 'percent' && lo <= -1)) return `≤ ${figure(hi, check.unit)}`;
  if (hi === Number.POSITIVE_INFINITY) return `≥ ${figure(lo, check.unit)}`;
  return `${figure(lo, check.unit)} to ${figure(hi, check.unit)}`;
}

export function formatEstimate(r: CheckResult): string {
  const { mean, low, high } = r.estimate;
  const interval = Number.isNaN(low) ? '' : ` [${figure(low, r.check.unit)}, ${figure(high, r.check.unit)}]`;
  return `${figure(mean, r.check.unit)}${interval}`;
}

/** The scorecard's rows as cells: fact, measure, observed, band, estimate with interval, n, pass. */
export function scorecardCells(results: readonly CheckResult[]): string[][] {
  return results.map((r) => [
    `${r.fact.id} ${r.fact.title}`, r.check.measure, r.fact.observed, formatBand(r.check), formatEstimate(r), String(r.estimate.n), r.pass ? 'pass' : 'FAIL',
  ]);
}

export const SCORECARD_HEAD = ['fact', 'measure', 'observed', 'expected band', 'estimate [95% interval]', 'n', ''];

/** Facts (not checks) that pass: every one of their checks passes. */
export function factsPassing(results: readonly CheckResult[]): { passed: string[]; failed: string[] } {
  const byFact = new Map<string, boolean>();
  for (const r of results) byFact.set(r.fact.id, (byFact.get(r.fact.id) ?? true) && r.pass);
  const ids = [...byFact.keys()];
  return { passed: ids.filter((id) => byFact.get(id)), failed: ids.filter((id) => !byFact.get(id)) };
}

/** The scorecard as aligned text, for a terminal: one line per check. */
export function formatFactsText(results: readonly CheckResult[]): string {
  const rows = results.map((r) => [r.fact.id, r.check.measure, formatBand(r.check), formatEstimate(r), String(r.estimate.n), r.pass ? 'pass' : 'FAIL']);
  const head = ['fact', 'measure', 'expected', 'estimate [95% interval]', 'n', ''];
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((c) => c[k].length)));
  const line = (c: string[]) => c.map((x, k) => x.padEnd(widths[k])).join('  ').trimEnd();
  const { passed, failed } = factsPassing(results);
  return [line(head), ...rows.map(line), '', `${passed.length} of ${passed.length + failed.length} facts pass${failed.length ? ` (failing: ${failed.join(', ')})` : ''}`].join('\n');
}

/**
 * The scorecard as Markdown: a table of every check, the count of facts
 * passing, and under it a line for each failing fact with its diagnosis
 * (which mechanism causes it), where one has been written.
 */
export function formatFactsMarkdown(results: readonly CheckResult[], diagnoses: Readonly<Record<string, string>> = {}): string {
  const escape = (x: string) => x.replace(/\|/g, '\\|');
  const rows = scorecardCells(results).map((c) => `| ${c.map(escape).join(' | ')} |`);
  const { passed, failed } = factsPassing(results);
  return [
    `| ${SCORECARD_HEAD.join(' | ')} |`, `|${SCORECARD_HEAD.map(() => '---').join('|')}|`, ...rows, '',
    `**${passed.length} of ${passed.length + failed.length} facts pass.**`, '',
    ...(failed.length ? ['Failing facts, and the mechanism that causes each:', '', ...failed.map((id) => `- **${id}**: ${diagnoses[id] ?? 'not yet diagnosed.'}`)] : []),
  ].join('\n');
}
