/** Graph colours from the site's CSS custom properties, so the graph follows the light and dark themes. */

const FALLBACK: Record<string, string> = {
  person: "#7c3aed", lab: "#0f766e", model: "#1d4ed8", source: "#b45309", concept: "#be185d", event: "#4d7c0f",
  bg: "#fdfdfc", fg: "#1c1f24", muted: "#5b6470", line: "#e3e6ea", accent: "#1d4ed8",
};

/** Twelve hues that stay apart for community colouring. */
export const COMMUNITY_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939"];

export function cssColor(name: string, el: Element = document.documentElement): string {
  const v = getComputedStyle(el).getPropertyValue(`--${name}`).trim();
  return /^#[0-9a-f]{6}$/i.test(v) ? v : (FALLBACK[name] ?? "#888888");
}

/** `a` blended toward `b` by `t` (0 = a, 1 = b), both `#rrggbb`. */
export function mix(a: string, b: string, t: number): string {
  const p = (c: string, o: number) => parseInt(c.slice(o, o + 2), 16);
  const ch = (o: number) => Math.round(p(a, o) * (1 - t) + p(b, o) * t).toString(16).padStart(2, "0");
  return `#${ch(1)}${ch(3)}${ch(5)}`;
}
