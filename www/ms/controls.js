// The controls a widget asks for (`controlsJson`), built as accessible HTML and kept in step
// with its state. `hide` removes controls by name (an action or an option), `lock` disables them.

import { el, setAttr, setText } from './dom.js';

/** Maps an option onto a 0…1000 slider (logarithmic when the table says so) and back. */
export function sliderScale({ min, max, log }) {
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

const nameOf = (c) => c.action ?? c.option;

/** A slider's range: the control's own min/max/log if it gives them (a range that follows the
 * widget's data), else the option's. */
function rangeOf(spec, control) {
  if (control.min === undefined) return spec;
  return { min: control.min, max: control.max, log: control.log };
}

/**
 * Builds the controls into `container`. `on.action(name)` runs a button, `on.option(name,
 * value)` sets an option, and `on.slide(name, value)` sets one from a slider being dragged (a
 * stream of changes, like a drag on the plot). Returns an object whose `refresh(controls,
 * options, playing, active, boxes)` updates labels, values and markers, and the text boxes'
 * contents only if `boxes` (their text is the data: rewriting a long text box makes the next
 * frame recalculate styles, so during a drag or a held key they follow the numbers' pace).
 */
export function buildControls(container, controls, specs, { hide, lock, uid, on }) {
  container.replaceChildren();
  const parts = new Map();
  for (const c of controls) {
    const name = nameOf(c);
    if (hide.includes(name)) continue;
    const disabled = lock.includes(name);
    const id = `${uid}-${name}`;
    if (c.kind === 'button') {
      const button = el('button', { type: 'button', 'data-action': c.action, title: c.title, text: c.label, disabled });
      button.addEventListener('click', () => on.action(c.action));
      parts.set(name, { button });
      container.append(button);
    } else if (c.kind === 'slider') {
      const spec = specs.find((s) => s.name === c.option) ?? { min: 0, max: 1 };
      const input = el('input', { type: 'range', id, min: 0, max: 1000, step: 1, 'data-option': c.option, disabled });
      const value = el('output', { for: id, class: 'ms-slider-value' });
      const marker = el('span', { class: 'ms-marker', 'aria-hidden': 'true' });
      const part = { input, value, marker, spec, scale: sliderScale(rangeOf(spec, c)) };
      input.addEventListener('input', () => on.slide(c.option, String(part.scale.fromSlider(Number(input.value)))));
      parts.set(name, part);
      container.append(
        el('span', { class: 'ms-slider' }, [
          el('label', { for: id, text: c.label }),
          el('span', { class: 'ms-track' }, [input, marker]),
          value,
        ]),
      );
    } else if (c.kind === 'textarea') {
      const area = el('textarea', { id, 'data-option': c.option, spellcheck: 'false', rows: 4, disabled });
      const apply = () => on.option(c.option, area.value);
      area.addEventListener('change', apply);
      area.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) apply();
      });
      parts.set(name, { text: area });
      container.append(el('span', { class: 'ms-textarea' }, [el('label', { for: id, text: c.label }), area]));
    } else if (c.kind === 'toggle') {
      const box = el('input', { type: 'checkbox', id, 'data-option': c.option, disabled });
      box.addEventListener('change', () => on.option(c.option, String(box.checked)));
      parts.set(name, { box });
      container.append(el('span', { class: 'ms-toggle' }, [box, el('label', { for: id, text: c.label })]));
    } else if (c.kind === 'select') {
      const spec = specs.find((s) => s.name === c.option);
      const select = el('select', { id, 'data-option': c.option, disabled });
      for (const word of spec?.choices ?? []) select.append(el('option', { value: word, text: word }));
      select.addEventListener('change', () => on.option(c.option, select.value));
      parts.set(name, { select });
      container.append(el('span', { class: 'ms-select' }, [el('label', { for: id, text: c.label }), select]));
    } else if (c.kind === 'input') {
      const text = el('input', { type: 'text', id, 'data-option': c.option, spellcheck: 'false', disabled });
      const apply = () => on.option(c.option, text.value);
      text.addEventListener('change', apply);
      text.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') apply();
      });
      parts.set(name, { text });
      container.append(el('span', { class: 'ms-input' }, [el('label', { for: id, text: c.label }), text]));
    }
  }

  return {
    refresh(current, options, playing, active, boxes = true) {
      for (const c of current) {
        const p = parts.get(nameOf(c));
        if (!p) continue;
        if (p.button) {
          setText(p.button, c.label);
          if (c.action === 'play') setAttr(p.button, 'aria-pressed', String(playing));
        } else if (p.input) {
          // A widget may move a slider's track with its data (a control with min/max).
          if (c.min !== undefined) p.scale = sliderScale(rangeOf(p.spec, c));
          const v = Number(c.value ?? options[c.option]);
          const shown = String(Number(v.toPrecision(3)));
          const slider = String(p.scale.toSlider(v));
          if (active !== p.input && p.input.value !== slider) p.input.value = slider;
          setAttr(p.input, 'aria-valuetext', shown);
          setText(p.value, shown);
          const f = c.marker ? p.scale.fraction(c.marker.value) : NaN;
          const hidden = !(f > 0 && f < 1);
          if (p.marker.hidden !== hidden) p.marker.hidden = hidden;
          if (!hidden) {
            const left = `${(f * 100).toFixed(2)}%`;
            if (p.marker.style.left !== left) p.marker.style.left = left;
            setText(p.marker, c.marker.label);
          }
        } else if (p.box) {
          const checked = options[c.option] === 'true';
          if (p.box.checked !== checked) p.box.checked = checked;
        } else if (p.select) {
          if (p.select.value !== options[c.option]) p.select.value = options[c.option];
        } else if (p.text && boxes && active !== p.text) {
          const text = options[c.option] ?? '';
          if (p.text.value !== text) p.text.value = text;
        }
      }
    },
  };
}
