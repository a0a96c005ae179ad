/**
 * The vault-wide stage: from the validated files to one checked vault. The name index, every link (with its heading
 * or block), relation and citation resolved, backlinks and "cited by" collected, then every checker rule run. Pure:
 * the files in, the vault out; given the previous vault and what changed, unchanged notes are reused when they can be.
 */
import { slug as githubSlug } from "github-slugger";
import { completeConfig, type ConfigProblem, type SettingPosition, type SiteSettings, type VaultConfig } from "./config.ts";
import { compareDiagnostics } from "./diagnostics.ts";
import { CITES_KIND, REGISTRY, type Registry } from "./registry.ts";
import type { ObsidianApp } from "./obsidian-app.ts";
import { LinkIndex, VaultPathIndex } from "./resolve.ts";
import { RULES } from "./rules/index.ts";
import { ruleSeverity } from "./rules/rule.ts";
import type { NoteFields, SourceRef } from "./schema.ts";
import type { Attachment, Backlink, Note, ResolvedLink, ResolvedRelation, Vault, VaultFile } from "./types.ts";
import type { LinkInfo } from "./markdown/extract.ts";

/** How the vault is read: its settings, and for an Obsidian vault its other files and folders (vault.ts). */
export interface VaultSettings {
  config: VaultConfig;
  configProblems?: { file: string; problems: ConfigProblem[] };
  /** The site's settings as atlas.yml gives them, where each is, and the file's path for messages. */
  site?: SiteSettings;
  positions?: Record<string, SettingPosition>;
  configFile?: string;
  attachments?: Map<string, Attachment>;
  folders?: Map<string, string>;
  /** The note types and relation kinds the vault is read with; default the wiki's (registry.ts). */
  registry?: Registry;
  /** An Obsidian vault's own settings (obsidian-app.ts), the files they exclude, and what was wrong in them. */
  obsidian?: { app: ObsidianApp; excluded: string[]; problems: (ConfigProblem & { file: string })[] };
}

/** Title and aliases of a file for the name index, even when its frontmatter failed validation. */
function names(f: VaultFile): { title: string; aliases: string[] } {
  if (f.fields) return { title: f.fields.title, aliases: f.fields.aliases };
  const raw = f.parsed.data as Record<string, unknown> | undefined;
  const title = typeof raw?.title === "string" && raw.title.trim() ? raw.title : f.slug;
  const aliases = Array.isArray(raw?.aliases) ? raw.aliases.filter((a): a is string => typeof a === "string") : [];
  return { title, aliases };
}

/** What other notes can see of a file: its names, type, validity, headings and blocks. */
function face(f: VaultFile | undefined): string {
  if (!f) return "";
  const n = names(f);
  return JSON.stringify([f.slug, n.title, n.aliases, f.type ?? null, !!f.fields, f.parsed.headings.map((h) => [h.text, h.id]), f.parsed.blocks]);
}

/**
 * The vault-wide stage: names, resolution, inbound links, rules. Pure: the files in, the vault out. With
 * `previous`, the notes in `changed` are the only ones resolved again when no changed file's face (see `face`)
 * differs from before; otherwise everything is.
 */
