/**
 * The header's search box as a combobox over Pagefind (ARIA 1.2: a combobox with a listbox popup). Typing shows the
 * best matches under the box, each with its title, type and excerpt, and the types among all matches as filter
 * buttons; arrow keys and Enter (or the pointer) open a result. Enter with no result chosen still submits the form
 * to the search page, and without JavaScript the form is all there is.
 *
 * Pagefind's script loads on the first keystroke, not with the page (the page's JavaScript budget), from the bundle
 * the form names (`data-bundle`, and `data-merge` for a big vault's other shards). Excerpts are Pagefind's text with
 * `<mark>` around the matches: they are rebuilt here from text and `<mark>` only, never set as HTML.
 */

interface Fragment {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string, o?: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(q: string, o?: { filters?: Record<string, string> }, ms?: number): Promise<{ results: { data(): Promise<Fragment> }[]; filters: Record<string, Record<string, number>> } | null>;
}

const SHOWN = 6;

export function attachHeaderSearch(form: HTMLFormElement, input: HTMLInputElement): void {
  const popup = document.createElement("div");
  popup.className = "search-popup";
  popup.hidden = true;
  const chips = document.createElement("div");
  chips.className = "search-popup-types";
  chips.setAttribute("role", "group");
  chips.setAttribute("aria-label", "Show only one type");
  const list = document.createElement("div");
  list.id = "site-search-results";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Search results");
  const status = document.createElement("p");
  status.className = "search-popup-status";
  status.setAttribute("role", "status");
  const all = document.createElement("a");
  all.className = "search-popup-all";
  popup.append(status, chips, list, all);
  form.append(popup);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.autocomplete = "off";

  let pagefind: Promise<Pagefind | null> | undefined;
  const load = () =>
    (pagefind ??= (async () => {
      try {
        const bundle = form.dataset.bundle!;
        const pf = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
        await pf.options({ excerptLength: 18 });
        for (const m of JSON.parse(form.dataset.merge || "[]") as { bundlePath: string }[]) await pf.mergeIndex(m.bundlePath);
        await pf.filters(); // loads the filter index, without which results come with no counts per type
        return pf;
      } catch {
        return null; // no index (the dev server): the form still goes to the search page
      }
    })());

  let type = "";
  let active = -1;
  let ticket = 0;
  const options = () => [...list.querySelectorAll<HTMLAnchorElement>("[role=option]")];
  const setActive = (i: number) => {
    const opts = options();
    active = opts.length ? (i + opts.length) % opts.length : -1;
    opts.forEach((o, j) => o.setAttribute("aria-selected", String(j === active)));
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", opts[active].id);
      opts[active].scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  };
  const close = () => {
    popup.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const run = async () => {
    const q = input.value.trim();
    const mine = ++ticket;
    if (!q) return close();
    const pf = await load();
    if (!pf || mine !== ticket) return;
    const found = await pf.debouncedSearch(q, type ? { filters: { type } } : {}, 150);
    if (!found || mine !== ticket) return;
    const data = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
    if (mine !== ticket) return;
    list.replaceChildren(...data.map((d, i) => option(d, i)));
    const counts = Object.entries(found.filters.type ?? {}).filter(([, n]) => n > 0);
    chips.replaceChildren(...(counts.length > 1 || type ? [chip("", "All"), ...counts.map(([t, n]) => chip(t, `${t} (${n})`))] : []));
    status.textContent = found.results.length ? `${found.results.length} result${found.results.length === 1 ? "" : "s"}${type ? ` of type ${type}` : ""}` : `No note matches “${q}”${type ? ` of type ${type}` : ""}`;
    all.href = `${form.action}?q=${encodeURIComponent(q)}`;
    all.textContent = "All results, with filters →";
    popup.hidden = false;
    input.setAttribute("aria-expanded", "true");
    active = -1;
    input.removeAttribute("aria-activedescendant");
  };

  const chip = (value: string, label: string) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.setAttribute("aria-pressed", String(value === type));
    b.addEventListener("click", () => {
      type = value;
      void run();
      input.focus();
    });
    return b;
  };

  input.addEventListener("input", () => void run());
  input.addEventListener("focus", () => void (input.value.trim() && run()));
  input.addEventListener("keydown", (e) => {
    if (popup.hidden) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive(active + (e.key === "ArrowDown" ? 1 : -1) + (active < 0 && e.key === "ArrowUp" ? 1 : 0));
    } else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      location.href = options()[active].href;
    } else if (e.key === "Escape") {
      e.preventDefault();
      close();
    }
  });
  // Leaving the search (focus outside the form) closes the popup; moving within it (a type button) does not.
  form.addEventListener("focusout", (e) => {
    if (!form.contains(e.relatedTarget as Node | null)) close();
  });
}

/** One result: its title, its type, and its excerpt rebuilt from text and `<mark>` alone. */
function option(d: Fragment, i: number): HTMLAnchorElement {
  const a = document.createElement("a");
  a.id = `site-search-result-${i}`;
  a.setAttribute("role", "option");
  a.setAttribute("aria-selected", "false");
  a.href = d.url;
  const title = document.createElement("span");
  title.className = "search-popup-title";
  title.textContent = d.meta.title ?? d.url;
  a.append(title);
  if (d.meta.type) {
    const badge = document.createElement("span");
    badge.className = "search-popup-type";
    badge.textContent = d.meta.type;
    a.append(" ", badge);
  }
  const excerpt = document.createElement("span");
  excerpt.className = "search-popup-excerpt";
  excerpt.append(...markedText(d.excerpt));
  a.append(excerpt);
  return a;
}

/** Pagefind's excerpt as nodes: its text, with its `<mark>` elements kept and anything else reduced to its text. */
function markedText(html: string): Node[] {
  const t = document.createElement("template");
  t.innerHTML = html; // a template's content is inert: nothing in it loads or runs
  return [...t.content.childNodes].map((n) => {
    if (n.nodeName === "MARK") {
      const m = document.createElement("mark");
      m.textContent = n.textContent;
      return m;
    }
    return document.createTextNode(n.textContent ?? "");
  });
}
