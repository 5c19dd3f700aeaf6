// While a widget animates or is being interacted with (redraws in quick succession), the still
// part of its picture stays on a canvas under the one that is repainted (src/viz/layers.rs).
// In headless Chromium, for every widget that plays and for widgets driven by held keys: the
// two canvases together show the same picture as one canvas painted whole, the lower canvas
// holds something (the split is really used), and once all is quiet the picture is whole on
// the one canvas again and the lower canvas is gone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WIDGETS, assertNoProblems, openPage, withBrowser, withServer } from './harness.mjs';

/**
 * The widgets that play, each from a state in the middle of its animation, and how many frames
 * to play. The race's 40 frames cross the step axis's change at step 200 (the lower canvas is
 * repainted) and a piece of every path settling at step 216 (it is added to the lower canvas).
 */
const PLAYING = [
  ['optimizers', 'surface=rosenbrock&steps=190', 40],
  ['gradient-descent', 'steps=5', 12],
  ['logistic-regression', 'steps=20', 12],
];

/**
 * Every widget, its picture redrawn by a held key. Between such frames the upper canvas is
 * cleared only where the last frame drew (src/viz/extent.rs): a stale stroke or label left
 * outside those areas would show here as a pixel differing by far more than rounding does.
 */
const KEYED = WIDGETS;

/**
 * Plays `frames` frames of the widget (a step and a redraw each; with `keys`, a key and a
 * redraw each), then compares the picture on its two canvases, flattened, with the same state
 * painted whole on a fresh canvas.
 */
function compareLayers({ tag, frames, keys = false }) {
  const el = document.querySelector(tag);
  const canvas = el.shadowRoot.querySelector('canvas.ms-canvas');
  if (!keys) {
    el.call((h) => h.setPlaying(true));
    if (!el.call((h) => h.playing())) return { playing: false };
  }
  let layered = 0;
  for (let i = 0; i < frames; i++) {
    // A key pressed as the reader presses it (the element's own handler), or a step.
    if (keys) canvas.dispatchEvent(new KeyboardEvent('keydown', { key: i % 8 < 4 ? 'ArrowRight' : 'ArrowLeft', bubbles: true }));
    else el.call((h) => h.step(1));
    el.draw();
    layered += el.layered ? 1 : 0;
  }
  const base = el.shadowRoot.querySelector('canvas.ms-base');
  const pixels = (c) => c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const baseInk = base ? pixels(base).some((v, i) => i % 4 === 3 && v > 0) : false;
  const flat = document.createElement('canvas');
  flat.width = canvas.width;
  flat.height = canvas.height;
  if (base) flat.getContext('2d').drawImage(base, 0, 0);
  flat.getContext('2d').drawImage(canvas, 0, 0);
  const whole = document.createElement('canvas');
  whole.width = canvas.width;
  whole.height = canvas.height;
  // Stopped first, so this is a still picture of the very same state.
  el.call((h) => h.setPlaying(false));
  el.call((h) => h.draw(whole, window.devicePixelRatio, false, ''));
  const a = pixels(flat);
  const b = pixels(whole);
  let differing = 0;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > 0) differing++;
    worst = Math.max(worst, d);
  }
  return { playing: true, layered, baseInk, differing: differing / a.length, worst };
}

/** Waits until the widget's picture is whole on one canvas, the same as painted afresh. */
async function settlesWhole(page, tag, name) {
  await page.waitForFunction((t) => {
    const el = document.querySelector(t);
    return !el.layered && el.shadowRoot.querySelectorAll('canvas').length === 1;
  }, tag, { timeout: 2000 });
  const same = await page.evaluate((t) => {
    const el = document.querySelector(t);
    const canvas = el.shadowRoot.querySelector('canvas.ms-canvas');
    const fresh = document.createElement('canvas');
    fresh.width = canvas.width;
    fresh.height = canvas.height;
    el.call((h) => h.draw(fresh, window.devicePixelRatio, false, ''));
    const a = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const b = fresh.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    return a.every((v, i) => v === b[i]);
  }, tag);
  assert.ok(same, `${name}: the settled picture is the whole picture`);
}

test('two layers while playing show the same picture as one; a still picture is whole again', async () => {
  await withServer((server) =>
    withBrowser(async (browser) => {
      for (const [name, hash, frames] of PLAYING) {
        const tag = `mathsight-${name}`;
        const page = await openPage(browser, `${server.url}embed.html#widget=${name}&${hash}`, { deviceScaleFactor: 2, width: 1100 });
        await page.waitForSelector(`${tag}[data-ready]`, { timeout: 15000 });
        const r = await page.evaluate(compareLayers, { tag, frames });
        assert.ok(r.playing, `${name} plays`);
        assert.ok(r.layered >= frames - 2, `${name}: the lower canvas was used in ${r.layered} of ${frames} frames`);
        assert.ok(r.baseInk, `${name}: the lower canvas holds part of the picture`);
        // Compositing two layers rounds some anti-aliased edge pixels differently (by up to 3
        // levels of 255 on 0.03 % of channels here); anything missing or doubled would differ
        // by far more, over far more of the picture.
        assert.ok(r.worst <= 8, `${name}: a pixel differs by ${r.worst} levels`);
        assert.ok(r.differing < 0.002, `${name}: ${(100 * r.differing).toFixed(3)} % of channels differ`);
        // Stopped (and redrawn, as the element does when play stops), then quiet: the picture
        // is painted whole on the one canvas, and the lower one is removed.
        await page.evaluate((t) => document.querySelector(t).draw(), tag);
        await settlesWhole(page, tag, name);
        assertNoProblems(page);
        await page.context().close();
      }
    }),
  );
});

test('two layers while a held key redraws show the same picture as one, and settle whole', async () => {
  await withServer((server) =>
    withBrowser(async (browser) => {
      for (const name of KEYED) {
        const tag = `mathsight-${name}`;
        const page = await openPage(browser, `${server.url}embed.html#widget=${name}`, { deviceScaleFactor: 2, width: 1100 });
        await page.waitForSelector(`${tag}[data-ready]`, { timeout: 15000 });
        const frames = 12;
        const r = await page.evaluate(compareLayers, { tag, frames, keys: true });
        assert.ok(r.layered >= frames / 2, `${name}: the lower canvas was used in ${r.layered} of ${frames} frames`);
        assert.ok(r.baseInk, `${name}: the lower canvas holds part of the picture`);
        assert.ok(r.worst <= 8, `${name}: a pixel differs by ${r.worst} levels`);
        assert.ok(r.differing < 0.002, `${name}: ${(100 * r.differing).toFixed(3)} % of channels differ`);
        await settlesWhole(page, tag, name);
        // The numbers under the plot, skipped while the key was held, have caught up.
        const numbers = await page.evaluate((t) => {
          const el = document.querySelector(t);
          const shown = el.shadowRoot.querySelector('.ms-readouts').textContent;
          el.refreshNumbers();
          return { shown, fresh: el.shadowRoot.querySelector('.ms-readouts').textContent };
        }, tag);
        assert.equal(numbers.shown, numbers.fresh, `${name}: the readouts are up to date`);
        assertNoProblems(page);
        await page.context().close();
      }
    }),
  );
});