export function assemble(dir: string, given: VaultFile[], previous?: { vault: Vault; changed: ReadonlySet<string> }, settings: VaultSettings = { config: completeConfig({ notes: "typed" }) }): Vault {
  // By path, whatever order the files come in (the loader's is the file system's): which of two files claiming one
  // slug or name is "first" must not depend on it. Already sorted, this costs one pass.
  const files = isSortedByPath(given) ? given : [...given].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const obsidian = settings.config.notes === "obsidian";
  const registry = settings.registry ?? REGISTRY;
  const attachments = settings.attachments ?? new Map<string, Attachment>();
  const first = new Map<string, VaultFile>();
  const duplicates: Vault["duplicates"] = [];
  const indexed: VaultFile[] = [];
  for (const f of files) {
    // Case and Unicode normalisation (é as one code point or as e + accent) do not make two addresses: file systems
    // such as macOS's fold both, so the two pages would overwrite each other.
    const key = f.slug.normalize("NFC").toLowerCase();
    const prior = first.get(key);
    if (prior) duplicates.push({ file: f, first: prior });
    else {
      first.set(key, f);
      indexed.push(f);
    }
  }
  // Headings and blocks are looked up in every indexed file, valid or not: a link to a note whose frontmatter is
  // broken is still checked against the headings it has.
  const fileBySlug = new Map(indexed.map((f) => [f.slug, f]));
  const reuse = previous && [...previous.changed].every((slug) => face(previous.vault.filesBySlug.get(slug)) === face(fileBySlug.get(slug)));
  const index = reuse
    ? previous!.vault.index
    : obsidian
      ? new VaultPathIndex(
          [
            ...indexed.map((f) => ({ path: f.path, slug: f.slug, aliases: names(f).aliases, file: f.file })),
            ...[...attachments.values()].map((a) => ({ path: a.path, file: a.file })),
            ...(settings.obsidian?.excluded ?? []).map((path) => ({ path, file: path, excluded: true as const })),
          ],
          settings.obsidian?.app,
        )
      : new LinkIndex(indexed.map((f) => ({ slug: f.slug, file: f.file, ...names(f) })));
  const valid = indexed.filter((f): f is ValidFile => !!f.type && !!f.fields);
  const notes: Note[] = valid.map((f) => (reuse && !previous!.changed.has(f.slug) && previous!.vault.bySlug.get(f.slug)) || resolveNote(f, index, fileBySlug, registry));
  const bySlug = new Map(notes.map((n) => [n.slug, n]));
  const { backlinks, citedBy } = collectInbound(notes, registry);
  const vault: Vault = {
    files, notes, bySlug, filesBySlug: fileBySlug, index, duplicates, backlinks, citedBy, diagnostics: [], dir,
    config: settings.config, configProblems: settings.configProblems, ...(settings.obsidian ? { obsidian: { app: settings.obsidian.app, problems: settings.obsidian.problems } } : {}), settings: { site: settings.site ?? {}, positions: settings.positions ?? {}, file: settings.configFile ?? "atlas.yml" }, attachments, folders: settings.folders ?? new Map(),
    registry,
  };
  for (const rule of RULES) {
    const severity = ruleSeverity(rule, settings.config);
    if (severity === "off") continue;
    rule.check(vault, (f, pos, message, hint) => vault.diagnostics.push({ file: f.file, ...pos, severity, rule: rule.id, message, hint }));
  }
  vault.diagnostics.sort(compareDiagnostics);
  return vault;
}

function isSortedByPath(files: readonly VaultFile[]): boolean {
  for (let i = 1; i < files.length; i++) if (files[i - 1].path > files[i].path) return false;
  return true;
}

type ValidFile = VaultFile & { type: NonNullable<VaultFile["type"]>; fields: NoteFields };

function resolveNote(f: ValidFile, index: LinkIndex, bySlug: Map<string, VaultFile>, registry: Registry): Note {
  const written = index instanceof VaultPathIndex ? [...f.parsed.links, ...propertyLinks(f)] : f.parsed.links;
  const links: ResolvedLink[] = written.map((l) => {
    if (!l.target && !l.heading && !l.block) return { ...l, to: null };
    if (index instanceof VaultPathIndex) return resolveObsidianLink(l, f, index, bySlug);
    const to = l.target ? index.resolve(l.target) : f.slug; // `[[#Heading]]` links within the note
    if (!to) return { ...l, to: null };
    const target = bySlug.get(to);
    if (l.block) return target?.parsed.blocks.includes(l.block) ? { ...l, to, fragment: `^${l.block}` } : { ...l, to, fragmentMissing: !!target };
    if (!l.heading) return { ...l, to };
    const want = l.heading.toLowerCase();
    const h = target?.parsed.headings.find((x) => x.text.toLowerCase() === want || x.id === want);
    return h ? { ...l, to, fragment: h.id } : { ...l, to, fragmentMissing: !!target };
  });

  const relations: ResolvedRelation[] = [];
  for (const spec of registry.entry(f.type).relations) {
    for (const r of f.fields.refs[spec.field] ?? []) {
      relations.push({ kind: spec.kind, field: spec.field, ref: r.ref, to: index.resolve(r.ref), sources: r.sources.map((s) => s.ref), qualifier: r.qualifier, from: r.from, until: r.to, imported: r.imported, path: r.path });
    }
  }

  // Citations: the `sources` list, every per-value `source`, and what a source note itself `cites`.
  const cited: SourceRef[] = [...f.fields.sources];
  for (const list of Object.values(f.fields.values)) for (const v of list) cited.push(...v.sources);
  for (const list of Object.values(f.fields.refs)) for (const v of list) cited.push(...v.sources);
  for (const cell of Object.values(f.fields.openness)) if (cell) cited.push(...cell.sources);
  const citations = cited.map((c) => ({ ref: c.ref, path: c.path, to: index.resolve(c.ref) }));
  const cites = new Set<string>();
  const isSource = (slug: string | null): slug is string => !!slug && slug !== f.slug && registry.isCited(bySlug.get(slug)?.fields?.type ?? "");
  for (const c of citations) if (isSource(c.to)) cites.add(c.to);
  for (const r of relations) if (r.kind === CITES_KIND && isSource(r.to)) cites.add(r.to);

  return { slug: f.slug, type: f.type, title: f.fields.title, file: f.file, fields: f.fields, parsed: f.parsed, links, relations, citations, cites: [...cites], date: registry.noteDate(f.fields) };
}

