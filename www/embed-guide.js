// The embed guide: for every widget, a live example, its options table (generated from the
// core's option tables) and its snippets. A link such as embed-guide.html#widget=NAME&option=…
// (what the course page's "in the embed guide" links carry) shows that widget in that state,
// with snippets that reproduce it, and scrolls to it.

import { WIDGETS } from './mathsight.js';
import { BASE, loadCore, optionSpecs } from './ms/core.js';
import { el } from './ms/dom.js';
import { elementSnippet, iframeSnippet } from './ms/share.js';
import { paramsToState } from './ms/url-state.js';

document.getElementById('script-snippet').textContent =
  `<script type="module" src="${new URL('mathsight.js', BASE).href}"></script>`;

await loadCore();
const wanted = location.hash.length > 1 ? paramsToState(location.hash, optionSpecs) : null;
const container = document.getElementById('widgets');
for (const name of WIDGETS) {
  const specs = optionSpecs(name);
  const linked = wanted?.widget === name;
  const state = { widget: name, options: linked ? wanted.options : {}, step: 0, hide: [], lock: [] };
  const widget = document.createElement(`mathsight-${name}`);
  for (const [key, value] of Object.entries(state.options)) widget.setAttribute(key, value);
  const rows = specs.map((s) =>
    el('tr', {}, [
      el('td', {}, [el('code', { text: s.name })]),
      el('td', { text: s.type }),
      el('td', {}, [el('code', { text: s.default === '' ? '(empty)' : s.default })]),
      el('td', { text: s.expected }),
      el('td', { text: s.doc }),
    ]),
  );
  container.append(
    el('section', { id: name, 'aria-labelledby': `${name}-title` }, [
      el('h2', { id: `${name}-title` }, [el('code', { text: `<mathsight-${name}>` })]),
      ...(linked ? [el('p', { class: 'lede', text: 'Shown in the state of the link you followed; the snippets below reproduce it.' })] : []),
      widget,
      el('h3', { text: 'Options' }),
      el('div', { class: 'table-wrap' }, [
        el('table', {}, [
          el('thead', {}, [
            el('tr', {}, ['option', 'type', 'default', 'valid values', 'meaning'].map((h) => el('th', { scope: 'col', text: h }))),
          ]),
          el('tbody', {}, rows),
        ]),
      ]),
      el('h3', { text: 'Snippets' }),
      el('pre', {}, [el('code', { text: elementSnippet(state) })]),
      el('pre', {}, [el('code', { text: iframeSnippet(state, 600) })]),
    ]),
  );
}

// The section the link names: by its widget= parameter, or a plain #NAME.
const target = WIDGETS.includes(wanted?.widget) ? wanted.widget : decodeURIComponent(location.hash.slice(1));
if (target) document.getElementById(target)?.scrollIntoView();
