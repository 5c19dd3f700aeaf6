// Every widget in Firefox ESR (through puppeteer-core over WebDriver BiDi) and in WebKitGTK
// (Safari's engine, through WebKitWebDriver under Xvfb): embedded alone and on the course
// page it draws non-blank pixels, reports its state, answers a keyboard step and a pointer
// drag, and logs no error. Screenshots land in test-output/engines/.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { outputDir, REPO_ROOT, SITE_ROOT, WIDGETS } from './harness.mjs';
import { WEBKIT_CAPABILITIES, newSession, startWebKitDriver } from './webdriver.mjs';
import { startServer } from '../../scripts/serve.mjs';


const SHOTS = path.join(outputDir(), 'engines');
mkdirSync(SHOTS, { recursive: true });

// In-page helpers, passed to evaluate as source so both engines run the same code.
const WAIT_READY = async (selector) => {
  for (let i = 0; i < 300; i++) {
    const el = document.querySelector(selector);
    if (el?.hasAttribute('data-ready')) return true;
    el?.scrollIntoView?.();
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
};
const INSPECT = (selector) => {
  const el = document.querySelector(selector);
  const canvas = el.shadowRoot.querySelector('canvas');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const colours = new Set();
  for (let i = 0; i < data.length; i += 4 * 13) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  const r = canvas.getBoundingClientRect();
  // Places to try a drag: the centre of each plot, then a 3 × 3 grid in each.
  const targets = [];
  const hint = el.call((h) => h.dragHint());
  if (hint) targets.push([r.left + hint[0], r.top + hint[1]]);
  for (const p of el.plots) targets.push([r.left + p.x + p.width / 2, r.top + p.y + p.height / 2]);
  for (const p of el.plots)
    for (const fx of [0.2, 0.5, 0.8]) for (const fy of [0.2, 0.5, 0.8]) targets.push([r.left + p.x + fx * p.width, r.top + p.y + fy * p.height]);
  return { colours: colours.size, state: JSON.stringify(el.state), widget: el.state.widget, targets };
};
const FOCUS_CANVAS = (selector) => {
  document.querySelector(selector).shadowRoot.querySelector('canvas').focus();
  return true;
};
const CAPTURE_ERRORS = () => {
  window.__errors = [];
  addEventListener('error', (e) => window.__errors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
  const original = console.error;
  console.error = (...args) => {
    window.__errors.push(args.join(' '));
    original(...args);
  };
  return true;
};

/** Firefox ESR through puppeteer-core. */
async function firefox() {
  const home = mkdtempSync(path.join(tmpdir(), 'mathsight-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    env: { ...process.env, HOME: home },
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900, deviceScaleFactor: 2 });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    name: 'firefox',
    goto: (url) => page.goto(url),
    evaluate: (fn, ...args) => page.evaluate(fn, ...args),
    keys: async (keys) => {
      for (const k of keys) await page.keyboard.press(k);
    },
    drag: async ([x1, y1], [x2, y2]) => {
      await page.mouse.move(x1, y1);
      await page.mouse.down();
      await page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2);
      await page.mouse.move(x2, y2);
      await page.mouse.up();
    },
    screenshot: (file) => page.screenshot({ path: file }),
    errors: async () => errors.splice(0),
    close: () => browser.close(),
  };
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver. */
async function webkit() {
  const driver = await startWebKitDriver();
  const s = await newSession(driver.url, WEBKIT_CAPABILITIES);
  await s.setWindowRect(1100, 900);
  const KEY = { ArrowRight: '\uE014', Enter: '\uE007' };
  return {
    name: 'webkit',
    goto: async (url) => {
      await s.goto(url);
      await s.evaluate(CAPTURE_ERRORS);
    },
    evaluate: (fn, ...args) => s.evaluate(fn, ...args),
    keys: (keys) => s.keys(keys.map((k) => KEY[k] ?? k)),
    drag: ([x1, y1], [x2, y2]) => s.drag(x1, y1, x2, y2),
    screenshot: async (file) => writeFileSync(file, await s.screenshot()),
    errors: () => s.evaluate(() => window.__errors.splice(0)),
    close: async () => {
      await s.close().catch(() => {});
      driver.stop();
    },
  };
}

let server;
before(async () => {
  server = await startServer({ port: 0, root: SITE_ROOT });
});
after(() => server?.close());

for (const launch of [firefox, webkit]) {
  describe(launch.name, () => {
    let b;
    before(async () => {
      b = await launch();
    });
    after(() => b?.close());

    for (const name of WIDGETS) {
      test(`${name} alone: draws, reports state, answers keys and a drag`, async () => {
        const tag = `mathsight-${name}`;
        const started = Date.now();
        await b.goto(`${server.url}embed.html#widget=${name}`);
        assert.ok(await b.evaluate(WAIT_READY, tag), 'the widget became ready');
        const firstPaint = Date.now() - started;
        const first = await b.evaluate(INSPECT, tag);
        assert.ok(first.colours > 20, `drew only ${first.colours} colours`);
        assert.equal(first.widget, name);
        let dragged = first;
        search: for (let i = 0; i < first.targets.length; i++) {
          for (const [dx, dy] of [[70, 50], [-60, -40]]) {
            // Aim from the latest layout: on a slow machine the page may still settle (the
            // controls under the canvas arrive after the first paint) and move the canvas.
            const [x, y] = dragged.targets[i] ?? first.targets[i];
            await b.drag([x, y], [x + dx, y + dy]);
            dragged = await b.evaluate(INSPECT, tag);
            if (dragged.state !== first.state) break search;
          }
        }
        assert.notEqual(dragged.state, first.state, `a drag changed the state (tried ${JSON.stringify(first.targets.slice(0, 2))})`);
        await b.evaluate(FOCUS_CANVAS, tag);
        await b.keys(['ArrowRight', 'Enter']);
        const keyed = await b.evaluate(INSPECT, tag);
        assert.notEqual(keyed.state, dragged.state, 'a key changed the state');
        await b.screenshot(path.join(SHOTS, `${b.name}-${name}.png`));
        assert.deepEqual(await b.errors(), []);
        test.diagnostic?.(`${b.name} ${name}: ready in ${firstPaint} ms`);
      });
    }

    test('the course page: every widget on it draws', async () => {
      await b.goto(`${server.url}index.html`);
      const tags = await b.evaluate(() => [...document.querySelectorAll('main *')].map((n) => n.localName).filter((t) => t.startsWith('mathsight-')));
      assert.ok(tags.length >= 1);
      for (const tag of new Set(tags)) {
        assert.ok(await b.evaluate(WAIT_READY, tag), `${tag} became ready`);
        assert.ok((await b.evaluate(INSPECT, tag)).colours > 20, `${tag} drew`);
      }
      await b.screenshot(path.join(SHOTS, `${b.name}-course.png`));
      assert.deepEqual(await b.errors(), []);
    });
  });
}
