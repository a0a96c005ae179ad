/**
 * A note's excerpt for link previews, made once while its HTML is rendered (html.ts), from the final HTML tree: the
 * text of the body's first `<p>` as the page's HTML has it (entities and all, no tags), each link of the note in it
 * left as its number, for the page to fill in with the link's text as it shows it (site.ts `preview()`), since what a
 * link reads as depends on what it resolves to. Whitespace is collapsed, and text well past what a preview shows
 * (`EXCERPT_KEPT` characters) is not kept.
 */
import type { Element, Root as HastRoot, RootContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { LINK_SLOT, MATH_OPEN, MATH_SLOT } from "./markers.ts";

/**
 * Text (HTML-escaped, whitespace collapsed), a link by its number, or a link with a label by its number and the
 * label's text.
 */
export type ExcerptPart = string | number | [link: number, label: string];

/** A preview shows at most about 400 characters; beyond this many of the paragraph's own text nothing can show. */
export const EXCERPT_KEPT = 420;

/** The first paragraph element of a tree, in document order (what the page's first `<p` opens). */
export function firstParagraph(root: HastRoot): Element | undefined {
  const stack: RootContent[] = [...root.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type !== "element") continue;
    if (node.tagName === "p") return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return undefined;
}

/**
 * The text of an element as its HTML reads with the tags taken out: each text node escaped as the page escapes it,
 * the note's links as their numbers, each formula as the text of its rendered MathML (`math[i]`).
 */
export function excerptOf(element: Element, math: readonly string[], label: (link: number) => string | undefined = () => undefined): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let kept = 0;
  const addText = (text: string) => {
    const collapsed = text.replace(/\s+/g, " ");
    if (!collapsed) return;
    const piece = collapsed.slice(0, EXCERPT_KEPT - kept);
    kept += piece.length;
    if (typeof parts[parts.length - 1] === "string") parts[parts.length - 1] += piece;
    else parts.push(piece);
  };
  const stack: RootContent[] = [...element.children].reverse();
  while (stack.length && kept < EXCERPT_KEPT) {
    const node = stack.pop()!;
    if (node.type === "element") {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
      continue;
    }
    if (node.type !== "text") continue;
    const html = toHtml(node);
    let at = 0;
    for (const m of html.matchAll(LINK_SLOT)) {
      addText(withMath(html.slice(at, m.index), math));
      const link = Number(m[1]);
      const text = label(link);
      parts.push(text === undefined ? link : [link, text]);
      at = m.index + m[0].length;
    }
    addText(withMath(html.slice(at), math));
  }
  return parts;
}

/** The label's text of a link whose label is rendered as `element` (a paragraph holding it). */
export function labelText(element: Element, math: readonly string[]): string {
  return excerptOf(element, math).join("");
}

/**
 * Math slots replaced by the text a reader of the page's HTML without its tags gets from KaTeX's MathML: the
 * formula's characters, then its TeX annotation, escaped as KaTeX escapes them.
 */
function withMath(text: string, math: readonly string[]): string {
  return text.includes(MATH_OPEN) ? text.replace(MATH_SLOT, (_m, i: string) => (math[Number(i)] ?? "").replace(/<[^>]*>/g, "")) : text;
}
