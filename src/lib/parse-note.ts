/**
 * The per-file stage: one note's text to everything later stages need from it, with no knowledge of other notes.
 * The frontmatter is split and read as YAML (with each field's position), the body is parsed once into mdast
 * (wikilinks are Markdown syntax, see markdown/), and from that one tree come the headings, links, block ids, plain
 * text, unsafe-content findings and the HTML template. The tree itself is dropped: the result is plain data, which
 * is what the parse cache stores and what worker threads send back.
 */
import { splitNote, type FrontmatterProblem, type SplitNote } from "./frontmatter.ts";
import { extract, type ContextPart, type Finding, type HeadingInfo, type LinkInfo } from "./markdown/extract.ts";
import { htmlTemplate, type HtmlTemplate } from "./markdown/html.ts";
import { parseMarkdown } from "./markdown/index.ts";
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
  unsafeHtml: Finding[];
  unsafeUrls: Finding[];
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
  const body = obsidian ? hideComments(split.body) : split.body;
  const tree = parseMarkdown(body, { obsidian });
  const tags = obsidian ? obsidianTransforms(tree, body).tags : undefined;
  const found = extract(tree, split.bodyLine - 1);
  return {
    data: split.data,
    positions: split.positions,
    problems: split.problems,
    bodyLine: split.bodyLine,
    headings: found.headings,
    links: found.links,
    contexts: found.contexts,
    blocks: found.blocks,
    unsafeHtml: found.unsafeHtml,
    unsafeUrls: found.unsafeUrls,
    html: htmlTemplate(tree, found.linkNodes, { obsidian }),
    ...(tags ? { tags } : {}),
  };
}
