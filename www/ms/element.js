// <mathsight-NAME>: one widget on a page. Its shadow root holds the canvas, the controls, the
// live numbers and messages; the wasm widget behind it is created when the element nears the
// viewport and freed when it leaves the page.
//
// Host-page API: el.state, el.plots, el.setOption(name, value), el.step(n), el.reset(),
// el.toSvg(), el.ready (a promise), and a 'change' event whose detail is the new state.

import { BASE, forgetKind, loadCore, loadedCore, noteKind, optionSpecs } from './core.js';
import { buildControls } from './controls.js';
import { renderDetails } from './details.js';
import { el, nameList, setAttr, setText } from './dom.js';
import { loop } from './loop.js';
import { copyText, download, embedUrl, openEmbedDialog } from './share.js';

const MATHML = 'http://www.w3.org/1998/Math/MathML';
const MATH_TAGS = new Set(['mrow', 'mfrac', 'msub', 'msup', 'mover', 'msqrt', 'mi', 'mn', 'mo', 'mtext', 'mtable', 'mtr', 'mtd']);

/** MathML elements from the core's formula tree ({t, s} leaves, {t, c} groups); text only via
 * textContent, and only known tags. */
function mathNode(node) {
  const tag = MATH_TAGS.has(node?.t) ? node.t : 'mrow';
  const e = document.createElementNS(MATHML, tag);
  if (typeof node?.s === 'string') e.textContent = node.s;
  for (const child of Array.isArray(node?.c) ? node.c : []) e.append(mathNode(child));
  return e;
}

/** What identifies a set of controls: their kinds, options and actions (not labels or values). */
function controlsKey(controls) {
  return controls.map((c) => `${c.kind}:${c.option ?? c.action}`).join(',');
}

const darkScheme = matchMedia('(prefers-color-scheme: dark)');
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
const THEME_KEYS = ['background', 'text', 'muted', 'accent', 'points'];
/** While animating or interacting, the readouts, formula and details are refreshed this far
 * apart (ms). */
const TEXT_EVERY_MS = 100;
/** …and the spoken description this far apart: a polite live region rewritten at every frame
 * of a held key is read to nobody, and each rewrite costs the frame a style update. It catches
 * up as soon as the change settles or stops. */
const LIVE_EVERY_MS = 1000;
/** Redraws this close (ms) to the reader's last input and to the redraw before are an
 * interaction — a drag, a held key, a slider — and are painted over a still layer like an
 * animation; this long after the last one, the picture is painted whole again. */
const SETTLE_MS = 150;
/** Narrower than this (CSS px, the widget's content box) the canvas box is 1 : 1.7 instead of
 * 2 : 1 (src/viz/widget.rs, standard_height). */
const NARROW_PX = 560;
/** The largest canvas the core draws on (src/viz/boundary.rs): a side, and the area. */
const MAX_SIDE_PX = 16384;
const MAX_AREA_PX = 64 * 1024 * 1024;
// Attributes that are not options: the shell's own and HTML's global ones.
const SHELL_ATTRIBUTES = [
  'hide', 'lock', 'class', 'id', 'style', 'title', 'slot', 'part', 'lang', 'dir', 'hidden',
  'tabindex', 'role', 'translate', 'inert', 'data-ready',
];
let uidCounter = 0;

export class MathsightElement extends HTMLElement {
  /** The widget's name; set by each subclass. */
  static widget = '';

  constructor() {
    super();
    this.handle = null;
    this.core = null;
    /** Whether the page counts this widget's kind for it (ms/core.js). */
    this.noted = false;
    this.dirty = false;
    this.visible = false;
    this.optionError = null;
    /** Why the last picture could not be drawn, if it could not. */
    this.drawError = null;
    /** When the reader last changed something, when the last picture was drawn, and the timer
     * that paints it whole when all is quiet. */
    this.inputAt = -Infinity;
    this.fromInput = false;
    this.lastDrawAt = -Infinity;
    /** Whether the numbers under the plot lag behind the state (skipped while moving). */
    this.numbersStale = false;
    this.liveStale = false;
    this.settleTimer = null;
    this.lastGood = { options: {}, step: 0 };
    this.lastLive = 0;
    this.uid = `ms${++uidCounter}`;
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
  }

