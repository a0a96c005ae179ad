/**
 * A note-picker combobox (ARIA 1.2 combobox with a listbox popup) over the global payload: type a title or alias,
 * pick with the arrow keys and Enter or the pointer. Used by the graph page's search and path fields and by the
 * standalone GraphSearch component.
 */
import { searchNotes, type NameIndex } from "../lib/graph/query.ts";

export interface SearchBoxOptions {
  /** The names to search: the small titles payload, or the graph page's decoded payload (`nameIndexOf`). */
  data: () => Promise<NameIndex>;
  onPick: (node: number, data: NameIndex) => void;
  limit?: number;
}

let uid = 0;

export function attachSearchBox(input: HTMLInputElement, list: HTMLUListElement, options: SearchBoxOptions) {
  const id = list.id || `graph-search-list-${++uid}`;
  list.id = id;
  list.setAttribute("role", "listbox");
  list.hidden = true;
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", id);
  input.autocomplete = "off";
  let hits: number[] = [];
  let active = -1;
  let data: NameIndex | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (i: number) => {
    active = i;
    list.querySelectorAll("[role=option]").forEach((el, j) => el.setAttribute("aria-selected", String(j === i)));
    if (i >= 0) input.setAttribute("aria-activedescendant", `${id}-${i}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const pick = (i: number) => {
    if (!data || i < 0 || i >= hits.length) return;
    input.value = data.title[hits[i]];
    close();
    options.onPick(hits[i], data);
  };
  const render = async () => {
    data ??= await options.data();
    const found = searchNotes(data, input.value, options.limit ?? 8);
    hits = found.map((h) => h.node);
    list.replaceChildren(
      ...found.map((h, i) => {
        const li = document.createElement("li");
        li.id = `${id}-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        const type = data!.types[data!.type[h.node]];
        const title = data!.title[h.node];
        li.innerHTML = `<span class="graph-dot graph-dot-${type}"></span>`;
        li.append(title, ...(h.matched !== title ? [Object.assign(document.createElement("span"), { className: "meta", textContent: ` (${h.matched})` })] : []));
        li.addEventListener("mousedown", (ev) => ev.preventDefault()); // keep focus in the input
        li.addEventListener("click", () => pick(i));
        return li;
      }),
    );
    const open = found.length > 0 && document.activeElement === input;
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    highlight(found.length ? 0 : -1);
  };

  input.addEventListener("input", () => void render());
  input.addEventListener("focus", () => void options.data()); // start the download early
  input.addEventListener("blur", () => setTimeout(close, 100));
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (list.hidden) return void render();
      const n = hits.length;
      if (n) highlight((active + (ev.key === "ArrowDown" ? 1 : n - 1)) % n);
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (!list.hidden && active >= 0) pick(active);
      else void render().then(() => pick(0));
    } else if (ev.key === "Escape") {
      close();
    }
  });
  return { close };
}
