// The course page as a student meets it, end to end in headless Chromium: every section's widget
// renders with no console error; a scripted student solves every section's challenge with the
// mouse and keyboard (sliders, fields, buttons, keys on the plot, hovering) and each success is
// shown with a mark and text in a live region; a reset does not undo or break a check; the
// contents link to every section and mark the one being read; each section's links open its
// widget alone, and in the embed guide, in the same state; axe-core finds nothing, at 1280 and
// 390 px; full-page screenshots at both widths; and print shows every widget's picture.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoProblems, launchBrowser, openPage, outputDir, REPO_ROOT, SITE_ROOT } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const AXE = path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');

// The sections of the course, in page order; each holds <mathsight-NAME> and its challenge.
const SECTIONS = [
  'linear-system',
  'least-squares',
  'matrix-transform',
  'gradient-descent',
  'optimizers',
  'distribution',
  'bayes-rule',
  'bayes-update',
  'naive-bayes',
  'descriptive-stats',
  'hypothesis-test',
  'regression-stats',
  'logistic-regression',
];

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

/** Scrolls section `name`'s widget into view until it has drawn at its settled size. */
async function showWidget(page, name) {
  const tag = `mathsight-${name}`;
  const widget = page.locator(`#${name} ${tag}`);
  await widget.scrollIntoViewIfNeeded();
  await page.waitForSelector(`#${name} ${tag}[data-ready]`, { timeout: 15000 });
  // Widgets above grow as they start; scroll again until this one stays put and is redrawn.
  for (let attempt = 0; ; attempt++) {
    await widget.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(150);
    const settled = await widget.evaluate((el) => {
      const c = el.shadowRoot.querySelector('canvas');
      const r = c.getBoundingClientRect();
      const dpr = window.devicePixelRatio;
      return r.top >= -1 && r.top < innerHeight / 2 && c.width === Math.round(r.width * dpr);
    });
    if (settled) break;
    assert.ok(attempt < 20, `${name}: the widget never settled in view`);
  }
  return widget;
}

/** Visits every widget so that all of them have started and drawn. */
async function startAll(page) {
  for (const name of SECTIONS) await showWidget(page, name);
}

const challenge = (page, name) => page.locator(`.challenge[data-challenge="${name}"]`);

/** Waits for the challenge of `name` to be solved; returns its status text. */
async function solved(page, name) {
  await page.waitForSelector(`.challenge[data-challenge="${name}"].solved`, { timeout: 20000 });
  return challenge(page, name).locator('.challenge-status').textContent();
}

const stateOf = (page, name) => page.evaluate((n) => document.querySelector(`#${n} mathsight-${n}`).state, name);

/** Moves the keyboard focus to a control or canvas inside a widget and presses keys. */
async function press(locator, keys) {
  await locator.focus();
  for (const key of keys) await locator.page().keyboard.press(key);
}

