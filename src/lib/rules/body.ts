/** Rules about note bodies: raw HTML and link URLs that could run code in a reader's browser. */
import { defineRule } from "./rule.ts";

export const unsafeHtml = defineRule({
  id: "unsafe-html",
  severity: "error",
  summary: "Raw HTML with `<script>`, an `on*=` event handler or a `javascript:` URL.",
  fix: "Remove it: the site strips such markup, so it could only ever mislead.",
  check(vault, report) {
    for (const f of vault.files) {
      for (const h of f.parsed.unsafeHtml) {
        report(f, h, `raw HTML ${h.what} is not allowed in notes`, "scripts, `on*=` event handlers and `javascript:` URLs are stripped from the site: remove them (see CONTRIBUTING.md for the HTML that is allowed)");
      }
    }
  },
});

export const unsafeUrl = defineRule({
  id: "unsafe-url",
  severity: "error",
  summary: "A Markdown link or image whose URL has a scheme other than http(s) or mailto (`javascript:`, `data:` …).",
  fix: "Link to an `https://` address; the page shows such a link as plain text.",
  check(vault, report) {
    for (const f of vault.files) {
      for (const u of f.parsed.unsafeUrls) report(f, u, `link URL \`${u.what.slice(0, 80)}\` is not a web address`, "use an `https://` or `mailto:` URL, or a `[[wikilink]]` to a note");
    }
  },
});
