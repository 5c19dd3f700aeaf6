#!/usr/bin/env node
// `make soak`: endurance of the shell and the wasm core in headless Chromium (playwright-core
// driving /usr/bin/chromium, as the end-to-end tests do). Prints a table of figures and exits
// non-zero on growth beyond the tolerances below.
//
// What is measured, on a page of the built site (target/site) with one 560-px column (a blog's
// width, the widest at which a widget still stacks nothing) holding the widgets:
//
// 1. Frames. Every widget that animates (it accepts Play) runs 600 frames at its top speed and
//    the one with the highest cost per frame is "the busiest". It then runs SOAK_FRAMES
//    (100,000) frames through its real update-and-draw path: the element's own `frame(now)`,
//    which the page's requestAnimationFrame loop calls — tick the widget, refresh the text,
//    draw on the canvas — with `now` advanced by 1000/60 ms per frame in a tight loop, so the
//    run does not wait for vsync. When the race or descent finishes it is reset and played
//    again, as a reader replaying it would. After a warm-up of one whole run (until it first
//    finishes: a run keeps its history for the plots, which is longest then), the wasm memory
//    (the instance's `WebAssembly.Memory` buffer, which only ever grows) must not grow at all,
//    and the JS heap after a forced garbage collection (CDP `HeapProfiler.collectGarbage`,
//    then `Runtime.getHeapUsage`) must stay within HEAP_TOLERANCE of its size after warm-up.
// 2. Cycles. Each of the 13 widgets is created, started, drawn, stepped and removed
//    SOAK_CYCLES (1,000) times; every tenth cycle waits for the element's own start (visibility,
//    the shared animation loop, first draw) instead of starting and drawing it directly. After
//    a warm-up of 20 cycles and again at the end, with garbage collected: the number of live
//    wasm widget handles (`liveHandles()`: back to where it was, exactly), the wasm memory (no
//    growth), the JS heap (within HEAP_TOLERANCE) and the DOM node and JS event-listener counts
//    (CDP `Memory.getDOMCounters`, within a few).
//
//   node scripts/soak.mjs            (needs target/site: scripts/build.sh)
//   SOAK_FRAMES=20000 SOAK_CYCLES=200 node scripts/soak.mjs   (a shorter run)
//   SOAK_WIDGETS=optimizers,bayes-rule node scripts/soak.mjs   (only these widgets)

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FRAMES = Number(process.env.SOAK_FRAMES ?? 100_000);
/** The warm-up lasts one whole race or descent (until the widget first finishes and is played
 * again: its history then has had its longest length), and at least this many frames. */
