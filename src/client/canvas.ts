/**
 * A canvas page's pan and zoom (components/CanvasPage.astro). Without this the canvas is a scrolling box of real
 * HTML (or, on a narrow screen, a list); with it, the stage is moved by a CSS transform: drag to pan (one finger
 * too), pinch or Ctrl/⌘ + wheel to zoom about the pointer, the wheel alone to pan, the keyboard on the focused
 * canvas (+, −, 0 to fit, arrows), and the toolbar's buttons (zoom, Fit, List). The List button shows the cards as a
 * list in reading order, which is the default on a narrow screen. No framework; the state is three numbers.
 */
const MIN_SCALE = 0.1;
const MAX_SCALE = 4;
/** Below this width the cards start as a list (the stylesheet's breakpoint for readers without JavaScript). */
const NARROW = "(max-width: 40rem)";

export interface CanvasView {
  /** The stage's transform: its offset in the viewport and its scale. */
  readonly state: { x: number; y: number; scale: number };
  fit(): void;
  zoomBy(factor: number, at?: { x: number; y: number }): void;
  panBy(dx: number, dy: number): void;
  setMode(mode: "canvas" | "list"): void;
}

export function attachCanvas(frame: HTMLElement): CanvasView | undefined {
  const viewport = frame.querySelector<HTMLElement>(".canvas-viewport");
  const stage = frame.querySelector<HTMLElement>(".canvas-stage");
  const toolbar = frame.querySelector<HTMLElement>("[data-canvas-toolbar]");
  if (!viewport || !stage) return undefined;
  const width = Number(stage.dataset.width) || stage.offsetWidth;
  const height = Number(stage.dataset.height) || stage.offsetHeight;
  const scaleOut = frame.querySelector<HTMLOutputElement>("[data-canvas-scale]");
  const modeButton = frame.querySelector<HTMLButtonElement>("[data-canvas-mode]");
  const state = { x: 0, y: 0, scale: 1 };
  // Until the reader moves the canvas, a resize fits it again.
  let touched = false;

  const clamp = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));
  const apply = () => {
    stage.style.transform = `translate(${round(state.x)}px, ${round(state.y)}px) scale(${round(state.scale, 1000)})`;
    if (scaleOut) scaleOut.value = `${Math.round(state.scale * 100)}%`;
  };
  const fit = () => {
    const vw = viewport.clientWidth;
    const vh = viewport.clientHeight;
    if (!vw || !vh || !width || !height) return;
    state.scale = clamp(Math.min(vw / width, vh / height, 1));
    state.x = (vw - width * state.scale) / 2;
    state.y = (vh - height * state.scale) / 2;
    apply();
  };
  const zoomBy = (factor: number, at = { x: viewport.clientWidth / 2, y: viewport.clientHeight / 2 }) => {
    const next = clamp(state.scale * factor);
    const k = next / state.scale;
    state.x = at.x - (at.x - state.x) * k;
    state.y = at.y - (at.y - state.y) * k;
    state.scale = next;
    touched = true;
    apply();
  };
  const panBy = (dx: number, dy: number) => {
    state.x += dx;
    state.y += dy;
    touched = true;
    apply();
  };
  const setMode = (mode: "canvas" | "list") => {
    frame.dataset.mode = mode;
    modeButton?.setAttribute("aria-pressed", String(mode === "list"));
    if (mode === "canvas") {
      touched = false;
      fit();
    }
  };

  frame.classList.add("canvas-live");
  if (toolbar) toolbar.hidden = false;
  setMode(matchMedia(NARROW).matches ? "list" : "canvas");

  const local = (e: { clientX: number; clientY: number }) => {
    const r = viewport.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  viewport.addEventListener(
    "wheel",
    (e) => {
      if (frame.dataset.mode !== "canvas") return;
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? viewport.clientHeight : 1;
      if (e.ctrlKey || e.metaKey) {
        // A trackpad's pinch arrives as a wheel event with Ctrl held.
        e.preventDefault();
        zoomBy(Math.exp(-e.deltaY * unit * 0.01), local(e));
        return;
      }
      // A card whose content scrolls takes the wheel while it can still scroll that way.
      if (scrollsWithin(e.target as Element, viewport, e.deltaX, e.deltaY)) return;
      e.preventDefault();
      panBy(-e.deltaX * unit, -e.deltaY * unit);
    },
    { passive: false },
  );

  // Drag (mouse, pen, one finger) pans; two fingers pinch.
  const pointers = new Map<number, { x: number; y: number }>();
  let pinch: { distance: number } | undefined;
  viewport.addEventListener("pointerdown", (e) => {
    if (frame.dataset.mode !== "canvas" || e.button !== 0) return;
    if ((e.target as Element).closest("a, button, input, select, textarea, summary, audio, video, iframe, [contenteditable]")) return;
    pointers.set(e.pointerId, local(e));
    viewport.setPointerCapture(e.pointerId);
    viewport.classList.add("dragging");
    if (pointers.size === 2) pinch = { distance: spread(pointers) };
  });
  viewport.addEventListener("pointermove", (e) => {
    const last = pointers.get(e.pointerId);
    if (!last) return;
    const now = local(e);
    if (pointers.size === 1) panBy(now.x - last.x, now.y - last.y);
    pointers.set(e.pointerId, now);
    if (pointers.size === 2 && pinch) {
      const d = spread(pointers);
      if (pinch.distance > 0) zoomBy(d / pinch.distance, middle(pointers));
      pinch.distance = d;
    }
  });
  const release = (e: PointerEvent) => {
    if (!pointers.delete(e.pointerId)) return;
    if (pointers.size < 2) pinch = undefined;
    if (!pointers.size) viewport.classList.remove("dragging");
  };
  viewport.addEventListener("pointerup", release);
  viewport.addEventListener("pointercancel", release);

  viewport.addEventListener("keydown", (e) => {
    if (frame.dataset.mode !== "canvas" || e.target !== viewport || e.altKey || e.ctrlKey || e.metaKey) return;
    const step = 60;
    const keys: Record<string, () => void> = {
      "+": () => zoomBy(1.25),
      "=": () => zoomBy(1.25),
      "-": () => zoomBy(0.8),
      "0": () => fit(),
      ArrowLeft: () => panBy(step, 0),
      ArrowRight: () => panBy(-step, 0),
      ArrowUp: () => panBy(0, step),
      ArrowDown: () => panBy(0, -step),
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  });

  frame.querySelector("[data-canvas-zoom='in']")?.addEventListener("click", () => zoomBy(1.25));
  frame.querySelector("[data-canvas-zoom='out']")?.addEventListener("click", () => zoomBy(0.8));
  frame.querySelector("[data-canvas-fit]")?.addEventListener("click", () => {
    if (frame.dataset.mode !== "canvas") setMode("canvas");
    else fit();
  });
  modeButton?.addEventListener("click", () => setMode(frame.dataset.mode === "list" ? "canvas" : "list"));

  // A link to a card (`#canvas-node-…`, the connections list) brings it to the middle of the view.
  const show = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const node = id.startsWith("canvas-node-") ? document.getElementById(id) : null;
    if (!node || frame.dataset.mode !== "canvas" || !stage.contains(node)) return;
    const s = stage.getBoundingClientRect();
    const n = node.getBoundingClientRect();
    const cx = (n.left + n.width / 2 - s.left) / state.scale;
    const cy = (n.top + n.height / 2 - s.top) / state.scale;
    state.x = viewport.clientWidth / 2 - cx * state.scale;
    state.y = viewport.clientHeight / 2 - cy * state.scale;
    apply();
  };
  addEventListener("hashchange", show);
  if (location.hash) show();
  addEventListener("resize", () => {
    if (!touched && frame.dataset.mode === "canvas") fit();
  });

  return { state, fit, zoomBy, panBy, setMode };
}

function spread(pointers: Map<number, { x: number; y: number }>): number {
  const [a, b] = [...pointers.values()];
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function middle(pointers: Map<number, { x: number; y: number }>): { x: number; y: number } {
  const [a, b] = [...pointers.values()];
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/** Whether an element between `target` and the viewport can still scroll by this wheel's delta. */
function scrollsWithin(target: Element, viewport: Element, dx: number, dy: number): boolean {
  for (let el: Element | null = target; el && el !== viewport; el = el.parentElement) {
    const style = getComputedStyle(el);
    const y = /(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight;
    const x = /(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth;
    if (y && ((dy > 0 && el.scrollTop + el.clientHeight < el.scrollHeight - 1) || (dy < 0 && el.scrollTop > 0))) return true;
    if (x && ((dx > 0 && el.scrollLeft + el.clientWidth < el.scrollWidth - 1) || (dx < 0 && el.scrollLeft > 0))) return true;
  }
  return false;
}

function round(n: number, k = 10): number {
  return Math.round(n * k) / k;
}
