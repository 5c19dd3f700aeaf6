// Every widget's main task done with the keyboard only: Tab reaches the canvas (or a control),
// arrows, Shift, Home/End, Enter, Space and the widget's letter keys do the rest, and the
// outcome is read from `el.state`. Along the way: the focused canvas shows a visible focus ring
// (its pixels are counted in a screenshot) and the polite live region speaks the new state.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { assertNoProblems, expectLive, launchBrowser, openPage, outputDir, REPO_ROOT, SITE_ROOT, WIDGETS } from './harness.mjs';
import { startServer } from '../../scripts/serve.mjs';


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

/** The widget alone in embed.html, ready, with no element focused yet. */
async function open(name, hash = '', options = {}) {
  const page = await openPage(browser, `${server.url}embed.html#widget=${name}${hash}`, options);
  await page.waitForSelector(`mathsight-${name}[data-ready]`, { timeout: 15000 });
  const k = keyboard(page, name);
  return { page, ...k };
}

function keyboard(page, name) {
  const tag = `mathsight-${name}`;
  /** The focused element inside shadow roots: its class, option or action. */
  const focused = () =>
    page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return { className: a?.className ?? '', option: a?.dataset?.option ?? null, action: a?.dataset?.action ?? null, tag: a?.localName };
    });
  return {
    tag,
    focused,
    state: () => page.evaluate((t) => document.querySelector(t).state, tag),
    /** Asserts that the spoken description comes to match `pattern`. */
    expectLive: (pattern) => expectLive(page, tag, pattern),
    /** Presses Tab until the focused element matches `want` (fields of `focused()`). */
    async tabTo(want, limit = 60) {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        const f = await focused();
        if (Object.entries(want).every(([k, v]) => f[k] === v)) return f;
      }
      throw new Error(`${name}: Tab never reached ${JSON.stringify(want)}`);
    },
    /** Presses `key` `times` times. */
    async press(key, times = 1) {
      for (let i = 0; i < times; i++) await page.keyboard.press(key);
    },
  };
}

/**
 * Checks the keyboard focus ring around the canvas: its computed outline and, in a screenshot,
 * enough pixels of the focus colour in the band just outside the canvas.
 */
async function assertFocusRing(page, tag, name) {
  const style = await page.evaluate((t) => {
    const canvas = document.querySelector(t).shadowRoot.querySelector('canvas');
    const s = getComputedStyle(canvas);
    const r = canvas.getBoundingClientRect();
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor, rect: { x: r.x, y: r.y, w: r.width, h: r.height } };
  }, tag);
  assert.equal(style.style, 'solid', `${name}: the focused canvas has an outline`);
  assert.ok(style.width >= 2, `${name}: the outline is ${style.width}px wide`);
  const { x, y, w, h } = style.rect;
  const pad = 8;
  const clip = { x: Math.max(0, x - pad), y: Math.max(0, y - pad), width: w + 2 * pad, height: h + 2 * pad };
  const png = await page.screenshot({ clip });
  await page.screenshot({ clip, path: path.join(outputDir(), `keyboard-focus-${name}.png`) });
  const ring = await page.evaluate(
    async ({ data, colour, inset }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      const [r0, g0, b0] = colour.match(/\d+/g).map(Number);
      let count = 0;
      for (let yy = 0; yy < c.height; yy++) {
        for (let xx = 0; xx < c.width; xx++) {
          // Only the band outside the canvas: the drawing itself may use any colour.
          const outside = xx < inset || yy < inset || xx >= c.width - inset || yy >= c.height - inset;
          if (!outside) continue;
          const i = 4 * (yy * c.width + xx);
          if (Math.abs(px[i] - r0) + Math.abs(px[i + 1] - g0) + Math.abs(px[i + 2] - b0) < 40) count++;
        }
      }
      return count;
    },
    { data: png.toString('base64'), colour: style.colour, inset: pad },
  );
  const perimeter = 2 * (w + h);
  assert.ok(ring > perimeter * 1.5, `${name}: ${ring} focus-ring pixels around a ${w}×${h} canvas`);
}

