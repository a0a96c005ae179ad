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
import { extract, type ContextPart, type Finding, type HeadingInfo, type LinkInfo, type ProseBlock } from "./markdown/extract.ts";
import { escapeHtml } from "./html-escape.ts";
import { htmlTemplate, type HtmlTemplate } from "./markdown/html.ts";
import { parseMarkdown } from "./markdown/index.ts";
import { containerDepthProblem, htmlDepthProblem, inlineDepthProblem, treeDepthProblem, type DepthProblem } from "./markdown/limits.ts";
import type { CompactProse } from "./markdown/prose.ts";
import type { Removal } from "./markdown/sanitize.ts";
import { stripMarkers } from "./markdown/markers.ts";
import { transformText, transformTree } from "./markdown/pipeline.ts";
import type {} from "./markdown/bases.ts";
import { PLACEHOLDERS } from "./placeholders.ts";
import type { CanvasInfo } from "./canvas/note.ts";

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
  /**
   * The body's prose with positions, where the checker looks for names of other notes (unlinked mentions): only
   * when asked (`ParseNoteOptions.prose`), as it would add a third to a loaded vault's memory.
   */
  prose?: ProseBlock[];
  /**
   * The same prose as one compact text without positions (markdown/prose.ts), for the pages' unlinked mentions: it
   * comes with the HTML template (a page needs both).
   */
  proseText?: CompactProse;
  blocks: string[];
  /** What the sanitizer removed from the note's raw HTML (reported by `unsafe-html` or `sanitized-html`). */
  unsafeHtml: Finding[];
  unsafeUrls: Finding[];
  /** `[[` that opens no wikilink (`unclosed-link`); absent when there is none. */
  unclosed?: Finding[];
  /** Set when the body nests too deep to render: it is then shown as plain text. */
  tooDeep?: Finding;
  /**
   * The body as an HTML template for the pages. Absent when the note was parsed for the check alone
   * (`ParseNoteOptions.html: false`) and has no raw HTML: the check needs the sanitizer's findings, not the HTML.
   */
  html?: HtmlTemplate;
  /** The line of the scaffold's body instructions (`npm run new`), while they are still there. */
  placeholderLine?: number;
  /** Inline `#tags` of an Obsidian note (lowercase, without `#`). */
  tags?: string[];
  /** The note's ```base blocks (markdown/bases.ts): each one's text and where it starts in the file; the page evaluates them (bases/). */
  bases?: { text: string; line: number; column: number }[];
  /** Set for a JSON Canvas file of an Obsidian vault, read as a note (canvas/note.ts): what was wrong in it. */
  canvas?: CanvasInfo;
}

export interface ParseNoteOptions {
  /**
   * Read the note as Obsidian does (a vault without `notes: typed`): frontmatter optional, and Obsidian's syntax
   * (markdown/pipeline.ts). The parse cache keys its entries by this too.
   */
  obsidian?: boolean;
  /**
   * Render the HTML template (default). `false` parses for the check alone (`npm run check`): a note's HTML is then
   * rendered only when it has raw HTML, whose sanitizing the check reports. A page needs the template, so a loader
   * that builds pages takes such a result as a cache miss.
   */
  html?: boolean;
  /** Keep the body's prose with its positions (`npm run check -- --mentions`). Default: no. */
  prose?: boolean;
}

/** A note parsed for pages: its HTML template is always there. */
export type RenderedNote = ParsedNote & { html: HtmlTemplate };

