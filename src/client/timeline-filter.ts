/**
 * The timeline's filters (`/timeline/`): by type (checkboxes) and by lab (a select, when the registry gives the
 * timeline a filter type), over a list that is complete without JavaScript. Entries carry `data-type` and
 * `data-labs` (a JSON list of lab slugs); a month or year left empty is hidden with its heading, and a live line says
 * how many entries are shown.
 */
export function enhanceTimeline(root: Document): void {
  const form = root.querySelector<HTMLFormElement>("form[data-timeline-filters]");
  if (!form) return;
  const entries = [...root.querySelectorAll<HTMLLIElement>(".timeline-entries > li")];
  const labsOf = new Map(entries.map((li) => [li, JSON.parse(li.dataset.labs ?? "[]") as string[]]));
  const count = form.querySelector<HTMLElement>(".timeline-count")!;
  const apply = () => {
    const types = new Set([...form.querySelectorAll<HTMLInputElement>('input[name="type"]:checked')].map((i) => i.value));
    // The select is there when the registry gives the timeline a filter type (labs).
    const lab = form.querySelector<HTMLSelectElement>('select[name="lab"]')?.value ?? "";
    let shown = 0;
    for (const li of entries) {
      const keep = types.has(li.dataset.type ?? "") && (!lab || labsOf.get(li)!.includes(lab));
      li.hidden = !keep;
      if (keep) shown++;
    }
    for (const section of root.querySelectorAll<HTMLElement>(".timeline-month, .timeline-year, .timeline-undated")) {
      section.hidden = !section.querySelector(".timeline-entries > li:not([hidden])");
    }
    count.textContent = shown === entries.length ? `${entries.length} entries` : `${shown} of ${entries.length} entries`;
  };
  form.addEventListener("change", apply);
  form.addEventListener("submit", (e) => e.preventDefault());
  form.hidden = false;
  apply();
}
