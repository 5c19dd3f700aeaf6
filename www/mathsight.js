// Mathsight: the one module a page includes. It loads the wasm core once and defines a custom
// element per widget: <mathsight-gradient-descent learning-rate="0.05"></mathsight-gradient-descent>.
//
// Host-page API on every element: el.state, el.setOption(name, value), el.step(n), el.reset(),
// el.ready (a promise), and a 'change' event whose detail is the new state.
//
// Nothing an embedder or a URL supplies is ever inserted as HTML: text goes in textContent.

const BASE = new URL('.', import.meta.url);
const SHARED = (globalThis.__mathsight ??= { loading: null, loop: null });

/** Loads and instantiates the wasm core once per page. */
function loadCore() {
  SHARED.loading ??= import(new URL('pkg/mathsight.js', BASE).href).then(async (core) => {
    await core.default({ module_or_path: new URL('pkg/mathsight_bg.wasm', BASE) });
    return core;
  });
  return SHARED.loading;
}

/** One requestAnimationFrame loop for every widget on the page. */
class FrameLoop {
  constructor() {
    this.widgets = new Set();
    this.scheduled = false;
  }
  wake(widget) {
    this.widgets.add(widget);
    if (!this.scheduled) {
      this.scheduled = true;
      requestAnimationFrame((now) => this.frame(now));
    }
  }
  frame(now) {
    this.scheduled = false;
    for (const widget of [...this.widgets]) {
      if (!widget.frame(now)) this.widgets.delete(widget);
    }
    if (this.widgets.size > 0) {
      this.scheduled = true;
      requestAnimationFrame((t) => this.frame(t));
    }
  }
}
SHARED.loop ??= new FrameLoop();

const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');
const darkScheme = matchMedia('(prefers-color-scheme: dark)');

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

/** Maps a log-scale option onto a 0…1000 slider and back. */
function sliderScale(spec) {
  const { min, max, log } = spec;
  if (log && min > 0) {
    const a = Math.log(min);
    const b = Math.log(max);
    return {
      toSlider: (v) => Math.round(((Math.log(v) - a) / (b - a)) * 1000),
      fromSlider: (s) => Number(Math.exp(a + (s / 1000) * (b - a)).toPrecision(3)),
      fraction: (v) => (Math.log(v) - a) / (b - a),
    };
  }
  return {
    toSlider: (v) => Math.round(((v - min) / (max - min)) * 1000),
    fromSlider: (s) => Number((min + (s / 1000) * (max - min)).toPrecision(4)),
    fraction: (v) => (v - min) / (max - min),
  };
}

/** A slider's range: the control's own min/max/log if it gives them, else the option's. */
function rangeOf(spec, control) {
  if (control.min === undefined) return spec;
  return { min: control.min, max: control.max, log: control.log };
}

class MathsightElement extends HTMLElement {
  // Set by each subclass: the widget's name and option table.
  static widget = '';
  static specs = [];

  constructor() {
    super();
    this.handle = null;
    this.core = null;
    this.dirty = false;
    this.lastGood = { options: {}, step: 0 };
    this.optionError = null;
    this.lastLive = 0;
    this.readyResolve = null;
    this.ready = new Promise((resolve) => (this.readyResolve = resolve));
  }

  connectedCallback() {
    if (!this.shadowRoot) this.buildShell();
    this.visibility ??= new IntersectionObserver(
      (entries) => {
        this.visible = entries.some((e) => e.isIntersecting);
        if (this.visible) this.start();
        if (this.visible) this.requestDraw();
      },
      { rootMargin: '300px' },
    );
    this.visibility.observe(this);
  }

  disconnectedCallback() {
    this.visibility?.disconnect();
    this.visibility = null;
    // An element moved in the DOM reconnects at once; only free it if it stays out.
    queueMicrotask(() => {
      if (this.isConnected || !this.handle) return;
      this.resize?.disconnect();
      this.resize = null;
      this.freeHandle();
    });
  }

  attributeChangedCallback(name, oldValue, value) {
    if (!this.handle || oldValue === value) return;
    const spec = this.constructor.specs.find((s) => s.name === name);
    if (!spec) return;
    this.applyOption(name, value ?? spec.default, { fromAttribute: true });
  }

  // ----- host-page API -----

  /** The widget's state: options and results, plain JSON-serialisable data. */
  get state() {
    this.start();
    return this.call((h) => JSON.parse(h.stateJson()));
  }

