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
import { LINE_COLORS, STATUS_COLORS } from '../src/report/html-page.js';
import { launchChromium } from './helpers/chromium.js';
import { createProject, projectConfig } from './helpers/project.js';
import { GIT_IDENTITY_ENV } from './helpers/repo.js';
import { METRICS, syntheticLedger, twoSessionInput } from './report-html-data.js';

const CLI = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
const ARTIFACTS = resolve(import.meta.dirname, '..', 'test-artifacts');

let context: BrowserContext;

// What the functions run inside the page use of the DOM (the project's types have no DOM library).
interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}
interface PageElement {
  textContent: string | null;
  classList: Iterable<string>;
  width: number;
  height: number;
  tagName: string;
  className: string;
  clientWidth: number;
  scrollWidth: number;
  childNodes: Iterable<{ nodeType: number; textContent: string | null }>;
  parentElement: PageElement | null;
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
  getBoundingClientRect(): Rect;
  getClientRects(): { length: number };
  getContext(kind: '2d'): {
    font: string;
    measureText(text: string): { width: number };
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  };
}
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  createElement(tag: 'canvas'): PageElement;
  createRange(): { selectNodeContents(node: unknown): void; getBoundingClientRect(): Rect };
  documentElement: PageElement & { scrollHeight: number };
};
declare function getComputedStyle(element: PageElement): {
  display: string;
  overflowX: string;
  visibility: string;
};
interface PageChart {
  scales: { x: { min: number; max: number } };
  bbox: { left: number; top: number; width: number; height: number };
  axes: Array<{ font: [string]; labelFont: [string]; _size: number; _values: string[] | null }>;
  yLabel: string;
  limitColumns: { min: Array<number | null>; max: Array<number | null> };
  metricIndex: number;
  width: number;
  container: PageElement;
  valToPos(value: number, scale: string, canvasPixels: boolean): number;
}
declare const window: { autoexpCharts: PageChart[]; innerWidth: number; devicePixelRatio: number };
declare function requestAnimationFrame(callback: () => void): number;
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

/** Counts by status of the experiments after the baseline (row 0), as the page counts them. */
function countAfterBaseline(statuses: readonly string[]): Record<Status, number> {
  return countStatuses(statuses.slice(1));
}

/**
 * Every text on the page that does not fit its box: text sticking out of its element, an element that
 * cuts its own text (scrollWidth beyond clientWidth), or text beyond the right edge of a box that clips
 * or scrolls it, or of the window. Empty when every word can be read where it is.
 */
async function overflowingText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (element: PageElement) =>
      `${element.tagName.toLowerCase()}.${element.className} "${(element.textContent ?? '').trim().slice(0, 40)}"`;
    for (const element of document.querySelectorAll('main *')) {
      // Not displayed, or inside a closed <details> (laid out only when opened).
      if (element.getClientRects().length === 0 || element.closest('details:not([open]) > :not(summary)'))
        continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const texts = [...element.childNodes].filter(
        (node) => node.nodeType === 3 && (node.textContent ?? '').trim() !== '',
      );
      if (texts.length === 0) continue;
      const box = element.getBoundingClientRect();
      if (
        style.display !== 'inline' &&
        style.overflowX !== 'visible' &&
        element.scrollWidth > element.clientWidth + 1
      )
        problems.push(`${name(element)} cuts its text (${element.scrollWidth} > ${element.clientWidth})`);
      for (const text of texts) {
        const range = document.createRange();
        range.selectNodeContents(text);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0) continue;
        if (rect.left < box.left - 1 || rect.right > box.right + 1)
          problems.push(`${name(element)} sticks out of its box`);
        if (rect.right > window.innerWidth + 1) problems.push(`${name(element)} runs off the window`);
        for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
          if (getComputedStyle(parent).overflowX === 'visible') continue;
          const clip = parent.getBoundingClientRect();
          if (rect.right > clip.right + 1 || rect.left < clip.left - 1)
            problems.push(`${name(element)} is cut by ${name(parent)}`);
        }
      }
    }
    return problems;
  });
}

