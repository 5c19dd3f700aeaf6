// The harness itself: a clean page passes, and each kind of problem is caught.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertNoProblems, openPage, withBrowser, withServer } from './harness.mjs';

// (module (func (export "add") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))
const ADD_WASM = Buffer.from(
  '0061736d0100000001070160027f7f017f030201000707010361646400000a09010700200020016a0b',
  'hex',
);

const CLEAN = `<!doctype html>
<html><head><meta charset="utf-8"><title>clean</title><link rel="icon" href="data:,"></head>
<body><canvas id="c" width="200" height="100"></canvas>
<script type="module">
  const { instance } = await WebAssembly.instantiateStreaming(fetch('add.wasm'));
  const ctx = document.getElementById('c').getContext('2d');
  ctx.fillStyle = '#36c';
  ctx.fillRect(0, 0, 20 * instance.exports.add(2, 3), 50);
  document.body.dataset.sum = String(instance.exports.add(2, 3));
</script></body></html>`;

const BROKEN = `<!doctype html>
<html><head><meta charset="utf-8"><title>broken</title><link rel="icon" href="data:,"></head>
<body>
<script src="missing.js"></script>
<script>
  console.error('deliberate console error');
  new Image().src = location.href.replace('127.0.0.1', 'localhost');
  setTimeout(() => { throw new Error('deliberate uncaught error'); }, 0);
</script></body></html>`;

describe('harness', () => {
  let root;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'harness-test-'));
    writeFileSync(path.join(root, 'clean.html'), CLEAN);
    writeFileSync(path.join(root, 'broken.html'), BROKEN);
    writeFileSync(path.join(root, 'add.wasm'), ADD_WASM);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('a clean page with wasm has no problems', () =>
    withServer(
      (server) =>
        withBrowser(async (browser) => {
          const page = await openPage(browser, `${server.url}clean.html`, { deviceScaleFactor: 2, width: 400, height: 300 });
          await page.waitForFunction(() => document.body.dataset.sum === '5');
          assert.equal(await page.evaluate(() => window.devicePixelRatio), 2);
          assertNoProblems(page);
        }),
      { root },
    ));

  test('every kind of problem is recorded', () =>
    withServer(
      (server) =>
        withBrowser(async (browser) => {
          const page = await openPage(browser, `${server.url}broken.html`);
          await page.waitForLoadState('networkidle');
          await page.waitForTimeout(100);
          const all = page.problems.join('\n');
          assert.match(all, /console error: deliberate console error/);
          assert.match(all, /page error: .*deliberate uncaught error/);
          assert.match(all, /HTTP 404: GET .*missing\.js/);
          assert.match(all, /request to another origin: GET http:\/\/localhost:/);
          assert.throws(() => assertNoProblems(page), /problem\(s\) on .*broken\.html/);
        }),
      { root },
    ));
});
