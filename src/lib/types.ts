/**
 * The data model shared by every stage: loaded notes, resolved links and relations, the checked vault.
 * Pure types, no runtime code.
 */
import type { NoteData, NoteType } from "./schema.ts";

export type Severity = "error" | "warning";

/** One problem found in the vault, printed as `file:line:col  severity  rule  message`. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: string;
  hint?: string;
}

export interface Heading {
  depth: number;
  text: string;
  /** The anchor id used on the rendered page (github-slugger). */
  id: string;
  line: number;
}

/** A `[[wikilink]]` as written in a note body, before resolution. */
export interface WikilinkSyntax {
  /** Target as written: a slug, title or alias. */
  target: string;
  heading?: string;
  label?: string;
  embed: boolean;
  /** 1-based position of the opening `[[` (or `![[`) in the file. */
  line: number;
  column: number;
}

/** A body link after resolution. `to` is null when the target does not exist. */
export interface ResolvedLink extends WikilinkSyntax {
  to: string | null;
  /** Anchor id of the heading when it exists on the target. */
  headingId?: string;
  /** Heading named but missing on an existing target. */
  headingMissing?: boolean;
  /** The sentence around the link (inline Markdown), for backlinks. */
  context: string;
}

/** A typed frontmatter relation (developer, affiliations, base_model, ...). `to` is null when unresolved. */
export interface ResolvedRelation {
  kind: string;
  field: string;
  raw: string;
  to: string | null;
  sources: string[];
  /** Extra qualifier: derivation `how`, affiliation `role`. */
  qualifier?: string;
  line: number;
  column: number;
}

export interface Note {
  slug: string;
  type: NoteType;
  title: string;
  /** Path relative to the working directory, for messages. */
  file: string;
  data: NoteData;
  headings: Heading[];
  links: ResolvedLink[];
  relations: ResolvedRelation[];
  /** Slugs of the source notes this note cites (frontmatter `sources` plus per-value sources), resolved. */
  cites: string[];
  /** A date for the time slider: released, date, published, founded, or the earliest affiliation. */
  date?: string;
}

export interface Backlink {
  from: string;
  /** Body mention sentence as plain text, or the relation label for a frontmatter relation. */
  context: string;
  kind: string;
}

export interface Vault {
  /** Valid notes; files whose frontmatter failed validation are reported in `diagnostics` and left out. */
  notes: Note[];
  fileCount: number;
  /** The resolver the checker used: a slug, title or alias (any case) to a slug. */
  resolve(target: string): string | null;
  bySlug: Map<string, Note>;
  backlinks: Map<string, Backlink[]>;
  /** Notes citing each source, by source slug. */
  citedBy: Map<string, string[]>;
  diagnostics: Diagnostic[];
  /** Each note's Markdown body and the file line it starts on, for the one render pass. */
  bodies: Map<string, { body: string; bodyLine: number }>;
}
