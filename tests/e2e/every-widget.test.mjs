// The contract every widget keeps, checked for each name in www/mathsight.js: it renders
// alone in embed.html with non-blank pixels and no console error at DPR 1, 2 and 3 and widths
// 1280, 768 and 320 with a backing store of CSS size × DPR (re-sized when the window is) and
// nothing sticking out of its box, its canvas keeps the reserved aspect ratio, setOption and step fire `change`, and its whole state survives a
// trip through the URL with the same pixels.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoProblems, launchBrowser, openPage, outputDir, REPO_ROOT, SITE_ROOT, WIDGETS } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';


// Widgets that mark their last action on the canvas (bayes-update ghosts the posterior before
// the last observation): a mark of what just happened, not part of the state, so a shared link
// shows the state without it.
const TRANSIENT_MARKS = ['bayes-update'];

let server;
let browser;

before(async () => {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'mathsight'], { cwd: REPO_ROOT });
  server = await startServer({ port: 0, root: SITE_ROOT });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function open(name, hash = `widget=${name}`, options = {}) {
  const page = await openPage(browser, `${server.url}embed.html#${hash}`, options);
  await page.waitForSelector(`mathsight-${name}[data-ready]`, { timeout: 15000 });
  await settle(page);
  return page;
}

/**
 * Waits until the canvas's box has stayed the same over three animation frames and its backing
 * store has followed it, so a measurement never catches the layout while it is still settling.
 */
function stableCanvas(page, name) {
  return page.waitForFunction(
    (tag) =>
      new Promise((resolve) => {
        const canvas = document.querySelector(tag).shadowRoot.querySelector('canvas');
        const box = () => {
          const r = canvas.getBoundingClientRect();
          return `${r.width}x${r.height}`;
        };
        const first = box();
        let frames = 0;
        const tick = () => {
          if (box() !== first) return resolve(false);
          if (++frames < 3) return requestAnimationFrame(tick);
          const r = canvas.getBoundingClientRect();
          const dpr = window.devicePixelRatio;
          resolve(canvas.width === Math.round(r.width * dpr) && canvas.height === Math.round(r.height * dpr));
        };
        requestAnimationFrame(tick);
      }),
    `mathsight-${name}`,
    { timeout: 10000 },
  );
}

async function inspect(page, name) {
  await stableCanvas(page, name);
  return page.evaluate((tag) => {
    const el = document.querySelector(tag);
    const canvas = el.shadowRoot.querySelector('canvas');
    const r = canvas.getBoundingClientRect();
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4 * 13) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return { colours: colours.size, cssW: r.width, cssH: r.height, w: canvas.width, h: canvas.height, pixels: canvas.toDataURL() };
  }, `mathsight-${name}`);
}

/**
 * Text and controls that stick out of the widget's box or out of their own (clipped or
 * overlapping the next thing): each as "what: by how many px". The page must not scroll
 * sideways either.
 */
function overflow(page, name) {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag);
    const box = host.shadowRoot.querySelector('.ms').getBoundingClientRect();
    const out = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) {
      out.push(`page: ${document.documentElement.scrollWidth - window.innerWidth}px wider than the window`);
    }
    for (const e of host.shadowRoot.querySelectorAll('.ms *')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || e.closest('.ms-live, [hidden]')) continue;
      const by = Math.max(box.left - r.left, r.right - box.right);
      if (by > 1) out.push(`${e.localName}.${e.className}: ${Math.round(by)}px outside`);
      // Text cut off inside its own box (the table and code panels scroll on purpose).
      const clips = getComputedStyle(e).overflowX !== 'visible' && !e.closest('.ms-table, .ms-code, .ms-fallback');
      if (clips && e.scrollWidth > e.clientWidth + 1 && e.localName !== 'textarea' && e.localName !== 'input') {
        out.push(`${e.localName}.${e.className}: text clipped by ${e.scrollWidth - e.clientWidth}px`);
      }
    }
    return out;
  }, `mathsight-${name}`);
}