// What the student does in each section: real input wherever the widget takes it.
const STUDENT = {
  async 'linear-system'(w) {
    const a = w.locator('input[data-option="a"]');
    await a.fill('2,1;4,2');
    await a.press('Enter');
  },
  async 'least-squares'(w) {
    const points = w.locator('input[data-option="points"]');
    await points.fill('0,1;1,3;2,2');
    await points.press('Enter');
    await w.locator('select[data-option="model"]').selectOption('quadratic');
  },
  async 'matrix-transform'(w) {
    // A·e₁ = (2, 1) is selected; three Shift+← move it to (0.5, 1), parallel to A·e₂ = (1, 2).
    await press(w.locator('canvas.ms-canvas'), ['Shift+ArrowLeft', 'Shift+ArrowLeft', 'Shift+ArrowLeft']);
  },
  async 'gradient-descent'(w) {
    await w.locator('input[data-option="scale-x"]').check();
    await press(w.locator('input[data-option="learning-rate"]'), ['PageUp']);
    await w.locator('button[data-action="play"]').click();
  },
  async optimizers(w) {
    await w.locator('select[data-option="surface"]').selectOption('himmelblau');
    await press(w.locator('input[data-option="gd-learning-rate"]'), ['PageDown', 'PageDown']);
    await w.locator('button[data-action="play"]').click();
  },
  async distribution(w) {
    for (const [end, value] of [['a', '-1.96'], ['b', '1.96']]) {
      const field = w.locator(`input[data-option="${end}"]`);
      await field.fill(value);
      await field.press('Enter');
    }
  },
  async 'bayes-rule'(w) {
    // Observe once, reset (the check must survive it), then observe until convinced.
    const observe = w.locator('button[data-action="observe"]');
    await observe.click();
    await w.locator('button[data-action="reset"]').click();
    await observe.click();
    await observe.click();
  },
  async 'bayes-update'(w) {
    const count = w.locator('input[data-option="simulate"]');
    await count.fill('400');
    await count.press('Enter');
    await w.locator('button[data-action="simulate"]').click();
  },
  async 'naive-bayes'(w) {
    // Hover across the plane until the probe sits where the two classifiers disagree.
    const page = w.page();
    const { plot, box } = await w.evaluate((el) => {
      const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
      return { plot: el.plots.find((p) => p.id === 'plane'), box: { x: r.left, y: r.top } };
    });
    for (let i = 1; i < 24; i++) {
      for (let j = 1; j < 16; j++) {
        await page.mouse.move(box.x + plot.x + (plot.width * i) / 24, box.y + plot.y + (plot.height * j) / 16);
        if (await challenge(page, 'naive-bayes').evaluate((c) => c.classList.contains('solved'))) return;
      }
    }
  },
  async 'descriptive-stats'(w) {
    await w.locator('select[data-option="shape"]').selectOption('outliers');
  },
  async 'hypothesis-test'(w) {
    const data = w.locator('textarea[data-option="data"]');
    await data.fill('6.2, 7.1, 5.9, 6.8, 7.4, 6.5, 7.0, 6.1, 6.9, 7.3');
    await data.press('Control+Enter');
  },
  async 'regression-stats'(w) {
    // Noise from 1.5 to 3.0, a tenth at a time.
    await press(w.locator('input[data-option="noise"]'), Array(15).fill('ArrowRight'));
  },
  async 'logistic-regression'(w) {
    await press(w.locator('input[data-option="separation"]'), ['PageUp']);
    await w.locator('button[data-action="play"]').click();
  },
};

/** The numbers a shared link must reproduce (not options: a link also carries the step). */
function comparable(state) {
  const drop = new Set(['options', 'playing', 'selected', 'selected_point', 'selected_vector', 'selected_handle', 'probe', 'probe_probability_a', 'probe_probability_a_naive', 'probe_probability_a_full']);
  return JSON.stringify(state, (key, value) => (drop.has(key) ? undefined : value));
}

async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

