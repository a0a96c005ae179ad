/**
 * mdast side of wikilinks: the `wikiLink` node, the mdast-util-from-markdown extension that builds it from the tokens
 * of `wikilink()` (wikilink-syntax.ts), and the mdast-util-to-markdown extension that writes it back.
 *
 * Target, heading and block id are read from the source of their tokens; the label's children are whatever inline
 * nodes micromark produced for the label, so they carry their own positions.
 */
import type { Parent, PhrasingContent } from "mdast";
import type { CompileContext, Extension as FromMarkdownExtension, Token } from "mdast-util-from-markdown";
import type { Info, State, Options as ToMarkdownExtension } from "mdast-util-to-markdown";

export interface WikiLink extends Parent {
  type: "wikiLink";
  /** `![[…]]` */
  embed: boolean;
  /** Note name as written (trimmed); "" for `[[#Heading]]` / `[[#^block]]` (a link within the note). */
  target: string;
  /** Text after `#` (trimmed), when it does not start with `^`. */
  heading?: string;
  /** Id after `#^`, e.g. `[[note#^abc-1]]` → "abc-1". */
  block?: string;
  /** The label after `|` as written in the source (trimmed), when there is one. */
  label?: string;
  /**
   * The label parsed as inline Markdown (emphasis, strong, inline code, text …), with positions inside the file; []
   * when there is no label.
   */
  children: PhrasingContent[];
}

declare module "mdast" {
  interface PhrasingContentMap {
    wikiLink: WikiLink;
  }
  interface RootContentMap {
    wikiLink: WikiLink;
  }
}

declare module "mdast-util-to-markdown" {
  interface ConstructNameMap {
    /** The children of a wikiLink serialized as its label (only when the node has no raw `label`). */
    wikiLinkLabel: "wikiLinkLabel";
  }
}

/** Builds `wikiLink` nodes; use with `wikilink()` in micromark's `extensions`. */
export function wikilinkFromMarkdown(): FromMarkdownExtension {
  return {
    enter: { wikiLink: enterWikiLink },
    exit: {
      wikiLink: exitWikiLink,
      wikiLinkEmbedMarker: exitEmbedMarker,
      wikiLinkTarget: exitTarget,
      wikiLinkHeading: exitHeading,
      wikiLinkBlock: exitBlock,
      wikiLinkLabel: exitLabel,
    },
  };
}

function enterWikiLink(this: CompileContext, token: Token): undefined {
  const node: WikiLink = { type: "wikiLink", embed: false, target: "", children: [] };
  this.enter(node, token);
}

function exitWikiLink(this: CompileContext, token: Token): undefined {
  this.exit(token);
}

/** The node being built: the part tokens are exited while it is on top of the stack (label children are closed). */
function currentLink(context: CompileContext): WikiLink | undefined {
  const node = context.stack[context.stack.length - 1];
  return node?.type === "wikiLink" ? node : undefined;
}

function exitEmbedMarker(this: CompileContext): undefined {
  const node = currentLink(this);
  if (node) node.embed = true;
}

function exitTarget(this: CompileContext, token: Token): undefined {
  const node = currentLink(this);
  if (node) node.target = this.sliceSerialize(token).trim();
}

function exitHeading(this: CompileContext, token: Token): undefined {
  const node = currentLink(this);
  const text = this.sliceSerialize(token).trim();
  if (!node || !text) return;
  // `[[a# ^b]]` is tokenized as a heading (the `^` is not right after `#`) but reads as a block reference.
  if (text.startsWith("^")) {
    const id = text.slice(1).trim();
    if (id) node.block = id;
  } else node.heading = text;
}

function exitBlock(this: CompileContext, token: Token): undefined {
  const node = currentLink(this);
  const id = this.sliceSerialize(token).trim();
  if (node && id) node.block = id;
}

function exitLabel(this: CompileContext, token: Token): undefined {
  const node = currentLink(this);
  // The token already excludes the padding around the label.
  if (node) node.label = this.sliceSerialize(token);
}

/**
 * Writes `wikiLink` nodes back as `[[target#heading|label]]` (`!` for embeds, `#^block` for block ids). The raw
 * `label` is written as it is; without one, the children are serialized as the label.
 *
 * Inside a GFM table cell (`tableCell` on `state.stack`) every `|` that is not already escaped is written `\|`, the
 * separator included, since an unescaped one would end the cell. Target, heading and block id are written verbatim:
 * a parsed node cannot hold `[`, `]`, `|` or a line ending there, and a hand-built one is trusted.
 */
export function wikilinkToMarkdown(): ToMarkdownExtension {
  return {
    handlers: { wikiLink: Object.assign(handleWikiLink, { peek: peekWikiLink }) },
    unsafe: [
      // In serialized children, `]]` would end the label early; the tokenizer treats `\]` as label content.
      { character: "]", inConstruct: "wikiLinkLabel" },
    ],
  };
}

function handleWikiLink(node: WikiLink, _parent: unknown, state: State, info: Info): string {
  const inTable = state.stack.includes("tableCell");
  const tracker = state.createTracker(info);
  let value = tracker.move(`${node.embed ? "!" : ""}[[${node.target}`);
  if (node.block !== undefined) value += tracker.move(`#^${node.block}`);
  else if (node.heading !== undefined) value += tracker.move(`#${node.heading}`);

  let label = node.label;
  if (label === undefined && node.children.length > 0) {
    const exit = state.enter("wikiLinkLabel");
    label = state.containerPhrasing(node, { before: "|", after: "]", ...tracker.current() });
    exit();
  }
  if (label !== undefined && label !== "") {
    value += tracker.move(inTable ? `\\|${escapeBars(label)}` : `|${label}`);
  }
  value += tracker.move("]]");
  return value;
}

function peekWikiLink(node: WikiLink): string {
  return node.embed ? "!" : "[";
}

function escapeBars(text: string): string {
  return text.replace(/(?<!\\)\|/g, "\\|");
}
