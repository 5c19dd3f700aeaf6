// <mathsight-bayes-rule> on the course page, end to end in headless Chromium: it draws sharply
// at DPR 1 and 2 and at 360 px, dragging and keys move the three probabilities, "Observe again"
// makes the posterior the next prior, bad input is explained, and the formula is MathML.
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

const TAG = 'mathsight-bayes-rule';

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

/** Page coordinates of data point (u, v) in plot `id`. */
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

for (const dpr of [1, 2]) {
  test(`draws sharply at DPR ${dpr} with the formula as MathML and no console error`, async () => {
    const { page, widget } = await coursePage({ dpr });
    const sizes = await page.evaluate((tag) => {
      const c = document.querySelector(tag).shadowRoot.querySelector('canvas');
      const r = c.getBoundingClientRect();
      return { w: c.width, h: c.height, cssW: r.width, cssH: r.height };
    }, TAG);
    assert.equal(sizes.w, Math.round(sizes.cssW * dpr));
    assert.equal(sizes.h, Math.round(sizes.cssH * dpr));
    const math = await page.evaluate((tag) => {
      const all = [...document.querySelector(tag).shadowRoot.querySelectorAll('.ms-formula math')];
      return {
        ns: all.map((m) => m.namespaceURI),
        fracs: all.reduce((n, m) => n + m.querySelectorAll('mfrac').length, 0),
        text: all.map((m) => m.textContent).join(''),
      };
    }, TAG);
    assert.deepEqual(math.ns, ['http://www.w3.org/1998/Math/MathML', 'http://www.w3.org/1998/Math/MathML']);
    assert.equal(math.fracs, 2);
    assert.match(math.text, /^P\(A\|B\)=P\(B\|A\)·P\(A\)P\(B\)=0\.8·0\.20\.8·0\.2\+0\.2·0\.8=0\.5$/);
    const s = await state(page);
    assert.equal(s.posterior, 0.5);
    assert.ok(Math.abs(s.evidence - 0.32) < 1e-12);
    assert.match(await page.locator(`${TAG} .ms-message`).textContent(), /Out of 1000 people.*160 \/ 320/);
    await widget.screenshot({ path: path.join(outputDir(), `bayes-rule-dpr${dpr}.png`) });
    assertNoProblems(page);
  });
}

test('at 360 px the panels stack and nothing overflows', async () => {
  const { page, widget } = await coursePage({ dpr: 2, width: 360 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
  const plots = await page.evaluate((tag) => document.querySelector(tag).plots, TAG);
  assert.ok(plots[1].y > plots[0].y + plots[0].height, 'history below the square');
  const formula = await page.evaluate((tag) => {
    const box = document.querySelector(tag).shadowRoot.querySelector('.ms-formula');
    return { scroll: box.scrollWidth, client: box.clientWidth };
  }, TAG);
  assert.ok(formula.scroll <= formula.client + 1, `formula overflows: ${formula.scroll} > ${formula.client}`);
  await widget.screenshot({ path: path.join(outputDir(), 'bayes-rule-360.png') });
  assertNoProblems(page);
});

test('dragging the divider sets the prior; clicking a column sets its B level', async () => {
  const { page } = await coursePage();
  const from = await pagePoint(page, 'square', [0.2, 0.5]);
  const to = await pagePoint(page, 'square', [0.4, 0.5]);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
  let s = await state(page);
  assert.ok(Math.abs(s.prior - 0.4) < 0.01, `prior ${s.prior}`);
  const inA = await pagePoint(page, 'square', [0.1, 0.6]);
  await page.mouse.click(inA.x, inA.y);
  s = await state(page);
  assert.ok(Math.abs(s.likelihood - 0.6) < 0.01, `likelihood ${s.likelihood}`);
  const notA = await pagePoint(page, 'square', [0.8, 0.3]);
  await page.mouse.click(notA.x, notA.y);
  s = await state(page);
  assert.ok(Math.abs(s.false_positive - 0.3) < 0.01, `false positive ${s.false_positive}`);
  assert.ok(Math.abs(s.posterior - (s.likelihood * s.prior) / s.evidence) < 1e-12);
  assertNoProblems(page);
});

test('Observe again makes the posterior the next prior; keys move every handle', async () => {
  const { page } = await coursePage();
  await page.locator(`${TAG} button[data-action="observe"]`).click();
  let s = await state(page);
  assert.equal(s.observations, 1);
  assert.equal(s.prior, 0.5);
  assert.ok(Math.abs(s.posterior - 0.8) < 1e-12);
  assert.deepEqual(s.history, [0.2, 0.5]);
  await page.locator(`${TAG} canvas.ms-canvas`).focus();
  await page.keyboard.press('Enter');
  s = await state(page);
  assert.equal(s.observations, 2);
  await page.keyboard.press('r');
  s = await state(page);
  assert.equal(s.observations, 0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('PageDown');
  s = await state(page);
  assert.ok(Math.abs(s.prior - 0.21) < 1e-9 && Math.abs(s.likelihood - 0.81) < 1e-9);
  assert.ok(Math.abs(s.false_positive - 0.19) < 1e-9);
  assertNoProblems(page);
});

test('bad input is explained and the last good state kept; the medical story', async () => {
  const { page } = await coursePage();
  const good = await state(page);
  for (const [name, value, message] of [
    ['prior', 'NaN', 'prior must be a number from 0 to 1, got "NaN"'],
    ['likelihood', '1e400', 'likelihood must be a number from 0 to 1, got "1e400"'],
    ['false-positive', '-0.5', 'false-positive must be a number from 0 to 1, got "-0.5"'],
    ['label-a', 'x'.repeat(41), 'label-a must be text of at most 40 characters'],
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
  assert.match(await page.locator(`${TAG} .ms-error`).textContent(), /label-a must be text/);
  // P(B) = 0: a warning, not a division by zero.
  await page.evaluate((tag) => {
    const el = document.querySelector(tag);
    el.setOption('prior', '0');
    el.setOption('false-positive', '0');
  }, TAG);
  let s = await state(page);
  assert.equal(s.posterior, null);
  assert.match(await page.locator(`${TAG} .ms-message`).textContent(), /^P\(B\) = 0/);
  await page.locator(`${TAG} select[data-option="story"]`).selectOption('medical-test');
  s = await state(page);
  assert.ok(Math.abs(s.posterior - 90 / 981) < 1e-12);
  assert.equal(s.label_a, 'has the disease');
  assertNoProblems(page);
});
