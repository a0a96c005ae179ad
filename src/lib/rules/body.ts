/** Rules about note bodies: raw HTML and link URLs that could run code in a reader's browser; template text left in. */
import { PLACEHOLDERS } from "../scaffold.ts";
import { at, defineRule } from "./rule.ts";

export const unsafeHtml = defineRule({
  id: "unsafe-html",
  severity: "error",
  sanitized: "off", // removed from the page instead
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
  sanitized: "warning",
  summary: "A Markdown link or image whose URL has a scheme other than http(s) or mailto (`javascript:`, `data:` …).",
  fix: "Link to an `https://` address; the page shows such a link as plain text.",
  check(vault, report) {
    for (const f of vault.files) {
      for (const u of f.parsed.unsafeUrls) report(f, u, `link URL \`${u.what.slice(0, 80)}\` is not a web address`, "use an `https://` or `mailto:` URL, or a `[[wikilink]]` to a note");
    }
  },
});

export const placeholder = defineRule({
  id: "placeholder",
  severity: "warning",
  summary: "The stand-in text of `npm run new`'s template is still there: its summary, or the instructions in its body.",
  fix: "Replace it with the note's own one-sentence summary and text.",
  check(vault, report) {
    for (const note of vault.notes) {
      const file = vault.filesBySlug.get(note.slug)!;
      if (note.fields.summary === PLACEHOLDERS.summary(note.title)) {
        report(file, at(file, ["summary"]), "the summary is still the template's", "write one sentence saying what this is, in your own words");
      }
      if (note.parsed.html.chunks.some((c) => c.includes(PLACEHOLDERS.body))) {
        report(file, { line: note.parsed.bodyLine, column: 1 }, "the body still holds the template's instructions", "replace them with what the sources say, in your own words");
      }
    }
  },
});
