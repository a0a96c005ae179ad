/**
 * Addresses for a vault read as Obsidian reads it, whose file and folder names are whatever people type: spaces,
 * capitals, `&`, quotes, accents, CJK, emoji. Each name becomes a slug part (lowercase; accents on Latin letters
 * dropped; letters and digits of every script kept; anything else a hyphen), a note's slug is its folders' parts and
 * its own joined by `/` (`Projects/Café & Co.md` → `projects/cafe-co`), and every slug is unique: among the names in
 * one folder, a part already taken gets `-2`, `-3` … in the order of the names (sorted), so the same vault always
 * gets the same addresses. A note beside a folder of the same name (`Projects.md` and `Projects/`) shares the
 * folder's address: it is the folder's note, and its page lists the folder. Pure.
 */

/** One name (a file name without its extension, or a folder's) as a slug part; `note` when nothing is left. */
export function slugPart(name: string): string {
  const part = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .normalize("NFC")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return part || "note";
}

export interface PathSlugs {
  /** Each note's slug, by its path in the vault (`Projects/Café & Co.md`). */
  notes: Map<string, string>;
  /** Each folder's slug, by its path (`Projects`); the vault's root is "". */
  folders: Map<string, string>;
  /** Each attachment's address under `files/`, by its path (`Attachments/Diagram 1.PNG` → `attachments/diagram-1.png`). */
  files: Map<string, string>;
}

/**
 * Slugs for every note (`.md` paths, and files of other kinds that are pages: a canvas) and address for every other
 * file, unique; `reserved` are the site's own top-level addresses, which no top-level note or folder may take.
 */
export function pathSlugs(notePaths: readonly string[], filePaths: readonly string[], reserved: ReadonlySet<string>): PathSlugs {
  const folders = new Map<string, string>([["", ""]]);
  const notes = new Map<string, string>();
  const files = new Map<string, string>();
  // What each folder holds: its subfolders and notes, by name.
  const children = new Map<string, { folders: Set<string>; notes: string[] }>();
  const holder = (dir: string) => {
    let c = children.get(dir);
    if (!c) children.set(dir, (c = { folders: new Set(), notes: [] }));
    return c;
  };
  const addFolders = (path: string) => {
    const parts = path.split("/").slice(0, -1);
    for (let i = 0; i < parts.length; i++) holder(parts.slice(0, i).join("/")).folders.add(parts.slice(0, i + 1).join("/"));
  };
  for (const p of notePaths) {
    addFolders(p);
    holder(dirOf(p)).notes.push(p);
  }
  for (const p of filePaths) addFolders(p);

  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const visit = (dir: string) => {
    const c = children.get(dir);
    if (!c) return;
    const prefix = folders.get(dir) ? `${folders.get(dir)}/` : "";
    const taken = new Set<string>(dir === "" ? reserved : []);
    const take = (part: string) => {
      let slug = part;
      for (let n = 2; taken.has(slug); n++) slug = `${part}-${n}`;
      taken.add(slug);
      return slug;
    };
    const sub = [...c.folders].sort(byName);
    const folderPart = new Map<string, string>();
    for (const f of sub) {
      const part = take(slugPart(baseOf(f)));
      folderPart.set(baseOf(f).toLowerCase(), part);
      folders.set(f, prefix + part);
    }
    // Markdown notes first, so that a page of another kind (`Board.canvas` beside `Board.md`) never takes a note's address.
    for (const n of c.notes.sort((a, b) => Number(!isMarkdown(a)) - Number(!isMarkdown(b)) || byName(a, b))) {
      const name = pageName(baseOf(n));
      // A folder's note: `Projects.md` beside `Projects/` shares its address (once).
      const shared = isMarkdown(n) ? folderPart.get(name.toLowerCase()) : undefined;
      if (shared !== undefined) folderPart.delete(name.toLowerCase());
      notes.set(n, prefix + (shared ?? take(slugPart(name))));
    }
    for (const f of sub) visit(f);
  };
  visit("");

  // Files: under `files/`, by their folders' slugs, their names slugged with the extension kept (lowercase).
  const takenFiles = new Set<string>();
  for (const p of [...filePaths].sort(byName)) {
    const base = baseOf(p);
    const dot = base.lastIndexOf(".");
    const ext = dot > 0 ? base.slice(dot + 1).toLowerCase().replace(/[^a-z0-9]/g, "") : "";
    const stem = slugPart(dot > 0 ? base.slice(0, dot) : base);
    const folder = folders.get(dirOf(p)) ?? "";
    const at = (s: string) => `${folder ? `${folder}/` : ""}${s}${ext ? `.${ext}` : ""}`;
    let slug = at(stem);
    for (let n = 2; takenFiles.has(slug); n++) slug = at(`${stem}-${n}`);
    takenFiles.add(slug);
    files.set(p, slug);
  }
  return { notes, folders, files };
}

const isMarkdown = (path: string) => /\.md$/i.test(path);

/** A page's name from its file's: `Note.md` → `Note`; a page of another kind loses its extension too (`Board.canvas` → `Board`). */
function pageName(base: string): string {
  if (isMarkdown(base)) return base.slice(0, -3);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "" : path.slice(0, i);
}

export function baseOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
