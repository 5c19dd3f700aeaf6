// The course page: a challenge per section that the section's widget checks from its own state,
// the table of contents with a "where you are" marker, links that open each widget alone (or
// in the embed guide) in exactly its current state, and the widgets' current pictures for print.

import { ready } from './mathsight.js';
import { BASE } from './ms/core.js';
import { embedUrl } from './ms/share.js';
import { stateToParams } from './ms/url-state.js';

const fixed = (v, digits = 3) => Number(v).toFixed(digits);
const sumOfSquares = (values) => values.reduce((t, v) => t + v * v, 0);
const steps = (n) => `${n} step${n === 1 ? '' : 's'}`;
/** The widget element of a course section (`<section id="NAME">` holds `<mathsight-NAME>`). */
const widgetOf = (section) => section.querySelector(`mathsight-${section.id}`);

/**
 * The challenges, one per widget: `done(state)` says whether the widget's state (`el.state`, the
 * `change` event's detail) meets it, `solved(state)` says what was achieved, in words. A widget
 * whose challenge is solved stays solved: resetting it to try again does not take that away.
 */
export const CHALLENGES = {
  'linear-system': {
    done: (s) => s.kind === 'none',
    solved: (s) => `rank A = ${s.rank} but rank [A | b] = ${s.rank_augmented}: the equations contradict each other, so no point satisfies them all.`,
  },
  'least-squares': {
    done: (s) => s.points.length >= 3 && s.rss <= 1e-9 * (1 + sumOfSquares(s.points.map((p) => p[1]))),
    solved: (s) =>
      `${s.points.length} equations and ${s.coefficients.length} unknowns: the ${s.model} fits every point and the RSS is 0.`,
  },
  'matrix-transform': {
    done: (s) => s.singular === true,
    solved: (s) => `det A = ${fixed(Math.abs(s.det) < 1e-12 ? 0 : s.det, 2)}: both columns lie on one line, and the whole plane is squashed onto it.`,
  },
  'gradient-descent': {
    done: (s) =>
      s.status === 'converged' &&
      s.converged_at !== null &&
      s.converged_at <= 20 &&
      Number(s.options['start-m']) === 0 &&
      Number(s.options['start-c']) === 0 &&
      Number(s.options['batch-size']) === 0,
    solved: (s) =>
      `converged in ${steps(s.converged_at)} with α = ${Number(s.learning_rate.toPrecision(3))}${s.scaled ? ', on scaled x' : ''}.`,
  },
  optimizers: {
    done: (s) => s.surface === 'himmelblau' && s.optimizers.some((o) => o.id === 'gd' && o.status === 'converged'),
    solved: (s) => {
      const gd = s.optimizers.find((o) => o.id === 'gd');
      return `gradient descent converged with α = ${Number(gd.learning_rate.toPrecision(3))}, at (${fixed(gd.position[0], 2)}, ${fixed(gd.position[1], 2)}).`;
    },
  },
  distribution: {
    done: (s) =>
      s.family === 'normal' &&
      Math.abs(s.mean) < 1e-12 &&
      Math.abs(s.variance - 1) < 1e-12 &&
      Math.abs(s.a + s.b) <= 0.05 &&
      Math.abs(s.probability - 0.95) <= 0.005,
    solved: (s) => `P(${fixed(s.a, 2)} ≤ X ≤ ${fixed(s.b, 2)}) = ${fixed(s.probability, 4)}: about 95 % of a normal lies within 1.96 σ of its mean.`,
  },
  'bayes-rule': {
    done: (s) =>
      s.observations >= 1 &&
      s.posterior !== null &&
      s.posterior > 0.9 &&
      Math.abs(s.history[0] - 0.2) < 1e-9 &&
      Math.abs(s.likelihood - 0.8) < 1e-9 &&
      Math.abs(s.false_positive - 0.2) < 1e-9,
    solved: (s) =>
      `after Bob befriended someone ${s.observations + 1} times, P(friendly) = ${fixed(s.posterior, 3)}, up from 0.2.`,
  },
  'bayes-update': {
    done: (s) => s.model === 'beta-bernoulli' && s.credible_interval[1] - s.credible_interval[0] < 0.1,
    solved: (s) =>
      `${s.observations} observations: the 95 % interval is [${fixed(s.credible_interval[0])}, ${fixed(s.credible_interval[1])}], ${fixed(s.credible_interval[1] - s.credible_interval[0])} wide.`,
  },
  'naive-bayes': {
    done: (s) => (s.probe_probability_a_naive - 0.5) * (s.probe_probability_a_full - 0.5) < 0,
    solved: (s) =>
      `at (${fixed(s.probe[0], 2)}, ${fixed(s.probe[1], 2)}) Naive Bayes gives P(A) = ${fixed(s.probe_probability_a_naive, 2)}, the full-covariance classifier ${fixed(s.probe_probability_a_full, 2)}.`,
  },
  'descriptive-stats': {
    done: (s) => s.n >= 4 && s.mean > s.q3,
    solved: (s) => `mean ${Number(s.mean.toPrecision(4))} > Q3 ${Number(s.q3.toPrecision(4))}, while the median is ${Number(s.median.toPrecision(4))}: a few large values pull the mean, not the median.`,
  },
  'hypothesis-test': {
    done: (s) => s.n === 10 && s.alpha <= 0.05 + 1e-12 && s.p_value < s.alpha && s.test !== 'welch' && Number(s.options.mu0) === 5,
    solved: (s) =>
      `n = 10, x̄ = ${Number(s.mean.toPrecision(4))}, s = ${Number(s.sd.toPrecision(3))}: p = ${s.p_value_text} < α = ${s.alpha}. Ten values are enough when the shift is large compared with their spread.`,
  },
  'regression-stats': {
    done: (s) => s.slope_p_value > 0.05 && s.source !== 'csv',
    solved: (s) =>
      `slope ${fixed(s.slope, 2)} ± ${fixed(s.slope_stderr, 2)}, p = ${s.slope_p_value_text}: the effect is real but this sample cannot tell it from zero.`,
  },
  'logistic-regression': {
    done: (s) => s.separated === true && s.accuracy >= 1 && s.step > 0,
    solved: (s) => `every point classified correctly after ${steps(s.step)}; |w| = ${fixed(s.weight_norm, 2)} and still growing.`,
  },
};