  connectedCallback() {
    if (!this.noted) noteKind(this.constructor.widget);
    this.noted = true;
    if (!this.shadowRoot) this.buildShell();
    this.visibility ??= new IntersectionObserver((entries) => this.onVisibility(entries), { rootMargin: '300px' });
    this.visibility.observe(this);
    this.attributeWatch ??= new MutationObserver((records) => this.onAttributes(records));
    this.attributeWatch.observe(this, { attributes: true, attributeOldValue: true });
  }

  disconnectedCallback() {
    this.visibility?.disconnect();
    this.visibility = null;
    this.attributeWatch?.disconnect();
    this.attributeWatch = null;
    // An element moved in the DOM reconnects at once; free it only if it stays out.
    queueMicrotask(() => {
      if (this.isConnected) return;
      forgetKind(this.constructor.widget);
      this.noted = false;
      this.resize?.disconnect();
      this.resize = null;
      this.wrapSize = null;
      clearTimeout(this.settleTimer);
      this.settleTimer = null;
      // Listeners on page-wide objects (the colour-scheme query) would keep the element alive.
      this.events?.abort();
      this.events = null;
      this.freeHandle();
    });
  }

  // ----- host-page API -----

  /** The widget's state: options and results, plain JSON-serialisable data (null until the
   * core has loaded; await `el.ready` first). */
  get state() {
    this.ensureStarted();
    return this.call((h) => JSON.parse(h.stateJson())) ?? null;
  }

  /** Where each plot is on the canvas, in CSS pixels, with its data ranges. */
  get plots() {
    return this.call((h) => JSON.parse(h.plotsJson())) ?? [];
  }

  /** Sets one option; throws a RangeError (and shows it in the widget) if it is not valid.
   * Before the core has loaded it sets the attribute, which is applied at start. */
  setOption(name, value) {
    if (!this.ensureStarted()) {
      this.setAttribute(String(name), String(value));
      return;
    }
    const error = this.applyOption(String(name), String(value));
    if (error) throw new RangeError(error);
  }

  /** Advances n steps (default 1). */
  step(n = 1) {
    this.ensureStarted();
    const count = Math.max(0, Math.min(1e6, Math.floor(Number(n) || 0)));
    this.call((h) => h.step(count));
    this.changed();
  }

  /** Returns to the state the options describe. */
  reset() {
    this.ensureStarted();
    this.call((h) => h.reset());
    this.changed();
  }

  /** Starts the widget now if the core is loaded (a host page may use it off-screen). */
  ensureStarted() {
    if (!this.handle && this.isConnected) {
      this.core ??= loadedCore(this.constructor.widget);
      this.start();
    }
    return Boolean(this.handle);
  }

  /** The current view as an SVG document (the same drawing code as the canvas). */
  toSvg(width = 720) {
    return this.call((h) => h.toSvg(width, darkScheme.matches)) ?? '';
  }

  /** A short NumPy/SciPy program that recomputes what the widget shows (or null). */
  get code() {
    this.ensureStarted();
    return this.call((h) => h.code()) ?? null;
  }

  /** The state as {widget, options (changed only), step, hide, lock}: what Share encodes. */
  shareState() {
    // The core writes the step count into the widget's own steps option.
    return {
      widget: this.constructor.widget,
      options: this.call((h) => JSON.parse(h.shareOptionsJson())) ?? {},
      hide: nameList(this.getAttribute('hide')),
      lock: nameList(this.getAttribute('lock')),
    };
  }

  /** Names of the controls (actions and options), for hide/lock. */
  controlNames() {
    const controls = this.call((h) => JSON.parse(h.controlsJson())) ?? [];
    return [...controls.map((c) => c.action ?? c.option), 'table', 'code', 'share', 'embed', 'svg', 'png'];
  }

  /** Names of the interactions the widget can lock. */
  lockableNames() {
    return this.call((h) => JSON.parse(h.lockableJson())) ?? [];
  }

  // ----- building -----