test('every section has its widget, prose, what to notice, a challenge and links, and every widget renders cleanly', async () => {
  const page = await openPage(browser, `${server.url}index.html`);
  const sections = await page.evaluate(() =>
    [...document.querySelectorAll('main section.lesson')].map((s) => ({
      id: s.id,
      widgets: [...s.querySelectorAll('*')].map((n) => n.localName).filter((t) => t.startsWith('mathsight-')),
      paragraphs: s.querySelectorAll(':scope > p:not(.lesson-links)').length,
      notice: s.querySelectorAll('.notice li').length,
      challenge: s.querySelector('.challenge')?.dataset.challenge ?? null,
      status: s.querySelector('.challenge [role="status"]')?.textContent.trim() ?? null,
      links: [...s.querySelectorAll('.lesson-links a')].map((a) => a.getAttribute('href')),
      toc: Boolean(document.querySelector(`.toc a[href="#${s.id}"]`)),
    })),
  );
  assert.deepEqual(sections.map((s) => s.id), SECTIONS);
  for (const s of sections) {
    assert.deepEqual(s.widgets, [`mathsight-${s.id}`], `${s.id}: one widget`);
    assert.ok(s.paragraphs >= 2, `${s.id}: teaching text`);
    assert.ok(s.notice >= 2, `${s.id}: what to notice`);
    assert.equal(s.challenge, s.id, `${s.id}: a challenge`);
    assert.equal(s.status, '○ Not solved yet.');
    assert.equal(s.links[0], `embed.html#widget=${s.id}`);
    assert.equal(s.links[1], `embed-guide.html#widget=${s.id}`);
    assert.ok(s.toc, `${s.id}: listed in the contents`);
  }
  // Nothing starts before it nears the viewport: the page paints without waiting for the core.
  assert.equal(await page.locator('[data-ready]').count(), 0, 'no widget has started at the top of the page');
  await startAll(page);
  for (const name of SECTIONS) {
    const colours = await page.locator(`#${name} mathsight-${name}`).evaluate((el) => {
      const c = el.shadowRoot.querySelector('canvas');
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4 * 17) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return seen.size;
    });
    assert.ok(colours > 10, `${name} drew a picture (${colours} colours)`);
  }
  assertNoProblems(page);
});

test('a student completes every challenge; each success is shown, announced and survives a reset', async (t) => {
  const page = await openPage(browser, `${server.url}index.html`);
  for (const name of SECTIONS) {
    const w = await showWidget(page, name);
    const status = challenge(page, name).locator('.challenge-status');
    assert.equal(await status.getAttribute('role'), 'status', `${name}: the status is a live region`);
    await status.evaluate((node) => node.setAttribute('data-same-node', ''));
    await STUDENT[name](w);
    const text = await solved(page, name);
    assert.match(text, /^✓ Solved: /, `${name}: a mark and words, not colour alone`);
    assert.equal(await status.getAttribute('data-same-node'), '', `${name}: the live region itself changed`);
    assert.equal(await page.locator(`.toc a[href="#${name}"][data-solved]`).count(), 1, `${name}: ticked in the contents`);
    t.diagnostic(`${name}: ${text}`);
  }
  // Stop what is still animating.
  for (const name of ['optimizers', 'logistic-regression', 'gradient-descent']) {
    const play = page.locator(`#${name} button[data-action="play"]`);
    if ((await play.getAttribute('aria-pressed')) === 'true') await play.click();
  }
  // Specific numbers in the success texts.
  assert.match(await challenge(page, 'bayes-rule').textContent(), /befriended someone 3 times, P\(friendly\) = 0\.941/);
  assert.match(await challenge(page, 'gradient-descent').textContent(), /converged in \d+ steps .*on scaled x/);
  // A reset neither undoes a success nor stops the checks.
  await page.locator('#gradient-descent button[data-action="reset"]').click();
  assert.equal(await challenge(page, 'gradient-descent').evaluate((c) => c.classList.contains('solved')), true);
  assert.equal((await stateOf(page, 'gradient-descent')).step, 0);
  await page.locator('#gradient-descent button[data-action="step"]').click();
  assert.equal((await stateOf(page, 'gradient-descent')).step, 1);
  assert.deepEqual(await axeViolations(page), [], 'axe with every challenge solved');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(outputDir(), 'course-solved-1280.png'), fullPage: true });
  assertNoProblems(page);
});

