// <mathsight-distribution> on the course page, end to end in headless Chromium: sharp at DPR 1
// and 2 and at 360 px, dragging a and b changes P(a ≤ X ≤ b), the family select swaps the
// parameter sliders, keys move a and b, and bad input is explained while the state is kept.
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

const TAG = 'mathsight-distribution';

async function coursePage({ dpr = 1, width = 1280 } = {}) {
  const page = await openPage(browser, `${server.url}index.html`, { deviceScaleFactor: dpr, width });
  const widget = page.locator(TAG);
  await widget.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${TAG}[data-ready]`, { timeout: 15000 });
  // Widgets above start lazily as they come near the viewport and grow when they do, which
  // moves this one: scroll again until its canvas stays in view and has been redrawn at its
  // current size (so plots and clicks agree).
  for (let attempt = 0; ; attempt++) {
    await widget.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(250);
    const settled = await page.evaluate(
      ({ tag, dpr }) => {
        const c = document.querySelector(tag).shadowRoot.querySelector('canvas');
        const r = c.getBoundingClientRect();
        const inView = r.top >= -1 && r.top < window.innerHeight / 2;
        return inView && c.width === Math.round(r.width * dpr) && c.height === Math.round(r.height * dpr);
      },
      { tag: TAG, dpr },
    );
    if (settled) break;
    assert.ok(attempt < 20, 'the widget never settled in view');
  }
  return { page, widget };
}

const state = (page) => page.evaluate((tag) => document.querySelector(tag).state, TAG);

async function pagePoint(page, [u, v]) {
  return page.evaluate(
    ({ tag, u, v }) => {
      const el = document.querySelector(tag);
      const plot = el.plots.find((p) => p.id === 'density');
      const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
      const fx = (u - plot.x_range[0]) / (plot.x_range[1] - plot.x_range[0]);
      const fy = (v - plot.y_range[0]) / (plot.y_range[1] - plot.y_range[0]);
      return { x: r.left + plot.x + fx * plot.width, y: r.top + plot.y + (1 - fy) * plot.height };
    },
    { tag: TAG, u, v },
  );
}

for (const dpr of [1, 2]) {
  test(`draws sharply at DPR ${dpr} with no console error`, async () => {
    const { page, widget } = await coursePage({ dpr });
    const sizes = await page.evaluate((tag) => {
      const c = document.querySelector(tag).shadowRoot.querySelector('canvas');
      const r = c.getBoundingClientRect();
      return { w: c.width, h: c.height, cssW: r.width, cssH: r.height };
    }, TAG);
    assert.equal(sizes.w, Math.round(sizes.cssW * dpr));
    assert.equal(sizes.h, Math.round(sizes.cssH * dpr));
    const s = await state(page);
    // scipy.stats.norm.cdf(1) - scipy.stats.norm.cdf(-1)
    assert.ok(Math.abs(s.probability - 0.6826894921370859) < 1e-14);
    assert.equal(s.mean, 0);
    assert.equal(s.variance, 1);
    assert.equal(s.sample_count, 500);
    const label = await page.evaluate(
      (tag) => document.querySelector(tag).shadowRoot.querySelector('canvas').getAttribute('aria-label'),
      TAG,
    );
    assert.match(label, /^distribution: interactive plot\. Left and right arrows move a/);
    await widget.screenshot({ path: path.join(outputDir(), `distribution-dpr${dpr}.png`) });
    assertNoProblems(page);
  });
}

test('at 360 px nothing overflows', async () => {
  const { page, widget } = await coursePage({ dpr: 2, width: 360 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
  await widget.screenshot({ path: path.join(outputDir(), 'distribution-360.png') });
  assertNoProblems(page);
});

test('dragging a and b changes the shaded probability', async () => {
  const { page } = await coursePage();
  const fromB = await pagePoint(page, [1, 0.05]);
  const toB = await pagePoint(page, [2, 0.05]);
  await page.mouse.move(fromB.x, fromB.y);
  await page.mouse.down();
  await page.mouse.move(toB.x, toB.y, { steps: 6 });
  await page.mouse.up();
  let s = await state(page);
  assert.ok(Math.abs(s.b - 2) < 0.02, `b = ${s.b}`);
  const fromA = await pagePoint(page, [-1, 0.05]);
  const toA = await pagePoint(page, [0, 0.05]);
  await page.mouse.move(fromA.x, fromA.y);
  await page.mouse.down();
  await page.mouse.move(toA.x, toA.y, { steps: 6 });
  await page.mouse.up();
  s = await state(page);
  assert.ok(Math.abs(s.a) < 0.02, `a = ${s.a}`);
  // P(0 ≤ X ≤ 2) = 0.4772498680518208 (scipy.stats.norm.cdf(2) - 0.5), up to where a and b landed.
  assert.ok(Math.abs(s.probability - 0.4772498680518208) < 0.01, `probability ${s.probability}`);
  assertNoProblems(page);
});

test('the family select swaps the sliders; keys move a and b by whole numbers for counts', async () => {
  const { page } = await coursePage();
  await page.locator(`${TAG} select[data-option="family"]`).selectOption('poisson');
  await page.waitForSelector(`${TAG} input[data-option="lambda"]`);
  assert.equal(await page.locator(`${TAG} input[data-option="sigma"]`).count(), 0);
  await page.evaluate((tag) => {
    const el = document.querySelector(tag);
    el.setOption('a', '1');
    el.setOption('b', '3');
  }, TAG);
  await page.locator(`${TAG} canvas.ms-canvas`).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  const s = await state(page);
  assert.equal(s.a, 2);
  assert.equal(s.b, 4);
  assert.equal(s.discrete, true);
  // scipy.stats.poisson(2).cdf(4) - scipy.stats.poisson(2).cdf(1) = 0.5413411329464509
  assert.ok(Math.abs(s.probability - (0.9473469826562889 - 0.40600584970983794)) < 1e-12);
  await page.locator(`${TAG} select[data-option="view"]`).selectOption('cdf');
  await page.locator(TAG).screenshot({ path: path.join(outputDir(), 'distribution-poisson-cdf.png') });
  assertNoProblems(page);
});

test('bad input is explained and the last good state kept', async () => {
  const { page } = await coursePage();
  const good = await state(page);
  for (const [name, value, message] of [
    ['sigma', '-1', 'sigma must be a number from 0.01 to 100, got "-1"'],
    ['sigma', 'Infinity', 'sigma must be a number from 0.01 to 100, got "Infinity"'],
    ['a', '1e400', 'a must be a number from -1000000 to 1000000, got "1e400"'],
    ['family', 'cauchy', 'family must be one of bernoulli'],
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
    assert.ok(thrown?.startsWith(`RangeError: ${message}`), thrown);
  }
  assert.deepEqual(await state(page), good);
  await page.evaluate((tag) => document.querySelector(tag).setAttribute('df', '0'), TAG);
  assert.match(await page.locator(`${TAG} .ms-error`).textContent(), /df must be a number from 0.1 to 1000, got "0"; keeping the last good value/);
  assertNoProblems(page);
});
