// Strict content security policy, hostile input and privacy: the course page, embed.html, the
// embed guide and a host page work with zero policy violations; on every widget, attribute and
// URL payloads are rejected with a message and never execute or land as HTML; nothing is asked
// of any origin but the serving one and nothing is stored (no cookies, no storage).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoProblems, launchBrowser, openPage, REPO_ROOT, SITE_ROOT, WIDGETS } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'";

let server;
let browser;

before(async () => {
  server = await startServer({ port: 0, root: SITE_ROOT, csp: CSP, cors: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `url` recording every CSP violation into window.violations. */
function openStrict(url) {
  return openPage(browser, url, {
    width: 1100,
    initScript: () => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    },
  });
}

for (const file of ['index.html', 'embed.html#widget=gradient-descent&steps=4', 'embed-guide.html', 'examples/scrollytelling.html']) {
  test(`${file} works under a strict content security policy`, async () => {
    const page = await openStrict(`${server.url}${file}`);
    const widget = page.locator('[data-ready]').first();
    await page.locator('mathsight-gradient-descent').first().scrollIntoViewIfNeeded();
    await widget.waitFor({ timeout: 15000 });
    await page.locator('mathsight-gradient-descent button[data-action="step"]').first().click();
    const embed = page.locator('mathsight-gradient-descent button[data-action="embed"]').first();
    if (await embed.count()) await embed.click();
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assertNoProblems(page);
  });
}

const PAYLOADS = [
  '<img src=x onerror="window.pwned=1">',
  'javascript:window.pwned=1',
  ' JaVa\tScRiPt:window.pwned=1',
  '"><script>window.pwned=1</script>',
  '<svg onload="window.pwned=1">',
  "'; window.pwned=1; '",
  'x'.repeat(10 * 1024 * 1024),
];
/** The one payload a free-text option (a label) may accept: quotes are text, never code. */
const TEXT_SAFE = "'; window.pwned=1; '";

for (const widget of WIDGETS) {
  test(`${widget}: hostile option values are rejected with a message and never execute`, async () => {
    const page = await openStrict(`${server.url}embed.html#widget=${widget}`);
    await page.waitForSelector(`mathsight-${widget}[data-ready]`);
    const outcome = await page.evaluate(
      ([name, values, textSafe]) => {
        const el = document.querySelector(`mathsight-${name}`);
        const specs = globalThis.__mathsight.catalogue.find((w) => w.name === name).options;
        const accepted = [];
        const rejected = [];
        for (const spec of specs) {
          for (const value of values) {
            try {
              el.setOption(spec.name, value);
              accepted.push({ option: spec.name, type: spec.type, value, kept: el.state.options[spec.name] });
            } catch (e) {
              rejected.push({ option: spec.name, length: e.message.length, named: e.message.includes(spec.name), range: e instanceof RangeError });
            }
            // As an attribute too (the 10 MB string whole, once per option).
            el.setAttribute(spec.name, value);
          }
          el.removeAttribute(spec.name);
        }
        return {
          accepted: accepted.filter((a) => !(a.value === textSafe && a.type === 'text' && a.kept === textSafe.trim())),
          rejected,
          options: specs.length,
          error: el.shadowRoot.querySelector('.ms-error').textContent.length,
          pwned: window.pwned ?? null,
          markup: el.shadowRoot.querySelectorAll('img, script, svg, iframe, object, embed, a[href]').length,
        };
      },
      [widget, PAYLOADS, TEXT_SAFE],
    );
    await page.waitForTimeout(100);
    assert.equal(outcome.pwned, null);
    assert.equal(outcome.markup, 0, 'no element was made from a value');
    assert.deepEqual(outcome.accepted, [], 'every hostile value was rejected (quotes only as a label\'s text)');
    assert.ok(outcome.rejected.length >= outcome.options * (PAYLOADS.length - 1), 'each with a message');
    for (const r of outcome.rejected) {
      assert.ok(r.range && r.length > 0 && r.length < 500 && r.named, `a short RangeError naming ${r.option}`);
    }
    assert.ok(outcome.error > 0, 'the widget shows the last message');
    assert.equal(await page.evaluate(() => document.querySelectorAll('img, script:not([src]), svg').length), 0);
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assertNoProblems(page);

    // The same values in a shared link: options, option names and the widget's name.
    const options = await page.evaluate((name) => globalThis.__mathsight.catalogue.find((w) => w.name === name).options.map((o) => o.name), widget);
    const hash = new URLSearchParams({ widget });
    options.forEach((o, i) => hash.set(o, PAYLOADS[i % (PAYLOADS.length - 1)]));
    hash.set('<img src=x onerror=window.pwned=1>', '1');
    hash.set('hide', '<b>x</b>');
    hash.set('lock', 'javascript:window.pwned=1');
    const linked = await openStrict(`${server.url}embed.html#${hash}`);
    await linked.waitForSelector(`mathsight-${widget}[data-ready]`);
    const error = await linked.locator(`mathsight-${widget} .ms-error`).textContent();
    assert.ok(error.length > 0 && error.length < 600 * options.length, 'the bad values are named, briefly');
    assert.match(await linked.locator('.embed-note').first().textContent(), /Ignored unknown option "<img/);
    assert.equal(await linked.evaluate(() => window.pwned ?? null), null);
    assert.equal(await linked.locator('img, script:not([src]), b, svg').count(), 0);
    assert.deepEqual(await linked.evaluate(() => window.violations), []);
    assertNoProblems(linked);
  });
}

test('a page that forbids WebAssembly gets a message in the widget, not a blank box or an uncaught error', async () => {
  const noWasm = await startServer({ port: 0, root: SITE_ROOT, csp: CSP.replace(" 'wasm-unsafe-eval'", '') });
  try {
    const page = await openPage(browser, `${noWasm.url}embed.html#widget=gradient-descent&learning-rate=0.05`);
    const error = page.locator('mathsight-gradient-descent .ms-error');
    await error.filter({ hasText: 'could not load its code' }).waitFor({ timeout: 15000 });
    const text = await error.textContent();
    assert.match(text, /wasm-unsafe-eval/);
    assert.match(text, /WebAssembly/);
    // No uncaught error: at most the browser's own reports of the refused compilation.
    for (const p of page.problems) assert.match(p, /^console error: .*(WebAssembly|wasm-unsafe-eval|Content Security Policy)/, p);
  } finally {
    await noWasm.close();
  }
});

test('a copy of the assets without a widget\'s own module falls back to the whole core', async () => {
  // Opened on the server's origin first (a stylesheet), so that the route is in place before
  // the embed page loads.
  const page = await openStrict(`${server.url}mathsight.css`);
  await page.route(/\/pkg\/gradient-descent\//, (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(`${server.url}embed.html#widget=gradient-descent&learning-rate=0.05`);
  await page.waitForSelector('mathsight-gradient-descent[data-ready]', { timeout: 15000 });
  assert.equal((await page.evaluate(() => document.querySelector('mathsight-gradient-descent').state)).learning_rate, 0.05);
  const core = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/pkg/')));
  assert.ok(core.includes('/pkg/mathsight_bg.wasm'), core.join(', '));
  // The missing module's 404 (and the browser's report of it) are the only problems, beside
  // the stylesheet page's request for a favicon.
  for (const p of page.problems) assert.match(p, /pkg\/gradient-descent\/|Failed to fetch dynamically imported module|favicon\.ico/, p);
});

test('a link naming no real widget shows a note as text', async () => {
  const hostile = await openStrict(
    `${server.url}embed.html#widget=${encodeURIComponent('<img src=x onerror=alert(1)>')}&${encodeURIComponent('<b>')}=1`,
  );
  await hostile.waitForSelector('mathsight-gradient-descent[data-ready]');
  assert.equal(await hostile.locator('img, b').count(), 0);
  assert.match(await hostile.locator('.embed-note').first().textContent(), /There is no widget called "<img/);
  assertNoProblems(hostile);
});

test('privacy: only the serving origin is asked for anything, and nothing is stored', async () => {
  const requests = [];
  const page = await openStrict(`${server.url}index.html`);
  page.on('request', (r) => requests.push(r.url()));
  const cookieHeaders = [];
  page.on('response', async (r) => {
    const set = await r.headerValue('set-cookie');
    if (set) cookieHeaders.push(`${r.url()}: ${set}`);
  });
  // Start every widget on the course page and use what a reader would: step, play, a drag,
  // the table, the code, Share, Embed.
  for (const widget of WIDGETS) {
    const el = page.locator(`mathsight-${widget}`).first();
    await el.scrollIntoViewIfNeeded();
    await page.waitForSelector(`mathsight-${widget}[data-ready]`, { timeout: 15000 });
    for (const action of ['step', 'play', 'play', 'table', 'code', 'share']) {
      const button = el.locator(`button[data-action="${action}"]`).first();
      if ((await button.count()) && (await button.isEnabled())) await button.click();
    }
    const box = await el.locator('canvas.ms-canvas').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2 + 10);
    await page.mouse.up();
  }
  const embed = page.locator('mathsight-gradient-descent button[data-action="embed"]').first();
  await embed.click();
  await page.waitForTimeout(500);
  const origin = new URL(server.url).origin;
  const elsewhere = requests.filter((u) => !/^(data|blob|about):/.test(u) && new URL(u).origin !== origin);
  assert.deepEqual(elsewhere, [], 'no request to another origin');
  assert.ok(requests.length > 0);
  assert.deepEqual(await page.context().cookies(), [], 'no cookies');
  assert.deepEqual(cookieHeaders, []);
  const stored = await page.evaluate(async () => ({
    cookie: document.cookie,
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    databases: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    workers: (await navigator.serviceWorker?.getRegistrations())?.length ?? 0,
  }));
  assert.deepEqual(stored, { cookie: '', local: [], session: [], databases: [], caches: [], workers: 0 }, 'nothing stored');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assertNoProblems(page);
});

test('a widget that panics shows what happened and rebuilds itself from its last good state', async () => {
  const page = await openStrict(`${server.url}embed.html#widget=gradient-descent&learning-rate=0.05`);
  await page.waitForSelector('mathsight-gradient-descent[data-ready]');
  const result = await page.evaluate(() => {
    const el = document.querySelector('mathsight-gradient-descent');
    el.setOption('start-m', '2');
    el.step(7);
    const before = el.state;
    el.call((h) => h.panicForTest());
    const after = el.state;
    el.step(1);
    return { before, after, stepped: el.state.step };
  });
  assert.deepEqual(result.after, result.before, 'rebuilt with the same options and step');
  assert.equal(result.stepped, 8, 'and it keeps working');
  const error = await page.locator('mathsight-gradient-descent .ms-error').textContent();
  assert.match(error, /Something went wrong inside the widget \(.*a panic requested by a test.*\)\. It was restarted/);
  // The panic hook logs to the console; that one error is expected here.
  page.problems.splice(0, page.problems.length, ...page.problems.filter((p) => !p.includes('a panic requested by a test')));
  assertNoProblems(page);
});
