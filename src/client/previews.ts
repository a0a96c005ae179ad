/**
 * Link previews: hovering or focusing a link to another note shows a card with its title, type, summary and first
 * paragraph, fetched lazily from that note's own small JSON (`/previews/<slug>.json`), never a whole-vault index.
 * On a touch screen a tap follows the link as usual; each link gets a small preview button beside it instead.
 * Escape closes the card; the link names the card as its description while it shows.
 */
import { siteUrls } from "../lib/urls.ts";

interface Preview {
  title: string;
  typeLabel: string;
  type: string;
  summary: string;
  excerptHtml: string;
  href: string;
}

const SHOW_DELAY = 350;
const HIDE_DELAY = 200;

export function attachPreviews(root: HTMLElement, base: string): void {
  const urls = siteUrls(base);
  const cache = new Map<string, Promise<Preview | undefined>>();
  const load = (slug: string) => {
    let p = cache.get(slug);
    if (!p) {
      p = fetch(urls.preview(slug))
        .then((r) => (r.ok ? (r.json() as Promise<Preview>) : undefined))
        .catch(() => undefined);
      cache.set(slug, p);
    }
    return p;
  };

  const card = document.createElement("div");
  card.className = "preview-card";
  card.id = "link-preview";
  card.setAttribute("role", "tooltip");
  card.hidden = true;
  document.body.append(card);

  let current: HTMLElement | undefined;
  let showTimer: number | undefined;
  let hideTimer: number | undefined;

  const hide = () => {
    clearTimeout(showTimer);
    card.hidden = true;
    current?.removeAttribute("aria-describedby");
    current = undefined;
  };
  const show = async (anchor: HTMLElement, slug: string) => {
    const preview = await load(slug);
    if (!preview || (current && current !== anchor)) return;
    current = anchor;
    card.replaceChildren();
    const head = document.createElement("p");
    head.className = "preview-head";
    const badge = document.createElement("span");
    badge.className = `badge badge-${preview.type}`;
    badge.textContent = preview.typeLabel;
    const title = document.createElement("strong");
    title.textContent = preview.title;
    head.append(badge, " ", title);
    const summary = document.createElement("p");
    summary.className = "preview-summary";
    summary.textContent = preview.summary;
    card.append(head, summary);
    if (preview.excerptHtml) {
      const excerpt = document.createElement("p");
      excerpt.className = "preview-excerpt";
      // Text with HTML entities and no tags (site.ts `preview()`): decoded by a template, never run.
      const t = document.createElement("template");
      t.innerHTML = preview.excerptHtml;
      excerpt.textContent = t.content.textContent;
      card.append(excerpt);
    }
    card.hidden = false;
    anchor.setAttribute("aria-describedby", card.id);
    place(anchor);
  };
  const place = (anchor: HTMLElement) => {
    const r = anchor.getBoundingClientRect();
    const width = Math.min(360, window.innerWidth - 16);
    card.style.width = `${width}px`;
    const left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + window.innerWidth - width - 8));
    const below = r.bottom + 8 + card.offsetHeight < window.innerHeight;
    card.style.left = `${left}px`;
    card.style.top = `${(below ? r.bottom + 6 : r.top - card.offsetHeight - 6) + window.scrollY}px`;
  };

  const linkOf = (el: EventTarget | null) => (el instanceof Element ? el.closest<HTMLAnchorElement>("a.wikilink[data-slug]") : null);
  const schedule = (a: HTMLAnchorElement) => {
    clearTimeout(hideTimer);
    clearTimeout(showTimer);
    if (current && current !== a) hide();
    // The native tooltip would cover the card: the summary is in the card instead.
    if (a.title) {
      a.dataset.title = a.title;
      a.removeAttribute("title");
    }
    showTimer = window.setTimeout(() => void show(a, a.dataset.slug!), SHOW_DELAY);
  };
  const leave = () => {
    clearTimeout(showTimer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY);
  };

  root.addEventListener("mouseover", (e) => {
    const a = linkOf(e.target);
    if (a) schedule(a);
  });
  root.addEventListener("mouseout", (e) => {
    if (linkOf(e.target)) leave();
  });
  root.addEventListener("focusin", (e) => {
    const a = linkOf(e.target);
    if (a) schedule(a);
  });
  root.addEventListener("focusout", (e) => {
    if (linkOf(e.target) || (e.target as Element).matches?.(".preview-toggle")) leave();
  });
  card.addEventListener("mouseenter", () => clearTimeout(hideTimer));
  card.addEventListener("mouseleave", leave);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !card.hidden) hide();
  });

  // Touch: a tap on the link follows it; a tap on the button beside it shows (or hides) the preview.
  if (matchMedia("(pointer: coarse)").matches) {
    for (const a of root.querySelectorAll<HTMLAnchorElement>("a.wikilink[data-slug]")) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "preview-toggle";
      button.textContent = "ⓘ";
      button.setAttribute("aria-label", `Preview ${a.textContent ?? ""}`);
      button.addEventListener("click", () => {
        if (current === a && !card.hidden) return hide();
        hide();
        void show(a, a.dataset.slug!);
      });
      a.after(button);
    }
  }
}
