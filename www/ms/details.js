// A widget's worked detail (Widget::details): a table of numbers and MathML equations, built
// node by node — text only through textContent, never HTML.

import { el } from './dom.js';

const MATHML = 'http://www.w3.org/1998/Math/MathML';

/** MathML from tokens {mi|mo|mn: text} or {frac: {num, den}}. */
function mathTokens(tokens) {
  const row = document.createElementNS(MATHML, 'mrow');
  for (const t of tokens) {
    if (t.frac) {
      const f = document.createElementNS(MATHML, 'mfrac');
      f.append(mathTokens(t.frac.num), mathTokens(t.frac.den));
      row.append(f);
    } else {
      const kind = ['mi', 'mo', 'mn'].find((k) => k in t);
      if (!kind) continue;
      const node = document.createElementNS(MATHML, kind);
      node.textContent = t[kind];
      row.append(node);
    }
  }
  return row;
}

/** Shows `details` in `box`, or hides the box when there are none. */
export function renderDetails(box, details) {
  if (!details) {
    box.replaceChildren();
    box.hidden = true;
    return;
  }
  const table = el('table', {}, [el('caption', { text: details.caption ?? '' })]);
  const head = el('tr', {}, (details.columns ?? []).map((c) => el('th', { scope: 'col', text: c })));
  const body = (details.rows ?? []).map((r) => el('tr', {}, r.map((c) => el('td', { text: c }))));
  const foot = details.footer ? [el('tr', { class: 'ms-sum' }, details.footer.map((c) => el('td', { text: c })))] : [];
  table.append(el('thead', {}, [head]), el('tbody', {}, body), el('tfoot', {}, foot));
  const more = details.hidden_rows > 0 ? [el('p', { text: `… and ${details.hidden_rows} more rows in the sums.` })] : [];
  const equations = (details.equations ?? []).map((eq) => {
    const math = document.createElementNS(MATHML, 'math');
    math.setAttribute('display', 'block');
    math.append(mathTokens(eq));
    return math;
  });
  box.replaceChildren(table, ...more, ...equations);
  box.hidden = false;
}