  buildShell() {
    const root = this.attachShadow({ mode: 'open' });
    const label = this.constructor.widget.replace(/-/g, ' ');
    this.canvas = el('canvas', {
      class: 'ms-canvas',
      tabindex: 0,
      role: 'img',
      'aria-label': `${label}: interactive plot. Arrow keys move the selected handle (Shift: further), Page Up and Page Down choose another, Enter steps, P plays, R resets.`,
    });
    this.canvasWrap = el('div', { class: 'ms-canvas-wrap' }, [this.canvas, el('slot', { class: 'ms-fallback' })]);
    this.controls = el('div', { class: 'ms-controls', role: 'group', 'aria-label': 'Controls' });
    this.sharing = el('div', { class: 'ms-sharing', role: 'group', 'aria-label': 'Share and export' });
    this.readouts = el('dl', { class: 'ms-readouts' });
    this.formulaBox = el('div', { class: 'ms-formula' });
    this.detailsBox = el('div', { class: 'ms-details', hidden: true });
    this.errorBox = el('p', { class: 'ms-error', role: 'alert' });
    this.messageBox = el('p', { class: 'ms-message', role: 'status' });
    this.live = el('p', { class: 'ms-live', 'aria-live': 'polite' });
    this.tableBox = el('div', { class: 'ms-table', hidden: true });
    this.codeBox = el('div', { class: 'ms-code', hidden: true });
    // Nothing is drawn until the stylesheet applies: before it, the box around the canvas
    // would take its height from the canvas's own backing store, and each draw would grow it.
    const sheet = el('link', { rel: 'stylesheet', href: new URL('mathsight.css', BASE).href });
    this.styled = false;
    const styled = () => {
      this.styled = true;
      this.requestDraw();
    };
    sheet.addEventListener('load', styled, { once: true });
    sheet.addEventListener('error', styled, { once: true });
    const box = el('div', { class: 'ms', role: 'group', 'aria-label': label }, [
      this.canvasWrap,
      this.controls,
      this.readouts,
      this.formulaBox,
      this.errorBox,
      this.messageBox,
      this.detailsBox,
      this.sharing,
      this.tableBox,
      this.codeBox,
      this.live,
    ]);
    root.append(sheet, box);
    // Below NARROW_PX of width the canvas is taller, as the core lays out. A container query
    // would say so in CSS alone, but it makes every style update inside the widget wait for a
    // layout of it: a frame that changed a number or a slider paid 0.3–0.9 ms for that.
    this.narrowWatch = new ResizeObserver((entries) => {
      const size = entries[entries.length - 1]?.contentBoxSize?.[0];
      if (size) box.classList.toggle('ms-narrow', size.inlineSize < NARROW_PX);
    });
    this.narrowWatch.observe(box);
  }

  onVisibility(entries) {
    this.visible = entries.some((e) => e.isIntersecting);
    if (!this.visible) return;
    loadCore(this.constructor.widget).then(
      (core) => {
        this.core ??= core;
        // Start in the next frame, before its layout. Starting builds the controls, which
        // changes the page's layout; done in this promise's callback, it could land just after
        // a ResizeObserver's callback in the middle of a frame, and the browser would report
        // the observations it then had to put off ("ResizeObserver loop completed with
        // undelivered notifications", seen in WebKit). Drawn at once, in the same frame.
        requestAnimationFrame(() => {
          if (this.handle) return;
          this.start();
          if (this.handle && this.dirty && this.visible) this.draw();
        });
      },
      (e) => this.coreFailed(e),
    );
  }

  /** Says in the widget why it cannot start (its code did not load); it tries again the next
   * time it nears the viewport. */
  coreFailed(e) {
    if (this.handle) return;
    const line = String(e?.message ?? e).split('\n')[0];
    const reason = line.length > 200 ? `${line.slice(0, 199)}…` : line;
    setText(
      this.errorBox,
      `This widget could not load its code (${reason}). Mathsight needs its pkg/ folder beside ` +
        `mathsight.js, and a page that allows WebAssembly (a Content-Security-Policy needs ` +
        `'wasm-unsafe-eval' in script-src).`,
    );
  }

