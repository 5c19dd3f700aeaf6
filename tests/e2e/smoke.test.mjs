// The course page loads in Chromium without errors, failed or foreign requests.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { SITE_ROOT, assertNoProblems, openPage, outputDir, withBrowser, withServer } from './harness.mjs';

test('index.html loads cleanly', async () => {
  assert.ok(existsSync(path.join(SITE_ROOT, 'index.html')), 'target/site/index.html is missing: run scripts/build.sh');
  await withServer((server) =>
    withBrowser(async (browser) => {
      const page = await openPage(browser, `${server.url}index.html`);
      await page.waitForLoadState('networkidle');
      assert.notEqual(await page.title(), '', 'the page has no <title>');
      await page.screenshot({ path: path.join(outputDir(), 'smoke-index.png'), fullPage: true });
      assertNoProblems(page);
    }),
  );
});
