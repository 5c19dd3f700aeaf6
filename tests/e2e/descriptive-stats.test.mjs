// <mathsight-descriptive-stats> on the course page, end to end in headless Chromium: it draws
// sharply at DPR 1 and 2 and at 360 px, dragging a point far out moves the mean but not the
// median, clicks add points, keys select, move, add and remove them, the bin-width slider and
// the shape select work, the data box and spoken description catch up after a burst of keys,
// and bad data is explained while the last good state is kept.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoProblems, expectLive, launchBrowser, openPage, outputDir, SITE_ROOT } from './harness.mjs';
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

const TAG = 'mathsight-descriptive-stats';

/** The course page at `dpr`, with the widget scrolled into view and drawn. */
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

/** Sets an option through the host API and waits for the redraw. */
async function setOption(page, name, value) {
  await page.evaluate(({ tag, name, value }) => document.querySelector(tag).setOption(name, value), {
    tag: TAG,
    name,
    value,
  });
  await page.waitForFunction((tag) => !document.querySelector(tag).dirty, TAG);
}

/** Page coordinates of value `v` on the points plot, `above` CSS px above its bottom edge. */
async function pointsPlotAt(page, v, above) {
  return page.evaluate(
    ({ tag, v, above }) => {
      const el = document.querySelector(tag);
      const plot = el.plots.find((p) => p.id === 'points');
      const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
      const fx = (v - plot.x_range[0]) / (plot.x_range[1] - plot.x_range[0]);
      return { x: r.left + plot.x + fx * plot.width, y: r.top + plot.y + plot.height - above, plot };
    },
    { tag: TAG, v, above },
  );
}

test('draws sharply at DPR 1 and 2 with every state field, and no console error', async () => {
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
    for (const key of ['mean', 'median', 'variance', 'std', 'q1', 'q3', 'iqr', 'mode', 'population_variance']) {
      assert.ok(key in s, `state has ${key}`);
    }
    assert.equal(s.n, 30);
    assert.ok(s.q1 <= s.median && s.median <= s.q3);
    assert.ok(Math.abs(s.std * s.std - s.variance) < 1e-9 * s.variance);
    await widget.screenshot({ path: path.join(outputDir(), `descriptive-stats-dpr${dpr}.png`) });
    assertNoProblems(page);
  }
});

