// The blogger's contract, end to end: a host page on another origin embeds widgets with the
// script (loaded twice), another with a sandboxed iframe; the whole state survives a trip
// through the URL with the same pixels; Share, Embed, SVG/PNG export, hide/lock, the embed
// guide and the scrollytelling example work; the CLI's SVG equals the browser's export.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoProblems, launchBrowser, openPage, outputDir, REPO_ROOT, SITE_ROOT } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

let assets;
let host;
let browser;

before(async () => {
  assets = await startServer({ port: 0, root: SITE_ROOT, cors: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'mathsight-host-'));
  const script = `${assets.url}mathsight.js`;
  writeFileSync(
    path.join(dir, 'elements.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<script type="module" src="${script}"></script>
<script type="module" src="${script}?loaded-twice"></script></head><body><main>
<h1>A blog post</h1>
<mathsight-gradient-descent id="a" learning-rate="0.05"></mathsight-gradient-descent>
<mathsight-distribution id="b" family="poisson" lambda="3"></mathsight-distribution>
<mathsight-linear-system id="e" a="2,1;4,3" b="9,27"></mathsight-linear-system>
<mathsight-gradient-descent id="c" hide="reset,share" lock="learning-rate,start"></mathsight-gradient-descent>
<mathsight-gradient-descent id="d" style="--mathsight-accent: #00ff00"></mathsight-gradient-descent>
</main></body></html>`,
  );
  // A post with widgets of one kind only, twice.
  writeFileSync(
    path.join(dir, 'one-kind.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<script type="module" src="${script}"></script></head><body><main><h1>A post on descent</h1>
<mathsight-gradient-descent id="a" learning-rate="0.05"></mathsight-gradient-descent>
<mathsight-gradient-descent id="b" learning-rate="0.2"></mathsight-gradient-descent>
</main></body></html>`,
  );
  writeFileSync(
    path.join(dir, 'iframe.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<script type="module" src="listen.js"></script></head><body><main><h1>A strict host</h1>
<iframe id="frame" title="Mathsight" width="100%" height="600" sandbox="allow-scripts"
 src="${assets.url}embed.html#widget=gradient-descent&amp;learning-rate=0.05&amp;steps=5"></iframe>
</main></body></html>`,
  );
  writeFileSync(
    path.join(dir, 'listen.js'),
    `window.heights = []; addEventListener('message', (e) => { if (e.data?.type === 'mathsight:height') heights.push(e.data.height); });`,
  );
  host = await startServer({ port: 0, root: dir });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await host?.close();
  await assets?.close();
});

/** Problems other than the expected requests to the asset origin. */
function problemsBesidesAssets(page) {
  const origin = new URL(assets.url).origin;
  return page.problems.filter((p) => !(p.startsWith('request to another origin') && p.includes(origin)));
}

const stateOf = (page, sel) => page.evaluate((s) => document.querySelector(s).state, sel);

test('a host page on another origin embeds three different widgets with the script loaded twice', async () => {
  const page = await openPage(browser, `${host.url}elements.html`, { height: 3000 });
  for (const id of ['a', 'b', 'c', 'd', 'e']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForSelector(`#${id}[data-ready]`, { timeout: 15000 });
  }
  // A host's --mathsight-accent colours the moving parts (read on every redraw).
  const greens = await page.evaluate(() => {
    const canvas = document.getElementById('d').shadowRoot.querySelector('canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === 0 && data[i + 1] === 255 && data[i + 2] === 0) n++;
    return n;
  });
  assert.ok(greens > 50, `accent override painted ${greens} pixels`);
  assert.equal((await stateOf(page, '#a')).learning_rate, 0.05);
  assert.equal((await stateOf(page, '#b')).mean, 3);
  const system = await stateOf(page, '#e');
  assert.equal(system.kind, 'unique');
  assert.deepEqual(system.x, [0, 9]);
  // hide and lock: no Reset or Share button on #c, a disabled slider, a locked start.
  assert.equal(await page.locator('#c button[data-action="reset"]').count(), 0);
  assert.equal(await page.locator('#c button[data-action="share"]').count(), 0);
  assert.equal(await page.locator('#c input[data-option="learning-rate"]').isDisabled(), true);
  const before = await stateOf(page, '#c');
  const box = await page.locator('#c canvas.ms-canvas').boundingBox();
  await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.5);
  assert.deepEqual((await stateOf(page, '#c')).options, before.options, 'the start is locked');
  await page.screenshot({ path: path.join(outputDir(), 'host-three-widgets.png'), fullPage: true });
  assert.deepEqual(await coreFiles(page), ['pkg/mathsight.js', 'pkg/mathsight_bg.wasm'], 'three kinds: the whole core');
  assert.deepEqual(problemsBesidesAssets(page), []);
});

test('a sandboxed iframe shows the widget from its URL and reports its height', async () => {
  const page = await openPage(browser, `${host.url}iframe.html`);
  const frame = page.frames().find((f) => f.url().includes('embed.html'));
  assert.ok(frame, 'the iframe loaded embed.html');
  await frame.waitForSelector('mathsight-gradient-descent[data-ready]', { timeout: 15000 });
  const state = await frame.evaluate(() => document.querySelector('mathsight-gradient-descent').state);
  assert.equal(state.learning_rate, 0.05);
  assert.equal(state.step, 5);
  await page.waitForFunction(() => window.heights.length > 0);
  const heights = await page.evaluate(() => window.heights);
  assert.ok(heights.at(-1) > 300, `reported height ${heights.at(-1)}`);
  assert.deepEqual(problemsBesidesAssets(page), []);
});

test('the embed page preloads the shell, fetches its own widget\'s module and not the whole core, each file once', async () => {
  const page = await openPage(browser, `${assets.url}embed.html#widget=distribution`);
  // Loaded once, so that nothing is in flight when the reload below is watched.
  await page.waitForSelector('mathsight-distribution[data-ready]', { timeout: 15000 });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.slice(1)));
  await page.reload();
  await page.waitForSelector('mathsight-distribution[data-ready]', { timeout: 15000 });
  const preloaded = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel="modulepreload"], link[rel="preload"]')].map((l) => l.getAttribute('href')),
  );
  const loaded = [...new Set(fetched.filter((f) => /^(ms|pkg)\/|^mathsight\.(js|css)$/.test(f)))].sort();
  const own = ['pkg/distribution/mathsight.js', 'pkg/distribution/mathsight_bg.wasm'];
  assert.deepEqual(loaded, [...preloaded, ...own].sort(), 'the preloaded shell and stylesheet, and the widget’s own module');
  for (const f of loaded) assert.equal(fetched.filter((x) => x === f).length, 1, `${f} fetched once`);
  // The module holds this widget only.
  const names = await page.evaluate(() => globalThis.__mathsight.catalogue.map((w) => w.name));
  assert.deepEqual(names, ['distribution']);
  assertNoProblems(page);
});