export function parseNote(text: string, options?: ParseNoteOptions & { html?: true }): RenderedNote;
export function parseNote(text: string, options: ParseNoteOptions): ParsedNote;
export function parseNote(text: string, options: ParseNoteOptions = {}): ParsedNote {
  const obsidian = !!options.obsidian;
  // The engine's markers (link slots, places, math, the site's base: markdown/markers.ts) never come from a note.
  const split = splitNote(stripMarkers(text), { optional: obsidian });
  const lineOffset = split.bodyLine - 1;
  const common = { data: split.data, positions: split.positions, problems: split.problems, bodyLine: split.bodyLine };
  // The text transforms (Obsidian's comments) keep every character's place, so `body` is what the tree's offsets
  // point into.
  const body = transformText(split.body, { obsidian });
  const early = containerDepthProblem(body) ?? inlineDepthProblem(body);
  if (early) return asPlainText(common, body, early, lineOffset);
  const tree = parseMarkdown(body, { obsidian });
  const deep = treeDepthProblem(tree) ?? htmlDepthProblem(tree);
  if (deep) return asPlainText(common, body, deep, lineOffset);
  // Every change to the tree happens here, before it is read (extract.ts) and rendered (html.ts).
  const transformed = transformTree(tree, body, { obsidian });
  const tags = obsidian ? transformed.tags : undefined;
  // A note parsed for the check alone gets its HTML (and the backlink sentences pages show with it) only when it has
  // raw HTML to sanitize; a page load takes an entry with HTML as a hit, so the two always come together.
  const withHtml = options.html !== false || hasRawHtml(tree);
  const found = extract(tree, lineOffset, body, { prose: options.prose, contexts: withHtml });
  const removals: Removal[] = [];
  const html = withHtml ? htmlTemplate(tree, found.linkNodes, { obsidian, source: body, removals }) : undefined;
  return {
    ...common,
    headings: found.headings,
    links: found.links,
    contexts: found.contexts,
    ...(found.prose ? { prose: found.prose } : {}),
    ...(html && found.proseText !== undefined ? { proseText: found.proseText } : {}),
    blocks: found.blocks,
    unsafeHtml: removals.map((r) => ({ ...r, line: r.line + lineOffset, endLine: r.endLine + lineOffset })),
    unsafeUrls: found.unsafeUrls,
    ...(found.unclosed.length ? { unclosed: found.unclosed } : {}),
    ...(html ? { html } : {}),
    ...placeholderAt(body, lineOffset),
    ...(tags ? { tags } : {}),
    ...(tree.data?.bases ? { bases: tree.data.bases.map((b) => ({ ...b, line: b.line + lineOffset })) } : {}),
  };
}

/** Where the scaffold's body instructions still stand, if they do. */
function placeholderAt(body: string, lineOffset: number): { placeholderLine?: number } {
  const at = body.indexOf(PLACEHOLDERS.body);
  if (at < 0) return {};
  let line = 1;
  for (let i = body.indexOf("\n"); i !== -1 && i < at; i = body.indexOf("\n", i + 1)) line++;
  return { placeholderLine: line + lineOffset };
}

/** A note's HTML template, for a page: a vault loaded for the check alone (`html: false`) has none to give. */
export function templateOf(note: { file: string; parsed: ParsedNote }): HtmlTemplate {
  if (!note.parsed.html) throw new Error(`${note.file} was parsed for the check alone (html: false), without its HTML: load the vault for pages`);
  return note.parsed.html;
}

/** Whether the tree holds raw HTML (a block or inline `html` node), which only the HTML pipeline sanitizes. */
function hasRawHtml(node: { type: string; children?: unknown[] }): boolean {
  if (node.type === "html") return true;
  return !!node.children?.some((c) => hasRawHtml(c as { type: string; children?: unknown[] }));
}

/** A body too deep to render: no links, headings or HTML from it, only its text, escaped, as written. */
function asPlainText(common: Pick<ParsedNote, "data" | "positions" | "problems" | "bodyLine">, body: string, deep: DepthProblem, lineOffset: number): ParsedNote {
  const line = deep.line + lineOffset;
  const escaped = escapeHtml(body);
  return {
    ...common,
    headings: [],
    links: [],
    contexts: [],
    prose: [],
    proseText: { text: "", links: [] },
    blocks: [],
    unsafeHtml: [],
    unsafeUrls: [],
    tooDeep: { line, column: deep.column, endLine: line, endColumn: deep.column, what: deep.what },
    html: { chunks: [`<pre class="unrendered">${escaped}</pre>`], labels: [] },
  };
}