for (const name of WIDGETS) {
  test(`${name}: renders alone, sharp and in its reserved box`, async () => {
    for (const dpr of [1, 2, 3]) {
      for (const width of [1280, 768, 320]) {
        const page = await open(name, `widget=${name}`, { deviceScaleFactor: dpr, width });
        const info = await inspect(page, name);
        assert.ok(info.colours > 20, `${name} drew only ${info.colours} colours`);
        assert.equal(info.w, Math.round(info.cssW * dpr), `${name} at DPR ${dpr}, ${width} px: backing-store width`);
        assert.equal(info.h, Math.round(info.cssH * dpr), `${name} at DPR ${dpr}, ${width} px: backing-store height`);
        const ratio = info.cssH / info.cssW;
        assert.ok(Math.abs(ratio - (info.cssW >= 560 ? 0.5 : 1.7)) < 0.02, `aspect ratio ${ratio}`);
        const state = await page.evaluate((tag) => document.querySelector(tag).state, `mathsight-${name}`);
        assert.equal(state.widget, name);
        assert.deepEqual(await overflow(page, name), [], `${name} at ${width} px: nothing sticks out of its box`);
        await page
          .locator(`mathsight-${name}`)
          .screenshot({ path: path.join(outputDir(), `${name}-dpr${dpr}-w${width}.png`) });
        assertNoProblems(page);
        await page.context().close();
      }
    }
  });

  test(`${name}: the backing store follows a resize`, async () => {
    const page = await open(name, `widget=${name}`, { deviceScaleFactor: 2, width: 1280 });
    const wide = await inspect(page, name);
    await page.setViewportSize({ width: 400, height: 900 });
    await page.waitForFunction(
      ({ tag, w }) => {
        const c = document.querySelector(tag).shadowRoot.querySelector('canvas');
        return c.width !== w && c.width === Math.round(c.getBoundingClientRect().width * 2);
      },
      { tag: `mathsight-${name}`, w: wide.w },
      { timeout: 10000 },
    );
    const narrow = await inspect(page, name);
    assert.ok(narrow.cssW < wide.cssW);
    assert.equal(narrow.w, Math.round(narrow.cssW * 2));
    assert.equal(narrow.h, Math.round(narrow.cssH * 2));
    assertNoProblems(page);
    await page.context().close();
  });

  test(`${name}: setOption and step fire change; the state survives the URL`, async () => {
    const page = await open(name);
    const events = await page.evaluate((tag) => {
      const el = document.querySelector(tag);
      const seen = [];
      el.addEventListener('change', () => seen.push('change'));
      const spec = el.state.options;
      const [first] = Object.keys(spec);
      el.setOption(first, spec[first]);
      el.step(3);
      return seen.length;
    }, `mathsight-${name}`);
    assert.equal(events, 2);
    await settle(page);
    const url = await page.evaluate(async (tag) => {
      const el = document.querySelector(tag);
      return (await import('./ms/share.js')).embedUrl(el.shareState());
    }, `mathsight-${name}`);
    const first = {
      state: await page.evaluate((tag) => document.querySelector(tag).state, `mathsight-${name}`),
      pixels: (await inspect(page, name)).pixels,
    };
    const again = await openPage(browser, url);
    await again.waitForSelector(`mathsight-${name}[data-ready]`, { timeout: 15000 });
    await settle(again);
    const second = {
      state: await again.evaluate((tag) => document.querySelector(tag).state, `mathsight-${name}`),
      pixels: (await inspect(again, name)).pixels,
    };
    // Everything but the options is the same; the options differ only in the step count now
    // being the widget's starting step, and sharing again gives the same link.
    const withoutOptions = (s) => ({ ...s, options: undefined });
    assert.deepEqual(withoutOptions(second.state), withoutOptions(first.state));
    const again2 = await again.evaluate(async (tag) => {
      const el = document.querySelector(tag);
      return (await import('./ms/share.js')).embedUrl(el.shareState());
    }, `mathsight-${name}`);
    assert.equal(again2, url, 'sharing a shared view gives the same link');
    if (!TRANSIENT_MARKS.includes(name)) {
      assert.ok(second.pixels === first.pixels, `${name}: the same pixels after the URL round trip`);
    }
    // The static-figure CLI draws the same SVG for the same state.
    const { options, svg } = await again.evaluate((tag) => {
      const el = document.querySelector(tag);
      return { options: el.shareState().options, svg: el.toSvg(720) };
    }, `mathsight-${name}`);
    const cli = execFileSync(
      path.join(REPO_ROOT, 'target/debug/mathsight'),
      ['render', name, ...Object.entries(options).flatMap(([k, v]) => [`--${k}`, v]), '--width', '720'],
      { encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    assert.ok(cli === svg, `${name}: the CLI's SVG equals the browser's export`);
    assertNoProblems(page);
    assertNoProblems(again);
  });
}

test('nothing shifts when the wasm arrives, fallback content shows until then and without JavaScript', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const slow = await context.newPage();
  let release;
  const gate = new Promise((r) => (release = r));
  await slow.route('**/pkg/mathsight_bg.wasm', async (route) => {
    await gate;
    await route.continue();
  });
  // A page with one widget at the top, so no other widget's start moves it.
  await slow.goto(`${server.url}examples/scrollytelling.html`);
  const widget = slow.locator('mathsight-gradient-descent');
  await widget.scrollIntoViewIfNeeded();
  await slow.waitForTimeout(300);
  const before = await widget.boundingBox();
  const canvasBefore = await widget.locator('canvas.ms-canvas').boundingBox();
  release();
  await slow.waitForSelector('mathsight-gradient-descent[data-ready]');
  const after = await widget.boundingBox();
  const canvasAfter = await widget.locator('canvas.ms-canvas').boundingBox();
  assert.ok(canvasBefore.height > 300, `canvas space reserved before the wasm: ${canvasBefore.height}px`);
  assert.deepEqual(canvasAfter, canvasBefore, 'the canvas box does not move or resize');
  // Controls and numbers appear below the canvas once it starts; the box above them is fixed.
  assert.ok(after.height >= before.height);
  await context.close();

  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.setContent(
    '<mathsight-gradient-descent><p id="fallback">A static figure of gradient descent.</p></mathsight-gradient-descent>',
  );
  assert.ok(await plain.locator('#fallback').isVisible());
  await noJs.close();
});
