// Loads and instantiates the wasm core, once per module per page, however many copies of the
// embed script run (the state lives on globalThis).
//
// Two kinds of module (scripts/build.sh): the whole core, pkg/mathsight_bg.wasm, and one per
// widget, pkg/NAME/mathsight_bg.wasm, about a third of the size. A page whose widgets are all
// of one kind — a blog post's embed — loads that widget's module; a page with several kinds,
// like the course, loads the whole core. Once the whole core is loading, every widget uses it.

const shared = (globalThis.__mathsight ??= {});
/** Kind → how many widgets of it are on the page (connected elements note theirs before
 * loading a core, and forget it when they leave the page). */
shared.kinds ??= new Map();
/** Module id ('' for the whole core, else a widget's name) → the promise of its JS module. */
shared.cores ??= new Map();
/** Module id → the JS module, once instantiated. */
shared.loadedById ??= new Map();

const WHOLE = '';

/** The base URL of the Mathsight assets (the folder holding mathsight.js). */
export const BASE = new URL('..', import.meta.url);

/** Notes that a widget of `kind` is on the page: the kinds decide which module it loads. */
export function noteKind(kind) {
  shared.kinds.set(kind, (shared.kinds.get(kind) ?? 0) + 1);
}

/** Notes that a widget of `kind` has left the page. */
export function forgetKind(kind) {
  const left = (shared.kinds.get(kind) ?? 1) - 1;
  if (left > 0) shared.kinds.set(kind, left);
  else shared.kinds.delete(kind);
}

/** The module that serves `kind` (or, with no kind, the page's widgets). */
function moduleFor(kind) {
  if (shared.cores.has(WHOLE)) return WHOLE;
  const kinds = new Set(shared.kinds.keys());
  if (kind) kinds.add(kind);
  return kinds.size === 1 ? [...kinds][0] : WHOLE;
}

/** A core that serves widget `kind`: its own module if the page shows no other kind, else the
 * whole core; the same promise for every caller. With no kind, the one for the page's widgets. */
export function loadCore(kind) {
  const id = moduleFor(kind);
  // A widget's module that cannot be had (a copy of www/ without pkg/NAME/) falls back to the
  // whole core.
  return shared.cores.get(id) ?? remember(id, id === WHOLE ? instantiate(WHOLE) : instantiate(id).catch(loadWhole));
}

function loadWhole() {
  return shared.cores.get(WHOLE) ?? remember(WHOLE, instantiate(WHOLE));
}

/** Keeps `core` as module `id`'s promise; a failure is forgotten, so that the next widget to
 * near the viewport tries again. */
function remember(id, core) {
  shared.cores.set(id, core);
  core.catch(() => shared.cores.get(id) === core && shared.cores.delete(id));
  return core;
}

/** Imports and instantiates module `id`, and records it. */
async function instantiate(id) {
  const dir = id === WHOLE ? 'pkg/' : `pkg/${id}/`;
  const module = await import(new URL(`${dir}mathsight.js`, BASE).href);
  const exports = await module.default({ module_or_path: new URL(`${dir}mathsight_bg.wasm`, BASE) });
  // The first instance's memory and module, for `make soak` to watch (its size only grows).
  shared.memory ??= exports.memory;
  shared.loaded ??= module;
  const known = new Set((shared.catalogue ?? []).map((w) => w.name));
  const added = JSON.parse(module.catalogue()).filter((w) => !known.has(w.name));
  shared.catalogue = [...(shared.catalogue ?? []), ...added];
  shared.loadedById.set(id, module);
  return module;
}

/** The option table of widget `name` (after a core serving it has loaded). */
export function optionSpecs(name) {
  return shared.catalogue?.find((w) => w.name === name)?.options ?? [];
}

/** A loaded core that serves widget `kind`, else null. */
export function loadedCore(kind) {
  return shared.loadedById.get(WHOLE) ?? shared.loadedById.get(kind) ?? null;
}
