/**
 * The one sanitizer for raw HTML in notes, and what it removed. Both raw HTML policies use it: `refuse` (the typed
 * wiki, reviewed through pull requests: every removal is an `unsafe-html` error) and `sanitize` (other people's
 * vaults: every removal is a `sanitized-html` warning). The page gets the same sanitized HTML either way, so the two
 * policies differ only in how loudly they report, never in what they let through.
 *
 * The allowlist is GitHub's (hast-util-sanitize's default schema) plus what notes in the wild use: `<mark>`,
 * `<abbr>`, `<u>`, `<center>`, `<aside>`, `<figure>`, any class, and `https` iframes (video embeds), which are kept
 * sandboxed. Removals are found by comparing each element written in raw HTML before and after sanitizing, so what
 * is reported is exactly what the library removed.
 */
import type { Element, Nodes as HastNodes, Root as HastRoot } from "hast";
import { raw } from "hast-util-raw";
import { defaultSchema, sanitize, type Schema } from "hast-util-sanitize";
import type { VFile } from "vfile";
import { LINK_SCHEMES } from "../urls.ts";

/** The two policies are a vault setting (`rawHtml` in `atlas.yml`, config.ts). */
export type { RawHtmlPolicy } from "../config.ts";

/** One thing the sanitizer removed, at its 1-based position in the body. */
export interface Removal {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  what: string;
}

/** What an embedded page may do: run its own player, in its own origin; never navigate or script this page. */
export const IFRAME_SANDBOX = "allow-scripts allow-same-origin allow-popups allow-presentation";

// GitHub's per-tag class lists are dropped so that any class is kept (our own markup carries classes).
const attributes = Object.fromEntries(
  Object.entries(defaultSchema.attributes ?? {}).map(([tag, list]) => [tag, list.filter((a) => !(Array.isArray(a) && a[0] === "className"))]),
);

/**
 * The allowlist. `clobberPrefix` is empty because heading and block ids (`#real-heading`, `#^claim-1`) must be the
 * ids links point at; instead `name` is not allowed, so raw HTML cannot clobber `document.*` (`<img
 * name="querySelector">` would replace the page's own `document.querySelector`).
 */
export const SANITIZE_SCHEMA: Schema = {
  ...defaultSchema,
  clobberPrefix: "",
  // Dropped with their content: code, and text that was never meant to be shown.
  strip: ["script", "style", "template", "textarea", "title", "xmp", "noembed", "noframes", "select"],
  attributes: {
    ...attributes,
    "*": [...(attributes["*"] ?? []).filter((a) => a !== "name"), "className", "id", "title"],
    a: [...(attributes.a ?? []), "dataSlug"],
    iframe: ["src", "width", "height", "allowFullScreen", "loading"],
  },
  // A raw `<a href>` may open what a Markdown link may (urls.ts); images and the rest keep GitHub's web-only lists.
  protocols: { ...defaultSchema.protocols, href: [...LINK_SCHEMES] },
  tagNames: [...(defaultSchema.tagNames ?? []), "aside", "figure", "figcaption", "mark", "abbr", "u", "center", "iframe"],
  required: { ...defaultSchema.required, iframe: { sandbox: IFRAME_SANDBOX, referrerPolicy: "no-referrer" } },
};

/**
 * Parses the raw HTML in `tree` (the body's hast, with `raw` nodes where the note wrote HTML) and sanitizes the
 * result; returns the safe tree and what was removed from the note's own HTML: elements the HTML parser made from
 * text inside `rawRanges` (start and end offsets in `file`, the body). Markdown's own elements are not reported (a
 * note cannot write anything unsafe through them), and are told apart by their position and tag before parsing.
 */
export function sanitizeRaw(tree: HastRoot, file: VFile, rawRanges: readonly [number, number][]): { tree: HastRoot; removals: Removal[] } {
  // hast-util-from-parse5 can leave `start` or `end` out of an element's position (an element closed by the end of its
  // fragment), so every part of a position is optional here.
  const key = (el: Element) => `${el.position?.start?.offset}:${el.tagName}`;
  const own = new Set<string>();
  walk(tree, (el) => void own.add(key(el)));
  const parsed = raw(tree, { file }) as HastRoot;
  const before: Element[] = [];
  walk(parsed, (el) => {
    const at = el.position?.start?.offset;
    if (at === undefined || own.has(key(el)) || !rawRanges.some(([a, b]) => at >= a && at < b)) return;
    // An iframe is kept only when it shows an absolute https address: a relative one would frame this very site,
    // where `allow-same-origin` and `allow-scripts` together would undo the sandbox.
    if (el.tagName === "iframe" && !/^https:\/\//i.test(String(el.properties.src ?? "").trim())) el.tagName = "x-iframe";
    before.push(el);
  });
  const safe = sanitize(parsed, SANITIZE_SCHEMA) as HastRoot;
  const after = new Map<string, Element>();
  walk(safe, (el) => void after.set(key(el), el));
  const removals: Removal[] = [];
  for (const el of before) {
    const kept = after.get(key(el));
    const tag = el.tagName === "x-iframe" ? "iframe" : el.tagName;
    const { start, end = start } = el.position!;
    const at = { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    if (!kept) {
      removals.push({ ...at, what: `\`<${tag}>\`${el.tagName === "x-iframe" ? " (not an https:// address)" : ""}` });
      continue;
    }
    const lost = Object.keys(el.properties).filter((k) => !(k in kept.properties) || String(kept.properties[k]) !== String(el.properties[k]));
    // A URL is quoted (its scheme is what was wrong); other values are not (a handler's code says nothing more).
    const shown = (k: string) => (URL_PROPERTIES.has(k) ? `\`${attributeName(k)}="${String(el.properties[k]).slice(0, 40)}"\`` : `\`${attributeName(k)}\``);
    if (lost.length) removals.push({ ...at, what: lost.map(shown).join(", ") + ` on \`<${tag}>\`` });
  }
  return { tree: safe, removals: mergeByLine(removals) };
}

const URL_PROPERTIES = new Set(["href", "src", "cite", "longDesc", "action", "formAction", "poster", "data", "srcSet"]);

/** `onClick` → `onclick`, `className` → `class`: the attribute as the note wrote it. */
function attributeName(property: string): string {
  if (property === "className") return "class";
  if (property === "htmlFor") return "for";
  if (property.startsWith("data") || property.startsWith("aria")) return property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return property.toLowerCase();
}

function walk(node: HastNodes, visit: (el: Element) => void): void {
  // Without recursion: the tree's depth is bounded (limits.ts), but a loop costs nothing.
  const stack: HastNodes[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === "element") visit(n);
    if ("children" in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
}

/** Removals on one line are one finding (`<b onclick>` inside a removed `<form>` is one thing to fix). */
function mergeByLine(removals: Removal[]): Removal[] {
  const out: Removal[] = [];
  for (const r of removals.sort((a, b) => a.line - b.line || a.column - b.column)) {
    const prev = out[out.length - 1];
    if (prev && prev.line === r.line) {
      if (!prev.what.split("; ").includes(r.what)) prev.what += `; ${r.what}`;
      if (r.endLine > prev.endLine || (r.endLine === prev.endLine && r.endColumn > prev.endColumn)) Object.assign(prev, { endLine: r.endLine, endColumn: r.endColumn });
    } else out.push({ ...r });
  }
  return out;
}
