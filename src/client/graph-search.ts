/**
 * The standalone graph search (GraphSearch.astro outside the graph page): picking a note opens it in the graph at
 * `/graph/?focus=slug`. Without JavaScript the form still submits `/graph/?q=...`.
 */
import { siteUrls } from "../lib/urls.ts";
import { loadLandscape } from "./landscape.ts";
import { attachSearchBox } from "./search-box.ts";

for (const form of document.querySelectorAll<HTMLFormElement>("form[data-graph-search][data-standalone]")) {
  const input = form.querySelector("input")!;
  const list = form.querySelector("ul")!;
  attachSearchBox(input, list, {
    data: () => loadLandscape(form.dataset.payload!),
    onPick: (node, data) => {
      location.href = siteUrls(form.dataset.base).graph({ focus: data.payload.slug[node] });
    },
  });
}
