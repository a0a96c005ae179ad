/**
 * Obsidian's Bases on the site: a ```base code block in a note, a `.base` file's own page, and `![[x.base]]` /
 * `![[x.base#View]]` embeds, each evaluated at build time over the published notes (evaluate.ts) and rendered as
 * plain HTML (render.ts). One `Bases` per site: the notes are made into a base's files once (files.ts) and shared by
 * every base; each base's text is read once (parse.ts). Nothing here throws into a page: a base that cannot be shown
 * says so where it stands.
 */
import { escapeHtml } from "../html-escape.ts";
import type { Note, Vault } from "../types.ts";
import { runBase, type BaseRun } from "./evaluate.ts";
import { BaseWorld, type WorldOptions } from "./files.ts";
import { isBasePath, viewIds } from "./note.ts";
import { readBase, type BaseSpec } from "./parse.ts";
import { renderRun } from "./render.ts";
import type { BFile } from "./values.ts";

export { BaseWorld } from "./files.ts";
export { readBase } from "./parse.ts";
export { runBase } from "./evaluate.ts";

export { vaultHasBases } from "./has.ts";
export { isBasePath } from "./note.ts";

export class Bases {
  readonly world: BaseWorld;
  /** Time spent evaluating and rendering bases, in ms (the build's summary, `npm run bench`). */
  ms = 0;
  count = 0;

  constructor(vault: Vault, options: WorldOptions = {}) {
    this.world = new BaseWorld(vault, options);
  }

  /**
   * The `index`th ```base block of a note, `this` the note (or `self`, the note embedding it). A `.base` file's own
   * page is its one block: every view under its name, `this` the base itself.
   */
  block(note: Note, index: number, self: Note = note): string {
    const block = note.parsed.bases?.[index];
    if (!block) return "";
    const page = isBasePath(this.world.pathOf(note)) && self === note;
    return this.#guard(() => this.#html(readBase(block.text, block), this.world.note(self), page ? "page" : "block"));
  }

  /** `![[x.base]]` or `![[x.base#View]]` in a note: the view named (the first by default), `this` the embedding note. */
  embed(base: Note, view: string | undefined, self: Note): string {
    const block = base.parsed.bases?.[0];
    if (!block) return "";
    return this.#guard(() => this.#html(readBase(block.text, block), this.world.note(self), "embed", view, base));
  }

  /** Runs a base (for tests and the bench). */
  run(spec: BaseSpec, self: BFile | null, view?: string | "all"): BaseRun {
    return runBase(spec, this.world, { self, view });
  }

  #html(spec: BaseSpec, self: BFile, kind: "page" | "block" | "embed", view?: string, file?: Note): string {
    const run = runBase(spec, this.world, { self, view: kind === "embed" ? view : "all" });
    const source = file ? `<p class="base-source"><a href="${escapeHtml(this.world.href(this.world.note(file)) ?? "")}" class="wikilink embed" data-slug="${escapeHtml(file.slug)}">${escapeHtml(file.title)}</a>${run.views.length === 1 && spec.views.length > 1 ? ` › ${escapeHtml(run.views[0].view.name)}` : ""}</p>` : "";
    const problems = spec.problems.length ? `<p class="base-problem">This base has ${spec.problems.length === 1 ? "a problem" : `${spec.problems.length} problems`} (\`npm run check\` lists ${spec.problems.length === 1 ? "it" : "them"}): ${escapeHtml(spec.problems[0].message)}${spec.problems.length > 1 ? " …" : ""}</p>` : "";
    const headings = kind === "page" || (kind === "block" && run.views.length > 1);
    const ids = kind === "page" ? viewIds(spec.views.map((v) => v.name)) : undefined;
    return `<div class="base base-${kind}">${source}${problems}${renderRun(run, this.world, { headings, level: kind === "page" ? 2 : 3, ids })}</div>`;
  }

  #guard(make: () => string): string {
    const started = performance.now();
    try {
      return make();
    } catch (err) {
      return `<div class="base"><p class="base-problem">This base could not be shown: ${escapeHtml(err instanceof Error ? err.message : String(err))}</p></div>`;
    } finally {
      this.ms += performance.now() - started;
      this.count++;
    }
  }
}
