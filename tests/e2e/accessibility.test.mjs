// Accessibility: axe-core finds no violation on the course page (light and dark) or on any
// widget alone (light and dark, its data table open and checked); every control is at least
// 24 × 24 CSS px and only the canvas sets touch-action: none; equations are MathML with no
// font fetched; the stylesheet parses whole; the gradient-descent task can be done with the
// keyboard only (every widget's in keyboard.test.mjs); the live region speaks the state; the
// animating widgets have Pause, and reduced motion turns their Play and P key into single steps.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoProblems, expectLive, launchBrowser, openPage, REPO_ROOT, SITE_ROOT, WIDGETS } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const AXE = path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');

// The widgets that animate: each has Play, which becomes Pause (WCAG 2.2.2), and under
// reduced motion Play and the P key take single steps instead.
const ANIMATING = ['gradient-descent', 'optimizers', 'logistic-regression'];

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

async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

for (const colorScheme of ['light', 'dark']) {
  test(`the course page has no axe violations (${colorScheme})`, async () => {
    const page = await openPage(browser, `${server.url}index.html`, { colorScheme });
    // Widgets start and draw near the viewport: visit each until it is ready.
    const tags = await page.evaluate(() =>
      [...document.querySelectorAll('main *')].map((n) => n.localName).filter((t) => t.startsWith('mathsight-')),
    );
    assert.ok(tags.length >= 13, `the course page has ${tags.length} widgets`);
    for (const tag of tags) {
      await page.locator(tag).first().scrollIntoViewIfNeeded();
      await page.waitForSelector(`${tag}[data-ready]`, { timeout: 15000 });
    }
    assert.deepEqual(await axeViolations(page), []);
    assertNoProblems(page);
  });
}

/** Every visible control and the canvas of the widget, with its size in CSS px. */
async function targets(page, name) {
  // The shadow root's stylesheet loads on its own: measure once it applies.
  await page.waitForFunction(
    (tag) => [...document.querySelector(tag).shadowRoot.styleSheets].some((s) => s.href?.endsWith('mathsight.css')),
    `mathsight-${name}`,
  );
  return page.evaluate((tag) => {
    const root = document.querySelector(tag).shadowRoot;
    return [...root.querySelectorAll('button, input, select, textarea, canvas, [tabindex]')]
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0)
      .map(({ e, r }) => ({
        what: `${e.localName}[${e.dataset.option ?? e.dataset.action ?? e.className ?? ''}]`,
        width: r.width,
        height: r.height,
      }));
  }, `mathsight-${name}`);
}

for (const name of WIDGETS) {
  for (const width of [1280, 320]) {
    test(`${name}: every control is at least 24 × 24 CSS px at width ${width}`, async () => {
      const page = await openPage(browser, `${server.url}embed.html#widget=${name}`, { width });
      await page.waitForSelector(`mathsight-${name}[data-ready]`);
      const all = await targets(page, name);
      assert.ok(all.length >= 3, `${name}: ${all.length} targets`);
      const small = all.filter((t) => t.width < 24 || t.height < 24);
      assert.deepEqual(small, [], `${name}: targets smaller than 24 × 24`);
      // Only the plot refuses touch scrolling (pointer events drag there); the page scrolls elsewhere.
      const noTouch = await page.evaluate((tag) => {
        const host = document.querySelector(tag);
        const all = [document.documentElement, document.body, host, ...host.shadowRoot.querySelectorAll('*')];
        return all.filter((e) => getComputedStyle(e).touchAction === 'none').map((e) => e.className || e.localName);
      }, `mathsight-${name}`);
      assert.deepEqual(noTouch, ['ms-canvas']);
      // Only the animating widgets have Play (and so Pause): see ANIMATING.
      const play = all.some((t) => t.what === 'button[play]');
      assert.equal(play, ANIMATING.includes(name), `${name}: has a Play button: ${play}`);
      assertNoProblems(page);
      await page.context().close();
    });
  }

  test(`${name} alone has no axe violations in the dark theme`, async () => {
    const page = await openPage(browser, `${server.url}embed.html#widget=${name}`, { colorScheme: 'dark' });
    await page.waitForSelector(`mathsight-${name}[data-ready]`);
    await page.locator(`mathsight-${name} button[data-action="table"]`).click();
    assert.deepEqual(await axeViolations(page), []);
    assertNoProblems(page);
    await page.context().close();
  });

  test(`${name} alone has no axe violations, with its table open`, async () => {
    const page = await openPage(browser, `${server.url}embed.html#widget=${name}`);
    await page.waitForSelector(`mathsight-${name}[data-ready]`);
    await page.locator(`mathsight-${name} button[data-action="table"]`).click();
    const table = page.locator(`mathsight-${name} .ms-table table`);
    assert.equal(await table.count(), 1, `${name}: the data table is shown`);
    const rows = await table.locator('tbody tr').count();
    assert.ok(rows > 0 && rows <= 80, `${name}: the data table has ${rows} rows`);
    assert.ok((await table.locator('caption').textContent()).length > 10, `${name}: the table has a caption`);
    const widths = await table.locator('tr').evaluateAll((trs) => trs.map((tr) => tr.children.length));
    assert.ok(widths.every((w) => w === widths[0]), `${name}: every row has one cell per heading`);
    // Its equations are MathML, read natively: no web font is fetched for them.
    const math = await page.evaluate((tag) => {
      const el = document.querySelector(tag);
      el.step(1);
      const all = [...el.shadowRoot.querySelectorAll('math')];
      return { count: all.length, ns: [...new Set(all.map((m) => m.namespaceURI))], text: all.map((m) => m.textContent).join(' ') };
    }, `mathsight-${name}`);
    assert.ok(math.count >= 1, `${name}: shows its equations as MathML`);
    assert.deepEqual(math.ns, ['http://www.w3.org/1998/Math/MathML']);
    assert.ok(!/undefined|NaN/.test(math.text), `${name}: ${math.text}`);
    const fonts = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => r.name).filter((u) => /\.(woff2?|ttf|otf)(\?|$)/.test(u)),
    );
    assert.deepEqual(fonts, [], 'no font is downloaded');
    assert.deepEqual(await axeViolations(page), []);
    assertNoProblems(page);
  });
}

