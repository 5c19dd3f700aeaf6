// <mathsight-matrix-transform> on the course page, end to end in headless Chromium: it draws
// sharply at DPR 1 and 2 and at 360 px, dragging the image of a basis vector changes A and the
// determinant's sign, keys move the selected vector, a singular matrix explains A·x = b, and
// bad input names the row and column.
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

const TAG = 'mathsight-matrix-transform';

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
      const plot = el.plots.find((p) => p.id === 'plane');
      const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
      const fx = (u - plot.x_range[0]) / (plot.x_range[1] - plot.x_range[0]);
      const fy = (v - plot.y_range[0]) / (plot.y_range[1] - plot.y_range[0]);
      return { x: r.left + plot.x + fx * plot.width, y: r.top + plot.y + (1 - fy) * plot.height };
    },
    { tag: TAG, u, v },
  );
}

test('it draws sharply at DPR 1 and 2 and at 360 px, with no console error', async () => {
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
    assert.equal(s.det, 3);
    assert.deepEqual(s.eigenvalues, [3, 1]);
    await widget.screenshot({ path: path.join(outputDir(), `matrix-transform-${width}-dpr${dpr}.png`) });
    assertNoProblems(page);
  }
});

test('dragging the image of e2 below the x axis flips the orientation', async () => {
  const { page } = await coursePage();
  const from = await pagePoint(page, [1, 2]);
  const to = await pagePoint(page, [1, -2]);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  const s = await state(page);
  assert.deepEqual(s.columns[1], [1, -2]);
  assert.equal(s.det, 2 * -2 - 1 * 1);
  assert.equal(s.orientation, 'reversed');
  assert.match(await page.locator(`${TAG} .ms-message`).textContent(), /flips orientation/);
  assertNoProblems(page);
});

test('keys move the selected basis image; a singular matrix explains A·x = b', async () => {
  const { page, widget } = await coursePage();
  await page.locator(`${TAG} canvas.ms-canvas`).focus();
  await page.keyboard.press('ArrowLeft');
  let s = await state(page);
  assert.deepEqual(s.columns[0], [1.9, 1]);
  await page.keyboard.press('n');
  await page.keyboard.press('Shift+ArrowUp');
  s = await state(page);
  assert.deepEqual(s.columns[1], [1, 2.5]);
  await page.evaluate((tag) => document.querySelector(tag).setOption('a', '1,2;2,4'), TAG);
  s = await state(page);
  assert.equal(s.singular, true);
  assert.equal(s.orientation, 'collapsed');
  assert.match(
    await page.locator(`${TAG} .ms-message`).textContent(),
    /no solution when b is off that line, and infinitely many when b is on it/,
  );
  await widget.screenshot({ path: path.join(outputDir(), 'matrix-transform-singular.png') });
  assertNoProblems(page);
});

test('bad input names the row and column and keeps the last good matrix', async () => {
  const { page } = await coursePage();
  const input = page.locator(`${TAG} input[data-option="a"]`);
  await input.fill('1,2;3,NaN');
  await input.press('Enter');
  assert.match(await page.locator(`${TAG} .ms-error`).textContent(), /a: row 2, column 2 must be finite, got "NaN"/);
  await input.fill('1,2,3;4,5,6;7,8,9');
  await input.press('Enter');
  assert.match(await page.locator(`${TAG} .ms-error`).textContent(), /a: must be 2×2/);
  assert.deepEqual((await state(page)).matrix, [[2, 1], [1, 2]]);
  assertNoProblems(page);
});