  /** Where each plot is on the canvas, in CSS pixels, with its data ranges. */
  get plots() {
    this.start();
    return this.call((h) => JSON.parse(h.plotsJson()));
  }

  /** Sets one option; throws a RangeError (and shows it) if the value is not valid. */
  setOption(name, value) {
    this.start();
    const error = this.applyOption(String(name), String(value));
    if (error) throw new RangeError(error);
  }

  /** Advances n steps (default 1). */
  step(n = 1) {
    this.start();
    const count = Math.max(0, Math.min(1e6, Math.floor(Number(n) || 0)));
    this.call((h) => h.step(count));
    this.changed();
  }

  /** Returns to the state the options describe. */
  reset() {
    this.start();
    this.call((h) => h.reset());
    this.changed();
  }

  // ----- building -----

  buildShell() {
    const root = this.attachShadow({ mode: 'open' });
    const name = this.constructor.widget;
    this.canvas = el('canvas', {
      class: 'ms-canvas',
      tabindex: '0',
      role: 'img',
      'aria-label': `${name.replace(/-/g, ' ')} plot. Arrow keys move the start, Enter steps.`,
    });
    this.canvasWrap = el('div', { class: 'ms-canvas-wrap' }, [this.canvas]);
    this.controls = el('div', { class: 'ms-controls', role: 'toolbar', 'aria-label': 'Controls' });
    this.readouts = el('dl', { class: 'ms-readouts' });
    this.messageBox = el('p', { class: 'ms-message', role: 'status', 'aria-live': 'polite' });
    this.errorBox = el('p', { class: 'ms-error', role: 'alert' });
    this.live = el('p', { class: 'ms-live', 'aria-live': 'polite' });
    const fallback = el('slot', { class: 'ms-fallback' });
    this.figure = el('div', { class: 'ms', role: 'group', 'aria-label': name.replace(/-/g, ' ') }, [
      el('link', { rel: 'stylesheet', href: new URL('mathsight.css', BASE).href }),
      this.canvasWrap,
      this.controls,
      this.readouts,
      this.errorBox,
      this.messageBox,
      this.live,
      fallback,
    ]);
    root.append(this.figure);
  }

  /** Creates the wasm widget (once), applies the attributes and wires events. */
  start() {
    if (this.handle || !this.core) return;
    this.handle = new this.core.WidgetHandle(this.constructor.widget);
    const errors = [];
    for (const spec of this.constructor.specs) {
      const value = this.getAttribute(spec.name);
      if (value === null) continue;
      try {
        this.handle.setOption(spec.name, value);
      } catch (e) {
        errors.push(`${e.message}; using the default ${JSON.stringify(spec.default)}`);
      }
    }
    this.handle.reset();
    this.optionError = errors.length ? errors.join('. ') : null;
    const name = this.constructor.widget.replace(/-/g, ' ');
    this.canvas.setAttribute('aria-label', `${name} plot. ${this.handle.keyHelp()}`);
    this.buildControls();
    this.wireEvents();
    this.remember();
    this.changed();
  }

  freeHandle() {
    try {
      this.handle?.free();
    } catch {
      // A handle broken by a panic cannot be freed; it is dropped with its memory.
    }
    this.handle = null;
  }

