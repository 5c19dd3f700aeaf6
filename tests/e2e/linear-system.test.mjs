// <mathsight-linear-system> on the course page, end to end in headless Chromium: it draws
// sharply at DPR 1 and 2 and at 360 px, steps through elimination with buttons and keys, lines
// move by dragging their handles or with the arrow keys, the 3-D view turns by drag and keys,
// bad input names the row and column, and el.state carries the documented fields.
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

const TAG = 'mathsight-linear-system';

async function coursePage({ dpr = 1, width = 1280 } = {}) {
  const page = await openPage(browser, `${server.url}index.html`, { deviceScaleFactor: dpr, width });
  const widget = page.locator(TAG);
  await widget.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${TAG}[data-ready]`, { timeout: 15000 });
  return { page, widget };
}

const state = (page) => page.evaluate((tag) => document.querySelector(tag).state, TAG);

const setOption = (page, name, value) =>
  page.evaluate(({ tag, name, value }) => document.querySelector(tag).setOption(name, value), { tag: TAG, name, value });

/** Page coordinates of data point (u, v) in the widget's plot. */
async function pagePoint(page, [u, v]) {
  return page.evaluate(
    ({ tag, u, v }) => {
      const el = document.querySelector(tag);
      const plot = el.plots.find((p) => p.id === 'system');
      const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
      const fx = (u - plot.x_range[0]) / (plot.x_range[1] - plot.x_range[0]);
      const fy = (v - plot.y_range[0]) / (plot.y_range[1] - plot.y_range[0]);
      return { x: r.left + plot.x + fx * plot.width, y: r.top + plot.y + (1 - fy) * plot.height };
    },
    { tag: TAG, u, v },
  );
}

async function canvasSizes(page) {
  return page.evaluate((tag) => {
    const c = document.querySelector(tag).shadowRoot.querySelector('canvas');
    const r = c.getBoundingClientRect();
    return { w: c.width, h: c.height, cssW: r.width, cssH: r.height };
  }, TAG);
}

test('it draws sharply at DPR 1 and 2, with the documented state and no console error', async () => {
  for (const dpr of [1, 2]) {
    const { page, widget } = await coursePage({ dpr });
    const sizes = await canvasSizes(page);
    assert.equal(sizes.w, Math.round(sizes.cssW * dpr), `backing store width at DPR ${dpr}`);
    assert.equal(sizes.h, Math.round(sizes.cssH * dpr), `backing store height at DPR ${dpr}`);
    const s = await state(page);
    assert.equal(s.kind, 'unique');
    assert.deepEqual(s.x, [0, 9]);
    assert.equal(s.rank, 2);
    assert.equal(s.rank_augmented, 2);
    assert.ok(Math.abs(s.condition_number - 14.933034373659224) < 1e-9, `cond ${s.condition_number}`);
    assert.equal(s.steps[0], 'R2 ← R2 − 2·R1: eliminates x from R2');
    const label = await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelector('canvas').getAttribute('aria-label'), TAG);
    assert.match(label, /Enter steps forward, Backspace steps back/);
    await widget.screenshot({ path: path.join(outputDir(), `linear-system-dpr${dpr}.png`) });
    assertNoProblems(page);
  }
});

test('it is readable at 360 px wide: the panel sits below the picture and nothing overflows', async () => {
  const { page, widget } = await coursePage({ dpr: 2, width: 360 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
  const plot = (await page.evaluate((tag) => document.querySelector(tag).plots, TAG))[0];
  const sizes = await canvasSizes(page);
  assert.ok(plot.x >= 0 && plot.x + plot.width <= sizes.cssW + 0.5, 'the plot fits the width');
  assert.ok(plot.y + plot.height < sizes.cssH - 150, 'room for the panel below the plot');
  await widget.screenshot({ path: path.join(outputDir(), 'linear-system-360.png') });
  assertNoProblems(page);
});

test('Step and Back walk through the row operations; the solution stays put', async () => {
  const { page } = await coursePage();
  const step = page.locator(`${TAG} button[data-action="step"]`);
  await step.click();
  let s = await state(page);
  assert.equal(s.step, 1);
  assert.deepEqual(s.matrix, [['2', '1', '9'], ['0', '1', '9']]);
  assert.deepEqual(s.x, [0, 9]);
  await step.click();
  await step.click();
  await step.click();
  s = await state(page);
  assert.equal(s.step, 3, 'stops after the last operation');
  assert.deepEqual(s.matrix, [['1', '0', '0'], ['0', '1', '9']]);
  assert.equal(await page.locator(`${TAG} [data-readout="step"]`).textContent(), '3 / 3');
  await page.locator(`${TAG} button[data-action="back"]`).click();
  assert.equal((await state(page)).step, 2);
  await page.locator(`${TAG}`).screenshot({ path: path.join(outputDir(), 'linear-system-stepped.png') });
  assertNoProblems(page);
});

test('dragging a handle moves its line and rewrites the row in whole numbers', async () => {
  const { page } = await coursePage();
  const before = await state(page);
  const h = before.handles[0];
  const from = await pagePoint(page, h);
  const to = await pagePoint(page, [h[0], h[1] - 3]);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  const after = await state(page);
  assert.notEqual(after.options.a, before.options.a, 'row 1 of A changed');
  assert.ok(after.options.a.split(/[;,]/).every((v) => /^-?\d+$/.test(v)), `whole numbers: ${after.options.a}`);
  assert.ok(Math.abs(after.handles[0][1] - (h[1] - 3)) < 0.6, `handle followed: ${after.handles[0]}`);
  assert.equal(after.options.a.split(';')[1], '4,3', 'the other row is unchanged');
  assertNoProblems(page);
});

test('keys: n selects a handle, arrows move it, Enter and Backspace step', async () => {
  const { page } = await coursePage();
  const canvas = page.locator(`${TAG} canvas.ms-canvas`);
  await canvas.focus();
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  let s = await state(page);
  assert.equal(s.selected_handle, 2, 'the first handle of line 2');
  await page.keyboard.press('ArrowUp');
  s = await state(page);
  assert.equal(s.options.a.split(';')[0], '2,1', 'line 1 unchanged');
  assert.notEqual(s.options.a.split(';')[1], '4,3', 'line 2 moved');
  await page.keyboard.press('Enter');
  assert.equal((await state(page)).step, 1);
  await page.keyboard.press('Backspace');
  assert.equal((await state(page)).step, 0);
  assertNoProblems(page);
});

test('a 3×3 system is three planes; drag and arrow keys turn the view', async () => {
  const { page, widget } = await coursePage({ dpr: 2 });
  await setOption(page, 'a', '2,1,-1;-3,-1,2;-2,1,2');
  await setOption(page, 'b', '8,-11,-3');
  let s = await state(page);
  assert.equal(s.kind, 'unique');
  assert.deepEqual(s.x_exact, ['2', '3', '-1']);
  const yaw0 = Number(s.options.yaw);
  await page.locator(`${TAG} canvas.ms-canvas`).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  s = await state(page);
  assert.equal(Number(s.options.yaw), yaw0 + 5);
  assert.equal(Number(s.options.pitch), 25);
  const plot = (await page.evaluate((tag) => document.querySelector(tag).plots, TAG))[0];
  const box = await page.locator(`${TAG} canvas.ms-canvas`).boundingBox();
  const cx = box.x + plot.x + plot.width / 2;
  const cy = box.y + plot.y + plot.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 60, cy, { steps: 4 });
  await page.mouse.up();
  s = await state(page);
  assert.equal(Number(s.options.yaw), yaw0 + 5 - 30, 'dragging 60 px turns by 30°');
  await page.locator(`${TAG} button[data-action="end"]`).click();
  assert.equal((await state(page)).step, (await state(page)).step_count);
  await widget.screenshot({ path: path.join(outputDir(), 'linear-system-planes.png') });
  assertNoProblems(page);
});

test('parallel and coincident lines are classified and explained', async () => {
  const { page } = await coursePage();
  await setOption(page, 'a', '1,2;2,4');
  await setOption(page, 'b', '3,16');
  let s = await state(page);
  assert.equal(s.kind, 'none');
  assert.equal(s.x, null);
  assert.equal(s.rank, 1);
  assert.equal(s.rank_augmented, 2);
  assert.equal(s.condition_number, null, 'a singular matrix has κ = ∞ (null in JSON)');
  assert.match(await page.locator(`${TAG} .ms-message`).textContent(), /No solution: the lines .* parallel/);
  await setOption(page, 'b', '3,6');
  s = await state(page);
  assert.equal(s.kind, 'infinite');
  assert.deepEqual(s.x, [3, 0]);
  assert.match(await page.locator(`${TAG} .ms-message`).textContent(), /x = 3 − 2t, y = t/);
  assertNoProblems(page);
});

test('bad input names the row and column and keeps the last good state', async () => {
  const { page } = await coursePage();
  const good = await state(page);
  const thrown = await page.evaluate((tag) => {
    try {
      document.querySelector(tag).setOption('a', '1,2;3');
      return null;
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  }, TAG);
  assert.equal(thrown, 'RangeError: a: row 2 has 1 entries but row 1 has 2; every row needs the same number');
  assert.deepEqual(await state(page), good, 'state unchanged');
  // Typed into the A field: NaN is named by row and column.
  const input = page.locator(`${TAG} input[data-option="a"]`);
  await input.fill('1,2;3,NaN');
  await input.press('Enter');
  assert.match(await page.locator(`${TAG} .ms-error`).textContent(), /a: row 2, column 2 must be finite, got "NaN"/);
  await page.evaluate((tag) => document.querySelector(tag).setAttribute('a', '1,2,3,4;1,2,3,4;1,2,3,4;1,2,3,4'), TAG);
  assert.match(await page.locator(`${TAG} .ms-error`).textContent(), /a: must have 2 or 3 rows .* got 4; keeping the last good value/);
  await page.evaluate((tag) => document.querySelector(tag).setAttribute('b', '1,x'), TAG);
  assert.match(await page.locator(`${TAG} .ms-error`).textContent(), /b: row 2 must be a number/);
  assert.deepEqual((await state(page)).x, [0, 9]);
  // A good value clears the message.
  await input.fill('2,0;0,3');
  await input.press('Enter');
  assert.equal(await page.locator(`${TAG} .ms-error`).textContent(), '');
  assert.deepEqual((await state(page)).x_exact, ['9/2', '9']);
  assertNoProblems(page);
});
