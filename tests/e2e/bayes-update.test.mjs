// <mathsight-bayes-update> on the course page, end to end in headless Chromium: sharp at DPR 1
// and 2 and at 360 px; observing a success or a failure and simulating update the posterior;
// dragging and keys move the true value; the normal model takes data; bad input is explained.
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

const TAG = 'mathsight-bayes-update';

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
    assert.equal(s.posterior_alpha, 2);
    assert.equal(s.posterior_beta, 2);
    assert.equal(s.posterior_mean, 0.5);
    await widget.screenshot({ path: path.join(outputDir(), `bayes-update-dpr${dpr}.png`) });
    assertNoProblems(page);
  });
}

test('at 360 px nothing overflows', async () => {
  const { page, widget } = await coursePage({ dpr: 2, width: 360 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
  await widget.screenshot({ path: path.join(outputDir(), 'bayes-update-360.png') });
  assertNoProblems(page);
});

test('observing and simulating update the Beta posterior and its interval', async () => {
  const { page, widget } = await coursePage();
  await page.locator(`${TAG} button[data-action="success"]`).click();
  await page.locator(`${TAG} button[data-action="success"]`).click();
  await page.locator(`${TAG} button[data-action="failure"]`).click();
  let s = await state(page);
  assert.equal(s.posterior_alpha, 4);
  assert.equal(s.posterior_beta, 3);
  assert.ok(Math.abs(s.posterior_mean - 4 / 7) < 1e-15);
  assert.equal(s.credible_interval.length, 2);
  await page.evaluate((tag) => {
    const el = document.querySelector(tag);
    el.setOption('successes', '7');
    el.setOption('failures', '4');
  }, TAG);
  s = await state(page);
  // scipy.stats.beta(9, 6).ppf([0.025, 0.975])
  assert.ok(Math.abs(s.credible_interval[0] - 0.3513801106159917) < 1e-12);
  assert.ok(Math.abs(s.credible_interval[1] - 0.8233889100178821) < 1e-12);
  await page.locator(`${TAG} input[data-option="simulate"]`).fill('500');
  await page.locator(`${TAG} input[data-option="simulate"]`).press('Enter');
  await page.locator(`${TAG} button[data-action="simulate"]`).click();
  s = await state(page);
  assert.equal(s.observations, 511);
  assert.ok(Math.abs(s.posterior_mean - 0.7) < 0.07, `mean ${s.posterior_mean}`);
  assert.ok(s.credible_interval[1] - s.credible_interval[0] < 0.1);
  await widget.screenshot({ path: path.join(outputDir(), 'bayes-update-simulated.png') });
  assertNoProblems(page);
});

test('dragging and arrow keys move the true rate; s and f observe', async () => {
  const { page } = await coursePage();
  const target = await page.evaluate((tag) => {
    const el = document.querySelector(tag);
    const plot = el.plots[0];
    const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
    return { x: r.left + plot.x + 0.3 * plot.width, y: r.top + plot.y + plot.height / 2 };
  }, TAG);
  await page.mouse.click(target.x, target.y);
  let s = await state(page);
  assert.ok(Math.abs(Number(s.options['true-rate']) - 0.3) < 0.01, s.options['true-rate']);
  await page.locator(`${TAG} canvas.ms-canvas`).focus();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('s');
  await page.keyboard.press('f');
  s = await state(page);
  assert.ok(Math.abs(Number(s.options['true-rate']) - 0.4) < 0.011);
  assert.equal(s.observations, 2);
  assertNoProblems(page);
});

test('the normal model takes data, and bad input is explained with the state kept', async () => {
  const { page, widget } = await coursePage();
  await page.locator(`${TAG} select[data-option="model"]`).selectOption('normal-normal');
  await page.evaluate((tag) => document.querySelector(tag).setOption('data', '1, 2, 3'), TAG);
  let s = await state(page);
  assert.ok(Math.abs(s.posterior_mean - 6 / 3.25) < 1e-12);
  await page.evaluate((tag) => document.querySelector(tag).step(20), TAG);
  s = await state(page);
  assert.equal(s.observations, 23);
  const good = s;
  for (const [name, value, message] of [
    ['data', '1, NaN', 'data: entry 2 "NaN" must be a finite number within ±1e6'],
    ['prior-sd', '-2', 'prior-sd must be a number from 0.01 to 100, got "-2"'],
    ['sigma', 'Infinity', 'sigma must be a number from 0.01 to 100, got "Infinity"'],
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
  await widget.screenshot({ path: path.join(outputDir(), 'bayes-update-normal.png') });
  assertNoProblems(page);
});
