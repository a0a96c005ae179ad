/**
 * The standalone graph search (GraphSearch.astro outside the graph page): picking a note opens it in the graph at
 * `/graph/?focus=slug`. Without JavaScript the form still submits `/graph/?q=...`.
 */
import type { TitlesPayload } from "../lib/graph/payload.ts";
import { decodeTitles, type NameIndex } from "../lib/graph/query.ts";
import { siteUrls } from "../lib/urls.ts";
import { attachSearchBox } from "./search-box.ts";

/** The titles payload (a few dozen bytes per note), fetched once, when the box first gets focus. */
let titles: Promise<NameIndex> | undefined;
const loadTitles = (url: string) =>
  (titles ??= fetch(url).then(async (res) => {
    if (!res.ok) throw new Error(`Could not load the note titles (${res.status} ${url})`);
    return decodeTitles((await res.json()) as TitlesPayload);
  }));

for (const form of document.querySelectorAll<HTMLFormElement>("form[data-graph-search][data-standalone]")) {
  const input = form.querySelector("input")!;
  const list = form.querySelector("ul")!;
  attachSearchBox(input, list, {
    data: () => loadTitles(form.dataset.titles!),
    onPick: (node, data) => {
      location.href = siteUrls(form.dataset.base).graph({ focus: data.slug[node] });
    },
  });
}
