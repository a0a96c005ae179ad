/**
 * Rules about note bodies: raw HTML the sanitizer removes (an error or a warning, by the vault's raw HTML policy)
 * and link URLs that could run code in a reader's browser; bodies nested too deep to render; template text left in.
 */
import { PLACEHOLDERS } from "../placeholders.ts";
import { at, defineRule } from "./rule.ts";

export const unsafeHtml = defineRule({
  id: "unsafe-html",
  severity: "error",
  sanitized: "off", // each removal is a `sanitized-html` warning instead
  summary: "Raw HTML the sanitizer removes: `<script>`, `<style>`, forms, an `on*=` handler, a `javascript:` URL, any tag or attribute outside the allowed set (under the `refuse` policy, this wiki's).",
  fix: "Remove it, or use the Markdown or HTML that is allowed (see Raw HTML above): the site strips it, so it could only ever mislead.",
  check(vault, report) {
    for (const f of vault.files) {
      for (const h of f.parsed.unsafeHtml) report(f, h, `raw HTML ${h.what} is not allowed in notes`, "the site removes it: take it out, or use the Markdown or HTML that is allowed (CONTRIBUTING.md, Raw HTML)");
    }
  },
});

export const sanitizedHtml = defineRule({
  id: "sanitized-html",
  severity: "warning",
  summary: "Raw HTML the sanitizer removed from the page (under the `sanitize` policy, for vaults from elsewhere): the same things `unsafe-html` refuses.",
  fix: "Nothing is needed for the site to be safe; remove the markup to make the page match the note.",
  check(vault, report) {
    if (vault.config.rawHtml !== "sanitize") return;
    for (const f of vault.files) {
      for (const h of f.parsed.unsafeHtml) report(f, h, `raw HTML ${h.what} was removed from the page`, "scripts, styles, forms, event handlers, non-web URLs and tags outside the allowed set are removed: take it out of the note to silence this");
    }
  },
});

export const tooDeep = defineRule({
  id: "too-deep",
  severity: "error",
  obsidian: "warning", // the note is still published, as plain text
  summary: "A note's body nests quotes, lists, emphasis or raw HTML deeper than the renderer takes (100 levels), or goes on a quote or list item lazily (without `>` or indentation) for over 2,000 lines, so it is shown as plain text.",
  fix: "Flatten the nesting at the line named, or end the quote or list with a blank line; no real note needs it.",
  check(vault, report) {
    for (const f of vault.files) {
      const d = f.parsed.tooDeep;
      if (d) report(f, d, `the body is shown as plain text: ${d.what}`, "flatten the nested quotes, lists or markup from this line on; nothing in the body (links, headings) counts until then");
    }
  },
});

export const unsafeUrl = defineRule({
  id: "unsafe-url",
  severity: "error",
  sanitized: "warning",
  summary: "A Markdown link whose URL has a scheme that could run in the page or read the reader's files (`javascript:`, `data:`, `file:` …; links may be web addresses or open an app: `mailto:`, `tel:`, `obsidian:` …), or an image not from the web.",
  fix: "Link to an `https://` address; the page shows such a link as plain text.",
  check(vault, report) {
    for (const f of vault.files) {
      for (const u of f.parsed.unsafeUrls) report(f, u, `link URL \`${u.what.slice(0, 80)}\` is not a web address`, "use an `https://` or `mailto:` URL, or a `[[wikilink]]` to a note");
    }
  },
});

export const unclosedLink = defineRule({
  id: "unclosed-link",
  severity: "warning",
  summary: "`[[` (or `![[`) that opens a wikilink never closed on its line: the page shows the brackets as written, with no link.",
  fix: "Close the link with `]]` on the same line, or write `\\[[` if the brackets are meant as text.",
  check(vault, report) {
    for (const f of vault.files) {
      for (const u of f.parsed.unclosed ?? []) report(f, u, `\`${u.what}\` opens a wikilink that is never closed`, "close it with `]]` on the same line (a link cannot span lines), or write `\\[[` for the brackets themselves");
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
      if (note.parsed.placeholderLine !== undefined) {
        report(file, { line: note.parsed.placeholderLine, column: 1 }, "the body still holds the template's instructions", "replace them with what the sources say, in your own words");
      }
    }
  },
});
