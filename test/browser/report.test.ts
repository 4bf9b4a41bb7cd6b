import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvToTable } from '../../src/io/read-csv.js';
import { ROOT, SCENARIOS, runCli } from '../helpers.js';
import { chartMarks, launchChromium, watchedPage } from './chromium.js';

/** Minutes, not the default two: a browser and whole runs on a shared machine (not a timing assertion). */
const SLOW = 600_000;

describe('report.html in Chromium', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  const root = mkdtempSync(join(tmpdir(), 'migsim-report-'));
  const runDir = join(root, 'run');
  const comparisonDir = join(root, 'comparison');

  beforeAll(async () => {
    browser = await launchChromium();
    const run = await runCli(['run', join(SCENARIOS, 'mediterranean.yaml'), '--scale', '20000', '--out', runDir, '--report']);
    expect(run.code, run.stderr).toBe(0);
    const compared = await runCli(['compare', join(SCENARIOS, 'mediterranean.yaml'), join(SCENARIOS, 'balloon.yaml'), '--reps', '3', '--workers', '1', '--scale', '50000', '--format', 'csv', '--out', comparisonDir, '--report']);
    expect(compared.code, compared.stderr).toBe(0);
  }, SLOW);
  afterAll(async () => browser?.close());

  for (const [kind, dir] of [['run', runDir], ['comparison', comparisonDir]] as const) {
    it(`the ${kind} report opens offline, with no console errors, and every chart has the marks its data implies`, async () => {
      const file = pathToFileURL(join(dir, 'report.html')).href;
      // Only the report itself may load: anything else (a font, a script, a CDN) is aborted and recorded.
      const { page, watch } = await watchedPage(browser.context, (url) => url === file);
      await page.goto(file);
      const charts = await chartMarks(page);
      expect(charts.length).toBeGreaterThanOrEqual(kind === 'run' ? 8 : 3);
      for (const c of charts) expect(c.drawn, c.id).toEqual(c.expected);
      expect(watch.errors).toEqual([]);
      expect(watch.requests).toEqual([]);
      if (kind === 'comparison') {
        mkdirSync(join(ROOT, 'docs'), { recursive: true });
        const charts = (await page.locator('#charts').boundingBox())!;
        await page.screenshot({ path: join(ROOT, 'docs', 'report.png'), clip: { x: charts.x - 20, y: charts.y, width: charts.width + 40, height: Math.min(charts.height, 1600) }, fullPage: true });
      }
      await page.close();
    }, SLOW);
  }

  it('draws one line per corridor, and per arm and corridor, as the files say', async () => {
    const corridors = (file: string) => new Set(csvToTable('routes', readFileSync(file, 'utf8')).rows.map((r) => r[3 + (file.includes('tables') ? 2 : 0)])).size;
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(join(runDir, 'report.html')).href);
    const run = Object.fromEntries((await chartMarks(page)).map((c) => [c.id, c.drawn]));
    expect(run['chart-arrivals-by-corridor'].line).toBe(corridors(join(runDir, 'routes.csv')));
    expect(corridors(join(runDir, 'routes.csv'))).toBe(3);
    await page.goto(pathToFileURL(join(comparisonDir, 'report.html')).href);
    const comparison = Object.fromEntries((await chartMarks(page)).map((c) => [c.id, c.drawn]));
    expect(comparison['chart-arms-arrivals-by-corridor'].line).toBe(2 * corridors(join(comparisonDir, 'tables', 'routes.csv')));
    // One dot per replication and indicator drawn as a share of its baseline.
    const replications = csvToTable('replications', readFileSync(join(comparisonDir, 'replications.csv'), 'utf8'));
    expect(comparison['chart-effects'].dot).toBeGreaterThan(0);
    expect(comparison['chart-effects'].dot).toBeLessThanOrEqual(replications.rows.length);
    await page.close();
  }, SLOW);
});
