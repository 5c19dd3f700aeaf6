// embed.html#widget=NAME&option=value&…: one widget, its whole state from the URL, filling the
// frame. It tells its parent page its height (postMessage {type: 'mathsight:height', height})
// so a host can size the iframe. Works in <iframe sandbox="allow-scripts">.

import { WIDGETS } from './mathsight.js';
import { loadCore, optionSpecs } from './ms/core.js';
import { el } from './ms/dom.js';
import { paramsToState } from './ms/url-state.js';

const stage = document.getElementById('stage');

async function show() {
  const text = location.hash.length > 1 ? location.hash : location.search;
  const named = paramsToState(text, () => []).widget;
  const widget = WIDGETS.includes(named) ? named : 'gradient-descent';
  // The widget shown before (a link changed to another one) leaves first, so that it does not
  // count as a second kind on the page.
  stage.replaceChildren();
  await Promise.resolve();
  // Only this widget's module (ms/core.js): a third of the whole core. If no code loads, the
  // widget itself says why; its options cannot be read without the core.
  const loaded = await loadCore(widget).then(
    () => true,
    () => false,
  );
  const state = paramsToState(text, optionSpecs);
  if (!loaded) state.unknown = [];
  const notes = [];
  if (widget !== named) {
    notes.push(
      named
        ? `There is no widget called "${named.slice(0, 40)}"; showing gradient-descent. The widgets are ${WIDGETS.join(', ')}.`
        : `No widget named in the link; showing gradient-descent.`,
    );
  }
  if (state.unknown.length) {
    const shown = state.unknown.slice(0, 5).map((k) => `"${k.slice(0, 30)}"`);
    notes.push(`Ignored unknown option${state.unknown.length > 1 ? 's' : ''} ${shown.join(', ')}.`);
  }
  const node = document.createElement(`mathsight-${widget}`);
  for (const [key, value] of Object.entries(state.options)) node.setAttribute(key, value);
  if (state.hide.length) node.setAttribute('hide', state.hide.join(','));
  if (state.lock.length) node.setAttribute('lock', state.lock.join(','));
  stage.replaceChildren(...notes.map((n) => el('p', { class: 'embed-note', text: n })), node);
  document.title = `Mathsight: ${widget.replace(/-/g, ' ')}`;
  document.getElementById('title').textContent = document.title;
}

function reportHeight() {
  const height = Math.ceil(document.documentElement.scrollHeight);
  if (window.parent !== window) window.parent.postMessage({ type: 'mathsight:height', height }, '*');
}

new ResizeObserver(reportHeight).observe(document.body);
window.addEventListener('hashchange', show);
show();
