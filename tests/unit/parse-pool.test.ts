/**
 * A cold parse of a big vault runs on worker threads (parse-pool.ts): what comes back, in order, must be exactly what
 * the calling thread's parse gives.
 */
import { describe, expect, it } from "vitest";
import { parseNote } from "../../src/lib/parse-note.ts";
import { parseInWorkers } from "../../src/lib/parse-pool.ts";

describe("parse on worker threads", () => {
  it("returns every note, in order, as the calling thread parses it", async () => {
    const texts = Array.from({ length: 450 }, (_, i) =>
      `---\ntitle: "Note ${i}"\ntype: concept\nsummary: "Number ${i}."\n---\n## Part ${i % 7}\n\nSee [[note-${(i * 7) % 450}|the *other* one]] and [[note-${i}#Part ${i % 7}]].\n\n| a | b |\n| - | - |\n| ${i} | x |\n`,
    );
    const progress: number[] = [];
    const json = await parseInWorkers(texts, 2, (done) => progress.push(done));
    expect(json).toHaveLength(texts.length);
    json.forEach((j, i) => expect(JSON.parse(j)).toEqual(JSON.parse(JSON.stringify(parseNote(texts[i])))));
    expect(progress.at(-1)).toBe(texts.length);
  });
});