  onAttributes(records) {
    if (!this.handle) return;
    let rebuild = false;
    for (const { attributeName: name, oldValue } of records) {
      const value = this.getAttribute(name);
      if (value === oldValue) continue;
      if (name === 'hide' || name === 'lock') {
        rebuild = true;
        continue;
      }
      const spec = optionSpecs(this.constructor.widget).find((s) => s.name === name);
      if (spec) this.applyOption(name, value ?? spec.default, { fromAttribute: true });
    }
    if (rebuild) {
      this.call((h) => h.setLocks(nameList(this.getAttribute('lock')).join(',')));
      this.buildAllControls();
      this.changed();
    }
  }

  /** Creates the wasm widget (once), applies the attributes and wires events. */
  start() {
    if (this.handle || !this.core || !this.isConnected) return;
    this.handle = new this.core.WidgetHandle(this.constructor.widget);
    this.optionError = this.applyAttributes();
    this.call((h) => h.reset());
    this.call((h) => h.setLocks(nameList(this.getAttribute('lock')).join(',')));
    const keys = this.call((h) => h.keyHelp());
    if (keys) {
      this.canvas.setAttribute('aria-label', `${this.constructor.widget.replace(/-/g, ' ')}: interactive plot. ${keys}`);
    }
    this.buildAllControls();
    this.wireEvents();
    this.changed();
  }

  /** Applies every option attribute; returns the messages of the bad ones, or null. */
  applyAttributes() {
    const errors = [];
    const specs = optionSpecs(this.constructor.widget);
    for (const { name, value } of [...this.attributes]) {
      const spec = specs.find((s) => s.name === name);
      if (!spec) {
        if (!SHELL_ATTRIBUTES.includes(name) && !name.startsWith('data-') && !name.startsWith('aria-')) {
          errors.push(`unknown attribute "${name}" ignored`);
        }
        continue;
      }
      try {
        this.handle.setOption(name, value);
      } catch (e) {
        errors.push(`${e.message}; using the default ${JSON.stringify(spec.default)}`);
      }
    }
    return errors.length ? errors.join('. ') : null;
  }

  freeHandle() {
    try {
      this.handle?.free();
    } catch {
      // A handle broken by a panic cannot be freed; it is dropped with its memory.
    }
    this.handle = null;
  }

  buildAllControls() {
    // Keep focus on the same control when the set of controls changes (a widget may show
    // different sliders for different choices).
    const active = this.shadowRoot.activeElement;
    const focusKey = active?.dataset?.option ?? active?.dataset?.action ?? null;
    const hide = nameList(this.getAttribute('hide'));
    const lock = nameList(this.getAttribute('lock'));
    const controls = this.call((h) => JSON.parse(h.controlsJson())) ?? [];
    this.controlsKey = controlsKey(controls);
    this.controlView = buildControls(this.controls, controls, optionSpecs(this.constructor.widget), {
      hide,
      lock,
      uid: this.uid,
      on: {
        action: (name) => {
          const wasPlaying = this.handle.playing();
          if (name === 'play' && !wasPlaying && reducedMotion.matches) {
            // Reduced motion: Play advances one step at a time instead of animating.
            this.call((h) => h.step(1));
          } else {
            this.call((h) => h.action(name));
            this.holdStill(wasPlaying);
          }
          this.changed();
        },
        option: (name, value) => this.applyOption(name, value),
        slide: (name, value) => {
          this.input();
          return this.applyOption(name, value);
        },
      },
    });
    this.buildSharing(hide, lock);
    if (focusKey) {
      for (const node of this.controls.querySelectorAll('[data-option], [data-action]')) {
        if ((node.dataset.option ?? node.dataset.action) === focusKey) node.focus();
      }
    }
  }

  buildSharing(hide, lock) {
    this.sharing.replaceChildren();
    const buttons = [
      ['table', 'Table', 'Show the plotted numbers as a table', () => this.toggleTable()],
      ['code', 'Code', 'Show a NumPy/SciPy program that computes these numbers', () => this.toggleCode()],
      ['share', 'Share', 'Copy a link to exactly this view', () => this.share()],
      ['embed', 'Embed', 'Get the code to put this widget in your page', () => openEmbedDialog(this)],
      ['svg', 'SVG', 'Download the current view as SVG', () => this.exportSvg()],
      ['png', 'PNG', 'Download the current view as PNG', () => this.exportPng()],
    ];
    for (const [name, label, title, run] of buttons) {
      if (hide.includes(name)) continue;
      const b = el('button', { type: 'button', 'data-action': name, title, text: label, disabled: lock.includes(name) });
      if (name === 'table' || name === 'code') {
        const box = name === 'table' ? this.tableBox : this.codeBox;
        box.id = `${this.uid}-${name}`;
        b.setAttribute('aria-expanded', String(!box.hidden));
        b.setAttribute('aria-controls', box.id);
      }
      b.addEventListener('click', run);
      this.sharing.append(b);
    }
    this.shareNote = el('output', { class: 'ms-share-note' });
    this.sharing.append(this.shareNote);
  }

