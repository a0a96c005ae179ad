/**
 * Obsidian's `%%comments%%`, hidden before the parse: blanked outside code (fenced blocks and code spans), every other
 * character and every line break kept where it was, so positions in the file stay right. An unclosed `%%` hides the
 * rest of the note, as in Obsidian.
 */
import type { MarkdownTransform } from "../pipeline.ts";

export const comments: MarkdownTransform = { name: "comments", notes: "obsidian", text: hideComments };

/** The body with its comments blanked. */
export function hideComments(body: string): string {
  if (!body.includes("%%")) return body;
  const out = body.split("");
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== "\n" && out[i] !== "\r") out[i] = " ";
  };
  let fence: string | null = null;
  let i = 0;
  while (i < body.length) {
    const lineEnd = body.indexOf("\n", i) < 0 ? body.length : body.indexOf("\n", i);
    const line = body.slice(i, lineEnd);
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && !line.slice(fenceMatch[0].length).trim()) fence = null;
      i = lineEnd + 1;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      i = lineEnd + 1;
      continue;
    }
    // Within a line: skip code spans, blank from `%%` to the next `%%` (which may be lines later).
    let j = i;
    let next = lineEnd + 1;
    while (j < lineEnd) {
      if (body[j] === "`") {
        let n = 1;
        while (body[j + n] === "`") n++;
        const close = body.indexOf("`".repeat(n), j + n);
        if (close >= 0 && close < lineEnd) {
          j = close + n;
          continue;
        }
        j += n;
        continue;
      }
      if (body[j] === "%" && body[j + 1] === "%") {
        const close = body.indexOf("%%", j + 2);
        const end = close < 0 ? body.length : close + 2;
        blank(j, end);
        if (end > lineEnd) {
          // The comment ran onto later lines: carry on after it.
          next = end;
          break;
        }
        j = end;
        continue;
      }
      j++;
    }
    i = next;
  }
  return out.join("");
}
