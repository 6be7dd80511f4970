// The HTML report in a real browser: a system Chrome/Chromium, else the npm registry's Chromium, driven by
// playwright-core (test/helpers/chromium.ts). Without a browser these tests fail on purpose rather than skip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES, type Status } from '../src/ledger/types.js';
import { renderHtmlReport } from '../src/report/html.js';
import { STATUS_COLORS } from '../src/report/html-page.js';
import { launchChromium } from './helpers/chromium.js';
import { createProject } from './helpers/project.js';
import { GIT_IDENTITY_ENV } from './helpers/repo.js';
import { METRICS, syntheticLedger } from './report-html-data.js';

const CLI = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const ARTIFACTS = resolve(import.meta.dirname, '..', 'test-artifacts');

let context: BrowserContext;

// What the functions run inside the page use of the DOM (the project's types have no DOM library).
interface PageElement {
  textContent: string | null;
  classList: Iterable<string>;
  width: number;
  height: number;
  getAttribute(name: string): string | null;
  getContext(kind: '2d'): {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
}
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
};
declare function getComputedStyle(element: PageElement): { display: string };
declare const window: { autoexpCharts: Array<{ scales: { x: { min: number; max: number } } }> };

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` before the tests');
  context = await launchChromium({ width: 1280, height: 900 });
});

afterAll(async () => {
  await context?.close();
});

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
}

/** Opens a page file, refusing (and recording) every request but the page itself. */
async function open(file: string): Promise<Opened> {
  const url = pathToFileURL(file).href;
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url);
  await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
  return { page, requests, errors };
}

/** Pixels of exactly this colour on the primary chart's canvas (the centres of its points). */
async function pixelsOf(page: Page, hex: string): Promise<number> {
  return page.evaluate((color) => {
    const canvas = document.querySelector('#chart-0 canvas')!;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const [r, g, b] = [1, 3, 5].map((start) => parseInt(color.slice(start, start + 2), 16));
    let count = 0;
    for (let i = 0; i < pixels.length; i += 4)
      if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b && pixels[i + 3] === 255) count++;
    return count;
  }, hex);
}

async function shownCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-count]')].map((element) => [
        element.getAttribute('data-count'),
        Number(element.textContent),
      ]),
    ),
  );
}

/** How many rows of the table of all experiments are displayed, by status. */
async function displayedRows(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const counts: Record<string, number> = {};
    for (const row of document.querySelectorAll('#all-body .grid-row')) {
      if (getComputedStyle(row).display === 'none') continue;
      const status = [...row.classList].find((name) => name.startsWith('s-'))!.slice(2);
      counts[status] = (counts[status] ?? 0) + 1;
    }
    return counts;
  });
}

function countStatuses(statuses: readonly string[]): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  for (const status of statuses) counts[status as Status]++;
  return counts;
}

describe('the HTML report in Chromium', () => {
  it('shows a real session: no request leaves the page, chart drawn, counts right, the filter works', async () => {
    const repo = createProject();
    const plan = join(mkdtempSync(join(tmpdir(), 'autoexp-plan-')), 'plan.txt');
    writeFileSync(
      plan,
      ['set 5', 'set 1', 'set 99', 'set 8', 'set 30', 'set 10', 'set 12'].join('\n') + '\n',
    );
    const env = { ...process.env, ...GIT_IDENTITY_ENV, AUTOEXP_PLAN: plan };
    const run = spawnSync(process.execPath, [CLI, 'run', '--experiments', '7'], {
      cwd: repo.root,
      env,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const file = join(repo.root, '..', 'report.html');
    const report = spawnSync(process.execPath, [CLI, 'report', '--format', 'html', '--out', file], {
      cwd: repo.root,
      env,
      encoding: 'utf8',
    });
    expect(report.status, report.stderr).toBe(0);

    const tsv = repo.git('show', 'autoexp/quad:.autoexp/quad/results.tsv').trim().split('\n').slice(1);
    const ledgerCounts = countStatuses(tsv.map((line) => line.split('\t')[4]!));
    expect(ledgerCounts.keep).toBeGreaterThan(1);
    expect(ledgerCounts.discard).toBeGreaterThan(1);
    expect(ledgerCounts.crash).toBe(1);

    const { page, requests, errors } = await open(file);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(errors).toEqual([]);
    expect(await shownCounts(page)).toEqual(ledgerCounts);
    expect(await page.textContent('#headline')).toMatch(/51 → 100\s*\+96\.1%/);

    // Drawn: kept points in green and discarded ones in grey, on the canvas.
    expect(await pixelsOf(page, STATUS_COLORS.keep)).toBeGreaterThan(0);
    expect(await pixelsOf(page, STATUS_COLORS.discard)).toBeGreaterThan(0);
    expect(await displayedRows(page)).toEqual(
      Object.fromEntries(Object.entries(ledgerCounts).filter(([, count]) => count > 0)),
    );

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report.png') });

    // Pointing at the chart names the experiment under the cursor.
    const chart = (await page.locator('#chart-0 .u-over').boundingBox())!;
    await page.mouse.move(chart.x + 2, chart.y + chart.height / 2);
    expect(await page.textContent('#readout')).toBe('#0 keep  score=51  size=30  baseline');

    await page.uncheck('input[data-status="discard"]');
    expect((await displayedRows(page)).discard).toBeUndefined();
    expect((await displayedRows(page)).keep).toBe(ledgerCounts.keep);
    expect(await page.locator('#kept-table .s-keep').first().isVisible()).toBe(true);
    expect(await pixelsOf(page, STATUS_COLORS.discard)).toBe(0);
    expect(await pixelsOf(page, STATUS_COLORS.keep)).toBeGreaterThan(0);

    await page.check('input[data-status="discard"]');
    expect((await displayedRows(page)).discard).toBe(ledgerCounts.discard);
    expect(await pixelsOf(page, STATUS_COLORS.discard)).toBeGreaterThan(0);

    // Zooming one chart (drag across it) zooms the other; a double-click shows everything again.
    const xRanges = () =>
      page.evaluate(() => window.autoexpCharts.map((chart) => [chart.scales.x.min, chart.scales.x.max]));
    const [whole] = await xRanges();
    expect(whole).toEqual([-0.5, 7.5]);
    await page.mouse.move(chart.x + chart.width * 0.25, chart.y + 20);
    await page.mouse.down();
    await page.mouse.move(chart.x + chart.width * 0.75, chart.y + 20, { steps: 5 });
    await page.mouse.up();
    const zoomed = await xRanges();
    expect(zoomed[0]![0]).toBeGreaterThan(1);
    expect(zoomed[0]![1]).toBeLessThan(6);
    expect(zoomed).toEqual([zoomed[0], zoomed[0]]);
    await page.mouse.dblclick(chart.x + chart.width / 2, chart.y + 20);
    expect(await xRanges()).toEqual([whole, whole]);

    // A kept experiment's diff opens from its summary line.
    const diff = page.locator('#kept-table details').first();
    await diff.locator('summary').click();
    expect(await diff.locator('pre.diff').textContent()).toMatch(/-x=3\s*\+x=5/);
    await page.close();
  });

  it('renders 10,000 experiments: every row, the counts and the chart', async () => {
    const { rows, records } = syntheticLedger(10_000);
    const file = join(mkdtempSync(join(tmpdir(), 'autoexp-html-')), 'report.html');
    writeFileSync(
      file,
      renderHtmlReport({ tag: 'quad', branch: 'autoexp/quad', metrics: METRICS, rows, records }),
    );
    const { page, requests, errors } = await open(file);
    expect(requests).toHaveLength(1);
    expect(errors).toEqual([]);
    expect(await shownCounts(page)).toEqual(countStatuses(rows.map((row) => row.status)));
    expect(await page.locator('#all-body .grid-row').count()).toBe(10_000);
    expect(await pixelsOf(page, STATUS_COLORS.keep)).toBeGreaterThan(0);
    expect(await page.locator('.chart canvas').count()).toBe(2);
    await page.close();
  });
});
