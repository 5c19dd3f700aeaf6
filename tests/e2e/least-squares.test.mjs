// <mathsight-least-squares> on the course page, end to end in headless Chromium: it draws
// sharply at DPR 1 and 2 and at 360 px, dragging a point refits live, keys select and move
// points, the model switches to polynomials, bad input is explained, and the line equals what
// <mathsight-gradient-descent> converges to on the same points.
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

const TAG = 'mathsight-least-squares';

async function coursePage({ dpr = 1, width = 1280 } = {}) {
  const page = await openPage(browser, `${server.url}index.html`, { deviceScaleFactor: dpr, width });
  const widget = page.locator(TAG);
  await widget.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${TAG}[data-ready]`, { timeout: 15000 });
  return { page, widget };
}

const state = (page) => page.evaluate((tag) => document.querySelector(tag).state, TAG);

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

test('it draws sharply at DPR 1 and 2 with the documented state, and at 360 px', async () => {
  for (const [dpr, width] of [[1, 1280], [2, 1280], [2, 360]]) {
    const { page, widget } = await coursePage({ dpr, width });
    const sizes = await page.evaluate((tag) => {
      const c = document.querySelector(tag).shadowRoot.querySelector('canvas');
      const r = c.getBoundingClientRect();
      return { w: c.width, h: c.height, cssW: r.width, cssH: r.height };
    }, TAG);
    assert.equal(sizes.w, Math.round(sizes.cssW * dpr));
    assert.equal(sizes.h, Math.round(sizes.cssH * dpr));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
    const s = await state(page);
    assert.equal(s.coefficients.length, 2);
    assert.ok(s.rss > 0);
    assert.ok(s.r_squared > 0 && s.r_squared <= 1);
    assert.equal(s.normal_matrix[1][1], s.points.length, 'the last entry of AᵀA counts the points');
    await widget.screenshot({ path: path.join(outputDir(), `least-squares-${width}-dpr${dpr}.png`) });
    assertNoProblems(page);
  }
});

test('dragging a point refits live; two points are an exact solve', async () => {
  const { page } = await coursePage();
  const before = await state(page);
  const p0 = before.points[0];
  const from = await pagePoint(page, p0);
  const to = await pagePoint(page, [p0[0], p0[1] + 2]);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  const after = await state(page);
  assert.ok(Math.abs(after.points[0][1] - (p0[1] + 2)) < 0.1, `moved to ${after.points[0]}`);
  assert.notDeepEqual(after.coefficients, before.coefficients);
  assert.notEqual(after.options.points, '');
  await page.evaluate((tag) => document.querySelector(tag).setOption('points', '1,3;3,7'), TAG);
  const exact = await state(page);
  assert.equal(exact.exact_solve, true);
  assert.ok(Math.abs(exact.coefficients[0] - 2) < 1e-12 && Math.abs(exact.coefficients[1] - 1) < 1e-12);
  assert.ok(exact.rss < 1e-20);
  assertNoProblems(page);
});

test('keys select and move points; the model switches to a cubic', async () => {
  const { page, widget } = await coursePage();
  await page.locator(`${TAG} canvas.ms-canvas`).focus();
  await page.keyboard.press('n');
  const before = await state(page);
  assert.equal(before.selected_point, 1);
  await page.keyboard.press('Shift+ArrowUp');
  const after = await state(page);
  assert.ok(after.points[1][1] > before.points[1][1], 'point 2 moved up');
  await page.locator(`${TAG} select[data-option="model"]`).selectOption('cubic');
  const cubic = await state(page);
  assert.equal(cubic.model, 'cubic');
  assert.equal(cubic.coefficients.length, 4, 'highest degree first: a, b, c, d');
  assert.ok(cubic.rss <= after.rss + 1e-9, 'a cubic fits at least as well as a line');
  await widget.screenshot({ path: path.join(outputDir(), 'least-squares-cubic.png') });
  assertNoProblems(page);
});

test('bad input is explained and the widget keeps its last good state', async () => {
  const { page } = await coursePage();
  const good = await state(page);
  const input = page.locator(`${TAG} input[data-option="points"]`);
  await input.fill('1,2;3,NaN');
  await input.press('Enter');
  assert.match(await page.locator(`${TAG} .ms-error`).textContent(), /points: entry 2 "3,NaN" must be two finite numbers x,y/);
  assert.deepEqual((await state(page)).coefficients, good.coefficients);
  await page.evaluate((tag) => document.querySelector(tag).setAttribute('points', '0,1;1,2;2,0'), TAG);
  await page.evaluate((tag) => document.querySelector(tag).setAttribute('model', 'cubic'), TAG);
  assert.match(
    await page.locator(`${TAG} .ms-error`).textContent(),
    /model: at least 4 data points are needed, got 3; keeping the last good value/,
  );
  assert.equal((await state(page)).model, 'line');
  assertNoProblems(page);
});

test('the line equals what gradient descent converges to on the same points', async () => {
  const { page } = await coursePage();
  const points = '0,1;1,2.5;2,2.9;3,4.8;4,5.1';
  await page.evaluate(({ tag, points }) => document.querySelector(tag).setOption('points', points), { tag: TAG, points });
  const fit = (await state(page)).coefficients;
  // np.polyfit([0,1,2,3,4], [1,2.5,2.9,4.8,5.1], 1) → [1.05, 1.16]
  assert.ok(Math.abs(fit[0] - 1.05) < 1e-12 && Math.abs(fit[1] - 1.16) < 1e-12, `${fit}`);
  const descent = await page.evaluate((points) => {
    const el = document.querySelector('mathsight-gradient-descent');
    el.setOption('points', points);
    el.setOption('learning-rate', '0.05');
    el.reset();
    el.step(20000);
    return el.state;
  }, points);
  assert.equal(descent.status, 'converged');
  assert.ok(Math.abs(descent.m - fit[0]) < 1e-4 && Math.abs(descent.c - fit[1]) < 1e-4, `descent (${descent.m}, ${descent.c})`);
  assert.match(await page.locator(`${TAG} .ms-message`).textContent(), /Gradient descent on the same points .* converges to this same line/);
  assertNoProblems(page);
});