test('the head preloads exactly the modules and the core the page loads, and each is fetched once', async () => {
  const page = await openPage(browser, `${server.url}index.html`);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.slice(1)));
  await page.reload();
  await showWidget(page, 'linear-system');
  const preloaded = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel="modulepreload"], link[rel="preload"]')].map((l) => l.getAttribute('href')),
  );
  const code = [...new Set(fetched.filter((f) => /^(ms|pkg)\//.test(f)))].sort();
  assert.deepEqual([...preloaded].sort(), code, 'every shell module and the core are preloaded, and nothing else');
  for (const f of code) assert.equal(fetched.filter((x) => x === f).length, 1, `${f} fetched once`);
  assertNoProblems(page);
});

test('each section links to its widget alone and in the embed guide, in the same state', async () => {
  const page = await openPage(browser, `${server.url}index.html`);
  for (const name of SECTIONS) {
    const w = await showWidget(page, name);
    await STUDENT[name](w);
    await solved(page, name);
    const play = w.locator('button[data-action="play"]');
    if ((await play.count()) && (await play.getAttribute('aria-pressed')) === 'true') await play.click();
  }
  for (const name of SECTIONS) {
    const link = page.locator(`#${name} a.open-alone`);
    await link.hover();
    const href = await link.getAttribute('href');
    // Naive Bayes's solution is where the pointer hovers: a probe, not an option; the link
    // carries the data and classifier, which it has not changed.
    const changed = name === 'naive-bayes' ? '($|&)' : '&';
    assert.match(href, new RegExp(`/embed\\.html#widget=${name}${changed}`), `${name}: the link carries options`);
    const course = await stateOf(page, name);
    const alone = await openPage(browser, href);
    await alone.waitForSelector(`mathsight-${name}[data-ready]`, { timeout: 15000 });
    const there = await alone.evaluate((tag) => document.querySelector(tag).state, `mathsight-${name}`);
    assert.equal(comparable(there), comparable(course), `${name}: the same state alone`);
    assertNoProblems(alone);
    await alone.context().close();
  }
  for (const name of ['gradient-descent', 'hypothesis-test']) {
    const link = page.locator(`#${name} a.open-guide`);
    await link.hover();
    const href = await link.getAttribute('href');
    assert.match(href, new RegExp(`/embed-guide\\.html#widget=${name}&`));
    const guide = await openPage(browser, href);
    const tag = `#${name} mathsight-${name}`;
    await guide.waitForSelector(`${tag}[data-ready]`, { timeout: 15000 });
    const there = await guide.evaluate((t) => document.querySelector(t).state, tag);
    assert.equal(comparable(there), comparable(await stateOf(page, name)), `${name}: the same state in the guide`);
    const snippet = await guide.locator(`#${name} pre code`).first().textContent();
    assert.match(snippet, new RegExp(`<mathsight-${name} [^>]*="`), 'the guide’s snippet reproduces the state');
    assertNoProblems(guide);
    await guide.context().close();
  }
  assertNoProblems(page);
});

test('the contents link to every section and mark the one being read (1280 px: beside the text)', async () => {
  const page = await openPage(browser, `${server.url}index.html`);
  const details = page.locator('#toc-details');
  assert.equal(await details.evaluate((d) => d.open), true, 'open beside the text on a wide screen');
  const hrefs = await page.locator('.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const href of hrefs) assert.equal(await page.locator(href).count(), 1, `${href} exists`);
  assert.ok(SECTIONS.every((n) => hrefs.includes(`#${n}`)) && hrefs.length === SECTIONS.length + 5);
  await page.locator('.toc a[href="#hypothesis-test"]').click();
  await page.waitForSelector('.toc a[href="#hypothesis-test"][aria-current="location"]');
  assert.equal(await page.locator('.toc a[aria-current]').count(), 1);
  const top = await page.locator('#hypothesis-test').evaluate((s) => s.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 40, `the section is at the top of the view (${top})`);
  // Still in view while reading further down: the contents stay beside the text.
  assert.ok(await page.locator('.toc a[href="#hypothesis-test"]').isVisible());
  await page.locator('#distribution').evaluate((s) => s.scrollIntoView());
  await page.waitForSelector('.toc a[href="#distribution"][aria-current="location"]');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForSelector('.toc a[href="#why"][aria-current="location"]');
  assertNoProblems(page);
});

test('390 px: the contents fold above the text, and the course passes axe', async () => {
  const page = await openPage(browser, `${server.url}index.html`, { width: 390, height: 844, deviceScaleFactor: 2 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'nothing wider than the screen');
  const details = page.locator('#toc-details');
  assert.equal(await details.evaluate((d) => d.open), false, 'folded on a phone');
  const navHeight = await page.locator('nav.toc').evaluate((n) => n.getBoundingClientRect().height);
  assert.ok(navHeight < 60, `the folded contents take one line (${navHeight} px)`);
  // "Contents" under a section jumps back up and unfolds them.
  await page.locator('#least-squares .to-contents a').click();
  assert.equal(await details.evaluate((d) => d.open), true, 'unfolded by the link under a section');
  const navTop = await page.locator('nav.toc').evaluate((n) => n.getBoundingClientRect().top);
  assert.ok(Math.abs(navTop) < 40, `the contents are in view (${navTop})`);
  await page.locator('.toc a[href="#bayes-rule"]').click();
  await page.waitForSelector('.toc a[href="#bayes-rule"][aria-current="location"]');
  assert.match(await page.locator('#toc-now').textContent(), /Bayes’ theorem/);
  await startAll(page);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'nothing wider than the screen with every widget');
  assert.deepEqual(await axeViolations(page), []);
  assertNoProblems(page);
});

for (const [width, colorScheme] of [[1280, 'light'], [390, 'light'], [1280, 'dark']]) {
  test(`full-page screenshot at ${width} px (${colorScheme})`, async () => {
    const page = await openPage(browser, `${server.url}index.html`, { width, height: 900, colorScheme });
    await startAll(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    // Lessons away from the viewport skip painting (course.css); a reader never sees them so,
    // but one picture of the whole page would. Show every lesson, as scrolling to each does.
    await page.addStyleTag({ content: '.lesson { content-visibility: visible; }' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(outputDir(), `course-${width}-${colorScheme}.png`), fullPage: true });
    if (colorScheme === 'dark') assert.deepEqual(await axeViolations(page), [], 'axe in the dark theme');
    assertNoProblems(page);
  });
}

test('print: every widget prints as its current picture, without controls or contents', async () => {
  const page = await openPage(browser, `${server.url}index.html`);
  // Two widgets have drawn (their canvases print); the others never came near the viewport.
  for (const name of ['linear-system', 'least-squares']) await showWidget(page, name);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => Boolean(globalThis.__mathsight?.loaded), null, { timeout: 15000 });
  await page.evaluate(() => {
    window.printed = null;
    addEventListener('beforeprint', () => {
      window.printed = [...document.querySelectorAll('img.print-figure')].map((img) => ({
        widget: img.previousElementSibling.localName,
        svg: decodeURIComponent(img.src).includes('<svg'),
      }));
    });
  });
  const file = path.join(outputDir(), 'course-print.pdf');
  await page.pdf({ path: file, format: 'A4', printBackground: true });
  const printed = await page.evaluate(() => window.printed);
  const expected = SECTIONS.filter((n) => !['linear-system', 'least-squares'].includes(n)).map((n) => `mathsight-${n}`);
  assert.deepEqual(printed.map((p) => p.widget), expected, 'the widgets not yet drawn print from their SVG');
  assert.ok(printed.every((p) => p.svg));
  const pdf = readFileSync(file, 'latin1');
  assert.ok((pdf.match(/\/Subtype\s*\/Image/g) ?? []).length >= 2, 'the drawn canvases are in the PDF as pictures');
  assert.equal(await page.locator('img.print-figure').count(), 0, 'the print pictures are removed after printing');
  // The print stylesheet: no contents, no controls; each widget keeps its picture.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('nav.toc').isVisible(), false);
  const shown = await page.locator('#linear-system mathsight-linear-system').evaluate((el) => {
    const root = el.shadowRoot;
    return { controls: getComputedStyle(root.querySelector('.ms-controls')).display, canvas: root.querySelector('canvas').getBoundingClientRect().height };
  });
  assert.equal(shown.controls, 'none');
  assert.ok(shown.canvas > 100);
  await page.screenshot({ path: path.join(outputDir(), 'course-print.png'), fullPage: false });
  assertNoProblems(page);
});
