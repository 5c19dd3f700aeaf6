// Helpers for the end-to-end tests: Debian's Chromium driven by playwright-core
// (which never downloads a browser), pages served by scripts/serve.mjs.
//
//   import { withServer, launchBrowser, openPage, assertNoProblems } from './harness.mjs';
//
//   await withServer(async (server) => {
//     const browser = await launchBrowser();
//     try {
//       const page = await openPage(browser, server.url + 'index.html');
//       // ... interact, screenshot into outputDir() ...
//       assertNoProblems(page);
//     } finally {
//       await browser.close();
//     }
//   });

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW_ROOT = path.join(REPO_ROOT, 'www');
/** What is served and tested: www/ as scripts/build.sh ships it (pkg/ built, code minified). */
export const SITE_ROOT = path.join(REPO_ROOT, 'target', 'site');

/** Every widget's name, in the course's order (read from the shell's own list). */
export const WIDGETS = readFileSync(path.join(WWW_ROOT, 'mathsight.js'), 'utf8')
  .match(/export const WIDGETS = \[(.*)\];/)[1]
  .split(',')
  .map((s) => s.trim().replace(/'/g, ''))
  .filter(Boolean);
export const CHROMIUM_PATH = '/usr/bin/chromium';

// Headless, and nothing that reaches out to the network on its own.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * A new page in its own browser context. Everything that should fail a test is
 * collected in `page.problems` (strings): console errors, uncaught exceptions,
 * failed requests, HTTP error responses, and requests to any origin other than
 * the one `url` is served from. The page has been navigated to `url` (until
 * its `load` event) when this resolves.
 */
export async function openPage(
  browser,
  url,
  { deviceScaleFactor = 1, width = 1280, height = 900, initScript = null, reducedMotion = 'no-preference', colorScheme = 'light' } = {},
) {
  const origin = new URL(url).origin;
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor, reducedMotion, colorScheme });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const problems = [];
  page.problems = problems;

  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const where = loc?.url ? ` (${loc.url}:${loc.lineNumber})` : '';
    problems.push(`console error: ${msg.text()}${where}`);
  });
  page.on('pageerror', (err) => {
    problems.push(`page error: ${err.stack || err.message || String(err)}`);
  });
  page.on('request', (req) => {
    const target = new URL(req.url());
    if (target.protocol === 'data:' || target.protocol === 'about:') return;
    if (target.origin !== origin) problems.push(`request to another origin: ${req.method()} ${req.url()}`);
  });
  page.on('requestfailed', (req) => {
    problems.push(`request failed: ${req.method()} ${req.url()} (${req.failure()?.errorText ?? 'unknown error'})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Throws, listing them all, if the page recorded any problem. */
export function assertNoProblems(page) {
  const problems = page.problems ?? [];
  if (problems.length === 0) return;
  const err = new Error(`${problems.length} problem(s) on ${page.url()}:\n  - ${problems.join('\n  - ')}`);
  err.problems = [...problems];
  throw err;
}

/** test-output/ at the repository root (created); for screenshots and the like. */
export function outputDir() {
  const dir = path.join(REPO_ROOT, 'test-output');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Serve the site (or `options.root`) on a free port for the duration of fn(server),
 * where server is { url, port, close() }; returns what fn returns.
 */
export async function withServer(fn, { root = SITE_ROOT, cors = false, csp = null } = {}) {
  const server = await startServer({ port: 0, root, cors, csp });
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

/** Launch Chromium for the duration of fn(browser); returns what fn returns. */
export async function withBrowser(fn) {
  const browser = await launchBrowser();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/**
 * Asserts that the spoken description (the polite live region) of the widget `tag` comes to
 * match `pattern`. During a burst of keys or a drag it is rewritten at most once a second, and
 * it catches up as soon as the input settles (`LIVE_EVERY_MS`, `SETTLE_MS` in ms/element.js).
 */
export async function expectLive(page, tag, pattern) {
  const live = page.locator(`${tag} .ms-live`);
  let text = await live.textContent();
  for (let i = 0; i < 40 && !pattern.test(text); i++) {
    await page.waitForTimeout(50);
    text = await live.textContent();
  }
  assert.match(text, pattern);
}
