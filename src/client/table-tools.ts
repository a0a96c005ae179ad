/**
 * Sorting and filtering for the index tables (`table[data-table-tools]`), added on top of a plain table that works
 * without JavaScript. The page says what each column sorts and filters by: `data-sort` on the cells, `data-sort-type`
 * (`text` or `number`) and `data-filter-name` on the headers, `data-filter` (a JSON list of values) on the cells; the
 * openness columns (`data-openness`) share one "dimension is level" filter rather than a dozen selects.
 */

type Direction = "ascending" | "descending";

export function enhanceTables(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>("table[data-table-tools]")) enhance(table);
}

function enhance(table: HTMLTableElement): void {
  const body = table.tBodies[0];
  if (!body) return;
  const headers = [...table.tHead!.rows[0].cells] as HTMLTableCellElement[];
  const rows = [...body.rows];
  const original = new Map(rows.map((r, i) => [r, i]));
  const cell = (row: HTMLTableRowElement, col: number) => row.cells[col] as HTMLElement;

  // Sorting: every header becomes a button; a second press reverses the order.
  headers.forEach((th, col) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener("click", () => {
      // Numbers (openness: most open first) start high, text starts at A; a second press reverses.
      const numeric = th.dataset.sortType === "number";
      const first: Direction = numeric ? "descending" : "ascending";
      const direction: Direction = th.getAttribute("aria-sort") === first ? (first === "ascending" ? "descending" : "ascending") : first;
      for (const h of headers) h.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", direction);
      const key = (r: HTMLTableRowElement) => cell(r, col).dataset.sort ?? cell(r, col).textContent ?? "";
      const sign = direction === "ascending" ? 1 : -1;
      const sorted = [...body.rows].sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        const c = numeric ? Number(ka) - Number(kb) : ka.localeCompare(kb, "en", { sensitivity: "base", numeric: true });
        return c * sign || original.get(a)! - original.get(b)!;
      });
      body.append(...sorted);
    });
  });

  // Filters: a select per filterable column, one pair for the openness columns, and a live count.
  const form = document.createElement("form");
  form.className = "table-filters";
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", `Filter ${table.getAttribute("aria-label") ?? "the table"}`);
  const tests: ((row: HTMLTableRowElement) => boolean)[] = [];
  const values = (row: HTMLTableRowElement, col: number): string[] => JSON.parse(cell(row, col).dataset.filter ?? "[]") as string[];
  // The visible words and the select's accessible name differ for the openness pair ("Openness [dimension] is [level]").
  const select = (label: string, options: [value: string, text: string][], name = label) => {
    const wrap = document.createElement("label");
    wrap.append(`${label} `);
    const el = document.createElement("select");
    el.setAttribute("aria-label", name);
    for (const [value, text] of [["", "any"], ...options]) el.add(new Option(text, value));
    wrap.append(el);
    form.append(wrap, " ");
    return el;
  };
  const openness: number[] = [];
  headers.forEach((th, col) => {
    const name = th.dataset.filterName;
    if (!name) return;
    if (th.dataset.openness !== undefined) return void openness.push(col);
    const distinct = [...new Set(rows.flatMap((r) => values(r, col)))].filter(Boolean).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    if (distinct.length < 2) return;
    const el = select(name, distinct.map((v) => [v, v]));
    tests.push((row) => !el.value || values(row, col).includes(el.value));
  });
  if (openness.length) {
    const dimension = select("Openness", openness.map((col) => [String(col), headers[col].dataset.filterName!]), "Openness dimension");
    const level = select("is", ["open", "partial", "closed", "unknown"].map((l) => [l, l]), "Openness level");
    tests.push((row) => !dimension.value || !level.value || values(row, Number(dimension.value)).includes(level.value));
  }
  if (!tests.length) return;
  const count = document.createElement("p");
  count.className = "meta table-count";
  count.setAttribute("aria-live", "polite");
  const reset = document.createElement("button");
  reset.type = "reset";
  reset.textContent = "Clear filters";
  form.append(reset, count);
  const apply = () => {
    let shown = 0;
    for (const row of rows) {
      const keep = tests.every((t) => t(row));
      row.hidden = !keep;
      if (keep) shown++;
    }
    count.textContent = shown === rows.length ? `${rows.length} shown` : `${shown} of ${rows.length} shown`;
  };
  form.addEventListener("change", apply);
  form.addEventListener("reset", () => setTimeout(apply));
  form.addEventListener("submit", (e) => e.preventDefault());
  (table.closest(".table-wrap") ?? table).before(form);
  apply();
}
