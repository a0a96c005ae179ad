/**
 * Wikilink syntax and the one-pass scan of a note body that the index needs before anything is rendered: headings
 * (with their anchor ids) and `[[wikilinks]]` with their positions and the sentence around them.
 *
 * The scan is line-based and skips fenced code and inline code; it is what makes `npm run check` fast. Rendering later
 * parses the body once with unified and looks each link's resolution up by position (see render.ts).
 */
import GithubSlugger from "github-slugger";
import type { Heading, WikilinkSyntax } from "./types.ts";

/** Matches `[[...]]` and `![[...]]`; group 1 is `!` for embeds, group 2 the inner text. */
export const WIKILINK_RE = /(!?)\[\[([^[\]\n]*?)\]\]/g;

/** Parses the inside of `[[...]]`: `target`, `target|label`, `target#Heading`, `target#Heading|label`. */
export function parseWikilinkInner(inner: string): { target: string; heading?: string; label?: string } {
  const text = inner.replace(/\\\|/g, "|"); // `\|` is how a link is written inside a table cell
  const bar = text.indexOf("|");
  const dest = bar < 0 ? text : text.slice(0, bar);
  const label = bar < 0 ? undefined : text.slice(bar + 1).trim() || undefined;
  const hash = dest.indexOf("#");
  const target = (hash < 0 ? dest : dest.slice(0, hash)).trim();
  const heading = hash < 0 ? undefined : dest.slice(hash + 1).trim() || undefined;
  return { target, heading, label };
}

/** The text a reader sees for a link. */
export function wikilinkText(link: { target: string; heading?: string; label?: string }, title?: string): string {
  if (link.label) return link.label;
  const base = title ?? link.target;
  if (link.heading) return link.target ? `${base} › ${link.heading}` : link.heading;
  return base;
}

/**
 * Plain text of a bit of inline Markdown: wikilinks become their label (or the target's title when `titleOf` knows
 * it), emphasis and code marks are dropped.
 */
