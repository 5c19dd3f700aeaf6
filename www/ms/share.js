// Share, Embed and export for one widget element: a URL with the whole state, a dialog with
// both snippets (custom element and sandboxed iframe) and a live preview where a teacher hides
// or locks controls, and downloads of the current view as SVG and PNG.

import { BASE } from './core.js';
import { el } from './dom.js';
import { stateToParams } from './url-state.js';

/** The standalone page (embed.html) showing `state`. */
export function embedUrl(state) {
  return new URL(`embed.html#${stateToParams(state)}`, BASE).href;
}

/** The custom-element snippet for `state`. */
export function elementSnippet(state) {
  const attrs = [...stateToParams(state)]
    .filter(([k]) => k !== 'widget')
    .map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
  const script = new URL('mathsight.js', BASE).href;
  return `<script type="module" src="${script}"></script>\n<mathsight-${state.widget}${attrs}></mathsight-${state.widget}>`;
}

/** The sandboxed-iframe snippet for `state` (works under strict host policies). */
export function iframeSnippet(state, height) {
  const src = embedUrl(state).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const title = `Mathsight: ${state.widget.replace(/-/g, ' ')}`;
  return `<iframe src="${src}" title="${title}" width="100%" height="${Math.round(height)}" sandbox="allow-scripts" loading="lazy" style="border:0"></iframe>`;
}

/** Copies text to the clipboard; returns whether it worked (a sandboxed frame may refuse). */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Starts a download of `blob` as `filename`. */
export function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The Embed dialog for `widget` (a Mathsight element): checkboxes to hide or lock each control,
 * the two snippets, and a live preview. Built on demand inside the element's shadow root.
 */
export function openEmbedDialog(widget) {
  const root = widget.shadowRoot;
  root.querySelector('dialog.ms-embed')?.remove();
  const base = widget.shareState();
  const hide = new Set(base.hide);
  const lock = new Set(base.lock);
  const elementBox = el('textarea', { readonly: true, rows: 3, 'aria-label': 'Custom element snippet' });
  const iframeBox = el('textarea', { readonly: true, rows: 3, 'aria-label': 'Iframe snippet' });
  const preview = el('iframe', { title: 'Preview of the embedded widget', sandbox: 'allow-scripts', class: 'ms-preview' });
  const update = () => {
    const state = { ...base, hide: [...hide], lock: [...lock] };
    elementBox.value = elementSnippet(state);
    iframeBox.value = iframeSnippet(state, widget.getBoundingClientRect().height || 600);
    preview.src = embedUrl(state);
  };
  const choice = (set, name, label) => {
    const box = el('input', { type: 'checkbox', checked: set.has(name) });
    box.addEventListener('change', () => {
      if (box.checked) set.add(name);
      else set.delete(name);
      update();
    });
    return el('label', { class: 'ms-choice' }, [box, ` ${label}`]);
  };
  const copyButton = (box, what) => {
    const b = el('button', { type: 'button', text: `Copy ${what}` });
    b.addEventListener('click', async () => {
      box.select();
      b.textContent = (await copyText(box.value)) ? 'Copied' : 'Selected: press Ctrl+C';
    });
    return b;
  };
  const close = el('button', { type: 'button', text: 'Close', class: 'ms-close' });
  const dialog = el('dialog', { class: 'ms-embed', 'aria-labelledby': 'ms-embed-title' }, [
    el('h2', { id: 'ms-embed-title', text: 'Embed this widget' }),
    el('p', { text: 'The snippets reproduce exactly what you see now. Hide or lock controls for a teacher’s link:' }),
    el('fieldset', {}, [el('legend', { text: 'Hide' }), ...widget.controlNames().map((n) => choice(hide, n, n))]),
    el('fieldset', {}, [
      el('legend', { text: 'Lock' }),
      ...[...widget.controlNames(), ...widget.lockableNames()].map((n) => choice(lock, n, n)),
    ]),
    el('h3', { text: 'Custom element (one script, any number of widgets)' }),
    elementBox,
    copyButton(elementBox, 'element'),
    el('h3', { text: 'Iframe (works under strict security policies)' }),
    iframeBox,
    copyButton(iframeBox, 'iframe'),
    el('h3', { text: 'Preview' }),
    preview,
    el('p', {}, [close]),
  ]);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  root.append(dialog);
  update();
  dialog.showModal();
  return dialog;
}
