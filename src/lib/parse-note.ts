/**
 * The per-file stage: one note's text to everything later stages need from it, with no knowledge of other notes.
 * The frontmatter is split and read as YAML (with each field's position), the body is parsed once into mdast
 * (wikilinks are Markdown syntax, see markdown/), and from that one tree come the headings, links, block ids, plain
 * text, unsafe-content findings and the HTML template, its raw HTML sanitized (markdown/sanitize.ts). The tree
 * itself is dropped: the result is plain data, which is what the parse cache stores and what worker threads send back.
 *
 * A body nested deeper than the renderer can take (markdown/limits.ts) is not parsed further: it is kept as plain
 * text, and `tooDeep` says where it went too deep.
 */
import { splitNote, type FrontmatterProblem, type SplitNote } from "./frontmatter.ts";
import { extract, type ContextPart, type Finding, type HeadingInfo, type LinkInfo } from "./markdown/extract.ts";
import { htmlTemplate, type HtmlTemplate } from "./markdown/html.ts";
import { parseMarkdown } from "./markdown/index.ts";
import { containerDepthProblem, htmlDepthProblem, inlineDepthProblem, treeDepthProblem, type DepthProblem } from "./markdown/limits.ts";
import type { Removal } from "./markdown/sanitize.ts";
import { hideComments, obsidianTransforms } from "./markdown/obsidian.ts";

export interface ParsedNote {
  /** Frontmatter as YAML read it; undefined when missing or unreadable (see `problems`). */
  data: unknown;
  positions: SplitNote["positions"];
  problems: FrontmatterProblem[];
  bodyLine: number;
  headings: HeadingInfo[];
  links: LinkInfo[];
  /** The sentences the links stand in (`links[i].context` indexes it). */
  contexts: ContextPart[][];
  blocks: string[];
  /** What the sanitizer removed from the note's raw HTML (reported by `unsafe-html` or `sanitized-html`). */
  unsafeHtml: Finding[];
  unsafeUrls: Finding[];
  /** Set when the body nests too deep to render: it is then shown as plain text. */
  tooDeep?: Finding;
  html: HtmlTemplate;
  /** Inline `#tags` of an Obsidian note (lowercase, without `#`). */
  tags?: string[];
}

export interface ParseNoteOptions {
  /**
   * Read the note as Obsidian does (a vault without `notes: typed`): frontmatter optional, and Obsidian's syntax
   * (markdown/obsidian.ts). The parse cache keys its entries by this too.
   */
  obsidian?: boolean;
}

export function parseNote(text: string, options: ParseNoteOptions = {}): ParsedNote {
  const obsidian = !!options.obsidian;
  // U+E000 to U+E006 mark link slots, positions, math and the site's base in the HTML template; a note has no
  // business containing them.
  const split = splitNote(text.replace(/[\uE000-\uE006]/g, ""), { optional: obsidian });
  const lineOffset = split.bodyLine - 1;
  const common = { data: split.data, positions: split.positions, problems: split.problems, bodyLine: split.bodyLine };
  // Comments are blanked in place (positions stay right), so `body` is what the tree's offsets point into.
  const body = obsidian ? hideComments(split.body) : split.body;
  const early = containerDepthProblem(body) ?? inlineDepthProblem(body);
  if (early) return asPlainText(common, body, early, lineOffset);
  const tree = parseMarkdown(body, { obsidian });
  const deep = treeDepthProblem(tree) ?? htmlDepthProblem(tree);
  if (deep) return asPlainText(common, body, deep, lineOffset);
  const tags = obsidian ? obsidianTransforms(tree, body).tags : undefined;
  const found = extract(tree, lineOffset, body);
  const removals: Removal[] = [];
  const html = htmlTemplate(tree, found.linkNodes, { obsidian, source: body, removals });
  return {
    ...common,
    headings: found.headings,
    links: found.links,
    contexts: found.contexts,
    blocks: found.blocks,
    unsafeHtml: removals.map((r) => ({ ...r, line: r.line + lineOffset, endLine: r.endLine + lineOffset })),
    unsafeUrls: found.unsafeUrls,
    html,
    ...(tags ? { tags } : {}),
  };
}

/** A body too deep to render: no links, headings or HTML from it, only its text, escaped, as written. */
function asPlainText(common: Pick<ParsedNote, "data" | "positions" | "problems" | "bodyLine">, body: string, deep: DepthProblem, lineOffset: number): ParsedNote {
  const line = deep.line + lineOffset;
  const escaped = body.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return {
    ...common,
    headings: [],
    links: [],
    contexts: [],
    blocks: [],
    unsafeHtml: [],
    unsafeUrls: [],
    tooDeep: { line, column: deep.column, endLine: line, endColumn: deep.column, what: deep.what },
    html: { chunks: [`<pre class="unrendered">${escaped}</pre>`], labels: [] },
  };
}
