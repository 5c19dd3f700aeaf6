// Loads and instantiates the wasm core once per page, however many copies of the embed
// script run (the promise lives on globalThis).

const shared = (globalThis.__mathsight ??= {});

/** The base URL of the Mathsight assets (the folder holding mathsight.js). */
export const BASE = new URL('..', import.meta.url);

/** The core module, instantiated; the same promise for every caller on the page. */
export function loadCore() {
  shared.core ??= import(new URL('pkg/mathsight.js', BASE).href).then(async (core) => {
    const exports = await core.default({ module_or_path: new URL('pkg/mathsight_bg.wasm', BASE) });
    // The instance's memory, for `make soak` to watch (its size only ever grows).
    shared.memory = exports.memory;
    shared.catalogue = JSON.parse(core.catalogue());
    shared.loaded = core;
    return core;
  });
  return shared.core;
}

/** The option table of widget `name` (after loadCore resolved). */
export function optionSpecs(name) {
  return shared.catalogue?.find((w) => w.name === name)?.options ?? [];
}

/** The core if it has finished loading, else null. */
export function loadedCore() {
  return shared.loaded ?? null;
}