  toggleTable() {
    this.tableBox.hidden = !this.tableBox.hidden;
    this.sharing.querySelector('[data-action="table"]')?.setAttribute('aria-expanded', String(!this.tableBox.hidden));
    this.refreshTable();
  }

  toggleCode() {
    this.codeBox.hidden = !this.codeBox.hidden;
    this.sharing.querySelector('[data-action="code"]')?.setAttribute('aria-expanded', String(!this.codeBox.hidden));
    this.refreshCode();
  }

  /** Rebuilds the program panel (when it is open) for the current state. */
  refreshCode() {
    if (this.codeBox.hidden) return;
    const code = this.code;
    if (!code) {
      this.codeBox.replaceChildren(el('p', { text: 'This widget has no program to show yet.' }));
      return;
    }
    const pre = this.codeBox.querySelector('pre code');
    if (pre) {
      if (pre.textContent !== code) pre.textContent = code;
      return;
    }
    const copy = el('button', { type: 'button', text: 'Copy the program' });
    copy.addEventListener('click', async () => {
      const ok = await copyText(this.code ?? '');
      copy.textContent = ok ? 'Copied' : 'Select the text and copy it';
    });
    this.codeBox.replaceChildren(
      el('p', { text: 'Python with NumPy: the same data and settings, computing the numbers shown above.' }),
      el('pre', { tabindex: 0, 'aria-label': 'Program' }, [el('code', { text: code })]),
      copy,
    );
  }

  /** Rebuilds the data table (when it is open) from the widget's plotted numbers. */
  refreshTable() {
    if (this.tableBox.hidden) return;
    const table = this.call((h) => JSON.parse(h.tableJson()));
    if (!table) {
      this.tableBox.replaceChildren(el('p', { text: 'This widget has no table of numbers.' }));
      return;
    }
    this.tableBox.replaceChildren(
      el('table', {}, [
        el('caption', { text: table.caption }),
        el('thead', {}, [el('tr', {}, table.headers.map((h) => el('th', { scope: 'col', text: h })))]),
        el('tbody', {}, table.rows.map((row) => el('tr', {}, row.map((cell) => el('td', { text: cell }))))),
      ]),
    );
  }

  async share() {
    const url = embedUrl(this.shareState());
    const copied = await copyText(url);
    this.shareNote.replaceChildren(copied ? 'Link copied: ' : 'Copy this link: ');
    const field = el('input', { type: 'text', readonly: true, value: url, 'aria-label': 'Link to this view' });
    this.shareNote.append(field);
    field.select();
  }

  exportSvg() {
    const svg = this.toSvg(Math.round(this.canvasWrap.clientWidth) || 720);
    download(new Blob([svg], { type: 'image/svg+xml' }), `${this.constructor.widget}.svg`);
  }

  exportPng() {
    let image = this.canvas;
    if (this.layered) {
      // Mid-animation the picture is split between two canvases: flatten it.
      image = el('canvas', { width: this.canvas.width, height: this.canvas.height });
      const ctx = image.getContext('2d');
      ctx.drawImage(this.base, 0, 0);
      ctx.drawImage(this.canvas, 0, 0);
    }
    image.toBlob((blob) => blob && download(blob, `${this.constructor.widget}.png`), 'image/png');
  }

