/**
 * `npm run changes`: a reviewer's summary of a branch, on a temporary git repository with real commits: notes added,
 * removed and renamed, facts with their sources, links, new problems and the pages that change.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScript } from "../helpers/cli.ts";
import { commit, git, gitRepo, note, write } from "../helpers/git.ts";
import { tempDir } from "../helpers/temp.ts";

describe("npm run changes", () => {
  it("summarises what a branch changes in the graph, with sources", () => {
    const repo = gitRepo({
      "content/sources/doe-report.md": note("source", "Doe Report", "A report.", "kind: article\n"),
      "content/sources/roe-paper.md": note("source", "Roe Paper", "A paper.", "kind: paper\n"),
      "content/labs/acme.md": note("lab", "Acme", "Makes [[widget]] and [[gizmo]]. See [[old-name]].", "sources: [doe-report]\n"),
      "content/models/widget.md": note(
        "model",
        "Widget",
        "By [[acme]].",
        "sources: [doe-report]\ndeveloper: { ref: acme, source: doe-report }\nlicense: { value: Apache-2.0, source: doe-report }\nopenness:\n  weights: { status: open, source: doe-report }\n",
      ),
      "content/models/gizmo.md": note("model", "Gizmo", "Also by [[acme]].", "sources: [doe-report]\n"),
      "content/concepts/old-name.md": note("concept", "Old Name", "Linked from [[acme]].", "sources: [doe-report]\n"),
    });
    const content = join(repo, "content");
    git(repo, "checkout", "-q", "-b", "review-me");
    // A new source and a new note; gizmo removed (and acme's link to it with it); old-name renamed the way
    // `npm run rename` does; widget's licence and openness change, citing the new paper; a new link.
    write(repo, {
      "content/models/gizmo.md": null,
      "content/models/sprocket.md": note("model", "Sprocket", "A sibling of [[widget]].", "sources: [roe-paper]\n"),
      "content/labs/acme.md": note("lab", "Acme", "Makes [[widget]] and [[sprocket]]. See [[new-name]].", "sources: [doe-report]\n"),
      "content/models/widget.md": note(
        "model",
        "Widget",
        "By [[acme]].",
        "sources: [doe-report, roe-paper]\ndeveloper: { ref: acme, source: [doe-report, roe-paper] }\nlicense: { value: Widget Community Licence, source: roe-paper }\nopenness:\n  weights: { status: partial, source: roe-paper }\n",
      ),
    });
    git(repo, "mv", "content/concepts/old-name.md", "content/concepts/new-name.md");
    write(repo, { "content/concepts/new-name.md": note("concept", "New Name", "Linked from [[acme]].", "aliases: [old-name]\nsources: [doe-report]\n") });
    commit(repo, "review me");
    // Uncommitted too: a note nobody links to yet (a new warning).
    write(repo, { "content/concepts/lonely.md": note("concept", "Lonely", "Nobody links here.", "sources: [roe-paper]\n") });

    const r = runScript("changes", ["main"], { CONTENT_DIR: content });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^## What this branch changes in the wiki\n\nCompared with `main` \([0-9a-f]+\): 2 notes added, 1 note removed, 1 note renamed, \d+ facts changed, 3 links changed, 1 new problem, \d+ pages change\.\n/);
    const section = (title: string) => out.split(`### ${title}\n\n`)[1]?.split("\n\n")[0].split("\n") ?? [];
    expect(section("Notes added")).toEqual(["- **Lonely** (`lonely`), concept — `content/concepts/lonely.md`", "- **Sprocket** (`sprocket`), model — `content/models/sprocket.md`"]);
    expect(section("Notes removed")).toEqual(["- **Gizmo** (`gizmo`), model"]);
    expect(section("Notes renamed")).toEqual(["- `old-name` → **New Name** (`new-name`) (was titled “Old Name”)"]);
    const facts = section("Facts");
    expect(facts).toContain("- **Widget** › License: `Apache-2.0` → `Widget Community Licence`, citing *Roe Paper*");
    expect(facts).toContain("- **Widget** › Openness › end-model weights: `open` → `partial`, citing *Roe Paper*");
    expect(facts).toContain("- **Widget** › Developer: `Acme` now cites *Doe Report*, *Roe Paper* (before: *Doe Report*)");
    expect(facts).toContain("- **Widget** › Sources: added `Roe Paper`");
    expect(facts).toContain("- **New Name** › Title: `Old Name` → `New Name`");
    expect(facts).toContain("- **New Name** › Also known as: added `old-name`");
    // The link to the renamed note is the same link; the removed note's link and the new one are not.
    expect(section("Links").sort()).toEqual(["- added: **Acme** → **Sprocket**", "- added: **Sprocket** → **Widget**", "- removed: **Acme** → **Gizmo**"]);
    expect(section("New problems")).toEqual([expect.stringMatching(/^- `.*content\/concepts\/lonely\.md:1:1` warning `orphan`: no other note links to `lonely`$/)]);
    // Every page on both sides whose content differs, and what differs on it; new pages are "Notes added".
    const pages = out.slice(out.indexOf("### Pages whose content changes (8)")).split("\n").filter((l) => l.startsWith("- `/"));
    // Note pages first, then the indexes and tag pages whose lists change.
    expect(pages).toEqual([
      "- `/new-name/` New Name: header, infobox, backlinks",
      "- `/acme/` Acme: body, backlinks", // a link to sprocket, none to gizmo
      "- `/widget/` Widget: infobox, sources, backlinks",
      "- `/doe-report/` Doe Report: cited by", // gizmo is gone, old-name is new-name
      "- `/roe-paper/` Roe Paper: cited by",
      "- `/concepts/` Concepts (index): adds Lonely, row of New Name",
      "- `/models/` Models (index): adds Sprocket, drops Gizmo, row of Widget", // a new licence, openness
      "- `/sources/` Sources (index): row of Doe Report, row of Roe Paper", // their "cited by" counts
    ]);
  });

  it("says so when nothing changed, and names what to do for a wrong base", () => {
    const repo = gitRepo({ "content/sources/doe-report.md": note("source", "Doe Report", "A report.", "kind: article\n") });
    const same = runScript("changes", [], { CONTENT_DIR: join(repo, "content") });
    expect(same.stdout).toMatch(/Compared with `origin\/HEAD|main` \([0-9a-f]+\): no change to any note\.\n$/);
    // In a fresh clone on a branch, `main` exists only as `origin/main`: naming `main` finds it there.
    const clone = join(tempDir("atlas-clone-"), "clone");
    git(repo, "clone", "-q", repo, clone);
    git(clone, "checkout", "-q", "-b", "topic");
    git(clone, "branch", "-q", "-D", "main");
    expect(runScript("changes", ["main"], { CONTENT_DIR: join(clone, "content") }).stdout).toMatch(/^Compared with `origin\/main` \([0-9a-f]+\): no change to any note\.$/m);
    const wrong = runScript("changes", ["nope"], { CONTENT_DIR: join(repo, "content") });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("`nope` is not a commit, branch or tag");
  });
});
