// Mathsight: the one module a page includes. It defines a custom element per widget at once
// (so their space is reserved before the wasm arrives), loads the wasm core once when the
// first widget nears the viewport, and is harmless to load twice.
//
//   <script type="module" src="…/mathsight.js"></script>
//   <mathsight-gradient-descent learning-rate="0.05"></mathsight-gradient-descent>

import { MathsightElement } from './ms/element.js';
import { loadCore } from './ms/core.js';

/** Every widget, in the core registry's order (a test checks this against the core). */
export const WIDGETS = ['linear-system', 'least-squares', 'matrix-transform', 'gradient-descent', 'optimizers', 'logistic-regression', 'distribution', 'bayes-rule', 'bayes-update', 'naive-bayes', 'descriptive-stats', 'hypothesis-test', 'regression-stats'];

for (const name of WIDGETS) {
  const tag = `mathsight-${name}`;
  if (!customElements.get(tag)) {
    customElements.define(
      tag,
      class extends MathsightElement {
        static widget = name;
      },
    );
  }
}

/** Resolves with the core once it is loaded (loading starts on first use). */
export const ready = () => loadCore();
export { stateToParams, paramsToState } from './ms/url-state.js';
