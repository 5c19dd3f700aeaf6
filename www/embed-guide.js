// The embed guide: for every widget, a live example, its options table (generated from the
// core's option tables) and its snippets.

import { WIDGETS } from './mathsight.js';
import { BASE, loadCore, optionSpecs } from './ms/core.js';
import { el } from './ms/dom.js';
import { elementSnippet, iframeSnippet } from './ms/share.js';

document.getElementById('script-snippet').textContent =
  `<script type="module" src="${new URL('mathsight.js', BASE).href}"></script>`;

await loadCore();
const container = document.getElementById('widgets');
for (const name of WIDGETS) {
  const specs = optionSpecs(name);
  const state = { widget: name, options: {}, step: 0, hide: [], lock: [] };
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
      document.createElement(`mathsight-${name}`),
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
