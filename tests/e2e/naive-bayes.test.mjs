// <mathsight-naive-bayes> on the course page, end to end in headless Chromium: sharp at DPR 1
// and 2 and at 360 px, clicking adds points of the selected class, hovering and arrow keys move
// the probe, the full-covariance toggle changes the classifier, and bad points are explained.
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

const TAG = 'mathsight-naive-bayes';

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
      const plot = el.plots.find((p) => p.id === 'plane');
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
    assert.equal(s.class_a.count, 40);
    assert.equal(s.class_b.count, 40);
    assert.ok(s.class_b.correlation > 0.6);
    await widget.screenshot({ path: path.join(outputDir(), `naive-bayes-dpr${dpr}.png`) });
    assertNoProblems(page);
  });
}

test('at 360 px nothing overflows', async () => {
  const { page, widget } = await coursePage({ dpr: 2, width: 360 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
  await widget.screenshot({ path: path.join(outputDir(), 'naive-bayes-360.png') });
  assertNoProblems(page);
});

test('hovering moves the probe; clicking adds a point of the selected class', async () => {
  const { page } = await coursePage();
  const s0 = await state(page);
  const meanA = s0.class_a.mean;
  const at = await pagePoint(page, meanA);
  await page.mouse.move(at.x, at.y);
  let s = await state(page);
  assert.ok(Math.abs(s.probe[0] - meanA[0]) < 0.05 && Math.abs(s.probe[1] - meanA[1]) < 0.05, `probe ${s.probe}`);
  assert.ok(s.probe_probability_a > 0.5);
  assert.match(await page.locator(`${TAG} [data-readout="probe-a"]`).textContent(), /^0\.\d+|^1$/);
  await page.mouse.click(at.x, at.y);
  s = await state(page);
  assert.equal(s.class_a.count, 41);
  await page.locator(`${TAG} select[data-option="class"]`).selectOption('b');
  const far = await pagePoint(page, [s0.class_b.mean[0], s0.class_b.mean[1]]);
  await page.mouse.click(far.x, far.y);
  s = await state(page);
  assert.equal(s.class_b.count, 41);
  assert.notEqual(s.options['points-b'], '');
  assertNoProblems(page);
});

test('arrow keys move the probe and Enter adds there; the toggle switches classifiers', async () => {
  const { page, widget } = await coursePage();
  await page.locator(`${TAG} canvas.ms-canvas`).focus();
  const before = (await state(page)).probe;
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  let s = await state(page);
  assert.ok(s.probe[0] > before[0] && s.probe[1] > before[1]);
  await page.keyboard.press('Enter');
  s = await state(page);
  assert.equal(s.class_a.count, 41);
  const naive = s.probe_probability_a;
  await page.locator(`${TAG} input[data-option="full-covariance"]`).check();
  s = await state(page);
  assert.equal(s.classifier, 'full-covariance');
  assert.equal(s.probe_probability_a, s.probe_probability_a_full);
  assert.notEqual(s.probe_probability_a, naive);
  assert.ok(s.accuracy_full >= s.accuracy_naive - 0.05);
  await widget.screenshot({ path: path.join(outputDir(), 'naive-bayes-full.png') });
  assertNoProblems(page);
});

test('bad points are explained and the last good state kept', async () => {
  const { page } = await coursePage();
  const good = await state(page);
  for (const [name, value, message] of [
    ['points-a', '1,2', 'points-a: class A: at least 2 data points are needed, got 1'],
    ['points-b', '1,2;3,Infinity', 'points-b: entry 2 "3,Infinity" must be two finite numbers x,y'],
    ['points-a', '0,0;1,2e9', 'points-a: class A: y of point 2 must be finite and within ±1e9, got 2e9'],
    ['points-a', '0,0;1', 'points-a: entry 2 "1" must be two numbers x,y'],
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
  }
  assert.deepEqual(await state(page), good);
  assertNoProblems(page);
});