/** Tabs to the canvas (the first stop in embed.html) and checks its focus ring. */
async function focusCanvas(k, page, name) {
  await k.tabTo({ className: 'ms-canvas' });
  await assertFocusRing(page, k.tag, name);
  // The canvas's accessible name says what this widget's own keys do.
  const label = await page.evaluate((t) => document.querySelector(t).shadowRoot.querySelector('canvas').getAttribute('aria-label'), k.tag);
  assert.ok(label.startsWith(`${name.replace(/-/g, ' ')}: interactive plot. `), label);
  assert.ok(!label.includes('Arrow keys move the selected handle (Shift: further), Page Up'), `${name} names its own keys: ${label}`);
}

const TASKS = {
  'gradient-descent': {
    hash: '&speed=240',
    async run(k, page) {
      const before = await k.state();
      // The start is selected first (Page Down would choose the first data point).
      await k.press('ArrowRight', 2);
      await k.press('Shift+ArrowUp');
      const moved = await k.state();
      assert.ok(Number(moved.options['start-m']) > Number(before.options['start-m']), 'the start moved right');
      assert.ok(Number(moved.options['start-c']) > Number(before.options['start-c']), 'the start moved up');
      await k.press('Enter');
      assert.equal((await k.state()).step, 1);
      await k.expectLive(/^Step 1: m = .*, c = .*, cost .*, (falling|rising)/);
      await k.press('p');
      await page.waitForFunction((t) => document.querySelector(t).state.status === 'converged', k.tag, { timeout: 30000 });
    },
  },
  optimizers: {
    hash: '&surface=bowl&speed=240',
    async run(k, page) {
      const before = await k.state();
      // From (−2.04, 1.4) every optimizer converges on the bowl (RMSProp keeps hopping across
      // the floor from some other starts).
      await k.press('ArrowRight', 3);
      await k.press('Shift+ArrowDown');
      const moved = await k.state();
      assert.ok(moved.start[0] > before.start[0] && moved.start[1] < before.start[1], 'the start moved right and down');
      await k.press('Enter');
      assert.equal((await k.state()).step, 1);
      await k.expectLive(/^Step 1 on the bowl surface: /);
      await k.press(' ');
      assert.equal((await k.state()).step, 2);
      await k.press('p');
      await page.waitForFunction(
        (t) => document.querySelector(t).state.optimizers.every((o) => o.status === 'converged'),
        k.tag,
        { timeout: 60000 },
      );
    },
  },
  'logistic-regression': {
    hash: '&speed=240',
    async run(k, page) {
      const before = await k.state();
      await k.press('Shift+ArrowUp', 2);
      await k.press('1');
      const added = await k.state();
      assert.equal(added.points.length, before.points.length + 1, 'a point was added');
      assert.equal(added.points.at(-1)[2], 1, 'of class 1');
      await k.press('Enter');
      const stepped = await k.state();
      assert.equal(stepped.step, 1);
      assert.ok(stepped.loss < before.loss, 'one step lowers the log-loss');
      await k.expectLive(/^Step 1: w = \(.*\), b = .*, log-loss /);
      await k.press('p');
      await page.waitForFunction((t) => document.querySelector(t).state.step >= 60, k.tag, { timeout: 30000 });
      await k.press('p');
      const trained = await k.state();
      assert.equal(trained.playing, false, 'p pauses');
      assert.ok(trained.accuracy >= 0.9, `accuracy ${trained.accuracy}`);
    },
  },
  'hypothesis-test': {
    async run(k) {
      const before = await k.state();
      assert.equal(before.reject, false, 'p = 0.057 is not significant at α = 0.05');
      await k.press('ArrowLeft');
      const looser = await k.state();
      assert.ok(looser.alpha > before.alpha, 'ArrowLeft raises α');
      assert.equal(looser.reject, true, 'at α = 0.0625 the test rejects');
      await k.expectLive(/^t = 2, p = 0\.0569, α = 0\.06\d?: reject H₀/);
      await k.press('Shift+ArrowUp');
      assert.ok((await k.state()).power > looser.power, 'a larger effect has more power');
      // The α slider works by keyboard too.
      await k.tabTo({ option: 'alpha' });
      await k.press('Home');
      assert.equal((await k.state()).alpha, 0.0001, 'Home on the α slider gives its smallest value');
      assert.equal((await k.state()).reject, false);
    },
  },
  'bayes-rule': {
    async run(k) {
      const before = await k.state();
      await k.press('Enter');
      const once = await k.state();
      assert.equal(once.observations, 1);
      assert.ok(Math.abs(once.prior - before.posterior) < 1e-12, 'the posterior became the prior');
      // Prior 0.2, P(B|A) 0.8, P(B|¬A) 0.2: the posterior 0.5 is the next prior, then 0.8.
      await k.expectLive(/^Prior 0\.5, evidence P\(B\) 0\.5, posterior 0\.8 after 1 observations\./);
      await k.press('Shift+ArrowRight');
      assert.ok((await k.state()).prior > before.prior, 'Shift+ArrowRight raises the prior');
      await k.press('ArrowDown', 3);
      assert.ok((await k.state()).likelihood < before.likelihood, 'ArrowDown lowers the likelihood');
      await k.tabTo({ action: 'observe' });
      const prior = (await k.state()).posterior;
      await k.press('Space');
      assert.ok(Math.abs((await k.state()).prior - prior) < 1e-12, 'the Observe button works by Space');
    },
  },
  distribution: {
    async run(k) {
      const before = await k.state();
      await k.press('Shift+ArrowLeft');
      await k.press('ArrowUp', 5);
      const moved = await k.state();
      assert.ok(moved.a < before.a && moved.b > before.b, `a ${before.a} → ${moved.a}, b ${before.b} → ${moved.b}`);
      assert.ok(moved.probability > before.probability, 'a wider interval holds more probability');
      await k.expectLive(/^Normal\(μ = 0, σ = 1\): P\(-?[\d.]+ ≤ X ≤ [\d.]+\) = 0\.\d+, mean 0/);
      await k.press('Home');
      await k.press('End');
      const ends = await k.state();
      const [lo, hi] = ends.x_range;
      assert.ok(Math.abs(ends.a - lo) <= (hi - lo) / 500, `Home moves a to the left end: ${ends.a} vs ${lo}`);
      assert.ok(Math.abs(ends.b - hi) <= (hi - lo) / 500, `End moves b to the right end: ${ends.b} vs ${hi}`);
      assert.ok(ends.probability > 0.99, `the whole plotted range holds ${ends.probability}`);
    },
  },
  'bayes-update': {
    async run(k) {
      await k.press('s', 3);
      await k.press('f');
      const counted = await k.state();
      assert.equal(counted.successes, 3);
      assert.equal(counted.failures, 1);
      // Beta(2, 2) prior + 3 successes, 1 failure = Beta(5, 3), mean 5/8.
      await k.expectLive(/^4 observations; posterior mean 0\.625, 95 % interval /);
      await k.press('Enter');
      const simulated = await k.state();
      assert.equal(simulated.observations, 4 + 10, 'Enter simulates ten more observations');
      await k.press('Shift+ArrowRight');
      assert.ok(Number((await k.state()).options['true-rate']) > Number(counted.options['true-rate']), 'the true rate moved');
    },
  },
  'naive-bayes': {
    async run(k) {
      const before = await k.state();
      await k.press('Shift+ArrowLeft', 3);
      const moved = await k.state();
      assert.ok(moved.probe[0] < before.probe[0], 'the probe moved left');
      assert.notEqual(moved.probe_probability_a, before.probe_probability_a);
      await k.expectLive(/^Probe at \(/);
      await k.press('Enter');
      const added = await k.state();
      assert.equal(added.class_a.count, before.class_a.count + 1, 'Enter adds a class A point at the probe');
      await k.press('c');
      await k.press('Enter');
      assert.equal((await k.state()).class_b.count, before.class_b.count + 1, 'after c, Enter adds a class B point');
    },
  },
  'linear-system': {
    async run(k) {
      const before = await k.state();
      assert.equal(before.step, 0);
      for (let i = 0; i < before.step_count; i++) await k.press('Enter');
      const solved = await k.state();
      assert.equal(solved.step, solved.step_count, 'Enter steps through every row operation');
      await k.expectLive(new RegExp(`^Step ${solved.step_count} of ${solved.step_count}: .* One solution, x = 0, y = 9\\.`));
      assert.deepEqual(solved.matrix, [['1', '0', '0'], ['0', '1', '9']], 'the reduced system reads x = 0, y = 9');
      await k.press('Backspace');
      assert.equal((await k.state()).step, solved.step_count - 1, 'Backspace steps back');
      await k.press('Home');
      assert.equal((await k.state()).step, 0, 'Home returns to the original system');
      await k.press('End');
      assert.equal((await k.state()).step, solved.step_count, 'End solves');
      // A line's handle moves with n and the arrows.
      await k.press('n');
      await k.press('Shift+ArrowUp');
      assert.notDeepEqual((await k.state()).options.b, before.options.b, 'moving a handle rewrites the system');
    },
  },
  'matrix-transform': {
    async run(k) {
      const before = await k.state();
      assert.equal(before.det, 3);
      // e1 lands on (2, 1); moving it to (0.5, 1) makes it half of e2's image (1, 2): det 0.
      await k.press('Shift+ArrowLeft', 3);
      const flat = await k.state();
      assert.deepEqual(flat.columns[0], [0.5, 1]);
      assert.equal(flat.det, 0);
      assert.equal(flat.singular, true);
      await k.expectLive(/det A = 0, orientation collapsed/);
      await k.press('n');
      await k.press('ArrowRight');
      assert.deepEqual((await k.state()).columns[1], [1.1, 2], 'n selects e2, whose image then moves');
    },
  },
  'descriptive-stats': {
    async run(k) {
      const before = await k.state();
      await k.press('ArrowUp'); // selects the value nearest the median
      await k.press('Shift+ArrowRight', 5);
      const moved = await k.state();
      assert.equal(moved.n, before.n);
      assert.ok(moved.mean > before.mean, `the mean rose: ${before.mean} → ${moved.mean}`);
      await k.expectLive(new RegExp(`^${moved.n} values: mean .*, median .*; selected value `));
      await k.press('Delete');
      assert.equal((await k.state()).n, before.n - 1, 'Delete removes the selected value');
      await k.press('a');
      assert.equal((await k.state()).n, before.n, 'a adds a value');
    },
  },
  'regression-stats': {
    async run(k) {
      const before = await k.state();
      await k.press('PageDown');
      await k.press('Shift+ArrowUp', 4);
      const moved = await k.state();
      assert.notEqual(moved.slope, before.slope, 'moving a point changes the fitted slope');
      assert.notEqual(moved.options.points, before.options.points);
      await k.expectLive(new RegExp(`^${moved.n} points: slope .* \\(SE .*\\), intercept .*, R² .*, p `));
    },
  },
  'least-squares': {
    async run(k) {
      const before = await k.state();
      await k.press('n');
      await k.press('Shift+ArrowUp', 3);
      const moved = await k.state();
      assert.notDeepEqual(moved.coefficients, before.coefficients, 'moving a point changes the fit');
      assert.equal(moved.selected_point, 1);
      await k.expectLive(/^\d+ points, fit .*, RSS .*, R² /);
      await k.press('Home');
      const left = await k.state();
      const x = (s) => Number(s.options.points.split(';')[1].split(',')[0]);
      assert.ok(x(left) < x(moved), `Home moves the point to the left edge: ${x(moved)} → ${x(left)}`);
    },
  },
};

test('every widget has a keyboard task', () => {
  assert.deepEqual(Object.keys(TASKS).sort(), [...WIDGETS].sort());
});

for (const name of WIDGETS) {
  test(`${name} by keyboard only`, async () => {
    const task = TASKS[name];
    const { page, ...k } = await open(name, task?.hash ?? '');
    await focusCanvas(k, page, name);
    await task.run(k, page);
    assertNoProblems(page);
    await page.context().close();
  });
}