/** The things each chart's legend names, chart by chart (data-legend of its entries). */
async function legends(page: Page): Promise<string[][]> {
  return page.evaluate(() =>
    window.autoexpCharts.map((chart) =>
      [...document.querySelectorAll(`#legend-${chart.metricIndex} [data-legend]`)].map((entry) =>
        entry.getAttribute('data-legend')!,
      ),
    ),
  );
}

/**
 * What the charts' canvases cut: a y-axis label longer than the plot is high, or a tick value wider
 * than its axis. Measured here with the fonts uPlot draws them in.
 */
async function clippedAxisText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const ctx = document.createElement('canvas').getContext('2d');
    const ratio = window.devicePixelRatio || 1;
    for (const chart of window.autoexpCharts) {
      const axis = chart.axes[1]!;
      ctx.font = axis.labelFont[0];
      if (ctx.measureText(chart.yLabel).width > chart.bbox.height)
        problems.push(`chart ${chart.metricIndex}: y label "${chart.yLabel}" is longer than the plot`);
      ctx.font = axis.font[0];
      for (const value of axis._values ?? []) {
        // The axis holds the ticks (10 px) and the gap (5 px) besides the values.
        if (ctx.measureText(value).width > (axis._size - 15) * ratio)
          problems.push(`chart ${chart.metricIndex}: tick value ${value} is wider than its axis`);
      }
    }
    return problems;
  });
}

/**
 * The whole page as a reader scrolling through it sees it. A full-page screenshot alone would show the
 * tables' blocks empty: the browser lays them out only near the viewport (content-visibility), so the
 * viewport is made as tall as the page for the picture.
 */
async function screenshotWhole(page: Page, path: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height });
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(undefined)))),
  );
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
}

/** Experiment n's row in the table of all experiments. */
function rowOf(page: Page, experiment: number) {
  return page
    .locator('#all-body .grid-row')
    .filter({ has: page.locator('.exp', { hasText: new RegExp(`^${experiment}$`) }) });
}

