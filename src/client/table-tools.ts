/**
 * Sorting and filtering for the index tables (`table[data-table-tools]`), added on top of a plain table that works
 * without JavaScript, with the state in the page's address (`?developer=Meta&sort=released-desc`): loading that
 * address restores it, each change is a step back and forward go through.
 *
 * The page says what each column sorts and filters by, on its headers: `data-key` (its name in the address),
 * `data-sort-type="number"` (else text), `data-filter-name` (filterable, under that name), `data-filter="year"` (by
 * a date's year; else by each value: the cell's links and spans, or its text), `data-openness` (the openness strip's
 * dimensions, `|`-separated: the cells hold one square per dimension, `class="sq o|p|c|u"`; no squares is unrated).
 * A cell sorts by its `data-sort`, else its text; an empty cell sorts last either way.
 */

type Direction = "asc" | "desc";
const LEVELS = ["open", "partial", "closed", "unknown"] as const;
const LEVEL_OF: Record<string, string> = { o: "open", p: "partial", c: "closed", u: "unknown" };

export function enhanceTables(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>("table[data-table-tools]")) enhance(table);
}

/** A label as it goes in an address: `End-model weights` → `end-model-weights`. */
function slugOf(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** A cell's own text, without the note that its sources differ. */
function ownText(cell: HTMLElement): string {
  let text = "";
  for (const node of cell.childNodes) if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
  return text.trim();
}

/** The values a cell can be filtered by: each link or span it lists, else its text. */
function cellValues(cell: HTMLElement): string[] {
  const parts = [...cell.children].filter((e) => !e.classList.contains("differs")).map((e) => e.textContent!.trim());
  const own = ownText(cell);
  return parts.length ? parts : own ? [own] : [];
}

function enhance(table: HTMLTableElement): void {
  const body = table.tBodies[0];
  if (!body) return;
  const headers = [...table.tHead!.rows[0].cells] as HTMLTableCellElement[];
  const rows = [...body.rows];
  const cell = (row: HTMLTableRowElement, col: number) => row.cells[col] as HTMLElement;
  const keyOf = (col: number) => headers[col].dataset.key ?? String(col);

  // Sorting: every header becomes a button; a second press reverses the order.
  const sortKeys = new Map<number, (string | number | null)[]>();
  const keys = (col: number) => {
    let out = sortKeys.get(col);
    if (!out) {
      const numeric = headers[col].dataset.sortType === "number";
      out = rows.map((r) => {
        const c = cell(r, col);
        const raw = c.dataset.sort ?? cellValues(c).join(", ");
        const key = numeric ? Number(raw) : raw;
        return raw === "" || Number.isNaN(key) ? null : key; // nothing to sort by ("not rated" in a number column)
      });
      sortKeys.set(col, out);
    }
    return out;
  };
  let sorted: { col: number; direction: Direction } | undefined;
  const sortBy = (col: number | undefined, direction: Direction) => {
    for (const h of headers) h.removeAttribute("aria-sort");
    const was = sorted;
    sorted = col === undefined ? undefined : { col, direction };
    if (col === undefined) {
      if (was) body.append(...rows); // back to the page's own order
      return;
    }
    headers[col].setAttribute("aria-sort", direction === "asc" ? "ascending" : "descending");
    const k = keys(col);
    const sign = direction === "asc" ? 1 : -1;
    const order = rows.map((_r, i) => i);
    order.sort((a, b) => {
      const ka = k[a];
      const kb = k[b];
      if (ka === null || kb === null) return ka === kb ? a - b : ka === null ? 1 : -1; // empty cells last, either way
      const c = typeof ka === "number" && typeof kb === "number" ? ka - kb : String(ka).localeCompare(String(kb), "en", { sensitivity: "base", numeric: true });
      return c * sign || a - b;
    });
    body.append(...order.map((i) => rows[i]));
  };
  headers.forEach((th, col) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener("click", () => {
      // Numbers (openness: most open first) start high, text starts at A; a second press reverses.
      const first: Direction = th.dataset.sortType === "number" ? "desc" : "asc";
      sortBy(col, sorted?.col === col && sorted.direction === first ? (first === "asc" ? "desc" : "asc") : first);
      record();
    });
  });

  // Filters: a select per filterable column, one pair for the openness strip, and a live count.
  const form = document.createElement("form");
  form.className = "table-filters";
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", `Filter ${table.getAttribute("aria-label") ?? "the table"}`);
  // On a phone (where the table's rows are cards: src/styles/tables.css) the selects fold away under "Filters" (open when one is set), the count beside it; wider, they show.
  const panel = document.createElement("details");
  panel.className = "filter-panel";
  const summary = document.createElement("summary");
  summary.textContent = "Filters";
  const fields = document.createElement("div");
  fields.className = "filter-fields";
  panel.append(summary, fields);
  const filters: { param: string; el: HTMLSelectElement }[] = [];
  const tests: ((row: HTMLTableRowElement) => boolean)[] = [];
  // The visible words and the select's accessible name differ for the openness pair ("Openness [dimension] is [level]").
  const select = (label: string, param: string, options: [value: string, text: string][], name = label) => {
    const wrap = document.createElement("label");
    wrap.append(`${label} `);
    const el = document.createElement("select");
    el.setAttribute("aria-label", name);
    for (const [value, text] of [["", "any"], ...options]) el.add(new Option(text, value));
    wrap.append(el);
    fields.append(wrap, " ");
    filters.push({ param, el });
    return el;
  };
  const valueCache = new Map<number, Map<HTMLTableRowElement, string[]>>();
  const values = (row: HTMLTableRowElement, col: number): string[] => {
    let byRow = valueCache.get(col);
    if (!byRow) valueCache.set(col, (byRow = new Map()));
    let v = byRow.get(row);
    if (!v) {
      const c = cell(row, col);
      const th = headers[col];
      if (th.dataset.openness !== undefined) {
        const squares = [...c.querySelectorAll(".sq")];
        v = th.dataset.openness.split("|").map((_d, i) => LEVEL_OF[squares[i]?.classList[1] ?? "u"] ?? "unknown");
      } else {
        v = cellValues(c);
        if (th.dataset.filter === "year") v = v.map((t) => t.slice(0, 4));
      }
      byRow.set(row, v);
    }
    return v;
  };
  headers.forEach((th, col) => {
    const name = th.dataset.filterName;
    if (!name) return;
    if (th.dataset.openness !== undefined) {
      const dimensions = th.dataset.openness.split("|");
      const dimension = select("Openness", "openness", dimensions.map((d, i) => [String(i), d]), "Openness dimension");
      // The address names a dimension by its name, not its place.
      for (const option of dimension.options) if (option.value) option.dataset.param = slugOf(option.text);
      const level = select("is", "level", LEVELS.map((l) => [l, l]), "Openness level");
      tests.push((row) => !dimension.value || !level.value || values(row, col)[Number(dimension.value)] === level.value);
      return;
    }
    const distinct = [...new Set(rows.flatMap((r) => values(r, col)))].filter(Boolean).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    if (distinct.length < 2) return;
    const el = select(name, keyOf(col), distinct.map((v) => [v, v]));
    tests.push((row) => !el.value || values(row, col).includes(el.value));
  });

  const count = document.createElement("p");
  count.className = "meta table-count";
  count.setAttribute("aria-live", "polite");
  const apply = () => {
    let shown = 0;
    for (const row of rows) {
      const keep = tests.every((t) => t(row));
      row.hidden = !keep;
      if (keep) shown++;
    }
    count.textContent = shown === rows.length ? `${rows.length} shown` : `${shown} of ${rows.length} shown`;
  };

  // The address: each filter by its column's key, the openness dimension by its name, the sort as `key-asc|desc`.
  const paramValue = ({ param, el }: { param: string; el: HTMLSelectElement }) => (el.value ? (el.selectedOptions[0]?.dataset.param ?? el.value) : "");
  const address = () => {
    const url = new URL(location.href);
    for (const f of filters) {
      const v = paramValue(f);
      if (v) url.searchParams.set(f.param, v);
      else url.searchParams.delete(f.param);
    }
    if (sorted) url.searchParams.set("sort", `${keyOf(sorted.col)}-${sorted.direction}`);
    else url.searchParams.delete("sort");
    return url;
  };
  const record = () => {
    const url = address();
    if (url.href !== location.href) history.pushState(null, "", url);
  };
  const restore = () => {
    const params = new URLSearchParams(location.search);
    for (const { param, el } of filters) {
      const wanted = params.get(param) ?? "";
      const option = [...el.options].find((o) => (o.dataset.param ?? o.value) === wanted);
      el.value = option ? option.value : "";
    }
    const [, key, direction] = /^(.+)-(asc|desc)$/.exec(params.get("sort") ?? "") ?? [];
    const col = key === undefined ? -1 : headers.findIndex((_h, i) => keyOf(i) === key);
    sortBy(col >= 0 ? col : undefined, (direction as Direction) ?? "asc");
    apply();
  };

  if (tests.length) {
    const reset = document.createElement("button");
    reset.type = "reset";
    reset.textContent = "Clear filters";
    fields.append(reset);
    form.append(panel, count);
    form.addEventListener("change", () => {
      apply();
      record();
    });
    form.addEventListener("reset", () =>
      setTimeout(() => {
        apply();
        record();
      }),
    );
    form.addEventListener("submit", (e) => e.preventDefault());
    (table.closest(".type-table-wrap, .table-wrap") ?? table).before(form);
  }
  addEventListener("popstate", restore);
  restore();
  panel.open = matchMedia("(min-width: 64.01rem)").matches || filters.some((f) => f.el.value);
}
