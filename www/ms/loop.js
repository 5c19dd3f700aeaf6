// One requestAnimationFrame loop for every widget on the page. A widget asks to be woken;
// each frame it is called back and says whether it wants the next frame too.

const shared = (globalThis.__mathsight ??= {});

class FrameLoop {
  constructor() {
    this.widgets = new Set();
    this.scheduled = false;
  }

  wake(widget) {
    this.widgets.add(widget);
    if (!this.scheduled) {
      this.scheduled = true;
      requestAnimationFrame((now) => this.frame(now));
    }
  }

  frame(now) {
    this.scheduled = false;
    for (const widget of [...this.widgets]) {
      if (!widget.frame(now)) this.widgets.delete(widget);
    }
    if (this.widgets.size > 0) {
      this.scheduled = true;
      requestAnimationFrame((t) => this.frame(t));
    }
  }
}

/** The page's loop. */
export const loop = (shared.loop ??= new FrameLoop());
