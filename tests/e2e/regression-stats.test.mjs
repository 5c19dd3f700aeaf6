// <mathsight-regression-stats> on the course page, end to end in headless Chromium: it draws
// sharply at DPR 1 and 2 and at 360 px, dragging a point refits, keys move points, pasted
// tables are used with bad rows named, and bad data keeps the last good state.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoProblems, launchBrowser, openPage, outputDir, SITE_ROOT } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ port: 0, root: SITE_ROOT });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const TAG = 'mathsight-regression-stats';

async function coursePage({ dpr = 1, width = 1280 } = {}) {
  const page = await openPage(browser, `${server.url}index.html`, { deviceScaleFactor: dpr, width });
  const widget = page.locator(TAG);
  await widget.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${TAG}[data-ready]`, { timeout: 15000 });
  await stableLayout(page);
  return { page, widget };
}

/**
 * Waits until the widget stops moving: widgets above it draw lazily and grow to their real
 * height, which shifts everything below. Clicks land where they are aimed only after that.
 */
async function stableLayout(page) {
  await page.waitForFunction(
    (tag) => {
      const el = document.querySelector(tag);
      const rect = el.getBoundingClientRect();
      // Keep it in view: a widget out of view is not drawn, so it would stay dirty.
      if (rect.bottom < 0 || rect.top > window.innerHeight) el.scrollIntoView({ block: 'nearest' });
      const top = el.getBoundingClientRect().top + window.scrollY;
      const now = performance.now();
      const seen = (window.__msLayout ??= { top, since: now });
      if (seen.top !== top) Object.assign(seen, { top, since: now });
      return !el.dirty && now - seen.since > 300;
    },
    TAG,
    { polling: 'raf', timeout: 15000 },
  );
  await page.locator(TAG).scrollIntoViewIfNeeded();
}

const state = (page) => page.evaluate((tag) => document.querySelector(tag).state, TAG);

async function settle(page) {
  await page.waitForFunction((tag) => !document.querySelector(tag).dirty, TAG);
}

/** Page coordinates of data point (u, v) on the data plot. */
async function pagePoint(page, [u, v]) {
  return page.evaluate(
    ({ tag, u, v }) => {
      const el = document.querySelector(tag);
      const plot = el.plots.find((p) => p.id === 'data');
      const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
      const fx = (u - plot.x_range[0]) / (plot.x_range[1] - plot.x_range[0]);
      const fy = (v - plot.y_range[0]) / (plot.y_range[1] - plot.y_range[0]);
      return { x: r.left + plot.x + fx * plot.width, y: r.top + plot.y + (1 - fy) * plot.height };
    },
    { tag: TAG, u, v },
  );
}

test('draws sharply at DPR 1 and 2 with the state fields, and no console error', async () => {
  for (const dpr of [1, 2]) {
    const { page, widget } = await coursePage({ dpr });
    const sizes = await page.evaluate((tag) => {
      const c = document.querySelector(tag).shadowRoot.querySelector('canvas');
      const r = c.getBoundingClientRect();
      return { w: c.width, h: c.height, cssW: r.width, cssH: r.height };
    }, TAG);
    assert.equal(sizes.w, Math.round(sizes.cssW * dpr));
    assert.equal(sizes.h, Math.round(sizes.cssH * dpr));
    const s = await state(page);
    for (const key of ['slope', 'intercept', 'r_squared', 'slope_stderr', 'slope_p_value']) {
      assert.equal(typeof s[key], 'number', key);
    }
    assert.ok(s.r_squared >= 0 && s.r_squared <= 1);
    await widget.screenshot({ path: path.join(outputDir(), `regression-stats-dpr${dpr}.png`) });
    assertNoProblems(page);
  }
});

test('it is readable at 360 px wide and nothing overflows', async () => {
  const { page, widget } = await coursePage({ dpr: 2, width: 360 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
  await widget.screenshot({ path: path.join(outputDir(), 'regression-stats-360.png') });
  assertNoProblems(page);
});

test('pasting a table fits it and names the bad rows; dragging and keys refit', async () => {
  const { page, widget } = await coursePage();
  const area = page.locator(`${TAG} textarea[data-option="csv"]`);
  await area.fill('hours,score\n1,2.1\n2,2.9\n3,4.2\noops,1\n4,4.8\n5,6.3\n6,6.8\n7\n');
  await area.press('Control+Enter');
  let s = await state(page);
  // scipy.stats.linregress([1, 2, 3, 4, 5, 6], [2.1, 2.9, 4.2, 4.8, 6.3, 6.8]): slope
  // 0.9799999999999999, stderr 0.05623081683476449, pvalue 6.363148069747597e-05
  assert.ok(Math.abs(s.slope - 0.98) < 1e-12);
  assert.ok(Math.abs(s.slope_stderr - 0.05623081683476449) < 1e-12);
  assert.ok(Math.abs(s.slope_p_value - 6.363148069747597e-5) < 1e-12);
  assert.deepEqual(s.header, ['hours', 'score']);
  assert.deepEqual(
    s.rejected_rows.map((r) => [r.line, r.column]),
    [
      [5, 1],
      [9, null],
    ],
  );
  assert.match(
    await page.locator(`${TAG} .ms-message`).textContent(),
    /Using 6 good rows\. Skipped 2 rows: line 5, column 1: "oops" is not a number; line 9: expected 2 columns, found 1\./,
  );
  await settle(page);
  await widget.screenshot({ path: path.join(outputDir(), 'regression-stats-csv.png') });
  // Drag the last point down: the slope falls, the data moves into `points`.
  const from = await pagePoint(page, [6, 6.8]);
  const to = await pagePoint(page, [6, 3]);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  s = await state(page);
  assert.ok(s.slope < 0.9, `slope ${s.slope}`);
  assert.equal(s.source, 'points');
  assert.equal(s.options.csv, '');
  const slope = s.slope;
  await page.locator(`${TAG} canvas.ms-canvas`).focus();
  await page.keyboard.press('Shift+ArrowUp');
  s = await state(page);
  assert.ok(s.slope > slope, 'ArrowUp moved the selected point up');
  assertNoProblems(page);
});

test('bad data is explained and the last good state kept', async () => {
  const { page } = await coursePage();
  const good = await state(page);
  for (const [value, message] of [
    ['1,2\n2,3\n', 'csv: at least 3 data points are needed, got 2'],
    ['a,b\nx,y\n', 'csv: no usable rows (line 2, column 1: "x" is not a number; line 2, column 2: "y" is not a number)'],
    ['1,NaN\n2,3\n3,1e999\n', 'csv: at least 3 data points are needed, got 1'],
  ]) {
    const thrown = await page.evaluate(
      ({ tag, value }) => {
        try {
          document.querySelector(tag).setOption('csv', value);
          return null;
        } catch (e) {
          return `${e.name}: ${e.message}`;
        }
      },
      { tag: TAG, value },
    );
    assert.equal(thrown, `RangeError: ${message}`);
    assert.equal(await page.locator(`${TAG} .ms-error`).textContent(), message);
    assert.deepEqual(await state(page), good);
  }
  assertNoProblems(page);
});