  wireEvents() {
    // Wired once per start; a removed element aborts them all, so nothing outlives it and an
    // element put back on the page does not get a second set.
    this.events?.abort();
    this.events = new AbortController();
    const { signal } = this.events;
    const toDevice = (e) => {
      const r = this.canvas.getBoundingClientRect();
      return [
        (e.clientX - r.left) * (this.canvas.width / Math.max(1, r.width)),
        (e.clientY - r.top) * (this.canvas.height / Math.max(1, r.height)),
      ];
    };
    const send = (kind, e) => {
      const [x, y] = toDevice(e);
      if (this.call((h) => h.pointer(kind, x, y))) {
        this.input();
        this.changed();
      }
    };
    this.canvas.addEventListener('pointerdown', (e) => {
      this.canvas.setPointerCapture?.(e.pointerId);
      this.call((h) => h.setCoarsePointer(e.pointerType !== 'mouse'));
      send('down', e);
    }, { signal });
    // Moves are sent while hovering too: a widget may follow the pointer (it reports whether
    // that changed anything, so the others ignore it).
    this.canvas.addEventListener('pointermove', (e) => send('move', e), { signal });
    this.canvas.addEventListener('pointerup', (e) => send('up', e), { signal });
    this.canvas.addEventListener('pointercancel', () => {
      if (this.call((h) => h.pointer('cancel', 0, 0))) this.changed();
    }, { signal });
    this.canvas.addEventListener('keydown', (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const wasPlaying = this.handle?.playing() ?? false;
      if (this.call((h) => h.key(e.key, e.shiftKey))) {
        e.preventDefault();
        this.input();
        this.holdStill(wasPlaying);
        this.changed();
      }
    }, { signal });
    this.resize?.disconnect();
    // The observer hands over the box's size, so a frame never asks for layout to learn it
    // (asking forces a synchronous layout whenever the text has just changed).
    this.resize = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.borderBoxSize?.[0];
      this.wrapSize = box ? { width: box.inlineSize, height: box.blockSize } : null;
      this.requestDraw();
    });
    this.resize.observe(this.canvasWrap);
    darkScheme.addEventListener('change', () => this.requestDraw(), { signal });
  }

  /** Under reduced motion, anything that just started the animation (a key such as P, or a
   * widget's own button) takes one step instead. */
  holdStill(wasPlaying) {
    if (wasPlaying || !reducedMotion.matches || !this.handle?.playing()) return;
    this.call((h) => {
      h.setPlaying(false);
      h.step(1);
    });
  }

  // ----- updating -----

  /** Sets an option from text, showing any error; returns the error message or null. */
  applyOption(name, value, { fromAttribute = false } = {}) {
    if (!this.handle) return null;
    let error = null;
    try {
      this.handle.setOption(name, value);
      this.optionError = null;
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError || this.core.lastPanic()) {
        this.recover(this.core.lastPanic() ?? String(e));
        return null;
      }
      error = e instanceof Error ? e.message : String(e);
      this.optionError = fromAttribute ? `${error}; keeping the last good value` : error;
    }
    this.changed();
    return error;
  }

  /** Calls into the wasm widget; if it panicked, shows why and rebuilds from the last good state. */
  call(fn) {
    if (!this.handle) return undefined;
    try {
      return fn(this.handle);
    } catch (e) {
      const panic = this.core.lastPanic();
      if (!(e instanceof WebAssembly.RuntimeError) && !panic) throw e;
      this.recover(panic ?? String(e));
      return undefined;
    }
  }

  recover(reason) {
    this.freeHandle();
    this.handle = new this.core.WidgetHandle(this.constructor.widget);
    for (const [k, v] of Object.entries(this.lastGood.options)) {
      try {
        this.handle.setOption(k, v);
      } catch {
        // These options were accepted before; skip any that no longer are.
      }
    }
    this.handle.reset();
    const now = JSON.parse(this.handle.stateJson()).step ?? 0;
    this.handle.step(Math.max(0, this.lastGood.step - now));
    this.optionError = `Something went wrong inside the widget (${String(reason).replace(/\s+/g, " ")}). It was restarted from its last good state.`;
    this.buildAllControls();
    this.changed();
  }

  /** After any change of state: remember it, redraw, refresh the text, tell the host page. */
  changed() {
    if (!this.handle) return;
    const state = JSON.parse(this.handle.stateJson());
    this.lastGood = { options: JSON.parse(this.handle.changedOptionsJson()), step: state.step ?? 0 };
    this.requestDraw();
    // While animating or while the reader drags or holds a key, the numbers under the plot
    // change faster than anyone reads them (and a change of text makes the next frame
    // recalculate styles): they are refreshed TEXT_EVERY_MS apart, and at once when all is
    // quiet; the spoken description likewise, LIVE_EVERY_MS apart. Messages, errors and
    // controls always follow at once.
    const now = performance.now();
    const playing = this.handle.playing();
    const interacting = !playing && this.fromInput && now - this.inputAt < SETTLE_MS;
    this.fromInput = false;
    const quiet = !playing && !interacting;
    const numbers = quiet || !(now - this.lastNumbers < TEXT_EVERY_MS);
    if (numbers) this.lastNumbers = now;
    const live = quiet || !(now - this.lastLive < LIVE_EVERY_MS);
    this.liveStale = !live;
    this.refreshText(state, numbers, live);
    if (numbers) this.refreshDetails();
    this.numbersStale = !numbers;
    if (interacting) this.settleLater();
    this.dispatchEvent(new CustomEvent('change', { detail: state }));
  }

  /** Notes that the change about to be made comes from the reader's drag, key or slider: one
   * of a stream of changes (buttons, other controls and the host page's calls are changes of
   * their own, shown in full at once). */
  input() {
    this.inputAt = performance.now();
    this.fromInput = true;
  }

  /** The table and the program, which follow the numbers. */
  refreshDetails() {
    this.refreshTable();
    this.refreshCode();
  }

  /** The text around the plot; the readouts, formula and details only if `numbers`, the
   * spoken description only if `live`. */
  refreshText(state, numbers = true, live = true) {
    if (numbers) this.refreshNumbers();
    const message = JSON.parse(this.handle.messageJson());
    setText(this.messageBox, message?.text ?? '');
    setAttr(this.messageBox, 'data-level', message?.level ?? '');
    setText(this.errorBox, this.optionError ?? this.drawError ?? '');
    const controls = JSON.parse(this.handle.controlsJson());
    if (controlsKey(controls) !== this.controlsKey) this.buildAllControls();
    this.controlView?.refresh(controls, state.options, this.handle.playing(), this.shadowRoot.activeElement, numbers);
    if (live) this.refreshLive();
  }

  /** The controls' text boxes (the data as text), skipped while the numbers were. */
  refreshBoxes() {
    const options = JSON.parse(this.handle.stateJson()).options;
    const controls = JSON.parse(this.handle.controlsJson());
    this.controlView?.refresh(controls, options, this.handle.playing(), this.shadowRoot.activeElement);
  }

  /** The spoken description (a polite live region), written only when its words change. */
  refreshLive() {
    this.lastLive = performance.now();
    setText(this.live, this.handle.describe());
  }

  /** The readouts, the formula with its numbers and the details panel. */
  refreshNumbers() {
    const readouts = JSON.parse(this.handle.readoutsJson());
    if (this.readouts.childElementCount !== readouts.length) {
      this.readouts.replaceChildren(
        ...readouts.map((r) =>
          el('div', { class: 'ms-readout' }, [el('dt', { text: r.label }), el('dd', { 'data-readout': r.id })]),
        ),
      );
    }
    for (const r of readouts) {
      const dd = this.readouts.querySelector(`[data-readout="${r.id}"]`);
      if (dd && dd.textContent !== r.value) dd.textContent = r.value;
    }
    const formula = this.handle.formulaJson();
    if (formula !== this.lastFormula) {
      this.lastFormula = formula;
      const tree = JSON.parse(formula);
      // One tree, or an array of trees set side by side (they wrap on narrow screens).
      const parts = tree == null ? [] : Array.isArray(tree) ? tree : [tree];
      this.formulaBox.replaceChildren(
        ...parts.map((part) => {
          const math = document.createElementNS(MATHML, 'math');
          math.setAttribute('display', 'block');
          math.append(mathNode(part));
          return math;
        }),
      );
    }
    const details = this.handle.detailsJson();
    if (details !== this.lastDetails) {
      this.lastDetails = details;
      renderDetails(this.detailsBox, JSON.parse(details));
    }
  }

  requestDraw() {
    this.dirty = true;
    if (this.handle && this.visible) loop.wake(this);
  }

  /** One animation frame: tick if playing, draw if needed. Returns whether to keep going. */
  frame(now) {
    if (!this.handle || !this.isConnected) return false;
    if (this.visible && this.handle.playing()) {
      if (this.call((h) => h.tick(now))) this.changed();
    }
    if (this.dirty && this.visible) this.draw();
    return Boolean(this.handle && this.visible && this.handle.playing());
  }

  /** Theme colours overridden by --mathsight-* custom properties, as "key=#hex;…". */
  colourOverrides() {
    const style = getComputedStyle(this);
    return THEME_KEYS.map((k) => [k, style.getPropertyValue(`--mathsight-${k}`).trim()])
      .filter(([, v]) => /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(v))
      .map(([k, v]) => `${k}=${v}`)
      .join(';');
  }

  /** Once the interaction has been quiet for SETTLE_MS: the numbers it left stale are
   * refreshed, and the picture is painted whole. (Play refreshes and repaints on its own.) */
  settleLater() {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      if (!this.handle || this.handle.playing()) return;
      if (this.numbersStale) {
        this.numbersStale = false;
        this.lastNumbers = performance.now();
        this.refreshNumbers();
        this.refreshDetails();
        this.refreshBoxes();
      }
      if (this.liveStale) {
        this.liveStale = false;
        this.refreshLive();
      }
      if (!this.base) return;
      this.lastDrawAt = -Infinity;
      this.requestDraw();
    }, SETTLE_MS);
  }

  /** Runs a draw call; an error it reports is shown in the widget, not thrown at the page. */
  paint(fn) {
    let result;
    try {
      result = this.call(fn);
      this.drawError = null;
    } catch (e) {
      this.drawError = `The picture could not be drawn: ${e?.message ?? e}.`;
    }
    setText(this.errorBox, this.optionError ?? this.drawError ?? '');
    return result;
  }

  draw() {
    if (!this.styled) return;
    this.dirty = false;
    const rect = this.wrapSize ?? this.canvasWrap.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) return;
    // A box too large for a canvas at this density (a host page's stretched layout) is drawn
    // at the density that fits: softer, but whole and working.
    const wanted = Math.min(4, Math.max(1, window.devicePixelRatio || 1));
    const dpr = Math.min(
      wanted,
      MAX_SIDE_PX / rect.width,
      MAX_SIDE_PX / rect.height,
      Math.sqrt(MAX_AREA_PX / (rect.width * rect.height)),
    );
    const size = dpr < wanted ? Math.floor : Math.round;
    const w = size(rect.width * dpr);
    const h = size(rect.height * dpr);
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== h) this.canvas.height = h;
    const dark = darkScheme.matches;
    const playing = Boolean(this.handle?.playing());
    const now = performance.now();
    const interacting = now - this.inputAt < SETTLE_MS && now - this.lastDrawAt < SETTLE_MS;
    this.lastDrawAt = now;
    // Reading the host's colour properties forces a style recalculation: the frames of an
    // animation or interaction reuse the last reading; every still picture reads them afresh.
    const moving = playing || interacting;
    const colours = moving && this.colours !== undefined ? this.colours : (this.colours = this.colourOverrides());
    if (moving) {
      // While animating or interacting, what stays still is kept on a canvas underneath
      // (created on first need) and only the rest is repainted.
      this.base ??= this.canvasWrap.appendChild(el('canvas', { class: 'ms-base', 'aria-hidden': 'true' }));
      if (this.base.width !== w) this.base.width = w;
      if (this.base.height !== h) this.base.height = h;
      this.layered = this.paint((handle) => handle.drawLayers(this.canvas, this.base, dpr, dark, colours)) === true;
      if (!playing) this.settleLater();
    } else {
      this.paint((handle) => handle.draw(this.canvas, dpr, dark, colours));
      // A still picture is whole on the canvas; the layer underneath goes, with its memory.
      this.base?.remove();
      this.base = null;
      this.layered = false;
    }
    if (this.resolveReady) {
      this.resolveReady();
      this.resolveReady = null;
      this.setAttribute('data-ready', '');
    }
  }
}
