// Strict content security policy and hostile input: the course page, embed.html, the embed
// guide and a host page work with zero policy violations, and attribute or URL payloads never
// execute or land as HTML.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { REPO_ROOT, assertNoProblems, launchBrowser, openPage } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';

const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'";

let server;
let browser;

before(async () => {
  server = await startServer({ port: 0, root: path.join(REPO_ROOT, 'www'), csp: CSP, cors: true });
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

test('hostile attribute and URL values never execute and never land as HTML', async () => {
  const payloads = [
    '<img src=x onerror="window.pwned=1">',
    'javascript:window.pwned=1',
    '"><script>window.pwned=1</script>',
    "'; window.pwned=1; '",
    'x'.repeat(10 * 1024 * 1024),
  ];
  const page = await openStrict(`${server.url}embed.html#widget=gradient-descent`);
  await page.waitForSelector('mathsight-gradient-descent[data-ready]');
  const outcome = await page.evaluate((values) => {
    const el = document.querySelector('mathsight-gradient-descent');
    const messages = [];
    for (const name of Object.keys(el.state.options)) {
      for (const value of values) {
        try {
          el.setOption(name, value);
        } catch (e) {
          messages.push(e.message.length);
        }
        el.setAttribute(name, value.slice(0, 2000));
      }
    }
    return { messages, pwned: window.pwned ?? null, images: el.shadowRoot.querySelectorAll('img, script').length };
  }, payloads);
  await page.waitForTimeout(100);
  assert.equal(outcome.pwned, null);
  assert.equal(outcome.images, 0);
  assert.ok(outcome.messages.length > 40, 'payloads were rejected with messages');
  assert.ok(Math.max(...outcome.messages) < 500, 'messages quote values briefly');
  assert.equal(await page.evaluate(() => document.querySelectorAll('img, script:not([src])').length), 0);
  const hostile = await openStrict(
    `${server.url}embed.html#widget=${encodeURIComponent('<img src=x onerror=alert(1)>')}&${encodeURIComponent('<b>')}=1`,
  );
  await hostile.waitForSelector('mathsight-gradient-descent[data-ready]');
  assert.equal(await hostile.locator('img, b').count(), 0);
  assert.match(await hostile.locator('.embed-note').first().textContent(), /There is no widget called "<img/);
  assertNoProblems(hostile);
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
