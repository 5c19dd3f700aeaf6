// <mathsight-hypothesis-test> on the course page, end to end in headless Chromium: it draws
// sharply at DPR 1 and 2 and at 360 px, the state carries the test's numbers, dragging the
// critical value changes α, keys move α and the effect size, the alternative and test selects
// change the p-value, pasted data is used, and bad input is explained.
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

const TAG = 'mathsight-hypothesis-test';

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

test('draws sharply at DPR 1 and 2; the state has the test numbers; no console error', async () => {
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
    // mean 5.8, sd 2, n 25, μ0 5: t = 2, df 24; 2·scipy.stats.t.sf(2, 24) = 0.05693984993659173
    assert.ok(Math.abs(s.statistic - 2) < 1e-12);
    assert.equal(s.df, 24);
    assert.ok(Math.abs(s.p_value - 0.05693984993659173) < 1e-10);
    assert.equal(s.reject, false);
    assert.ok(s.power > 0 && s.power < 1);
    const plots = await page.evaluate((tag) => document.querySelector(tag).plots.map((p) => p.id), TAG);
    assert.deepEqual(plots, ['null', 'power', 'simulation', 'posterior']);
    assert.match(await page.locator(`${TAG} .ms-message`).textContent(), /p is not the probability that H₀ is true/);
    await widget.screenshot({ path: path.join(outputDir(), `hypothesis-test-dpr${dpr}.png`) });
    assertNoProblems(page);
  }
});

test('it is readable at 360 px wide: panels stack and nothing overflows', async () => {
  const { page, widget } = await coursePage({ dpr: 2, width: 360 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
  const plots = await page.evaluate((tag) => document.querySelector(tag).plots, TAG);
  for (let i = 1; i < plots.length; i++) assert.ok(plots[i].y > plots[i - 1].y + plots[i - 1].height);
  await widget.screenshot({ path: path.join(outputDir(), 'hypothesis-test-360.png') });
  assertNoProblems(page);
});

test('dragging the critical value changes α; keys move α and the effect size', async () => {
  const { page } = await coursePage();
  const before = await state(page);
  const target = await page.evaluate(
    ({ tag, from, to }) => {
      const el = document.querySelector(tag);
      const plot = el.plots.find((p) => p.id === 'null');
      const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
      const x = (v) => r.left + plot.x + ((v - plot.x_range[0]) / (plot.x_range[1] - plot.x_range[0])) * plot.width;
      return { x0: x(from), x1: x(to), y: r.top + plot.y + plot.height * 0.6 };
    },
    { tag: TAG, from: before.critical_hi, to: 1.5 },
  );
  await page.mouse.move(target.x0, target.y);
  await page.mouse.down();
  await page.mouse.move(target.x1, target.y, { steps: 5 });
  await page.mouse.up();
  const dragged = await state(page);
  // 2·scipy.stats.t.sf(1.5, 24) = 0.14665… → α rounds to 0.15 (two significant digits).
  assert.ok(Math.abs(dragged.alpha - 0.15) < 0.011, `α = ${dragged.alpha}`);
  assert.equal(dragged.reject, true, 'p = 0.057 < α now');
  await page.locator(`${TAG} canvas.ms-canvas`).focus();
  await page.keyboard.press('ArrowRight');
  assert.ok((await state(page)).alpha < dragged.alpha, 'ArrowRight makes α smaller');
  await page.keyboard.press('ArrowUp');
  const s = await state(page);
  assert.ok(Math.abs(s.effect - (dragged.effect + 0.05)) < 1e-9);
  assert.ok(s.power > dragged.power - 0.2);
  assertNoProblems(page);
});

test('the alternative, the test and pasted data change the p-value', async () => {
  const { page, widget } = await coursePage();
  const two = (await state(page)).p_value;
  await page.locator(`${TAG} select[data-option="alternative"]`).selectOption('greater');
  let s = await state(page);
  assert.ok(Math.abs(s.p_value - two / 2) < 1e-12, 'one-sided p is half the two-sided one');
  assert.equal(s.reject, true);
  await page.locator(`${TAG} select[data-option="test"]`).selectOption('z');
  s = await state(page);
  assert.equal(s.df, null);
  // scipy.stats.norm.sf(2) = 0.022750131948179195
  assert.ok(Math.abs(s.p_value - 0.022750131948179195) < 1e-12);
  await page.locator(`${TAG} select[data-option="test"]`).selectOption('t');
  // Pasted as a column, one value a line.
  const field = page.locator(`${TAG} textarea[data-option="data"]`);
  await field.fill('5.1\n4.9\n6.2\n5.8\n6.0\n5.5\n5.3\n6.1\n4.7\n5.9\n');
  await field.press('Control+Enter');
  s = await state(page);
  // scipy.stats.ttest_1samp(x, 5, alternative='greater'): 3.2836227276929635, p 0.004737152580677846
  assert.ok(Math.abs(s.statistic - 3.2836227276929635) < 1e-12);
  assert.ok(Math.abs(s.p_value - 0.004737152580677846) < 1e-10);
  assert.equal(s.n, 10);
  await settle(page);
  await widget.screenshot({ path: path.join(outputDir(), 'hypothesis-test-data.png') });
  assertNoProblems(page);
});

test('bad input is explained and the last good state is kept; tiny p reads < 1e-16', async () => {
  const { page } = await coursePage();
  const good = await state(page);
  for (const [name, value, message] of [
    ['data', '4, 4, 4', 'data: all values are equal, so the sample SD is 0 and t is undefined'],
    ['data', '4', 'data: the t test needs at least 2 values, got 1'],
    ['data', '1, NaN', 'data: entry 2 "NaN" must be finite and within ±1e9'],
    ['alpha', 'Infinity', 'alpha must be a number from 0.0001 to 0.5, got "Infinity"'],
  ]) {
    const thrown = await page.evaluate(
      ({ tag, name, value }) => {
        try {
          document.querySelector(tag).setOption(name, value);
          return null;
        } catch (e) {
          return `${e.name}: ${e.message}`;
        }
      },
      { tag: TAG, name, value },
    );
    assert.equal(thrown, `RangeError: ${message}`);
    assert.equal(await page.locator(`${TAG} .ms-error`).textContent(), message);
    assert.deepEqual(await state(page), good);
  }
  await page.evaluate((tag) => {
    const el = document.querySelector(tag);
    el.setOption('mean', '10');
    el.setOption('sd', '0.1');
  }, TAG);
  const s = await state(page);
  assert.ok(s.p_value > 0 && s.p_value < 1e-16);
  assert.equal(s.p_value_text, '< 1e-16');
  assert.equal(await page.locator(`${TAG} [data-readout="p-value"]`).textContent(), '< 1e-16');
  assertNoProblems(page);
});
