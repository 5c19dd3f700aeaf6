// A widget's whole state as URL parameters and back: `widget`, every option that differs from
// its default (with `steps` = the current step, so the link reproduces the same picture), and
// the teacher's `hide` and `lock` lists.

/** Keys that are not options. */
export const RESERVED = ['widget', 'hide', 'lock'];

/** URLSearchParams for a state: {widget, options (changed only), step, hide, lock}. */
export function stateToParams({ widget, options, step, hide = [], lock = [] }) {
  const params = new URLSearchParams();
  params.set('widget', widget);
  for (const [key, value] of Object.entries(options)) {
    if (key !== 'steps') params.set(key, value);
  }
  if (step > 0) params.set('steps', String(step));
  if (hide.length) params.set('hide', hide.join(','));
  if (lock.length) params.set('lock', lock.join(','));
  return params;
}

/**
 * Reads a hash or query string ("#widget=…&…" or "?widget=…"). Returns {widget, options,
 * hide, lock, unknown}: `options` holds every key that names an option in `specs`, `unknown`
 * the keys that do not (they are ignored, with a note).
 */
export function paramsToState(text, specsFor) {
  const params = new URLSearchParams(String(text).replace(/^[#?]/, ''));
  const widget = params.get('widget') ?? '';
  const specs = specsFor(widget);
  const options = {};
  const unknown = [];
  for (const [key, value] of params) {
    if (RESERVED.includes(key)) continue;
    if (specs.some((s) => s.name === key)) options[key] = value;
    else unknown.push(key);
  }
  const list = (k) => (params.get(k) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return { widget, options, hide: list('hide'), lock: list('lock'), unknown };
}
