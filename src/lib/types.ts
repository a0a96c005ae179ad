/**
 * The data model shared by every stage: files as parsed, notes as resolved, the checked vault. Pure types.
 */
import type { FieldPath, NoteFields } from "./schema.ts";
import type { ConfigProblem, SettingPosition, SiteSettings, VaultConfig } from "./config.ts";
import type { Diagnostic, ExplainedIssue } from "./diagnostics.ts";
import type { ParsedNote } from "./parse-note.ts";
import type { NoteType, Registry } from "./registry.ts";
import type { LinkIndex } from "./resolve.ts";
import type { LinkInfo } from "./markdown/extract.ts";
import type { SvgFinding } from "./svg.ts";
import type { ObsidianApp } from "./obsidian-app.ts";

export type { Diagnostic, Severity } from "./diagnostics.ts";

/** A file after the per-file stages: parsed (or cached), its frontmatter validated against its type's schema. */
export interface VaultFile {
  /** Path relative to the working directory (or `cwd` option), for messages. */
  file: string;
  /** Path relative to the vault, with `/`. */
  path: string;
  slug: string;
  /** First folder under the vault (`models`), or the file name for a note at the top. */
  folder: string;
  /** A digest of the file's text (set when it was read): equal digests, equal files. */
  hash?: string;
  parsed: ParsedNote;
  /** Set when the file could not be read. */
  readError?: string;
  /** Where, for a byte that is not UTF-8. */
  readErrorAt?: { line: number; column: number };
  /** `type` as written, when it is not a known type. */
  badType?: unknown;
  type?: NoteType;
  fields?: NoteFields;
  schemaIssues: ExplainedIssue[];
}

/** A file of an Obsidian vault that is not a note: an image, a PDF, audio or video, or anything else. */
export interface Attachment {
  /** Path relative to the vault, with `/`. */
  path: string;
  /** Path for messages. */
  file: string;
  /** Its address under the site's `files/` (slugged: `attachments/diagram-1.png`). */
  url: string;
  /** How a page shows it; `other` files are not published (a link to one names it as text). */
  kind: "image" | "audio" | "video" | "pdf" | "other";
  /** In an SVG, what could run code when the file is opened on its own: such a file is `other`, not published. */
  unsafe?: SvgFinding[];
}

/** A body link after resolution. `to` is null when the target does not exist. */
export interface ResolvedLink extends LinkInfo {
  to: string | null;
  /** The file the link names, when it names a file that is not a note (Obsidian vaults): its path in the vault. */
  attachment?: string;
  /** Several files have the name the link uses: their paths, the chosen one first (Obsidian vaults). */
  ambiguous?: string[];
  /** How the first of `ambiguous` was chosen: in the linking note's folder, in the attachment folder, or shortest. */
  chosenBy?: "path" | "name" | "folder" | "attachments" | "shortest" | "alias";
  /** The file the link names is among the vault's excluded files (Obsidian's settings): its path. Shown as text. */
  excluded?: string;
  /**
   * A link written as a property's value (`up: "[[Index]]"`, Obsidian vaults): the property and the value's place in
   * its list. Such links follow the body's in `Note.links` (the body's template has no slot for them).
   */
  property?: [name: string, index: number];
  /** Anchor id on the target page: the heading's id or the block's. */
  fragment?: string;
  /** A heading or block named but missing on an existing target. */
  fragmentMissing?: boolean;
}

/** A relation value after resolution. `to` is null when unresolved. */
export interface ResolvedRelation {
  kind: string;
  field: string;
  ref: string;
  to: string | null;
  sources: string[];
  qualifier?: string;
  from?: string;
  until?: string;
  /** Written by `npm run import` from this dataset (datasets.ts). */
  imported?: string;
  path: FieldPath;
}

export interface Note {
  slug: string;
  type: NoteType;
  title: string;
  file: string;
  fields: NoteFields;
  parsed: ParsedNote;
  links: ResolvedLink[];
  relations: ResolvedRelation[];
  /** Every source cited anywhere in the note (list, per-value, a source's `cites`), as written and resolved. */
  citations: { ref: string; path: FieldPath; to: string | null }[];
  /** Resolved source notes the note cites, distinct, in order of first citation. */
  cites: string[];
  /** Where the note sits in time (registry `date`). */
  date?: string;
}

export interface Backlink {
  from: string;
  kind: string;
  /** A body link: the linking note's link number, whose context is the sentence around it. */
  link?: number;
  /** A relation: its label (and qualifier). */
  label?: string;
}

export interface Vault {
  /** Every file found, readable or not, sorted by path. */
  files: VaultFile[];
  /** Valid notes (frontmatter passed its schema and the slug is unique). */
  notes: Note[];
  bySlug: Map<string, Note>;
  /** Every indexed file by slug, valid or not (headings of a note with broken frontmatter can still be linked). */
  filesBySlug: Map<string, VaultFile>;
  index: LinkIndex;
  /** Files left out of the index because another file has their slug. */
  duplicates: { file: VaultFile; first: VaultFile }[];
  backlinks: Map<string, Backlink[]>;
  /** Notes citing each source, by source slug. */
  citedBy: Map<string, string[]>;
  diagnostics: Diagnostic[];
  /** Folder the notes were read from. */
  dir: string;
  /** How the vault is read (its `atlas.yml`, or an Obsidian vault's defaults). */
  config: VaultConfig;
  /** Problems in `atlas.yml`, and its path for messages. */
  configProblems?: { file: string; problems: ConfigProblem[] };
  /** An Obsidian vault's own settings (`.obsidian/`, obsidian-app.ts), and what was wrong in their files. */
  obsidian?: { app: ObsidianApp; problems: (ConfigProblem & { file: string })[] };
  /** The site's settings (atlas.yml, as written), where each value is, and the file's path for messages. */
  settings: { site: SiteSettings; positions: Record<string, SettingPosition>; file: string };
  /** Obsidian vaults: every file that is not a note, by path. */
  attachments: Map<string, Attachment>;
  /** Obsidian vaults: every folder holding notes or files, by path (the root is ""), with its slug. */
  folders: Map<string, string>;
  /** The note types and relation kinds it was read with (registry.ts; a build may add types). */
  registry: Registry;
}
