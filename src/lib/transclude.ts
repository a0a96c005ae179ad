/**
 * An Obsidian note's body as its page shows it: the HTML template made at parse time (markdown/html.ts), its links
 * filled in, and its embeds in place. `![[note]]` alone in its paragraph shows that note's body; `![[note#Heading]]`
 * the heading's section (the heading and what follows it up to the next heading of the same or a higher level);
 * `![[note#^id]]` the block with that id; each taken from the target's own template, with its own links filled in
 * from its own resolution, so nothing is parsed again. An embed inside a quote or a list stays there. The same note
 * may be embedded twice; an embed that would repeat one it sits inside (A embeds B embeds A) is cut there, shown
 * as a link, and what follows it is kept. Images, audio, video and PDFs are shown with `<img>`, players and a frame.
 *
 * Embedded HTML loses its element ids (they belong to the embedded note's own page: two elements of one page must
 * not share one), and its same-page links (`#…`, footnotes) point at that page.
 */
import { escapeHtml as escape } from "./html-escape.ts";
import { fillTemplate, sliceTemplate, type HtmlTemplate } from "./markdown/html.ts";
import { BASE_MARK, BASE_OPEN, BASE_SLOT } from "./markdown/markers.ts";
import { isBasePath } from "./bases/note.ts";
import type { Attachment, Note, ResolvedLink, Vault } from "./types.ts";
import { templateOf } from "./parse-note.ts";
import type { SiteUrls } from "./urls.ts";

/** Embeds shown on one page at most, and how deep they may nest: a vault cannot make a page grow without bound. */
const MAX_EMBEDS = 200;
const MAX_DEPTH = 8;

export interface BodyContext {
  vault: Vault;
  urls: SiteUrls;
  /** A link as the site shows it anywhere (not an embed). */
  link(link: ResolvedLink, labelHtml: string | null): string;
  /** Bases (src/lib/bases/): a note's ```base block `i`, and `![[x.base#View]]`, each with `this` the note they stand in. */
  bases?: { block(note: Note, i: number): string; embed(base: Note, view: string | undefined, self: Note): string };
}

/** The note's body HTML with its links and embeds filled in. */
export function obsidianBody(ctx: BodyContext, note: Note): string {
  const state = { embeds: 0 };
  // The page itself is the outermost embed: a note embedding itself, however deep, is cut there.
  const html = render(ctx, note, templateOf(note), 0, [`${note.slug}#`], state);
  return html.includes(BASE_MARK) ? html.split(BASE_MARK).join(ctx.urls.base) : html;
}

function render(ctx: BodyContext, note: Note, template: HtmlTemplate, first: number, stack: string[], state: { embeds: number }): string {
  const html = fillTemplate(template, (i, label) => {
    const link = note.links[first + i];
    if (!link) return "";
    if (!link.embed) return ctx.link(link, label);
    if (link.attachment) return attachmentHtml(ctx, link, ctx.vault.attachments.get(link.attachment));
    return embedHtml(ctx, link, label, stack, state, note);
  });
  const bases = ctx.bases;
  return bases && html.includes(BASE_OPEN) ? html.replace(BASE_SLOT, (_m, i: string) => bases.block(note, Number(i))) : html;
}

/** `![[note]]`, `![[note#Heading]]`, `![[note#^id]]`: the content where the embed stands alone, else a link. */
function embedHtml(ctx: BodyContext, link: ResolvedLink, label: string | null, stack: string[], state: { embeds: number }, from: Note): string {
  const target = link.to ? ctx.vault.bySlug.get(link.to) : undefined;
  if (!target || !link.standalone || link.fragmentMissing) return ctx.link(link, label);
  // A base shows the view the embed names (its first by default), evaluated with `this` the embedding note.
  if (ctx.bases && isBasePath(ctx.vault.filesBySlug.get(target.slug)?.path ?? "")) return ctx.bases.embed(target, link.heading, from);
  const key = `${target.slug}#${link.fragment ?? ""}`;
  const href = ctx.urls.note(target.slug, link.fragment);
  const source = `${escape(target.title)}${link.heading || link.block ? ` › ${escape(link.heading ?? `^${link.block}`)}` : ""}`;
  // A real cycle (or a page that would grow without bound) is cut here, with a link to what would repeat.
  if (stack.includes(key) || stack.length > MAX_DEPTH || state.embeds >= MAX_EMBEDS) {
    return `<p class="transclusion-cut"><a href="${escape(href)}" class="wikilink embed" data-slug="${escape(target.slug)}">${source}</a></p>`;
  }
  const part = partOf(target, link);
  if (!part) return ctx.link(link, label);
  state.embeds++;
  const inner = render(ctx, target, part.template, part.first, [...stack, key], state);
  return `<div class="transclusion" data-slug="${escape(target.slug)}"><p class="transclusion-source"><a href="${escape(href)}" class="wikilink embed" data-slug="${escape(target.slug)}">${source}</a></p>${foreign(inner, ctx.urls.note(target.slug))}</div>`;
}

