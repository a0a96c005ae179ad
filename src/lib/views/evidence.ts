/**
 * An evidence link named by what it points to, from the address's shape alone (no request): a repository, a licence
 * file, a model card, a model's files, a dataset card, a paper on arXiv, a PDF, a dataset's record. Pages show these
 * names where they showed the host ("huggingface.co" three times in a row said nothing). Pure.
 */
import { DATASETS } from "../datasets.ts";

/** How a page names one evidence link: `text` reads on its own; `kind` says what it is (for a class or a test). */
export interface EvidenceName {
  text: string;
  kind: "record" | "licence" | "model-card" | "files" | "dataset" | "repository" | "arxiv" | "pdf" | "paper" | "page";
}

const LICENCE_FILE = /^((?:[a-z]+[_-])*licen[cs]e|copying|notice)([._-].*)?$/i;
/** GitHub's tab for a repository's licence is `?tab=MIT-1-ov-file` (the README's is `readme-ov-file`). */
const CARD_FILE = /^(model[_-]?card|readme)(\.md)?$/i;

/** A repository's `owner/name` and the path after it (`blob/<ref>/<path>` or `tree/<ref>/<path>`). */
function repoParts(parts: string[]): { repo: string; view?: string; file?: string } {
  const repo = parts.slice(0, 2).join("/");
  const view = parts[2];
  const file = view === "blob" || view === "resolve" || view === "raw" ? parts.slice(4).join("/") : undefined;
  return { repo, view, file };
}

/**
 * The name of the evidence at `href`: "GitHub: owner/repo", "licence file (owner/repo)", "model card (org/model)",
 * "files (org/model)", "dataset card (org/data)", "arXiv 2407.21783", "PDF (host)", "index record (Gizmo.yaml)", or the
 * host and a short path.
 */
export function evidenceName(href: string): EvidenceName {
  let url: URL;
  try {
    // A bracket the address was copied with ("…/2401.14196]") is not part of what it names.
    url = new URL(href.replace(/[\])>]+$/, ""));
  } catch {
    return { text: href, kind: "page" };
  }
  const host = url.hostname.replace(/^www\./, "").toLowerCase();
  const parts = url.pathname.split("/").filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const last = parts.at(-1) ?? "";

  // A dataset's own record (the index's file at a commit).
  for (const d of DATASETS) {
    if (href.startsWith(`${d.repository}/blob/`)) return { text: `${d.short} record (${parts.slice(4).join("/")})`, kind: "record" };
  }

  if (host === "github.com" || host === "gitlab.com" || host === "codeberg.org") {
    const forge = host === "github.com" ? "GitHub" : host === "gitlab.com" ? "GitLab" : "Codeberg";
    if (parts.length < 2) return { text: `${forge}: ${parts[0] ?? host}`, kind: "repository" };
    const { repo, file } = repoParts(parts.filter((p) => p !== "-"));
    const name = file?.split("/").at(-1) ?? "";
    if ((file && LICENCE_FILE.test(name)) || /^(?!readme|coc|security|contributing).*-ov-file$/i.test(url.searchParams.get("tab") ?? "")) return { text: `licence file (${repo})`, kind: "licence" };
    if (file && /^model[_-]?card/i.test(name)) return { text: `model card (${repo})`, kind: "model-card" };
    if (file && /\.pdf$/i.test(name)) return { text: `PDF (${repo})`, kind: "pdf" };
    if (file && !/^readme(\.md)?$/i.test(name)) return { text: `${forge}: ${repo}, ${name}`, kind: "repository" };
    return { text: `${forge}: ${repo}`, kind: "repository" };
  }

  if (host === "huggingface.co" || host === "hf.co") {
    const isData = parts[0] === "datasets" || parts[0] === "spaces";
    const rest = isData ? parts.slice(1) : parts;
    if (rest.length < 2) return { text: `Hugging Face: ${rest[0] ?? (isData ? parts[0] : "")}`.replace(/: $/, ""), kind: "page" };
    const { repo, view, file } = repoParts(rest);
    const name = file?.split("/").at(-1) ?? "";
    if (parts[0] === "spaces") return { text: `Hugging Face space (${repo})`, kind: "page" };
    if (file && LICENCE_FILE.test(name)) return { text: `licence file (${repo})`, kind: "licence" };
    if (file && /\.pdf$/i.test(name)) return { text: `PDF (${repo})`, kind: "pdf" };
    if (isData) return view === "tree" ? { text: `dataset files (${repo})`, kind: "dataset" } : { text: `dataset card (${repo})`, kind: "dataset" };
    if (view === "tree" || (file && !CARD_FILE.test(name))) return { text: `files (${repo})`, kind: "files" };
    return { text: `model card (${repo})`, kind: "model-card" };
  }

  if (host === "arxiv.org" || host === "export.arxiv.org") {
    const id = /^(abs|pdf|html)$/.test(parts[0] ?? "") ? parts.slice(1).join("/").replace(/\.pdf$/i, "").replace(/v\d+$/, "") : "";
    if (id) return { text: `arXiv ${id}`, kind: "arxiv" };
  }
  if (host === "openreview.net" && url.searchParams.get("id")) return { text: `OpenReview ${url.searchParams.get("id")}`, kind: "paper" };
  if (host === "doi.org" || host === "dx.doi.org") return { text: `DOI ${parts.join("/")}`, kind: "paper" };
  if (host === "aclanthology.org" && parts[0]) return { text: `ACL Anthology ${parts[0].replace(/\.pdf$/i, "")}`, kind: "paper" };
  if (/\.pdf$/i.test(last)) return { text: `PDF (${host})`, kind: "pdf" };
  if (LICENCE_FILE.test(last)) return { text: `licence (${host})`, kind: "licence" };
  if (/^model[_-]?card/i.test(last)) return { text: `model card (${host})`, kind: "model-card" };

  return { text: shortPath(host, parts), kind: "page" };
}

/** `host/first/…/last`, at most two path segments, each at most 24 characters. */
function shortPath(host: string, parts: string[]): string {
  const cut = (s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s);
  if (!parts.length) return host;
  if (parts.length === 1) return `${host}/${cut(parts[0])}`;
  if (parts.length === 2) return `${host}/${cut(parts[0])}/${cut(parts[1])}`;
  return `${host}/${cut(parts[0])}/…/${cut(parts.at(-1)!)}`;
}
