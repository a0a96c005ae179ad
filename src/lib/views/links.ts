/**
 * A note's links as its page shows them: each wikilink's HTML (a link with its target's summary as tooltip, a struck
 * name for a missing note or file, an embed card, an attachment), the text a link reads as without a label, and a
 * backlink's sentence as plain text. The body is the note's HTML template with every link filled in (and, in an
 * Obsidian vault, every embed: transclude.ts). One per site: summaries are escaped once per note.
 */
import { escapeHtml } from "../html-escape.ts";
import { fillTemplate } from "../markdown/html.ts";
import { BASE_OPEN, BASE_SLOT } from "../markdown/markers.ts";
import type { ContextPart } from "../markdown/extract.ts";
import { templateOf } from "../parse-note.ts";
import type { Site } from "../site.ts";
import { attachmentLink, obsidianBody } from "../transclude.ts";
import type { Note, ResolvedLink } from "../types.ts";

/** A link to a note as a page lists it: its slug, the text shown, its address. */
export interface LinkRef {
  slug: string;
  text: string;
  href: string;
}

export class Links {
  readonly #site: Site;
  readonly #summaries = new Map<string, string>();

  constructor(site: Site) {
    this.#site = site;
  }

  /** The body: its template with every wikilink filled in (and, in an Obsidian vault, every embed). */
  body(note: Note): string {
    const { vault, urls, flavour } = this.#site;
    const bases = this.#site.bases;
    if (flavour.embeds) return obsidianBody({ vault, urls, link: (l, label) => this.html(l, label), bases }, note);
    const html = fillTemplate(templateOf(note), (i, label) => this.html(note.links[i], label));
    // Its ```base blocks, evaluated over the vault (src/lib/bases/).
    return html.includes(BASE_OPEN) ? html.replace(BASE_SLOT, (_m, i: string) => bases.block(note, Number(i))) : html;
  }

  /** One link's HTML; `labelHtml` is its label already rendered, null for a link without one. */
  html(link: ResolvedLink, labelHtml: string | null): string {
    const { vault, urls, flavour } = this.#site;
    if (link.attachment) return attachmentLink(urls, link, vault.attachments.get(link.attachment), labelHtml);
    const target = link.to ? vault.bySlug.get(link.to) : undefined;
    // A file the vault's owner excluded from publishing (Obsidian's settings): its name, as plain text.
    if (link.excluded) return `<span class="wikilink unpublished" title="Not published">${labelHtml ?? escapeHtml(this.text(link))}</span>`;
    if (!target) {
      const what = flavour.missing(link.target);
      return `<span class="wikilink broken" title="${escapeHtml(`Missing ${what}: ${link.target}`)}">${labelHtml ?? escapeHtml(this.text(link))}</span>`;
    }
    const text = labelHtml ?? escapeHtml(this.text(link, target.title));
    const classes = ["wikilink", ...(link.fragmentMissing ? ["broken-heading"] : []), ...(link.embed ? ["embed"] : [])].join(" ");
    const summary = this.summary(target);
    const a = `<a href="${escapeHtml(urls.note(target.slug, link.fragment))}" class="${classes}" data-slug="${escapeHtml(target.slug)}"${link.embed || !summary ? "" : ` title="${summary}"`}>${text}</a>`;
    // `![[note]]` shows the note's summary in place, as a card linking to it.
    return link.embed ? `<span class="embed-card">${a}${summary ? ` — ${summary}` : ""}</span>` : a;
  }

  /** A note's summary escaped for HTML, once per note: every link to a hub repeats it. */
  summary(note: Note): string {
    let text = this.#summaries.get(note.slug);
    if (text === undefined) this.#summaries.set(note.slug, (text = escapeHtml(note.fields.summary)));
    return text;
  }

  /** What a reader sees for a link without a label: the target's title, with the heading after it. */
  text(link: ResolvedLink, title?: string): string {
    if (link.label) return link.label;
    const fragment = link.heading ?? (link.block ? `^${link.block}` : undefined);
    if (!link.target) return fragment ?? "";
    const base = title ?? link.target;
    return fragment ? `${base} › ${fragment}` : base;
  }

  /** A link's text as it reads in the note's prose: its label, or its target's title (as the page shows it). */
  readAs(link: ResolvedLink): string {
    return link.label ?? this.text(link, link.to ? this.#site.vault.bySlug.get(link.to)?.title : undefined);
  }

  /** A backlink context as plain text: the note's own links read as their labels or their targets' titles. */
  contextText(note: Note, parts: readonly ContextPart[]): string {
    return parts
      .map((p) => {
        if (typeof p === "string") return p;
        const l = note.links[p];
        return l ? this.readAs(l) : "";
      })
      .join("")
      .replace(/\s+/g, " ")
      .trim();
  }
}