/** The colour of one pixel of a chart's canvas, as #rrggbb. */
async function pixelAt(page: Page, chart: number, x: number, y: number): Promise<string> {
  return page.evaluate(
    ([id, px, py]) => {
      const canvas = document.querySelector(`#chart-${id} canvas`)!;
      const [r, g, b] = canvas.getContext('2d').getImageData(Math.round(px), Math.round(py), 1, 1).data;
      return `#${[r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
    },
    [chart, x, y] as const,
  );
}

/** Where experiment `x` and value `y` are on a chart's canvas, in its pixels. */
async function canvasPoint(page: Page, chart: number, x: number, y: number): Promise<[number, number]> {
  return page.evaluate(
    ([id, vx, vy]) => {
      const u = window.autoexpCharts.find((c) => c.metricIndex === id)!;
      return [u.valToPos(vx, 'x', true), Math.round(u.valToPos(vy, 'y', true))] as [number, number];
    },
    [chart, x, y] as const,
  );
}

describe('the HTML report in Chromium', () => {
  it('shows two real sessions: no request leaves the page, chart drawn, counts right, the filter works', async () => {
    // The size limit is raised between the sessions: #2 (size 120) was discarded under the old one.
    const limited = (max: number) =>
      projectConfig().replace('goal: minimize', `goal: minimize\n    max: ${max}`);
    const repo = createProject({ config: limited(100) });
    const plan = join(mkdtempSync(join(tmpdir(), 'autoexp-plan-')), 'plan.txt');
    writeFileSync(
      plan,
      ['set 5', 'set 12', 'set 99', 'set 8', 'set 11', 'set 30', 'set 10'].join('\n') + '\n',
    );
    const env = { ...process.env, ...GIT_IDENTITY_ENV, AUTOEXP_PLAN: plan };
    const cli = (...args: string[]) => {
      const result = spawnSync(process.execPath, [CLI, ...args], { cwd: repo.root, env, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
    };
    cli('run', '--experiments', '4');
    repo.write('autoexp.yml', limited(150));
    repo.commitAll('allow size up to 150');
    cli('run', '--experiments', '3');
    const file = join(repo.root, '..', 'report.html');
    cli('report', '--format', 'html', '--out', file);

    const tsv = repo.git('show', 'autoexp/quad:.autoexp/quad/results.tsv').trim().split('\n').slice(1);
    const statuses = tsv.map((line) => line.split('\t')[4]!);
    expect(statuses).toEqual(['keep', 'keep', 'discard', 'crash', 'keep', 'keep', 'discard', 'keep']);
    const counts = countAfterBaseline(statuses);

    const { page, requests, errors } = await open(file);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(errors).toEqual([]);
    expect(await shownCounts(page)).toEqual(counts);
    const headline = await page.textContent('#headline');
    expect(headline).toMatch(/51 → 100\s*\+96\.1%/);
    expect(headline).toContain('After the baseline: 7 experiments: 4 keep, 2 discard, 1 crash.');
    expect(headline).toContain('#7 try x=10');

    // Drawn: kept points in green and discarded ones in grey, on the canvas.
    expect(await pixelsOf(page, STATUS_COLORS.keep)).toBeGreaterThan(0);
    expect(await pixelsOf(page, STATUS_COLORS.discard)).toBeGreaterThan(0);
    expect(await displayedRows(page)).toEqual({ baseline: 1, keep: 4, discard: 2, crash: 1 });

    // Every line in its chart's legend; the limit as it was when each experiment was decided.
    expect(await legends(page)).toEqual([
      ['best so far (kept)', 'baseline 51', 'no value'],
      ['baseline 30', 'max 100 (#0–#4), 150 (#5–#7)', 'no value'],
    ]);
    expect(await page.evaluate(() => window.autoexpCharts.map((chart) => chart.limitColumns.max))).toEqual([
      [null, null, null, null, null, null, null, null],
      [100, 100, 100, 100, 100, 150, 150, 150],
    ]);
    expect(await pixelAt(page, 1, ...(await canvasPoint(page, 1, 2, 100)))).toBe(LINE_COLORS.limit);
    expect(await pixelAt(page, 1, ...(await canvasPoint(page, 1, 2, 150)))).not.toBe(LINE_COLORS.limit);
    expect(await pixelAt(page, 1, ...(await canvasPoint(page, 1, 6, 150)))).toBe(LINE_COLORS.limit);
    expect(await overflowingText(page)).toEqual([]);
    expect(await clippedAxisText(page)).toEqual([]);

    mkdirSync(ARTIFACTS, { recursive: true });
    await screenshotWhole(page, join(ARTIFACTS, 'report.png'));

    // Pointing at the chart names the experiment under the cursor.
    const chart = (await page.locator('#chart-0 .u-over').boundingBox())!;
    await page.mouse.move(chart.x + 2, chart.y + chart.height / 2);
    expect(await page.textContent('#readout')).toBe('#0 baseline  score=51  size=30  baseline');

    await page.uncheck('input[data-status="discard"]');
    expect((await displayedRows(page)).discard).toBeUndefined();
    expect((await displayedRows(page)).keep).toBe(counts.keep);
    expect(await page.locator('#kept-table .s-keep').first().isVisible()).toBe(true);
    expect(await pixelsOf(page, STATUS_COLORS.discard)).toBe(0);
    expect(await pixelsOf(page, STATUS_COLORS.keep)).toBeGreaterThan(0);

    await page.check('input[data-status="discard"]');
    expect((await displayedRows(page)).discard).toBe(counts.discard);
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

    // A row opens its detail: the reason and the limit it was decided under.
    await rowOf(page, 2).click();
    const detail = await page.textContent('#all-body .detail');
    expect(detail).toContain('constraint size>100');
    expect(detail).toContain('size 120 (limit then: max 100)');
    await page.close();
  });

  it('is a report people like to open: the first screen answers, nothing is cut, phones work', async () => {
    const input = twoSessionInput();
    const file = join(mkdtempSync(join(tmpdir(), 'autoexp-html-')), 'report.html');
    writeFileSync(file, renderHtmlReport(input));
    const { page, errors } = await open(file);
    // The reader's own time zone: India, 5:30 ahead of UTC.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'Asia/Kolkata' });
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    mkdirSync(ARTIFACTS, { recursive: true });

    for (const width of [1400, 390]) {
      await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
      // The charts follow the new width on the next frame.
      await page.waitForFunction(() =>
        window.autoexpCharts.every((chart) => chart.width === Math.max(280, chart.container.clientWidth)),
      );

      // The first screen says whether it worked and what won, with counts that leave the baseline out.
      const headline = (await page.locator('#headline').boundingBox())!;
      expect(headline.y + headline.height, `headline at ${width}px`).toBeLessThanOrEqual(
        width > 500 ? 900 : 844,
      );
      const text = await page.textContent('#headline');
      expect(text).toContain('It worked: hit_rate is 9.6% higher than the baseline.');
      expect(text).toMatch(/0\.7412 → 0\.8123\s*\+9\.6%/);
      expect(text).toContain(
        '#8 raise the sketch width to 2^16 counters so frequency estimates collide less',
      );
      expect(text).toContain('After the baseline: 9 experiments: 3 keep, 4 discard, 1 crash, 1 explore.');
      expect(await shownCounts(page)).toEqual(countAfterBaseline(input.rows.map((row) => row.status)));
      expect(await page.textContent('#kept')).toBe('Kept experiments (3 keep, 1 explore)');

      // Times in the reader's zone and words: #8 was recorded at 07:26 UTC, 12:56 in India.
      expect(text).toMatch(/Mar 6, 2025, 12:56 PM GMT\+5:30/);
      expect(await page.evaluate(() => document.querySelector('main')!.textContent)).not.toMatch(
        /\d{4}-\d\d-\d\dT\d\d:\d\d/,
      );

      expect(await legends(page)).toEqual([
        ['best so far (kept)', 'baseline 0.7412', 'no value'],
        ['baseline 310', 'max 400 (#0–#4), 512 (#5–#9)', 'no value'],
        ['baseline 41.5', 'no value'],
      ]);
      // #2 (memory 455) was discarded under max 400: the line there is at 400, not at today's 512.
      expect(await pixelAt(page, 1, ...(await canvasPoint(page, 1, 2, 400)))).toBe(LINE_COLORS.limit);
      expect(await pixelAt(page, 1, ...(await canvasPoint(page, 1, 2, 512)))).not.toBe(LINE_COLORS.limit);
      expect(await overflowingText(page), `at ${width}px`).toEqual([]);
      expect(await clippedAxisText(page), `at ${width}px`).toEqual([]);
      // The longest reason is in the page whole, and its row opens a detail with it.
      const reason = input.records![7]!.reason;
      expect(await rowOf(page, 7).locator('.reason').textContent()).toBe(reason);

      if (width < 500) {
        // A phone: nothing wider than the screen, the charts fit it, rows are stacked cards.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const chartWidths = await page.evaluate(() =>
          [...document.querySelectorAll('.chart canvas')].map(
            (canvas) => canvas.getBoundingClientRect().right,
          ),
        );
        expect(Math.max(...chartWidths)).toBeLessThanOrEqual(width);
        expect(await page.locator('#all-table .grid-head').isVisible()).toBe(false);
        const row = (await rowOf(page, 7).boundingBox())!;
        const reasonBox = (await rowOf(page, 7).locator('.reason').boundingBox())!;
        expect(reasonBox.width).toBeGreaterThan(row.width * 0.9);
      }
      await screenshotWhole(page, join(ARTIFACTS, `report-${width}.png`));
    }

    await rowOf(page, 7).click();
    const detail = await page.textContent('#all-body .detail');
    expect(detail).toContain(input.records![7]!.reason);
    expect(detail).toContain('memory_mb 468 (limit then: max 512)');
    expect(detail).toContain('proposer llm:openai/gpt-5-mini');
    expect(await overflowingText(page)).toEqual([]);
    await rowOf(page, 2).click();
    expect(await page.locator('#all-body .detail').last().textContent()).toContain(
      'memory_mb 455 (limit then: max 400)',
    );
    expect(errors).toEqual([]);
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
    expect(await shownCounts(page)).toEqual(countAfterBaseline(rows.map((row) => row.status)));
    expect(await page.locator('#all-body .grid-row').count()).toBe(10_000);
    expect(await pixelsOf(page, STATUS_COLORS.keep)).toBeGreaterThan(0);
    expect(await page.locator('.chart canvas').count()).toBe(2);
    await page.close();
  });
});
