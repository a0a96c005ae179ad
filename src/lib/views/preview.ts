/**
 * What a link's preview shows (`/previews/<slug>.json`): title, type, summary and the body's first paragraph as
 * escaped text, from the excerpt kept with the parse (markdown/excerpt.ts): each link in it reads as the page shows
 * it, without its tags (its label or its target's title, an embed card's summary, a file's name), at most about 400
 * characters, cut at a word.
 */
import { escapeHtml } from "../html-escape.ts";
import { templateOf } from "../parse-note.ts";
import type { Site } from "../site.ts";
import type { Note } from "../types.ts";

/** A link preview's content: `excerptHtml` is text with HTML entities, no tags. */
export interface NotePreview {
  slug: string;
  title: string;
  type: string;
  typeLabel: string;
  summary: string;
  excerptHtml: string;
  href: string;
}

export function notePreview(site: Site, note: Note): NotePreview {
  const { vault, links } = site;
  const linkText = (i: number, label: string | undefined): string => {
    const link = note.links[i];
    if (!link) return "";
    if (link.attachment) {
      const file = vault.attachments.get(link.attachment);
      const name = file ? file.path.slice(file.path.lastIndexOf("/") + 1) : link.target;
      if (!(site.flavour.embeds && link.embed)) return label ?? escapeHtml(name);
      if (!file) return escapeHtml(link.target);
      if (file.kind === "other") return escapeHtml(link.label ?? name);
      return file.kind === "pdf" ? escapeHtml(name) : "";
    }
    const target = link.to ? vault.bySlug.get(link.to) : undefined;
    if (!target) return label ?? escapeHtml(links.text(link));
    const text = label ?? escapeHtml(links.text(link, target.title));
    const summary = link.embed ? links.summary(target) : "";
    return summary ? `${text} — ${summary}` : text;
  };
  const parts = templateOf(note).excerpt ?? [];
  let excerpt = parts.map((p) => (typeof p === "string" ? p : typeof p === "number" ? linkText(p, undefined) : linkText(p[0], p[1]))).join("").replace(/\s+/g, " ").trim();
  if (excerpt.length > 400) excerpt = `${excerpt.slice(0, excerpt.lastIndexOf(" ", 400)).replace(/&[a-z#0-9]*$/i, "")} …`;
  const type = site.registry.entry(note.type);
  return { slug: note.slug, title: note.title, type: note.type, typeLabel: type.label.one, summary: note.fields.summary, excerptHtml: excerpt, href: site.urls.note(note.slug) };
}
