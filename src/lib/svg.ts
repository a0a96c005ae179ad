/**
 * Active content in an SVG file. A page shows an attachment through `<img>`, where an SVG never runs scripts, but
 * the site also serves the file itself (`files/…`), and a reader who opens that address gets a document that runs
 * them, on the site's own origin. So an SVG holding anything that can run, or hide something that can, is not
 * published (the `unsafe-attachment` rule says where and why).
 *
 * This finds, rather than removes: it errs on the side of flagging. Each tag is read with character references
 * decoded and whitespace and control characters dropped (browsers ignore them inside a URL's scheme), so
 * `java&#x09;script:` counts as `javascript:`.
 */

import { lineStarts, positionAt } from "./text-position.ts";

export interface SvgFinding {
  line: number;
  column: number;
  /** What was found, as a message reads it: "a `<script>` element". */
  what: string;
}

/** Elements that run code or embed a document that can. */
const ELEMENTS = new Set(["script", "foreignobject", "iframe", "embed", "object", "handler", "listener"]);
/** URL schemes that run code or open a document that can. */
const SCHEMES = ["javascript:", "vbscript:", "data:text/html", "data:application/xhtml"];

const decode = (text: string) =>
  text.replace(/&#(x[0-9a-f]+|\d+);?/gi, (_, n: string) => {
    const code = n[0] === "x" || n[0] === "X" ? parseInt(n.slice(1), 16) : parseInt(n, 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  }).replace(/&colon;/gi, ":");

/**
 * Everything in `text` (an SVG file) that could run or hide code, in file order, at most one finding per tag. One
 * pass: a tag ends at its first `>` outside quotes, or at the next `<` (never valid inside one, in XML); a comment or
 * CDATA section that never ends takes the rest of the file, where nothing runs.
 */
export function svgActiveContent(text: string): SvgFinding[] {
  const found: SvgFinding[] = [];
  const starts = lineStarts(text);
  let i = 0;
  while ((i = text.indexOf("<", i)) >= 0) {
    const closer = text.startsWith("<!--", i) ? "-->" : text.startsWith("<![CDATA[", i) ? "]]>" : "";
    if (closer) {
      const end = text.indexOf(closer, i + 4);
      if (end < 0) break;
      i = end + closer.length;
      continue;
    }
    let j = i + 1;
    for (let quote = ""; j < text.length; j++) {
      const c = text[j];
      if (c === "<") break;
      if (quote) {
        if (c === quote) quote = "";
      } else if (c === '"' || c === "'") quote = c;
      else if (c === ">") {
        j++;
        break;
      }
    }
    const what = findingOf(text.slice(i, j));
    if (what) found.push({ ...positionAt(starts, i), what });
    i = j;
  }
  return found;
}

function findingOf(tag: string): string | undefined {
  const lower = tag.toLowerCase();
  if (/^<!entity\b/.test(lower) || (/^<!doctype\b/.test(lower) && lower.includes("<!entity"))) return "an entity declaration, which can hide anything below";
  if (/^<\?xml-stylesheet\b/.test(lower)) return "an `<?xml-stylesheet?>` instruction, which can turn the file into a page that runs scripts";
  const name = /^<\s*([a-z][\w:.-]*)/.exec(lower)?.[1];
  const local = name?.split(":").pop();
  if (local && ELEMENTS.has(local)) return `a \`<${name}>\` element`;
  const handler = /[\s"'/](on[a-z]+)\s*=/.exec(lower);
  if (handler) return `an event handler attribute (\`${handler[1]}=\`)`;
  const flat = decode(tag).replace(/[\u0000-\u0020\u007f-\u009f]+/g, "").toLowerCase();
  const scheme = SCHEMES.find((s) => flat.includes(s));
  if (scheme) return `a \`${scheme}\` address`;
  return undefined;
}