export function inlinePlainText(md: string, titleOf?: (target: string) => string | undefined): string {
  return md
    .replace(WIKILINK_RE, (_m, _bang, inner: string) => {
      const link = parseWikilinkInner(inner);
      return wikilinkText(link, titleOf?.(link.target));
    })
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/(\*\*|__|\*|_|~~|`)/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export interface ScannedLink extends WikilinkSyntax {
  context: string;
}

export interface BodyScan {
  headings: Heading[];
  links: ScannedLink[];
  /** Raw HTML that is never safe in a note: `<script>`, `on*=` handlers, `javascript:` URLs. */
  unsafeHtml: { line: number; column: number; what: string }[];
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const TABLE_ROW = /^ {0,3}\|/;
const LIST_ITEM = /^ {0,3}([-*+]|\d+[.)]) /;
const UNSAFE_HTML = /<script\b|<\/script>|\son[a-z]+\s*=|javascript:/gi;

/**
 * Scans a Markdown body. `firstLine` is the 1-based file line the body starts on, so positions are file positions.
 */
export function scanBody(body: string, firstLine: number): BodyScan {
  const lines = body.split("\n");
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const links: ScannedLink[] = [];
  const unsafeHtml: BodyScan["unsafeHtml"] = [];
  /** The closing line of the fenced code block we are in, if any. */
  let fenceClose: RegExp | null = null;
  // The current paragraph: its lines' texts (inline code blanked) and the links found in it, for context sentences.
  let para: { text: string }[] = [];
  let paraLinks: { link: WikilinkSyntax; lineIdx: number; col: number }[] = [];

  const flush = () => {
    if (paraLinks.length) {
      let joined = "";
      const starts: number[] = [];
      for (const l of para) {
        if (joined) joined += " ";
        starts.push(joined.length);
        joined += l.text;
      }
      for (const { link, lineIdx, col } of paraLinks) {
        links.push({ ...link, context: sentenceAround(joined, starts[lineIdx] + col) });
      }
    }
    para = [];
    paraLinks = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, "");
    const lineNo = firstLine + i;
    if (fenceClose) {
      if (fenceClose.test(raw)) fenceClose = null;
      continue;
    }
    const open = FENCE_OPEN.exec(raw);
    if (open) {
      flush();
      fenceClose = new RegExp(`^ {0,3}\\${open[1][0]}{${open[1].length},}[ \\t]*$`);
      continue;
    }
    if (!raw.trim()) {
      flush();
      continue;
    }
    const text = blankInlineCode(raw);
    const unsafe = [...text.matchAll(UNSAFE_HTML)];
    if (unsafe.length) {
      const what = [...new Set(unsafe.map((m) => `\`${m[0].trim()}\``))].join(", ");
      unsafeHtml.push({ line: lineNo, column: (unsafe[0].index ?? 0) + 1, what });
    }
    const atx = ATX.exec(raw);
    const setext = !atx && para.length > 0 && SETEXT.exec(raw);
    if (atx || setext) {
      const headingText = atx ? (atx[2] ?? "") : para.map((p) => p.text).join(" ");
      const headingLine = atx ? lineNo : lineNo - para.length;
      const plain = inlinePlainText(headingText);
      headings.push({
        depth: atx ? atx[1].length : setext && setext[1][0] === "=" ? 1 : 2,
        text: plain,
        id: slugger.slug(plain),
        line: headingLine,
      });
      // Links inside a heading still count; their context is the heading itself.
      const headingMd = headingText.trim();
      if (setext) {
        for (const { link } of paraLinks) links.push({ ...link, context: headingMd });
        para = [];
        paraLinks = [];
      } else {
        flush();
        collectLinks(text, lineNo, (link) => links.push({ ...link, context: headingMd }));
      }
      continue;
    }
    if (TABLE_ROW.test(raw)) {
      // A table row is its own context: its cells, without the pipes.
      flush();
      const cells = text.replace(/\\\|/g, "\u0000").split("|").map((c) => c.trim()).filter(Boolean).join(" · ").replace(/\u0000/g, "\\|");
      if (!/^[-:· ]*$/.test(cells)) collectLinks(text, lineNo, (link) => links.push({ ...link, context: cells }));
      continue;
    }
    if (LIST_ITEM.test(raw)) flush(); // each list item starts its own context
    para.push({ text });
    const lineIdx = para.length - 1;
    collectLinks(text, lineNo, (link, col) => paraLinks.push({ link, lineIdx, col }));
  }
  flush();
  return { headings, links, unsafeHtml };
}

function collectLinks(text: string, lineNo: number, add: (link: WikilinkSyntax, col: number) => void) {
  WIKILINK_RE.lastIndex = 0;
  for (let m; (m = WIKILINK_RE.exec(text)); ) {
    const embed = m[1] === "!";
    add({ ...parseWikilinkInner(m[2]), embed, line: lineNo, column: m.index + 1 }, m.index);
  }
}

/** Replaces the content of inline code spans by spaces, keeping columns. */
function blankInlineCode(line: string): string {
  if (!line.includes("`")) return line;
  return line.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (m) => " ".repeat(m.length));
}

/** The sentence of `text` containing offset `at`, still as Markdown (see inlinePlainText), capped in length. */
export function sentenceAround(text: string, at: number): string {
  const before = text.slice(0, at);
  const after = text.slice(at);
  const startMatch = /[.!?]["')\]]*\s+(?=[^.!?]*$)/.exec(before);
  const start = startMatch ? startMatch.index + startMatch[0].length : 0;
  const endMatch = /[.!?]["')\]]*(\s|$)/.exec(after.replace(WIKILINK_RE, (m) => "x".repeat(m.length)));
  const end = endMatch ? at + endMatch.index + endMatch[0].trimEnd().length : text.length;
  let sentence = text.slice(start, end).replace(/^\s*([-*+>]|\d+[.)])\s+/, "").trim();
  if (sentence.length > 400) sentence = `${sentence.slice(0, 397).replace(/\[\[[^\]]*$/, "").trimEnd()}…`;
  return sentence;
}
