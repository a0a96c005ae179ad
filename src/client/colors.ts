/** Graph colours from the site's CSS custom properties, so the graph follows the light and dark themes. */

/** The theme's own colours; a type's colour is `--type-<name>`, set from the type registry, with the payload's as fallback. */
const FALLBACK: Record<string, string> = { bg: "#fdfdfc", fg: "#1c1f24", muted: "#5b6470", line: "#e3e6ea", accent: "#1d4ed8" };

/** Twelve hues that stay apart for community colouring. */
export const COMMUNITY_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939"];

export function cssColor(name: string, fallback?: string, el: Element = document.documentElement): string {
  const v = getComputedStyle(el).getPropertyValue(`--${name}`).trim();
  return /^#[0-9a-f]{6}$/i.test(v) ? v : (fallback ?? FALLBACK[name] ?? "#888888");
}

/** The colour of each type of a graph payload, in its order. */
export function typeColors(payload: { types: string[]; typeInfo: { light: string; dark: string }[] }): string[] {
  const dark = matchMedia("(prefers-color-scheme: dark)").matches;
  return payload.types.map((t, i) => cssColor(`type-${t}`, dark ? payload.typeInfo[i]?.dark : payload.typeInfo[i]?.light));
}

/** `a` blended toward `b` by `t` (0 = a, 1 = b), both `#rrggbb`. */
export function mix(a: string, b: string, t: number): string {
  const p = (c: string, o: number) => parseInt(c.slice(o, o + 2), 16);
  const ch = (o: number) => Math.round(p(a, o) * (1 - t) + p(b, o) * t).toString(16).padStart(2, "0");
  return `#${ch(1)}${ch(3)}${ch(5)}`;
}