test('it is readable at 360 px wide and nothing overflows', async () => {
  const { page, widget } = await coursePage({ dpr: 2, width: 360 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
  const plots = await page.evaluate((tag) => document.querySelector(tag).plots, TAG);
  assert.ok(plots[1].y > plots[0].y + plots[0].height, 'the points plot sits below the histogram');
  await widget.screenshot({ path: path.join(outputDir(), 'descriptive-stats-360.png') });
  assertNoProblems(page);
});

test('dragging one point far out moves the mean and leaves the median', async () => {
  const { page, widget } = await coursePage();
  await setOption(page, 'data', '2, 3, 4, 5, 6');
  const before = await state(page);
  // Dots sit in a row 7.5 CSS px above the bottom of the points plot.
  const from = await pointsPlotAt(page, 6, 7.5);
  const to = await pointsPlotAt(page, from.plot.x_range[1], 7.5);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  const after = await state(page);
  assert.ok(after.values[4] > 6.5, `the point moved to ${after.values[4]}`);
  assert.ok(after.mean > before.mean + 0.1, `mean ${before.mean} → ${after.mean}`);
  assert.equal(after.median, before.median, 'the median stays');
  assert.ok(after.std > before.std, 'the SD grows');
  assert.match(after.options.data, /^2, 3, 4, 5, /, 'the data option carries the new value');
  await widget.screenshot({ path: path.join(outputDir(), 'descriptive-stats-dragged.png') });
  assertNoProblems(page);
});

test('a click adds a point; keys select, move, add and remove', async () => {
  const { page } = await coursePage();
  await setOption(page, 'data', '2, 3, 4, 5, 6');
  const empty = await pointsPlotAt(page, 4.5, 60);
  await page.mouse.click(empty.x, empty.y);
  let s = await state(page);
  assert.equal(s.n, 6);
  assert.ok(Math.abs(s.values[5] - 4.5) < 0.1, `added ${s.values[5]}`);
  assert.equal(s.selected, 5);
  const canvas = page.locator(`${TAG} canvas.ms-canvas`);
  await canvas.focus();
  await page.keyboard.press('Delete');
  s = await state(page);
  assert.equal(s.n, 5);
  assert.equal(s.values[s.selected], 4, 'after a removal the median is selected');
  await page.keyboard.press('ArrowUp');
  s = await state(page);
  assert.equal(s.values[s.selected], 5, 'ArrowUp selects the next larger value');
  await page.keyboard.press('Shift+ArrowRight');
  s = await state(page);
  assert.ok(s.values[s.selected] > 5, 'ArrowRight moved it');
  await page.keyboard.press('+');
  assert.equal((await state(page)).n, 6);
  await page.locator(`${TAG} button[data-action="remove"]`).click();
  assert.equal((await state(page)).n, 5);
  assertNoProblems(page);
});

test('during a burst of keys the data box and the spoken description catch up once they settle', async () => {
  const { page } = await coursePage();
  await setOption(page, 'data', '2, 3, 4, 5, 6');
  const box = page.locator(`${TAG} textarea[data-option="data"]`);
  assert.equal(await box.inputValue(), '2, 3, 4, 5, 6');
  const spokenBefore = await page.locator(`${TAG} .ms-live`).textContent();
  // Eight moves within a few milliseconds, as a held key sends them.
  await page.evaluate((tag) => {
    const canvas = document.querySelector(tag).shadowRoot.querySelector('canvas.ms-canvas');
    for (let i = 0; i < 8; i++) {
      canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', shiftKey: true, bubbles: true, repeat: i > 0 }));
    }
  }, TAG);
  const moved = await state(page);
  assert.notEqual(moved.options.data, '2, 3, 4, 5, 6', 'the keys moved a value');
  await page.waitForFunction(
    ({ tag, data }) => document.querySelector(tag).shadowRoot.querySelector('textarea[data-option="data"]').value === data,
    { tag: TAG, data: moved.options.data },
    { timeout: 5000 },
  );
  // The spoken description comes to say what the widget describes now.
  await page.waitForFunction(
    (tag) => {
      const el = document.querySelector(tag);
      return el.shadowRoot.querySelector('.ms-live').textContent === el.call((h) => h.describe());
    },
    TAG,
    { timeout: 5000 },
  );
  await expectLive(page, TAG, /^5 values: mean /);
  assert.notEqual(await page.locator(`${TAG} .ms-live`).textContent(), spokenBefore);
  assertNoProblems(page);
});

test('the bin-width slider and the shape select change the picture', async () => {
  const { page } = await coursePage();
  const before = await state(page);
  await page.evaluate((tag) => {
    const input = document.querySelector(tag).shadowRoot.querySelector('input[data-option="bin-width"]');
    input.value = '0';
    input.dispatchEvent(new Event('input'));
  }, TAG);
  const narrow = await state(page);
  assert.ok(narrow.bin_width < before.bin_width, `bin width ${before.bin_width} → ${narrow.bin_width}`);
  assert.ok(narrow.bin_counts.length > before.bin_counts.length);
  assert.equal(narrow.bin_counts.reduce((a, b) => a + b, 0), 30, 'every value is counted once');
  await page.locator(`${TAG} select[data-option="shape"]`).selectOption('skewed');
  const skewed = await state(page);
  assert.equal(skewed.options.shape, 'skewed');
  assert.ok(skewed.mean > skewed.median, 'a right tail pulls the mean above the median');
  assert.match(await page.locator(`${TAG} .ms-message`).textContent(), /pulled towards the long right tail/);
  assertNoProblems(page);
});

test('bad data is explained and the widget keeps its last good state', async () => {
  const { page } = await coursePage();
  const good = await state(page);
  const thrown = await page.evaluate((tag) => {
    try {
      document.querySelector(tag).setOption('data', '1, 2, abc');
      return null;
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  }, TAG);
  assert.equal(thrown, 'RangeError: data: entry 3 "abc" is not a number');
  assert.match(await page.locator(`${TAG} .ms-error`).textContent(), /entry 3 "abc" is not a number/);
  assert.deepEqual(await state(page), good, 'state unchanged');
  for (const [raw, message] of [
    ['1, NaN', /entry 2 "NaN" must be finite and within ±1e9/],
    ['1, 1e300', /entry 2 "1e300" must be finite and within ±1e9/],
    ["1, -Infinity", /entry 2 "-Infinity" must be finite and within ±1e9/],
  ]) {
    await page.evaluate(({ tag, raw }) => document.querySelector(tag).setAttribute('data', raw), { tag: TAG, raw });
    assert.match(await page.locator(`${TAG} .ms-error`).textContent(), message);
    assert.deepEqual(await state(page), good);
  }
  // The data field in the controls takes text too; one value is allowed and explained.
  const field = page.locator(`${TAG} textarea[data-option="data"]`);
  await field.fill('7');
  await field.press('Control+Enter');
  const one = await state(page);
  assert.equal(one.n, 1);
  assert.equal(one.variance, null, 'the sample variance of one value is undefined');
  assert.match(await page.locator(`${TAG} .ms-message`).textContent(), /n − 1 = 0/);
  assert.equal(await page.locator(`${TAG} .ms-error`).textContent(), '');
  assertNoProblems(page);
});