/** The core files the page has fetched (from its resource timing, which misses nothing). */
const coreFiles = async (page) =>
  [
    ...new Set(
      await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.slice(1))),
    ),
  ]
    .filter((f) => f.startsWith('pkg/'))
    .sort();

test('the embed page, its link changed to another widget, loads that widget\'s module, not the whole core', async () => {
  const page = await openPage(browser, `${assets.url}embed.html#widget=distribution`);
  await page.waitForSelector('mathsight-distribution[data-ready]', { timeout: 15000 });
  await page.evaluate(() => {
    location.hash = '#widget=bayes-rule&prior=0.2';
  });
  await page.waitForSelector('mathsight-bayes-rule[data-ready]', { timeout: 15000 });
  assert.equal(await page.locator('mathsight-distribution').count(), 0);
  assert.equal((await stateOf(page, 'mathsight-bayes-rule')).options.prior, '0.2');
  assert.deepEqual(await coreFiles(page), [
    'pkg/bayes-rule/mathsight.js', 'pkg/bayes-rule/mathsight_bg.wasm', 'pkg/distribution/mathsight.js', 'pkg/distribution/mathsight_bg.wasm',
  ]);
  assertNoProblems(page);
});

test('a post with widgets of one kind loads that widget\'s module; one of another kind added later brings the whole core, and all keep working', async () => {
  const page = await openPage(browser, `${host.url}one-kind.html`, { height: 2400 });
  for (const id of ['a', 'b']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForSelector(`#${id}[data-ready]`, { timeout: 15000 });
  }
  assert.deepEqual(await coreFiles(page), ['pkg/gradient-descent/mathsight.js', 'pkg/gradient-descent/mathsight_bg.wasm']);
  assert.equal((await stateOf(page, '#b')).learning_rate, 0.2);
  // A widget of another kind, added by the host's script: the whole core serves it.
  await page.evaluate(() => {
    const d = document.createElement('mathsight-distribution');
    d.id = 'c';
    d.setAttribute('family', 'poisson');
    document.querySelector('main').prepend(d);
  });
  await page.waitForSelector('#c[data-ready]', { timeout: 15000 });
  assert.deepEqual(await coreFiles(page), [
    'pkg/gradient-descent/mathsight.js', 'pkg/gradient-descent/mathsight_bg.wasm', 'pkg/mathsight.js', 'pkg/mathsight_bg.wasm',
  ]);
  assert.equal((await stateOf(page, '#c')).family, 'poisson');
  // Both modules keep working side by side: each widget steps in its own.
  await page.evaluate(() => ['a', 'c'].forEach((id) => document.getElementById(id).step(3)));
  assert.equal((await stateOf(page, '#a')).step, 3);
  assert.equal((await stateOf(page, '#c')).options.family, 'poisson');
  // A new widget of the first kind now uses the whole core too (no third download).
  await page.evaluate(() => document.querySelector('main').prepend(document.createElement('mathsight-gradient-descent')));
  await page.waitForSelector('mathsight-gradient-descent:not([id])[data-ready]', { timeout: 15000 });
  assert.equal((await coreFiles(page)).length, 4);
  assert.deepEqual(problemsBesidesAssets(page), []);
});

