import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium, which .ci/run installs (apt-get install -y chromium). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium with a fresh profile and nothing that reaches the
 * network on its own (no updates, sync, QUIC or background requests).
 */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: the browser tests need Debian's chromium (apt-get install -y chromium; .ci/run installs it)`);
  const profile = mkdtempSync(join(tmpdir(), 'migsim-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1200, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What a page did that it should not: console errors, uncaught exceptions, requests beyond what is allowed. */
export interface PageWatch {
  errors: string[];
  requests: string[];
}

/** Opens a page that may only load URLs accepted by `allowed` (others are aborted and recorded). */
export async function watchedPage(context: BrowserContext, allowed: (url: string) => boolean): Promise<{ page: Page; watch: PageWatch }> {
  const page = await context.newPage();
  const watch: PageWatch = { errors: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') watch.errors.push(m.text()); });
  page.on('pageerror', (e) => watch.errors.push(e.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    watch.requests.push(url);
    return route.abort();
  });
  return { page, watch };
}

/** Element names Plot draws for each kind of mark. */
const ELEMENTS: Record<string, string> = { line: 'path', area: 'path', link: 'path', dot: 'circle', bar: 'rect', cell: 'rect', rect: 'rect', rule: 'line', tick: 'line' };

/** For every chart on the page: the marks its data implies (data-marks) and the marks drawn, by Plot's aria-label (in a faceted chart, inside one group per facet). */
export async function chartMarks(page: Page): Promise<Array<{ id: string; expected: Record<string, number>; drawn: Record<string, number> }>> {
  return page.$$eval('figure.chart', (figures, elements) => figures.map((f) => {
    const expected = JSON.parse(f.getAttribute('data-marks') ?? '{}') as Record<string, number>;
    const drawn: Record<string, number> = {};
    for (const mark of Object.keys(expected)) {
      drawn[mark] = [...f.querySelectorAll(`g[aria-label="${mark}"]`)].reduce((n, g) => n + g.querySelectorAll(`:scope > ${elements[mark]}, :scope > g > ${elements[mark]}`).length, 0);
    }
    return { id: f.id, expected, drawn };
  }), ELEMENTS);
}