  buildControls() {
    this.controls.replaceChildren();
    this.sliders = new Map();
    this.buttons = new Map();
    const controls = JSON.parse(this.handle.controlsJson());
    for (const c of controls) {
      if (c.kind === 'button') {
        const b = el('button', { type: 'button', 'data-action': c.action, title: c.title, text: c.label });
        b.addEventListener('click', () => {
          this.call((h) => h.action(c.action));
          this.changed();
        });
        this.buttons.set(c.action, b);
        this.controls.append(b);
      } else if (c.kind === 'slider') {
        const spec = this.constructor.specs.find((s) => s.name === c.option);
        const scale = sliderScale(rangeOf(spec, c));
        const id = `ms-${c.option}`;
        const input = el('input', { type: 'range', id, min: '0', max: '1000', step: '1', 'data-option': c.option });
        const value = el('output', { for: id, class: 'ms-slider-value' });
        const marker = el('span', { class: 'ms-marker', 'aria-hidden': 'true' });
        const track = el('span', { class: 'ms-track' }, [input, marker]);
        const label = el('label', { for: id, text: c.label });
        input.addEventListener('input', () => {
          const current = this.sliders.get(c.option)?.scale ?? scale;
          this.applyOption(c.option, String(current.fromSlider(Number(input.value))));
        });
        this.sliders.set(c.option, { input, value, marker, scale });
        this.controls.append(el('span', { class: 'ms-slider' }, [label, track, value]));
      } else if (c.kind === 'select') {
        const spec = this.constructor.specs.find((s) => s.name === c.option);
        const id = `ms-${c.option}`;
        const select = el('select', { id, 'data-option': c.option });
        for (const word of spec?.choices ?? []) select.append(el('option', { value: word, text: word }));
        select.addEventListener('change', () => this.applyOption(c.option, select.value));
        this.sliders.set(c.option, { select });
        this.controls.append(el('span', { class: 'ms-select' }, [el('label', { for: id, text: c.label }), select]));
      } else if (c.kind === 'input') {
        const id = `ms-${c.option}`;
        const input = el('input', { type: 'text', id, 'data-option': c.option, spellcheck: 'false' });
        const apply = () => this.applyOption(c.option, input.value);
        input.addEventListener('change', apply);
        input.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') apply();
        });
        this.sliders.set(c.option, { text: input });
        this.controls.append(el('span', { class: 'ms-input' }, [el('label', { for: id, text: c.label }), input]));
      } else if (c.kind === 'textarea') {
        const id = `ms-${c.option}`;
        const area = el('textarea', { id, 'data-option': c.option, spellcheck: 'false', rows: '4' });
        const apply = () => this.applyOption(c.option, area.value);
        area.addEventListener('change', apply);
        area.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) apply();
        });
        this.sliders.set(c.option, { text: area });
        this.controls.append(el('span', { class: 'ms-textarea' }, [el('label', { for: id, text: c.label }), area]));
      } else if (c.kind === 'toggle') {
        const id = `ms-${c.option}`;
        const box = el('input', { type: 'checkbox', id, 'data-option': c.option });
        box.addEventListener('change', () => this.applyOption(c.option, String(box.checked)));
        this.sliders.set(c.option, { checkbox: box });
        this.controls.append(el('span', { class: 'ms-toggle' }, [box, el('label', { for: id, text: c.label })]));
      }
    }
  }

  wireEvents() {
    const toDevice = (e) => {
      const r = this.canvas.getBoundingClientRect();
      const sx = this.canvas.width / Math.max(1, r.width);
      const sy = this.canvas.height / Math.max(1, r.height);
      return [(e.clientX - r.left) * sx, (e.clientY - r.top) * sy];
    };
    const send = (kind, e) => {
      const [x, y] = toDevice(e);
      if (this.call((h) => h.pointer(kind, x, y))) this.changed();
    };
    this.canvas.addEventListener('pointerdown', (e) => {
      this.canvas.setPointerCapture?.(e.pointerId);
      send('down', e);
    });
    this.canvas.addEventListener('pointermove', (e) => {
      if (e.buttons || e.pointerType === 'touch') send('move', e);
    });
    this.canvas.addEventListener('pointerup', (e) => send('up', e));
    this.canvas.addEventListener('pointercancel', () => {
      if (this.call((h) => h.pointer('cancel', 0, 0))) this.changed();
    });
    this.canvas.addEventListener('keydown', (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (this.call((h) => h.key(e.key, e.shiftKey))) {
        e.preventDefault();
        this.changed();
      }
    });
    this.resize = new ResizeObserver(() => this.requestDraw());
    this.resize.observe(this.canvasWrap);
  }

  // ----- updating -----

  /** Sets an option from text, showing any error; returns the error message or null. */
  applyOption(name, value, { fromAttribute = false } = {}) {
    if (!this.handle) return null;
    let error = null;
    try {
      this.call((h) => h.setOption(name, value));
      this.optionError = null;
    } catch (e) {
      if (!(e instanceof Error) || e instanceof WebAssembly.RuntimeError) throw e;
      error = e.message;
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
        // Options in lastGood were accepted before; skip any that no longer are.
      }
    }
    this.handle.reset();
    this.handle.step(Math.max(0, this.lastGood.step - (this.state?.step ?? 0)));
    this.optionError = `Something went wrong inside the widget (${reason}). It was restarted from its last good state.`;
    this.buildControls();
    this.changed();
  }

  remember() {
    if (!this.handle) return;
    this.lastGood = {
      options: JSON.parse(this.handle.changedOptionsJson()),
      step: JSON.parse(this.handle.stateJson()).step ?? 0,
    };
  }

  /** After any change of state: redraw, refresh the text, tell the host page. */
  changed() {
    if (!this.handle) return;
    this.remember();
    this.requestDraw();
    this.refreshText();
    this.dispatchEvent(new CustomEvent('change', { detail: this.state }));
  }

  refreshText() {
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
    const message = JSON.parse(this.handle.messageJson());
    this.messageBox.textContent = message ? message.text : '';
    this.messageBox.dataset.level = message ? message.level : '';
    this.errorBox.textContent = this.optionError ?? '';
    const { options } = JSON.parse(this.handle.stateJson());
    for (const c of JSON.parse(this.handle.controlsJson())) {
      if (c.kind === 'button') {
        const b = this.buttons.get(c.action);
        if (b && b.textContent !== c.label) b.textContent = c.label;
        if (c.action === 'play') b?.setAttribute('aria-pressed', String(this.handle.playing()));
      } else if (c.kind === 'slider') {
        const s = this.sliders.get(c.option);
        // A widget may move a slider's track with its data (a SliderRange control).
        if (c.min !== undefined) {
          const spec = this.constructor.specs.find((sp) => sp.name === c.option);
          s.scale = sliderScale(rangeOf(spec, c));
        }
        const v = Number(c.value ?? options[c.option]);
        s.input.value = String(s.scale.toSlider(v));
        const shown = String(Number(v.toPrecision(3)));
        s.input.setAttribute('aria-valuetext', shown);
        s.value.textContent = shown;
        if (c.marker) {
          const f = Math.min(1, Math.max(0, s.scale.fraction(c.marker.value)));
          s.marker.style.left = `${(f * 100).toFixed(2)}%`;
          s.marker.textContent = c.marker.label;
          s.marker.hidden = !(f > 0 && f < 1);
        }
      } else if (c.kind === 'toggle') {
        const s = this.sliders.get(c.option);
        s.checkbox.checked = options[c.option] === 'true';
      } else if (c.kind === 'select') {
        const s = this.sliders.get(c.option);
        if (s.select.value !== options[c.option]) s.select.value = options[c.option];
      } else if (c.kind === 'input' || c.kind === 'textarea') {
        // Leave a field alone while the reader is typing in it.
        const s = this.sliders.get(c.option);
        if (this.shadowRoot.activeElement !== s.text) s.text.value = options[c.option] ?? '';
      }
    }
    const now = performance.now();
    if (now - this.lastLive > 1000 || !this.handle.playing()) {
      this.lastLive = now;
      this.live.textContent = this.handle.describe();
    }
  }

  requestDraw() {
    this.dirty = true;
    if (this.handle && this.visible) SHARED.loop.wake(this);
  }

  /** One animation frame: tick if playing, draw if needed. Returns whether to keep going. */
  frame(now) {
    if (!this.handle || !this.isConnected) return false;
    if (this.visible && this.handle.playing()) {
      if (this.call((h) => h.tick(now))) this.changed();
      if (!this.handle.playing()) this.refreshText();
    }
    if (this.dirty && this.visible) this.draw();
    return this.visible && this.handle.playing();
  }

  draw() {
    this.dirty = false;
    const width = Math.max(200, this.canvasWrap.clientWidth);
    const height = Math.round(this.handle.heightForWidth(width));
    const dpr = Math.min(4, Math.max(1, window.devicePixelRatio || 1));
    const w = Math.round(width * dpr);
    const h = Math.round(height * dpr);
    this.canvas.style.height = `${height}px`;
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== h) this.canvas.height = h;
    this.call((handle) => handle.draw(this.canvas, dpr, darkScheme.matches));
    this.readyResolve?.();
    this.readyResolve = null;
    this.setAttribute('data-ready', '');
  }
}

/** Defines <mathsight-NAME> for every widget in the core (idempotent). */
async function defineAll() {
  const core = await loadCore();
  for (const { name, options } of JSON.parse(core.catalogue())) {
    const tag = `mathsight-${name}`;
    if (customElements.get(tag)) continue;
    customElements.define(
      tag,
      class extends MathsightElement {
        static widget = name;
        static specs = options;
        static observedAttributes = options.map((o) => o.name);
        constructor() {
          super();
          this.core = core;
        }
      },
    );
  }
  darkScheme.addEventListener('change', () => {
    for (const node of document.querySelectorAll('[data-ready]')) node.requestDraw?.();
  });
  return core;
}

export const ready = defineAll();