/** Wires one challenge box to its widget. */
function watchChallenge(box) {
  const name = box.dataset.challenge;
  const challenge = CHALLENGES[name];
  const section = box.closest('section');
  const widget = section && widgetOf(section);
  if (!challenge || !widget) return;
  const mark = box.querySelector('.challenge-mark');
  const text = box.querySelector('.challenge-text');
  const tocLink = document.querySelector(`.toc a[href="#${name}"]`);
  let solved = false;
  const check = (state) => {
    if (solved || !state) return;
    let done = false;
    try {
      done = challenge.done(state);
    } catch {
      done = false; // A state without the fields a predicate reads is simply not a solution.
    }
    if (!done) return;
    solved = true;
    box.classList.add('solved');
    mark.textContent = '✓';
    text.textContent = `Solved: ${challenge.solved(state)}`;
    tocLink?.setAttribute('data-solved', '');
    tocLink?.append(Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: ' (challenge solved)' }));
  };
  widget.addEventListener('change', (event) => check(event.detail));
}

/** Keeps the section's "open alone" and "embed guide" links pointing at the widget's state. */
function watchLinks(section) {
  const widget = widgetOf(section);
  const alone = section.querySelector('a.open-alone');
  const guide = section.querySelector('a.open-guide');
  if (!widget || !alone || !guide) return;
  let timer = 0;
  const update = () => {
    clearTimeout(timer);
    timer = 0;
    const state = widget.shareState();
    alone.href = embedUrl(state);
    guide.href = new URL(`embed-guide.html#${stateToParams(state)}`, BASE).href;
  };
  widget.addEventListener('change', () => {
    timer ||= setTimeout(update, 250);
  });
  for (const link of [alone, guide]) {
    for (const type of ['pointerenter', 'focus', 'click', 'contextmenu']) link.addEventListener(type, update);
  }
}

/** The table of contents: open beside the text on wide screens, and marks where the reader is. */
function watchContents() {
  const details = document.getElementById('toc-details');
  const now = document.getElementById('toc-now');
  if (!details) return;
  const wide = matchMedia('(min-width: 70em)');
  const fit = () => {
    if (wide.matches) details.open = true;
  };
  fit();
  wide.addEventListener('change', fit);
  // "Contents" under each section (narrow screens) opens the folded contents it jumps to.
  for (const a of document.querySelectorAll('a[href="#toc-details"]')) a.addEventListener('click', () => (details.open = true));

  const links = new Map([...details.querySelectorAll('a[href^="#"]')].map((a) => [a.getAttribute('href').slice(1), a]));
  const sections = [...document.querySelectorAll('main section[id]')].filter((s) => links.has(s.id));
  const inView = new Set();
  let current = null;
  const mark = () => {
    // The innermost section crossing the reading line, the last one if several do.
    const hits = sections.filter((s) => inView.has(s));
    const lessons = hits.filter((s) => s.classList.contains('lesson'));
    const pick = (lessons.length ? lessons : hits).at(-1) ?? current;
    if (!pick || pick === current) return;
    current = pick;
    for (const a of links.values()) a.removeAttribute('aria-current');
    const link = links.get(pick.id);
    link.setAttribute('aria-current', 'location');
    if (now) now.textContent = `— ${link.textContent.replace(/\s+/g, ' ').replace(' (challenge solved)', '').trim()}`;
  };
  // The reading line: a band a quarter of the way down the viewport.
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.isIntersecting) inView.add(e.target);
        else inView.delete(e.target);
      }
      mark();
    },
    { rootMargin: '-25% 0px -70% 0px' },
  );
  for (const s of sections) observer.observe(s);
}

/**
 * Print: a widget that has drawn prints its canvas as it is; one that never came near the
 * viewport is started now and printed from its SVG (the same drawing code), so every widget
 * prints as its current picture.
 */
function watchPrint() {
  const added = [];
  addEventListener('beforeprint', () => {
    for (const section of document.querySelectorAll('main section.lesson')) {
      const el = widgetOf(section);
      if (!el || el.hasAttribute('data-ready') || !el.ensureStarted()) continue;
      const svg = el.toSvg(720);
      if (!svg) continue;
      const img = document.createElement('img');
      img.className = 'print-figure';
      img.alt = `${section.id.replace(/-/g, ' ')}: the figure as it stands`;
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      el.after(img);
      el.classList.add('print-replaced');
      added.push(img);
    }
  });
  addEventListener('afterprint', () => {
    for (const img of added.splice(0)) {
      img.previousElementSibling?.classList.remove('print-replaced');
      img.remove();
    }
  });
}

for (const box of document.querySelectorAll('[data-challenge]')) watchChallenge(box);
for (const section of document.querySelectorAll('main section.lesson')) watchLinks(section);
watchContents();
watchPrint();

// Widgets start lazily near the viewport; the shared core is fetched once the page is idle, so
// a jump from the contents or a print finds it ready.
const idle = globalThis.requestIdleCallback ?? ((fn) => setTimeout(fn, 1500));
idle(() => ready(), { timeout: 3000 });