test('state → URL → state gives the same state and the same pixels', async () => {
  const page = await openPage(browser, `${assets.url}embed.html#widget=gradient-descent`);
  await page.waitForSelector('mathsight-gradient-descent[data-ready]');
  const url = await page.evaluate(async () => {
    const el = document.querySelector('mathsight-gradient-descent');
    el.setOption('learning-rate', '0.12');
    el.setOption('start-m', '3.5');
    el.setOption('seed', '42');
    el.step(17);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return (await import('./ms/share.js')).embedUrl(el.shareState());
  });
  assert.match(url, /embed\.html#widget=gradient-descent&.*steps=17/);
  const pixels = (p) =>
    p.evaluate(() => document.querySelector('mathsight-gradient-descent').shadowRoot.querySelector('canvas').toDataURL());
  const first = { state: await stateOf(page, 'mathsight-gradient-descent'), pixels: await pixels(page) };
  const again = await openPage(browser, url);
  await again.waitForSelector('mathsight-gradient-descent[data-ready]');
  await again.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const second = { state: await stateOf(again, 'mathsight-gradient-descent'), pixels: await pixels(again) };
  // The link carries the step as the `steps` option (so Reset returns to the shared view);
  // everything else, and every pixel, is the same.
  assert.equal(second.state.options.steps, '17');
  const withoutOptions = (s) => ({ ...s, options: undefined });
  assert.deepEqual(withoutOptions(second.state), withoutOptions(first.state));
  assert.ok(second.pixels === first.pixels, 'the same pixels');
  assertNoProblems(page);
  assertNoProblems(again);
});

test('bad and unknown URL values fall back with a message naming the option', async () => {
  const page = await openPage(
    browser,
    `${assets.url}embed.html#widget=gradient-descent&learning-rate=abc&bogus=1&points=%3Cimg%20src%3Dx%3E`,
  );
  await page.waitForSelector('mathsight-gradient-descent[data-ready]');
  const error = await page.locator('mathsight-gradient-descent .ms-error').textContent();
  assert.match(error, /learning-rate must be a number from 0\.0001 to 10, got "abc"; using the default "0\.1"/);
  assert.match(error, /points: entry 1 "<img src=x>" must be two numbers x,y/);
  assert.match(await page.locator('.embed-note').textContent(), /Ignored unknown option "bogus"/);
  assert.equal(await page.locator('img').count(), 0, 'nothing from the URL became HTML');
  assert.equal((await stateOf(page, 'mathsight-gradient-descent')).learning_rate, 0.1);
  assertNoProblems(page);
});

test('Share gives the URL, Embed shows snippets and a live preview, SVG and PNG download', async () => {
  const page = await openPage(browser, `${assets.url}index.html`);
  const w = page.locator('mathsight-gradient-descent');
  await w.scrollIntoViewIfNeeded();
  await page.waitForSelector('mathsight-gradient-descent[data-ready]');
  await page.evaluate(() => document.querySelector('mathsight-gradient-descent').step(3));
  await w.locator('button[data-action="share"]').click();
  const link = await w.locator('.ms-share-note input').inputValue();
  assert.match(link, /embed\.html#widget=gradient-descent&steps=3$/);

  await w.locator('button[data-action="embed"]').click();
  const dialog = w.locator('dialog.ms-embed');
  assert.ok(await dialog.isVisible());
  const snippet = await dialog.locator('textarea').first().inputValue();
  assert.match(snippet, /<mathsight-gradient-descent steps="3"><\/mathsight-gradient-descent>/);
  await dialog.locator('fieldset').first().locator('label', { hasText: 'reset' }).locator('input').check();
  assert.match(await dialog.locator('textarea').first().inputValue(), /hide="reset"/);
  assert.match(await dialog.locator('textarea').nth(1).inputValue(), /sandbox="allow-scripts"/);
  const preview = page.frames().find((f) => f.url().includes('embed.html'));
  // The preview follows the choice: its widget is rebuilt without a Reset button.
  await preview.waitForFunction(() => {
    const w = document.querySelector('mathsight-gradient-descent[data-ready]');
    return w && w.getAttribute('hide') === 'reset' && !w.shadowRoot.querySelector('[data-action="reset"]');
  });
  await dialog.locator('button.ms-close').click();

  const [svg] = await Promise.all([page.waitForEvent('download'), w.locator('button[data-action="svg"]').click()]);
  assert.equal(svg.suggestedFilename(), 'gradient-descent.svg');
  const [png] = await Promise.all([page.waitForEvent('download'), w.locator('button[data-action="png"]').click()]);
  assert.equal(png.suggestedFilename(), 'gradient-descent.png');
  assertNoProblems(page);
});

test('the CLI renders the same SVG as the browser export for the same state', async () => {
  const options = [['learning-rate', '0.12'], ['start-m', '2'], ['steps', '9']];
  const page = await openPage(browser, `${assets.url}embed.html#widget=gradient-descent`);
  await page.waitForSelector('mathsight-gradient-descent[data-ready]');
  const browserSvg = await page.evaluate((opts) => {
    const el = document.querySelector('mathsight-gradient-descent');
    for (const [k, v] of opts) el.setOption(k, v);
    el.reset();
    return el.toSvg(720);
  }, options);
  execFileSync('cargo', ['build', '--quiet', '--bin', 'mathsight'], { cwd: REPO_ROOT });
  const cli = execFileSync(
    path.join(REPO_ROOT, 'target/debug/mathsight'),
    ['render', 'gradient-descent', ...options.flatMap(([k, v]) => [`--${k}`, v]), '--width', '720'],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  assert.ok(cli.startsWith('<svg'), 'the CLI printed an SVG');
  assert.ok(cli === browserSvg, 'CLI and browser SVG are the same bytes');
  assertNoProblems(page);
});

test('attributes are live, removal frees the widget, and the embed guide lists every option', async () => {
  const page = await openPage(browser, `${assets.url}embed-guide.html`, { height: 2000 });
  await page.locator('#gradient-descent mathsight-gradient-descent').scrollIntoViewIfNeeded();
  await page.waitForSelector('mathsight-gradient-descent[data-ready]');
  const names = await page.locator('#gradient-descent tbody td:first-child').allTextContents();
  assert.ok(names.includes('learning-rate') && names.includes('points') && names.includes('seed'));
  const result = await page.evaluate(async () => {
    const el = document.querySelector('mathsight-gradient-descent');
    const seen = [];
    el.addEventListener('change', (e) => seen.push(e.detail.learning_rate));
    el.setAttribute('learning-rate', '0.07');
    await new Promise((r) => setTimeout(r, 50));
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    return { seen, freed: el.handle === null };
  });
  assert.deepEqual(result.seen, [0.07]);
  assert.equal(result.freed, true);
  assertNoProblems(page);
});

test('the scrollytelling example drives the widget from the paragraphs', async () => {
  const page = await openPage(browser, `${assets.url}examples/scrollytelling.html`);
  await page.waitForSelector('#figure[data-ready]');
  await page.locator('.steps p').nth(2).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.getElementById('figure').state?.status === 'diverged', null, {
    timeout: 10000,
  });
  await page.locator('.steps p').nth(1).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.getElementById('figure').state?.learning_rate === 0.15);
  assertNoProblems(page);
});

test('a widget stretched past what a canvas can hold is drawn at the density that fits', async () => {
  const page = await openPage(browser, `${assets.url}embed.html#widget=distribution`, { deviceScaleFactor: 2 });
  await page.waitForSelector('mathsight-distribution[data-ready]', { state: 'attached' });
  // 9,000 CSS px wide (and 4,500 high) at DPR 2 would be 18,000 × 9,000 device px: more than
  // a canvas may be on a side (16,384) and in all (64 M).
  await page.evaluate(() => {
    document.querySelector('mathsight-distribution').style.width = '9000px';
  });
  const sized = await page.waitForFunction(() => {
    const el = document.querySelector('mathsight-distribution');
    const canvas = el.shadowRoot.querySelector('canvas.ms-canvas');
    return canvas.width > 5000 && { width: canvas.width, height: canvas.height, css: canvas.getBoundingClientRect().width };
  });
  const { width, height, css } = await sized.jsonValue();
  assert.ok(width <= 16384 && height <= 16384 && width * height <= 64 * 1024 * 1024, `${width} × ${height}`);
  assert.ok(width > css, `still sharper than one device pixel per CSS pixel: ${width} for ${css} CSS px`);
  // Whole and working: drawn (not blank), it answers a key, and nothing is reported.
  const after = await page.evaluate(() => {
    const el = document.querySelector('mathsight-distribution');
    const before = JSON.stringify(el.state);
    el.call((h) => h.key('ArrowRight', false));
    el.draw();
    const canvas = el.shadowRoot.querySelector('canvas.ms-canvas');
    const ink = canvas.getContext('2d').getImageData(0, 0, canvas.width, 400).data.some((v, i) => i % 4 === 3 && v > 0);
    return { changed: JSON.stringify(el.state) !== before, ink, error: el.shadowRoot.querySelector('.ms-error').textContent };
  });
  assert.deepEqual(after, { changed: true, ink: true, error: '' });
  assertNoProblems(page);
});

test('a picture that cannot be drawn is said so in the widget, not thrown at the page', async () => {
  const page = await openPage(browser, `${assets.url}embed.html#widget=bayes-rule`);
  await page.waitForSelector('mathsight-bayes-rule[data-ready]', { state: 'attached' });
  const messages = await page.evaluate(() => {
    const el = document.querySelector('mathsight-bayes-rule');
    const box = () => el.shadowRoot.querySelector('.ms-error').textContent;
    // The core refuses to draw, as it would on a canvas without a 2-D context.
    el.handle.draw = () => {
      throw new Error('this canvas has no 2d context');
    };
    el.draw();
    const failed = box();
    delete el.handle.draw;
    el.draw();
    return { failed, recovered: box() };
  });
  assert.deepEqual(messages, {
    failed: 'The picture could not be drawn: this canvas has no 2d context.',
    recovered: '',
  });
  assertNoProblems(page);
});
