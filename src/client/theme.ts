/**
 * The header's theme toggle: system (the default), light, dark, in turn. The choice is kept in localStorage and set
 * as `data-theme` on <html> (an inline script in the page's head applies it before the first paint, so a dark page
 * never flashes light); the stylesheet and the graph's colours follow it.
 */
const KEY = "atlas-theme";
const ORDER = ["system", "light", "dark"] as const;
type Theme = (typeof ORDER)[number];
const LABEL: Record<Theme, string> = { system: "◐ System", light: "☀ Light", dark: "☾ Dark" };

function stored(): Theme {
  try {
    const t = localStorage.getItem(KEY);
    return t === "light" || t === "dark" ? t : "system";
  } catch {
    return "system";
  }
}

function apply(theme: Theme, button: HTMLButtonElement): void {
  if (theme === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  try {
    if (theme === "system") localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, theme);
  } catch {
    // Storage refused (private mode): the choice lasts for this page.
  }
  button.textContent = LABEL[theme];
  button.setAttribute("aria-label", `Colour theme: ${theme}. Change it`);
  document.dispatchEvent(new CustomEvent("atlas:theme", { detail: theme }));
}

export function attachThemeToggle(button: HTMLButtonElement): void {
  let theme = stored();
  apply(theme, button);
  button.hidden = false;
  button.addEventListener("click", () => {
    theme = ORDER[(ORDER.indexOf(theme) + 1) % ORDER.length];
    apply(theme, button);
  });
}
