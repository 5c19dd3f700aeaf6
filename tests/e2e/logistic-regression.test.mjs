// <mathsight-logistic-regression> on the course page, end to end in headless Chromium: it draws
// sharply, trains step by step, clicks and keys add points of either class, separation and
// bad input are explained, and el.state carries the weights and their gradients.
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

const TAG = 'mathsight-logistic-regression';

async function coursePage({ dpr = 1, width = 1280 } = {}) {
  const page = await openPage(browser, `${server.url}index.html`, { deviceScaleFactor: dpr, width });
  const widget = page.locator(TAG);
  await widget.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${TAG}[data-ready]`, { timeout: 15000 });
  return { page, widget };
}

const state = (page) => page.evaluate((tag) => document.querySelector(tag).state, TAG);

async function pagePoint(page, id, [u, v]) {
  return page.evaluate(
    ({ tag, id, u, v }) => {
      const el = document.querySelector(tag);
      const plot = el.plots.find((p) => p.id === id);
      const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
      const fx = (u - plot.x_range[0]) / (plot.x_range[1] - plot.x_range[0]);
      const fy = (v - plot.y_range[0]) / (plot.y_range[1] - plot.y_range[0]);
      return { x: r.left + plot.x + fx * plot.width, y: r.top + plot.y + (1 - fy) * plot.height };
    },
    { tag: TAG, id, u, v },
  );
}

for (const [dpr, width] of [
  [1, 1280],
  [2, 1280],
  [2, 360],
]) {
  test(`it draws sharply at DPR ${dpr}, ${width} px wide, with no console error`, async () => {
    const { page, widget } = await coursePage({ dpr, width });
    await page.evaluate((tag) => document.querySelector(tag).step(60), TAG);
    await page.waitForTimeout(100);
    const sizes = await page.evaluate((tag) => {
      const c = document.querySelector(tag).shadowRoot.querySelector('canvas');
      const r = c.getBoundingClientRect();
      return { w: c.width, h: c.height, cssW: r.width, cssH: r.height };
    }, TAG);
    assert.equal(sizes.w, Math.round(sizes.cssW * dpr));
    assert.equal(sizes.h, Math.round(sizes.cssH * dpr));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
    await widget.screenshot({ path: path.join(outputDir(), `logistic-regression-dpr${dpr}-${width}.png`) });
    assertNoProblems(page);
  });
}

test('Step trains: the loss falls, and the weights and gradients are in state and readouts', async () => {
  const { page } = await coursePage();
  const first = await state(page);
  assert.deepEqual(first.w, [0, 0]);
  assert.equal(first.b, 0);
  assert.ok(Math.abs(first.loss - Math.LN2) < 1e-12);
  const step = page.locator(`${TAG} button[data-action="step"]`);
  for (let i = 0; i < 3; i++) await step.click();
  const s = await state(page);
  assert.equal(s.step, 3);
  assert.ok(s.loss < first.loss);
  assert.equal(s.gradient.length, 3);
  assert.ok(['running', 'converged', 'diverged'].includes(s.status));
  assert.equal(await page.locator(`${TAG} [data-readout="w1"]`).textContent(), String(Number(s.w[0].toPrecision(4))));
  assertNoProblems(page);
});

test('a click adds a point of the chosen class; the keyboard adds one at its cursor', async () => {
  const { page } = await coursePage();
  const before = await state(page);
  await page.locator(`${TAG} select[data-option="add-class"]`).selectOption('0');
  const at = await pagePoint(page, 'data', [1, 1]);
  await page.mouse.click(at.x, at.y);
  let s = await state(page);
  assert.equal(s.points.length, before.points.length + 1);
  const added = s.points[s.points.length - 1];
  assert.ok(Math.abs(added[0] - 1) < 0.05 && Math.abs(added[1] - 1) < 0.05 && added[2] === 0, `${added}`);
  await page.locator(`${TAG} canvas.ms-canvas`).focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('1');
  s = await state(page);
  assert.equal(s.points.length, before.points.length + 2);
  assert.equal(s.points[s.points.length - 1][2], 1);
  await page.keyboard.press('Enter');
  assert.equal((await state(page)).step, 1);
  assertNoProblems(page);
});

test('perfect separation is explained while the weights grow', async () => {
  const { page, widget } = await coursePage();
  await page.evaluate((tag) => {
    const el = document.querySelector(tag);
    el.setOption('separation', '8');
    el.step(300);
  }, TAG);
  const a = await state(page);
  await page.evaluate((tag) => document.querySelector(tag).step(1000), TAG);
  const b = await state(page);
  assert.equal(b.separated, true);
  assert.ok(b.weight_norm > a.weight_norm);
  assert.match(await page.locator(`${TAG} .ms-message`).textContent(), /^Perfectly separated/);
  await page.waitForTimeout(100);
  await widget.screenshot({ path: path.join(outputDir(), 'logistic-regression-separated.png') });
  assertNoProblems(page);
});

test('bad input is explained and the widget keeps its last good state', async () => {
  const { page } = await coursePage();
  const good = await state(page);
  for (const [value, message] of [
    ['1,2,0;3,4,7', 'points: entry 2 "3,4,7" must be x,y,class with finite x and y and class 0 or 1'],
    ['1,2,0;Infinity,4,1', 'points: entry 2 "Infinity,4,1" must be x,y,class with finite x and y and class 0 or 1'],
    ['1,2,0', 'points: at least 2 data points are needed, got 1'],
  ]) {
    await page.evaluate(({ tag, value }) => document.querySelector(tag).setAttribute('points', value), { tag: TAG, value });
    assert.equal(await page.locator(`${TAG} .ms-error`).textContent(), `${message}; keeping the last good value`);
    assert.deepEqual(await state(page), good);
  }
  const thrown = await page.evaluate((tag) => {
    try {
      document.querySelector(tag).setOption('learning-rate', 'NaN');
      return null;
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  }, TAG);
  assert.equal(thrown, 'RangeError: learning-rate must be a number from 0.001 to 100, got "NaN"');
  assertNoProblems(page);
});