const PROPERTY_LINK = /^\[\[([^[\]|#]*)(?:#(\^)?([^[\]|]*))?(?:\|([^[\]]*))?\]\]$/;

/** Obsidian's links in property values (`related: "[[Other note]]"`, or a list of them), at their places in the file. */
function propertyLinks(f: ValidFile): (LinkInfo & { property: [string, number] })[] {
  const out: (LinkInfo & { property: [string, number] })[] = [];
  for (const [name, values] of Object.entries(f.fields.values)) {
    values.forEach((v, i) => {
      const m = PROPERTY_LINK.exec(v.value.trim());
      if (!m) return;
      const p = f.parsed.positions[v.path.join(".")] ?? [1, 1, 1, 1];
      out.push({
        target: m[1].trim(),
        ...(m[3] ? (m[2] ? { block: m[3].trim() } : { heading: m[3].trim() }) : {}),
        ...(m[4] ? { label: m[4].trim() } : {}),
        embed: false,
        context: -1,
        line: p[0],
        column: p[1],
        endLine: p[2],
        endColumn: p[3],
        property: [name, i],
      });
    });
  }
  return out;
}

/**
 * A link in an Obsidian vault: the file it names by Obsidian's rules (resolve.ts), then the heading (the last of a
 * `#A#B` chain, by its text or its anchor id, case-insensitively) or the block it names there. A heading or block
 * link to a file that is not a note keeps no fragment and is not checked (`![[image.png#interface]]` is a style).
 */
function resolveObsidianLink(l: LinkInfo & { property?: [string, number] }, f: ValidFile, index: VaultPathIndex, bySlug: Map<string, VaultFile>): ResolvedLink {
  const found = l.target ? index.lookup(l.target, f.path) : { entry: { path: f.path, slug: f.slug, file: f.file }, by: "path" as const };
  if (!found) return { ...l, to: null };
  const ambiguous = found.candidates ? { ambiguous: found.candidates, chosenBy: found.by } : {};
  if (found.entry.excluded) return { ...l, to: null, excluded: found.entry.path, ...ambiguous };
  if (!found.entry.slug) return { ...l, to: null, attachment: found.entry.path, ...ambiguous };
  const to = found.entry.slug;
  const target = bySlug.get(to);
  if (l.block) return target?.parsed.blocks.includes(l.block) ? { ...l, to, fragment: `^${l.block}`, ...ambiguous } : { ...l, to, fragmentMissing: !!target, ...ambiguous };
  if (!l.heading) return { ...l, to, ...ambiguous };
  const want = l.heading.split("#").map((p) => p.trim()).filter(Boolean).pop() ?? "";
  const text = want.toLowerCase();
  const id = githubSlug(want);
  const h = target?.parsed.headings.find((x) => x.text.toLowerCase() === text) ?? target?.parsed.headings.find((x) => x.id === id || x.id === text);
  return h ? { ...l, to, fragment: h.id, ...ambiguous } : { ...l, to, fragmentMissing: !!target, ...ambiguous };
}

function collectInbound(notes: Note[], registry: Registry) {
  const backlinks = new Map<string, Backlink[]>();
  const citedBy = new Map<string, string[]>();
  const known = new Set(notes.map((n) => n.slug));
  const add = (to: string, b: Backlink) => {
    const list = backlinks.get(to);
    if (list) list.push(b);
    else backlinks.set(to, [b]);
  };
  for (const n of notes) {
    n.links.forEach((l, i) => {
      if (l.to && l.to !== n.slug && known.has(l.to)) add(l.to, { from: n.slug, kind: "links_to", link: i });
    });
    for (const r of n.relations) {
      if (!r.to || r.to === n.slug || !known.has(r.to)) continue;
      const spec = registry.relationSpec(n.type, r.field)!;
      add(r.to, { from: n.slug, kind: r.kind, label: `${spec.label}${r.qualifier ? ` (${r.qualifier})` : ""}` });
    }
    for (const s of n.cites) {
      const list = citedBy.get(s);
      if (list) list.push(n.slug);
      else citedBy.set(s, [n.slug]);
    }
  }
  return { backlinks, citedBy };
}

