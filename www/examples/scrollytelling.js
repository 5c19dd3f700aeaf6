// Drives a widget from the paragraph the reader is on: each <p data-options="k=v&…"> sets
// those options through el.setOption, then el.reset() so its `steps` apply.

import '../mathsight.js';

const figure = document.getElementById('figure');
const paragraphs = [...document.querySelectorAll('[data-options]')];

function apply(p) {
  for (const q of paragraphs) q.classList.toggle('active', q === p);
  for (const [name, value] of new URLSearchParams(p.dataset.options)) figure.setOption(name, value);
  figure.reset();
}

await customElements.whenDefined('mathsight-gradient-descent');
const watch = new IntersectionObserver(
  (entries) => {
    const hit = entries.filter((e) => e.isIntersecting).sort((a, b) => b.intersectionRatio - a.intersectionRatio)[0];
    if (hit) figure.ready.then(() => apply(hit.target));
  },
  { threshold: [0.5] },
);
for (const p of paragraphs) watch.observe(p);
