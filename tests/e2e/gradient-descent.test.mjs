// <mathsight-gradient-descent> on the course page, end to end in headless Chromium: it draws
// sharply, clicks and drags move the start and the data, buttons and keys step it, bad input
// is explained in the widget, and the host-page API behaves as documented.
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

const TAG = 'mathsight-gradient-descent';

/** The course page at `dpr`, with the widget scrolled into view and drawn. */
async function coursePage({ dpr = 1, width = 1280 } = {}) {
  const page = await openPage(browser, `${server.url}index.html`, { deviceScaleFactor: dpr, width });
  const widget = page.locator(TAG);
  await widget.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${TAG}[data-ready]`, { timeout: 15000 });
  // The layout can still change after the first drawing (a scrollbar appearing as widgets
  // further down start); the widget redraws on resize, so wait until it has.
  await page.waitForFunction(
    ({ tag, dpr }) => {
      const c = document.querySelector(tag).shadowRoot.querySelector('canvas');
      const r = c.getBoundingClientRect();
      return c.width === Math.round(r.width * dpr) && c.height === Math.round(r.height * dpr);
    },
    { tag: TAG, dpr },
    { timeout: 5000 },
  );
  return { page, widget };
}

const state = (page) => page.evaluate((tag) => document.querySelector(tag).state, TAG);

/** Page coordinates of data point (u, v) in plot `id`. */
async function pagePoint(page, id, [u, v]) {
  return page.evaluate(
    ({ tag, id, u, v }) => {
      const el = document.querySelector(tag);
      const plot = el.plots.find((p) => p.id === id);
      const canvas = el.shadowRoot.querySelector('canvas');
      const r = canvas.getBoundingClientRect();
      const fx = (u - plot.x_range[0]) / (plot.x_range[1] - plot.x_range[0]);
      const fy = (v - plot.y_range[0]) / (plot.y_range[1] - plot.y_range[0]);
      return { x: r.left + plot.x + fx * plot.width, y: r.top + plot.y + (1 - fy) * plot.height };
    },
    { tag: TAG, id, u, v },
  );
}

test('the course page shows the widget sharply at DPR 2, with no console error', async () => {
  const { page, widget } = await coursePage({ dpr: 2 });
  const sizes = await page.evaluate((tag) => {
    const c = document.querySelector(tag).shadowRoot.querySelector('canvas');
    const r = c.getBoundingClientRect();
    return { w: c.width, h: c.height, cssW: r.width, cssH: r.height };
  }, TAG);
  assert.equal(sizes.w, Math.round(sizes.cssW * 2), 'backing store width = CSS width × 2');
  assert.equal(sizes.h, Math.round(sizes.cssH * 2), 'backing store height = CSS height × 2');
  // The numbered chapters (the opening "why" section has no number).
  const headings = await page.locator('main h2:has(.chapter-number)').allTextContents();
  assert.deepEqual(
    headings.map((h) => h.replace(/^\d\s*/, '')),
    ['Linear algebra', 'Multivariate calculus', 'Probability', 'Statistics'],
  );
  await widget.screenshot({ path: path.join(outputDir(), 'gradient-descent-dpr2.png') });
  await page.screenshot({ path: path.join(outputDir(), 'course-dpr2.png'), fullPage: true });
  assertNoProblems(page);
});

test('it is readable at 360 px wide: panels stack and nothing overflows', async () => {
  const { page, widget } = await coursePage({ dpr: 2, width: 360 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
  const plots = await page.evaluate((tag) => document.querySelector(tag).plots, TAG);
  assert.ok(plots[1].y > plots[0].y + plots[0].height, 'the cost plot sits below the data plot');
  await widget.screenshot({ path: path.join(outputDir(), 'gradient-descent-360.png') });
  assertNoProblems(page);
});

test('clicking the cost field moves the start; Step changes m and c', async () => {
  const { page } = await coursePage();
  const target = await pagePoint(page, 'cost', [2.5, -0.5]);
  await page.mouse.click(target.x, target.y);
  let s = await state(page);
  assert.ok(Math.abs(s.m - 2.5) < 0.05, `start m ${s.m}`);
  assert.ok(Math.abs(s.c + 0.5) < 0.05, `start c ${s.c}`);
  assert.equal(s.step, 0);
  const step = page.locator(`${TAG} button[data-action="step"]`);
  await step.click();
  await step.click();
  s = await state(page);
  assert.equal(s.step, 2);
  assert.notEqual(s.m, 2.5);
  assert.ok(s.cost < 100, 'cost is finite and sensible');
  const readout = await page.locator(`${TAG} [data-readout="step"]`).textContent();
  assert.equal(readout, '2');
  assertNoProblems(page);
});

test('dragging a data point refits the line', async () => {
  const { page } = await coursePage();
  const before = await state(page);
  const p0 = before.points[0];
  const from = await pagePoint(page, 'data', p0);
  const to = await pagePoint(page, 'data', [p0[0], p0[1] + 3]);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  const after = await state(page);
  assert.ok(Math.abs(after.points[0][1] - (p0[1] + 3)) < 0.1, `point moved to ${after.points[0]}`);
  assert.notDeepEqual(after.least_squares, before.least_squares);
  assert.notEqual(after.options.points, '', 'the data is now explicit, so a shared URL keeps it');
  assertNoProblems(page);
});

test('keyboard focus reaches every control, and keys move and step', async () => {
  const { page } = await coursePage();
  const reached = new Set();
  // Start at the widget's canvas (other widgets come before it on the page) and tab on.
  await page.locator(`${TAG} canvas.ms-canvas`).focus();
  reached.add('ms-canvas');
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a ? a.dataset.action || a.dataset.option || a.className || a.tagName : null;
    });
    reached.add(id);
  }
  for (const want of ['ms-canvas', 'step', 'play', 'reset', 'learning-rate', 'show-residuals']) {
    assert.ok(reached.has(want), `Tab never reached ${want}; reached ${[...reached].join(', ')}`);
  }
  const canvas = page.locator(`${TAG} canvas.ms-canvas`);
  await canvas.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowUp');
  let s = await state(page);
  assert.ok(Number(s.options['start-m']) > 0 && Number(s.options['start-c']) > 0);
  await page.keyboard.press('Enter');
  s = await state(page);
  assert.equal(s.step, 1);
  assertNoProblems(page);
});

test('bad input is explained in the widget and the widget keeps working', async () => {
  const { page } = await coursePage();
  const good = await state(page);
  const thrown = await page.evaluate((tag) => {
    try {
      document.querySelector(tag).setOption('learning-rate', 'abc');
      return null;
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  }, TAG);
  assert.equal(thrown, 'RangeError: learning-rate must be a number from 0.0001 to 10, got "abc"');
  assert.match(await page.locator(`${TAG} .ms-error`).textContent(), /learning-rate must be a number/);
  assert.deepEqual(await state(page), good, 'state unchanged');
  // Attributes too: the message names the option and the widget keeps its last good value.
  await page.evaluate((tag) => document.querySelector(tag).setAttribute('points', '1,2'), TAG);
  assert.match(
    await page.locator(`${TAG} .ms-error`).textContent(),
    /points: at least 2 data points are needed, got 1; keeping the last good value/,
  );
  await page.evaluate((tag) => document.querySelector(tag).setAttribute('points', '1,1;1,2;1,3'), TAG);
  assert.match(await page.locator(`${TAG} .ms-error`).textContent(), /all x values equal 1/);
  // A good value clears the message.
  await page.evaluate((tag) => document.querySelector(tag).setAttribute('learning-rate', '0.05'), TAG);
  assert.equal(await page.locator(`${TAG} .ms-error`).textContent(), '');
  assert.equal((await state(page)).learning_rate, 0.05);
  assertNoProblems(page);
});

test('a learning rate above 2/L diverges and the widget says why', async () => {
  const { page } = await coursePage();
  const bound = (await state(page)).learning_rate_bound;
  await page.evaluate(
    ({ tag, lr }) => {
      const el = document.querySelector(tag);
      el.setOption('learning-rate', lr);
      el.step(300);
    },
    { tag: TAG, lr: String(bound * 1.3) },
  );
  const s = await state(page);
  assert.equal(s.status, 'diverged');
  assert.ok(s.step < 300, 'stopped when divergence was detected');
  const message = await page.locator(`${TAG} .ms-message`).textContent();
  assert.match(message, /^Diverged at step \d+: the cost grew from .* 2\/L = /);
  await page.locator(`${TAG}`).screenshot({ path: path.join(outputDir(), 'gradient-descent-diverged.png') });
  assertNoProblems(page);
});

test('host-page API: step(n), reset(), change events, attributes on load', async () => {
  const page = await openPage(browser, `${server.url}index.html`);
  await page.evaluate(() => {
    const el = document.createElement('mathsight-gradient-descent');
    el.id = 'extra';
    el.setAttribute('learning-rate', '0.05');
    el.setAttribute('steps', '4');
    el.setAttribute('seed', '11');
    document.querySelector('main').prepend(el);
  });
  await page.waitForSelector('#extra[data-ready]', { timeout: 15000 });
  const result = await page.evaluate(() => {
    const el = document.getElementById('extra');
    const events = [];
    el.addEventListener('change', (e) => events.push(e.detail.step));
    const first = el.state;
    el.step(5);
    const stepped = el.state.step;
    el.reset();
    return { first, stepped, reset: el.state.step, events, json: JSON.stringify(el.state).length };
  });
  assert.equal(result.first.step, 4);
  assert.equal(result.first.learning_rate, 0.05);
  assert.equal(result.first.options.seed, '11');
  assert.equal(result.stepped, 9, 'step(5) advanced exactly five steps');
  assert.equal(result.reset, 4, 'reset() returns to the steps option');
  assert.deepEqual(result.events, [9, 4]);
  assert.ok(result.json > 100);
  assert.ok(['running', 'converged', 'diverged'].includes(result.first.status));
  assertNoProblems(page);
});

test('play runs to convergence and stops by itself', async () => {
  const { page } = await coursePage();
  await page.evaluate((tag) => document.querySelector(tag).setOption('speed', '240'), TAG);
  await page.locator(`${TAG} button[data-action="play"]`).click();
  await page.waitForFunction((tag) => document.querySelector(tag).state.status === 'converged', TAG, {
    timeout: 20000,
  });
  const s = await state(page);
  assert.equal(s.playing, false);
  assert.ok(Math.abs(s.m - s.least_squares[0]) < 1e-3 && Math.abs(s.c - s.least_squares[1]) < 1e-3);
  assertNoProblems(page);
});

test('the arithmetic of the current step shows as a table and MathML, and follows the step', async () => {
  const { page, widget } = await coursePage();
  await page.locator(`${TAG} input[data-option="show-arithmetic"]`).check();
  const details = page.locator(`${TAG} .ms-details`);
  assert.equal(await details.locator('tbody tr').count(), 12);
  assert.equal(await details.locator('math').count(), 5);
  const caption = () => details.locator('caption').textContent();
  assert.match(await caption(), /^Step 0 → 1: /);
  const predicted = await page.evaluate((tag) => {
    const el = document.querySelector(tag);
    const mn = [...el.shadowRoot.querySelectorAll('.ms-details math')][3].querySelectorAll('mn');
    return mn[mn.length - 1].textContent;
  }, TAG);
  await page.locator(`${TAG} button[data-action="step"]`).click();
  assert.match(await caption(), /^Step 1 → 2: /);
  const m = (await state(page)).m;
  assert.equal(Number(predicted), Number(m.toPrecision(4)), 'the update shown is the step taken');
  const html = await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelector('.ms-details').innerHTML, TAG);
  assert.ok(!html.includes('<script'), 'text only');
  await widget.screenshot({ path: path.join(outputDir(), 'gradient-descent-arithmetic.png') });
  await page.locator(`${TAG} input[data-option="show-arithmetic"]`).uncheck();
  assert.equal(await details.locator('table').count(), 0);
  assertNoProblems(page);
});

test('feature scaling rounds the contours and converges in fewer steps', async () => {
  const { page, widget } = await coursePage();
  const readout = () => page.locator(`${TAG} [data-readout="converge"]`).textContent();
  assert.match(await readout(), /^raw x \d+ steps · scaled x \d+ steps$/);
  await page.locator(`${TAG} input[data-option="scale-x"]`).check();
  const s = await state(page);
  assert.equal(s.scaled, true);
  assert.ok(s.steps_to_converge.scaled < s.steps_to_converge.raw);
  await page.evaluate(({ tag, n }) => document.querySelector(tag).step(n), { tag: TAG, n: s.steps_to_converge.scaled });
  assert.equal((await state(page)).status, 'converged');
  await widget.screenshot({ path: path.join(outputDir(), 'gradient-descent-scaled.png') });
  assertNoProblems(page);
});

test('mini-batches: the same seed gives the same noisy path; a bad batch size is explained', async () => {
  const { page } = await coursePage();
  const run = (seed) =>
    page.evaluate(
      ({ tag, seed }) => {
        const el = document.querySelector(tag);
        el.setOption('batch-size', '2');
        el.setOption('batch-seed', seed);
        el.reset();
        el.step(25);
        return [el.state.m, el.state.c, el.state.batch.length];
      },
      { tag: TAG, seed },
    );
  const a = await run('3');
  assert.deepEqual(await run('3'), a);
  assert.notDeepEqual(await run('4'), a);
  assert.equal(a[2], 2);
  const input = page.locator(`${TAG} input[data-option="batch-size"]`);
  await input.fill('1e9');
  await input.press('Enter');
  assert.equal(
    await page.locator(`${TAG} .ms-error`).textContent(),
    'batch-size must be a whole number from 0 to 500, got "1e9"',
  );
  assert.equal((await state(page)).options['batch-size'], '2');
  assertNoProblems(page);
});

test('the 3-D view turns by keyboard and by drag, sharing the descent with the contour view', async () => {
  const { page, widget } = await coursePage({ dpr: 2 });
  await page.locator(`${TAG} button[data-action="step"]`).click();
  const before = await state(page);
  await page.locator(`${TAG} select[data-option="view"]`).selectOption('surface');
  let s = await state(page);
  assert.equal(s.view, 'surface');
  assert.equal(s.m, before.m, 'same state in either view');
  assert.equal(s.step, 1);
  await page.locator(`${TAG} canvas.ms-canvas`).focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  s = await state(page);
  assert.equal(Number(s.options.azimuth), -30);
  assert.equal(Number(s.options.elevation), 40);
  assert.equal(s.options['start-m'], before.options['start-m'], 'arrows turn the view, not the start');
  const plot = (await page.evaluate((tag) => document.querySelector(tag).plots, TAG)).find((p) => p.id === 'surface');
  const r = await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelector('canvas').getBoundingClientRect().toJSON(), TAG);
  const from = { x: r.left + plot.x + plot.width / 2, y: r.top + plot.y + plot.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 60, from.y + 20, { steps: 6 });
  await page.mouse.up();
  s = await state(page);
  // 0.5° per CSS pixel: 60 px left-to-right turns by −30°, 20 px down tilts by +10°.
  assert.ok(Math.abs(Number(s.options.azimuth) + 60) <= 1, `azimuth ${s.options.azimuth}`);
  assert.ok(Math.abs(Number(s.options.elevation) - 50) <= 1, `elevation ${s.options.elevation}`);
  await page.waitForTimeout(100);
  await widget.screenshot({ path: path.join(outputDir(), 'gradient-descent-3d.png') });
  await page.locator(`${TAG} select[data-option="view"]`).selectOption('contour');
  assert.equal((await state(page)).m, before.m);
  assertNoProblems(page);
});

test('both views side by side: a click on the contours moves the start, the 3-D view turns by drag and keys', async () => {
  const { page, widget } = await coursePage({ dpr: 2 });
  await page.locator(`${TAG} select[data-option="view"]`).selectOption('both');
  await page.locator(`${TAG} button[data-action="step"]`).click();
  const plots = await page.evaluate((tag) => document.querySelector(tag).plots, TAG);
  const cost = plots.find((p) => p.id === 'cost');
  const surface = plots.find((p) => p.id === 'surface');
  assert.ok(cost && surface, `plots: ${plots.map((p) => p.id).join(', ')}`);
  assert.ok(surface.x >= cost.x + cost.width, 'the 3-D view stands to the right of the contours');
  const r = await page.evaluate((tag) => document.querySelector(tag).shadowRoot.querySelector('canvas').getBoundingClientRect().toJSON(), TAG);
  const before = await state(page);
  await page.mouse.click(r.left + cost.x + cost.width * 0.3, r.top + cost.y + cost.height * 0.7);
  let s = await state(page);
  assert.notEqual(s.options['start-m'], before.options['start-m'], 'the click set the start');
  const from = { x: r.left + surface.x + surface.width / 2, y: r.top + surface.y + surface.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y, { steps: 4 });
  await page.mouse.up();
  s = await state(page);
  assert.ok(Math.abs(Number(s.options.azimuth) + 55) <= 1, `azimuth ${s.options.azimuth}`);
  const start = s.options['start-m'];
  await page.locator(`${TAG} canvas.ms-canvas`).focus();
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowLeft');
  s = await state(page);
  assert.ok(Math.abs(Number(s.options.azimuth) + 50) <= 1, `azimuth ${s.options.azimuth}`);
  assert.equal(s.options['start-m'], start, 'with the 3-D view selected the arrows turn it');
  await page.waitForTimeout(100);
  await widget.screenshot({ path: path.join(outputDir(), 'gradient-descent-both-views.png') });
  assertNoProblems(page);
});