/** The part of the target's template an embed shows: all of it, a heading's section, or a block. */
function partOf(target: Note, link: ResolvedLink): { template: HtmlTemplate; first: number } | undefined {
  const t = templateOf(target);
  if (link.block) {
    const b = t.blocks?.find((x) => x[0] === link.block);
    if (!b) return undefined;
    const part = sliceTemplate(t, [b[1], b[2]], [b[3], b[4]]);
    if (b[5]) wrap(part.template, `<${b[5]}>`, `</${b[5]}>`);
    return part;
  }
  if (link.heading && link.fragment) {
    const sections = t.sections ?? [];
    const at = sections.findIndex((s) => s[0] === link.fragment);
    // A heading inside a quote or list has no section of its own here: the embed is a link then.
    if (at < 0) return undefined;
    const depth = (id: string) => target.parsed.headings.find((h) => h.id === id)?.depth ?? 0;
    const d = depth(link.fragment);
    let end = at + 1;
    while (end < sections.length && sections[end][0] !== "" && depth(sections[end][0]) > d) end++;
    const stop = sections[Math.min(end, sections.length - 1)];
    return sliceTemplate(t, [sections[at][1], sections[at][2]], [stop[1], stop[2]]);
  }
  return { template: t, first: 0 };
}

function wrap(t: HtmlTemplate, before: string, after: string): void {
  t.chunks[0] = before + t.chunks[0];
  t.chunks[t.chunks.length - 1] += after;
}

/**
 * HTML of another page shown here: without its element ids and its headings' links to themselves, its other
 * same-page links pointing at that page.
 */
function foreign(html: string, page: string): string {
  return html
    .replace(/<a class="heading-anchor"[^<>]*><\/a>/g, "")
    .replace(/<[a-zA-Z][^<>]*>/g, (tag) => tag.replace(/ id="[^"]*"/g, "").replace(/ href="#/g, ` href="${escape(page)}#`));
}

/** An embedded file: an image, a player, a PDF's frame; a file the site does not publish is named as text. */
function attachmentHtml(ctx: BodyContext, link: ResolvedLink, file: Attachment | undefined): string {
  if (!file) return `<span class="wikilink broken">${escape(link.target)}</span>`;
  const name = file.path.slice(file.path.lastIndexOf("/") + 1);
  if (file.kind === "other") return `<span class="wikilink file" title="${escape(`${name} is not published`)}">${escape(link.label ?? name)}</span>`;
  const src = escape(ctx.urls.attachment(file.url));
  // `|300` or `|300x200` sizes an image (Obsidian); any other label is its description.
  const size = /^(\d+)(?:x(\d+))?$/.exec((link.label ?? "").trim());
  const alt = escape(size ? name : (link.label ?? name));
  switch (file.kind) {
    case "image":
      return `<img src="${src}" alt="${alt}" loading="lazy" class="embed-image"${size ? ` width="${size[1]}"${size[2] ? ` height="${size[2]}"` : ""}` : ""}>`;
    case "audio":
      return `<audio controls preload="metadata" src="${src}" class="embed-audio" title="${alt}"></audio>`;
    case "video":
      return `<video controls preload="metadata" src="${src}" class="embed-video" title="${alt}"${size ? ` width="${size[1]}"` : ""}></video>`;
    case "pdf": {
      const page = link.heading && /^page=\d+$/.test(link.heading) ? `#${link.heading}` : "";
      return `<iframe src="${src}${page}" class="embed-pdf" title="${alt}" loading="lazy"></iframe><a href="${src}" class="wikilink attachment">${escape(name)}</a>`;
    }
  }
}

/** A link (not an embed) to a file: to the file itself, or its name as text when the site does not publish it. */
export function attachmentLink(urls: SiteUrls, link: ResolvedLink, file: Attachment | undefined, labelHtml: string | null): string {
  const name = file ? file.path.slice(file.path.lastIndexOf("/") + 1) : link.target;
  const text = labelHtml ?? escape(name);
  if (!file || file.kind === "other") return `<span class="wikilink file"${file ? ` title="${escape(`${name} is not published`)}"` : ""}>${text}</span>`;
  return `<a href="${escape(urls.attachment(file.url))}" class="wikilink attachment">${text}</a>`;
}