test('gradient descent by keyboard only: choose and move a point, move the start, play to convergence', async () => {
  const page = await openPage(browser, `${server.url}embed.html#widget=gradient-descent&speed=240`);
  await page.waitForSelector('mathsight-gradient-descent[data-ready]');
  const state = () => page.evaluate(() => document.querySelector('mathsight-gradient-descent').state);
  const focused = () =>
    page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a?.className;
    });
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'ms-canvas', 'the canvas is the first stop');
  const before = await state();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('Shift+ArrowUp');
  const moved = await state();
  assert.ok(moved.points[0][1] > before.points[0][1], 'the first point moved up');
  await expectLive(page, 'mathsight-gradient-descent', /point 1 selected at/);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.ok(Number((await state()).options['start-m']) > 0, 'the start moved right');
  await page.keyboard.press('Enter');
  assert.equal((await state()).step, 1);
  await expectLive(page, 'mathsight-gradient-descent', /^Step 1: m = .*, cost .*, falling/);
  await page.keyboard.press('p');
  await page.waitForFunction(() => document.querySelector('mathsight-gradient-descent').state.status === 'converged', null, {
    timeout: 20000,
  });
  assertNoProblems(page);
});

test('the widget stylesheet parses whole: no rule is swallowed by an unclosed brace', async () => {
  const page = await openPage(browser, `${server.url}embed.html#widget=bayes-rule`);
  await page.waitForSelector('mathsight-bayes-rule[data-ready]');
  const found = await page.evaluate(() => {
    const root = document.querySelector('mathsight-bayes-rule').shadowRoot;
    const sheet = [...root.styleSheets].find((s) => s.href?.endsWith('mathsight.css'));
    const top = [...sheet.cssRules];
    return {
      nested: top.filter((r) => r.cssRules?.length && !(r instanceof CSSMediaRule) && !(r instanceof CSSContainerRule)).map((r) => r.selectorText),
      coarse: top.some((r) => r instanceof CSSMediaRule && r.conditionText.includes('pointer: coarse') && r.cssText.includes('min-height: 44px')),
      formula: getComputedStyle(root.querySelector('.ms-formula')).display,
    };
  });
  assert.deepEqual(found.nested, [], 'style rules nested by accident');
  assert.ok(found.coarse, 'coarse pointers get 44 px buttons');
  assert.equal(found.formula, 'flex', 'formulas wrap side by side');
  assertNoProblems(page);
});

for (const name of ANIMATING) {
  test(`${name}: Play becomes Pause and stops the animation`, async () => {
    const page = await openPage(browser, `${server.url}embed.html#widget=${name}&speed=1`);
    await page.waitForSelector(`mathsight-${name}[data-ready]`);
    const play = page.locator(`mathsight-${name} button[data-action="play"]`);
    await play.click();
    assert.equal(await play.textContent(), 'Pause');
    assert.equal(await play.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.evaluate((t) => document.querySelector(t).state.playing, `mathsight-${name}`), true);
    await play.click();
    assert.equal(await play.textContent(), 'Play');
    assert.equal(await page.evaluate((t) => document.querySelector(t).state.playing, `mathsight-${name}`), false);
    assertNoProblems(page);
    await page.context().close();
  });

  test(`${name}: reduced motion turns Play and the P key into single steps`, async () => {
    const page = await openPage(browser, `${server.url}embed.html#widget=${name}`, { reducedMotion: 'reduce' });
    await page.waitForSelector(`mathsight-${name}[data-ready]`);
    const state = () => page.evaluate((t) => document.querySelector(t).state, `mathsight-${name}`);
    await page.locator(`mathsight-${name} button[data-action="play"]`).click();
    await page.waitForTimeout(400);
    assert.equal((await state()).step, 1);
    assert.equal((await state()).playing, false);
    await page.locator(`mathsight-${name} canvas.ms-canvas`).focus();
    await page.keyboard.press('p');
    await page.waitForTimeout(400);
    assert.equal((await state()).step, 2);
    assert.equal((await state()).playing, false);
    assertNoProblems(page);
    await page.context().close();
  });
}

test('reduced motion: Play takes one step instead of animating', async () => {
  const page = await openPage(browser, `${server.url}embed.html#widget=gradient-descent`, { reducedMotion: 'reduce' });
  await page.waitForSelector('mathsight-gradient-descent[data-ready]');
  await page.locator('mathsight-gradient-descent button[data-action="play"]').click();
  await page.waitForTimeout(400);
  const s = await page.evaluate(() => document.querySelector('mathsight-gradient-descent').state);
  assert.equal(s.step, 1);
  assert.equal(s.playing, false);
  assertNoProblems(page);
});

test('the data table lists the plotted points', async () => {
  const page = await openPage(browser, `${server.url}embed.html#widget=gradient-descent&n=7`);
  await page.waitForSelector('mathsight-gradient-descent[data-ready]');
  const button = page.locator('mathsight-gradient-descent button[data-action="table"]');
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('mathsight-gradient-descent .ms-table tbody tr').count(), 7);
  await page.evaluate(() => document.querySelector('mathsight-gradient-descent').step(2));
  assert.match(await page.locator('mathsight-gradient-descent .ms-table caption').textContent(), /at step 2/);
  assertNoProblems(page);
});