const MIN_WARMUP_FRAMES = Math.min(2000, Math.floor(FRAMES / 5));
const SAMPLE_EVERY = Math.max(1000, Math.floor(FRAMES / 20));
const CYCLES = Number(process.env.SOAK_CYCLES ?? 1000);
const WARMUP_CYCLES = 20;
const MB = 1024 * 1024;
/** The JS heap after GC may move this much (V8 keeps compiled code and caches of its own). */
const HEAP_TOLERANCE = 2 * MB;
/** Wasm memory growth allowed over the measured cycles (the allocator's free lists settle). */
const WASM_CYCLE_TOLERANCE = 0;
/** DOM nodes and listeners allowed beyond the warm-up count (a few are created lazily). */
const NODE_TOLERANCE = 50;
const LISTENER_TOLERANCE = 10;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mathsight soak</title>
<script type="module" src="mathsight.js"></script>
<style>main { width: 560px; }</style></head>
<body><main id="stage"></main></body></html>`;

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const mb = (bytes) => (bytes / MB).toFixed(2);

const server = await startServer({ port: 0, root: path.join(ROOT, 'target', 'site') });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--js-flags=--expose-gc'],
});
const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
  return ok ? 'ok' : 'GROWTH';
};

try {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  await page.route(`${server.url}soak.html`, (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
  await page.goto(`${server.url}soak.html`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');

  /** Garbage collected, then: wasm memory, JS heap, DOM counters, live handles. */
  async function measure() {
    await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const wasm = await page.evaluate(() => ({
      memory: globalThis.__mathsight.memory.buffer.byteLength,
      handles: globalThis.__mathsight.loaded.liveHandles(),
    }));
    return { heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners, ...wasm };
  }

  // Page-side helpers: start a widget, run frames, run create/remove cycles. Every widget comes
  // here, so the page loads the whole core first (one kind alone would load its own module).
  await page.evaluate(async () => {
    await (await import('./mathsight.js')).ready();
    const stage = document.getElementById('stage');
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const withTimeout = (promise, ms) => Promise.race([promise, new Promise((r) => setTimeout(r, ms))]);
    window.soak = {
      async place(name) {
        stage.replaceChildren();
        const el = document.createElement(`mathsight-${name}`);
        stage.append(el);
        await el.ready;
        const speed = globalThis.__mathsight.catalogue
          .find((w) => w.name === name)
          .options.find((o) => o.name === 'speed');
        if (speed) el.setOption('speed', String(speed.max ?? 240));
        el.call((h) => h.setPlaying(true));
        return el.call((h) => h.playing());
      },
      /** `count` frames of the placed widget through `el.frame(now)`; ms per frame. */
      frames(count) {
        const el = stage.firstElementChild;
        let now = (this.now ??= performance.now());
        let restarts = 0;
        const t0 = performance.now();
        for (let i = 0; i < count; i++) {
          if (!el.handle.playing()) {
            el.call((h) => h.reset());
            el.call((h) => h.setPlaying(true));
            restarts += 1;
          }
          now += 1000 / 60;
          el.frame(now);
        }
        this.now = now;
        return { ms: (performance.now() - t0) / count, restarts, step: el.state.step };
      },
      /** `count` create/start/draw/step/remove cycles of widget `name`. */
      async cycles(name, count) {
        stage.replaceChildren();
        for (let i = 0; i < count; i++) {
          const el = document.createElement(`mathsight-${name}`);
          stage.append(el);
          if (i % 10 === 0) {
            await withTimeout(el.ready, 2000);
          } else {
            el.ensureStarted();
            el.draw();
          }
          el.step(3);
          void el.state;
          el.remove();
          await tick();
        }
        await tick();
        return stage.childElementCount;
      },
    };
  });

  // ----- 1. the busiest widget for SOAK_FRAMES frames -----
  const widgets = await page.evaluate(async () => {
    await window.soak.place('gradient-descent');
    return globalThis.__mathsight.catalogue.map((w) => w.name);
  }).then((all) => (process.env.SOAK_WIDGETS ? all.filter((w) => process.env.SOAK_WIDGETS.split(',').includes(w)) : all));
  console.log(`Mathsight soak: ${widgets.length} widgets, ${FRAMES} frames, ${CYCLES} cycles each (${elapsed()})`);
  const costs = [];
  for (const name of widgets) {
    if (!(await page.evaluate((n) => window.soak.place(n), name))) continue;
    await page.evaluate(() => window.soak.frames(60));
    const { ms } = await page.evaluate(() => window.soak.frames(600));
    costs.push({ name, ms });
  }
  costs.sort((a, b) => b.ms - a.ms);
  console.log(`\ncost per frame at top speed: ${costs.map((c) => `${c.name} ${c.ms.toFixed(2)} ms`).join(', ')}`);
  const busiest = costs[0].name;
  console.log(`busiest: ${busiest}; ${FRAMES} frames, sampled every ${SAMPLE_EVERY}; warm-up: one whole run, at least ${MIN_WARMUP_FRAMES} frames\n`);
  await page.evaluate((n) => window.soak.place(n), busiest);
  let done = 0;
  let restarts = 0;
  let warm = null;
  let peakHeap = 0;
  let lastWasm = 0;
  let msTotal = 0;
  console.log('   frames   wasm MB   JS heap MB   ms/frame   races restarted');
  let warmAt = 0;
  while (done < FRAMES) {
    const count = Math.min(SAMPLE_EVERY, FRAMES - done);
    const run = await page.evaluate((n) => window.soak.frames(n), count);
    done += count;
    restarts += run.restarts;
    msTotal += run.ms * count;
    const m = await measure();
    const mark = warm ? '' : '  (warm-up)';
    console.log(`${String(done).padStart(9)} ${mb(m.memory).padStart(9)} ${mb(m.heap).padStart(12)} ${run.ms.toFixed(3).padStart(10)} ${String(restarts).padStart(17)}${mark}`);
    if (warm) {
      peakHeap = Math.max(peakHeap, m.heap);
      lastWasm = m.memory;
    } else if (done >= MIN_WARMUP_FRAMES && (restarts > 0 || done >= FRAMES / 2)) {
      warm = m;
      warmAt = done;
      peakHeap = m.heap;
      lastWasm = m.memory;
    }
  }
  if (restarts === 0) console.log('note: no run finished, so the memory a run keeps (its history) is counted as growth');
  const frameRows = [
    ['warm-up (frames)', String(warmAt), '', ''],
    ['wasm memory after warm-up → end (MB)', `${mb(warm.memory)} → ${mb(lastWasm)}`, 'no growth', check(lastWasm <= warm.memory, `${busiest}: wasm memory grew during ${FRAMES} frames`)],
    ['JS heap after GC: warm-up → peak (MB)', `${mb(warm.heap)} → ${mb(peakHeap)}`, `≤ +${mb(HEAP_TOLERANCE)}`, check(peakHeap <= warm.heap + HEAP_TOLERANCE, `${busiest}: JS heap grew during ${FRAMES} frames`)],
    ['mean cost per frame (ms)', (msTotal / FRAMES).toFixed(3), '', ''],
  ];

  // ----- 2. create/remove cycles of every widget -----
  console.log(`\n${CYCLES} create/remove cycles per widget (${elapsed()})`);
  console.log('widget                 handles    wasm MB (Δ KB)        JS heap MB (Δ KB)     DOM nodes (Δ)   listeners (Δ)   result');
  const cycleRows = [];
  for (const name of widgets) {
    await page.evaluate(([n, c]) => window.soak.cycles(n, c), [name, WARMUP_CYCLES]);
    const a = await measure();
    const left = await page.evaluate(([n, c]) => window.soak.cycles(n, c), [name, CYCLES]);
    const b = await measure();
    const d = (k) => b[k] - a[k];
    const verdicts = [
      check(left === 0 && b.handles === a.handles, `${name}: ${d('handles')} wasm handles not freed after ${CYCLES} cycles`),
      check(d('memory') <= WASM_CYCLE_TOLERANCE, `${name}: wasm memory grew ${d('memory')} B over ${CYCLES} cycles`),
      check(d('heap') <= HEAP_TOLERANCE, `${name}: JS heap grew ${mb(d('heap'))} MB over ${CYCLES} cycles`),
      check(d('nodes') <= NODE_TOLERANCE, `${name}: ${d('nodes')} more DOM nodes after ${CYCLES} cycles`),
      check(d('listeners') <= LISTENER_TOLERANCE, `${name}: ${d('listeners')} more event listeners after ${CYCLES} cycles`),
    ];
    const result = verdicts.every((v) => v === 'ok') ? 'ok' : 'GROWTH';
    cycleRows.push(name);
    console.log(
      `${name.padEnd(22)} ${`${a.handles}→${b.handles}`.padEnd(10)} ${`${mb(b.memory)} (${(d('memory') / 1024).toFixed(0)})`.padEnd(21)} ${`${mb(b.heap)} (${(d('heap') / 1024).toFixed(0)})`.padEnd(21)} ${`${b.nodes} (${d('nodes')})`.padEnd(15)} ${`${b.listeners} (${d('listeners')})`.padEnd(15)} ${result}`,
    );
  }

  console.log(`\n${busiest}, ${FRAMES} frames:`);
  for (const [what, value, limit, verdict] of frameRows) console.log(`  ${what.padEnd(40)} ${value.padEnd(18)} ${limit.padEnd(10)} ${verdict}`);
  console.log(`tolerances per widget over ${CYCLES} cycles: handles exact, wasm memory +${WASM_CYCLE_TOLERANCE} B, JS heap +${mb(HEAP_TOLERANCE)} MB, DOM nodes +${NODE_TOLERANCE}, listeners +${LISTENER_TOLERANCE}`);
  if (problems.length) failures.push(...problems);
  console.log(`\nsoak finished in ${elapsed()}: ${failures.length === 0 ? 'no growth' : `${failures.length} problem(s)`}`);
  for (const f of failures) console.log(`  - ${f}`);
} finally {
  await browser.close();
  await server.close();
}
process.exit(failures.length === 0 ? 0 : 1);
