/**
 * How deep a note's Markdown may nest before the renderer refuses it. micromark parses any depth, but what comes
 * after it recurses once per level (mdast-util-to-hast, hast-util-raw, the sanitizer, hast-util-to-html, our own
 * walks): 3,000 nested quotes, 10,000 nested `*` or `<div>` overflowed the stack and took the whole check down. And
 * micromark's time grows with the square of the container depth on every line: 1,000 list items, each indented one
 * level deeper, took 80 s to parse. No real note comes near these limits; a hostile one gets a diagnostic at the
 * line where it goes too deep, and its body is shown as plain text.
 */
import type { Nodes, Root } from "mdast";

/** Levels of quotes and lists, or of raw HTML elements, a body may nest. */
export const MAX_DEPTH = 100;

/**
 * Levels of the parsed tree (each list level is two: the list and its item; emphasis inside a link inside a quote
 * is three more). The renderer's recursion overflowed somewhere between 1,000 and 3,000 levels on the main thread.
 */
export const MAX_TREE_DEPTH = 300;

/**
 * The parse's cost, estimated before it runs: the sum over lines of the square of each line's container depth.
 * 4,000,000 is about a second of parsing; an ordinary note of 10,000 lines three levels deep costs 90,000.
 */
const MAX_CONTAINER_COST = 4_000_000;

/**
 * Lines in one run of lazy continuation: text lines that go on a quote's or list item's paragraph without its `>` or
 * indentation. micromark looks back over the whole run at each of them, so a run's time grows with its square (9,000
 * lines took a second, 20,000 took ten); 2,000 take a few tens of milliseconds. Real notes have a handful.
 */
export const MAX_LAZY_LINES = 2000;

export interface DepthProblem {
  /** 1-based line and column in the body. */
  line: number;
  column: number;
  what: string;
}

/**
 * An upper bound on each line's container depth, from its prefix alone: a `>` or a list marker opens one level, and
 * indentation can only go on with containers earlier lines opened, at most one per two columns (a nested list item
 * is indented at least two columns more than its parent). So this never underestimates, and neither a line of code
 * indented 80 columns nor a blank line of spaces (what an Obsidian `%% comment %%` leaves of a long line) counts as
 * nesting that no marker opened.
 */
export function containerDepthProblem(body: string): DepthProblem | undefined {
  let cost = 0;
  let line = 0;
  let worst: { line: number; depth: number } = { line: 1, depth: 0 };
  // Lazy continuation: is a quote's or list item's paragraph open, was a `>` among its markers, how long is the run.
  let paragraph = false;
  let quoted = false;
  let lazy = 0;
  // Containers the last non-blank line left open: what indentation on the next line can at most go on with.
  let open = 0;
  for (let at = 0; at < body.length; ) {
    line++;
    let end = body.indexOf("\n", at);
    if (end < 0) end = body.length;
    let markers = 0;
    let columns = 0;
    let quotes = 0;
    let i = at;
    for (; i < end; i++) {
      const c = body.charCodeAt(i);
      if (c === 32) columns++;
      else if (c === 9) columns += 4 - (columns % 4);
      else if (c === 62 /* > */) {
        markers++;
        quotes++;
        if (body.charCodeAt(i + 1) === 32) i++; // the space after `>` belongs to the marker
      }
      else if ((c === 45 || c === 42 || c === 43) /* - * + */ && isSpace(body.charCodeAt(i + 1))) markers++;
      else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < end && j - i < 9 && body.charCodeAt(j) >= 48 && body.charCodeAt(j) <= 57) j++;
        const d = body.charCodeAt(j);
        if (!((d === 46 || d === 41) /* . ) */ && isSpace(body.charCodeAt(j + 1)))) break;
        markers++;
        i = j;
      } else break;
    }
    // The marker loop stops at the first character that is no space, tab or marker; only one that could be
    // whitespace (a carriage return, a no-break space …) makes it worth reading the rest of the line.
    const first = body.charCodeAt(i);
    const blank = i >= end || ((first < 33 || first >= 0xa0) && body.slice(i, end).trim() === "");
    // Indentation goes on with open containers (never more than were open); a blank line opens none and closes none.
    const depth = markers + (blank ? 0 : Math.min(columns >> 1, open));
    // A line that may go lazily on with a paragraph (no marker) closes nothing: the containers stay open for the next.
    if (!blank) open = markers === 0 && paragraph ? Math.max(open, depth) : depth;
    if (markers > 0) {
      paragraph = !blank; // a marker with text after it opens (or goes on) a paragraph in its container
      quoted = quotes > 0;
      lazy = 0;
    } else if (blank || startsBlock(body, i)) {
      paragraph = false;
      lazy = 0;
    } else if (paragraph && (quoted || columns < 2) && ++lazy > MAX_LAZY_LINES) {
      return { line: line - lazy + 1, column: 1, what: `more than ${MAX_LAZY_LINES} lines from here go on a quote or list item without its \`>\` or indentation (lazy continuation): the time to parse such a run grows with its square` };
    }
    if (depth > worst.depth) worst = { line, depth };
    if (depth > MAX_DEPTH) return { line, column: i - at + 1, what: `quotes or lists nest ${depth} levels deep here (at most ${MAX_DEPTH})` };
    cost += depth * depth;
    if (cost > MAX_CONTAINER_COST) {
      return { line: worst.line, column: 1, what: `quotes or lists nest so deep on so many lines (${worst.depth} levels here) that parsing would take minutes` };
    }
    at = end + 1;
  }
  return undefined;
}

/**
 * Emphasis nested too deep, estimated before parsing: micromark matches `*` and `_` runs with a stack, and its time
 * grows faster than the square of that stack (10,000 `*` then 10,000 `*` took 32 s; `*a _b ` 4,000 times, 30 s).
 * Within each paragraph (blank lines end one; code fences and code spans are skipped), a run that can only open
 * emphasis adds its length, one that can only close it takes its length away; a run that could do both (inside a
 * word) counts for neither, as it rarely nests. Deeper than MAX_TREE_DEPTH is refused.
 */
export function inlineDepthProblem(body: string): DepthProblem | undefined {
  let open = 0;
  let line = 1;
  let lineStart = 0;
  let fence = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (i === lineStart) {
      const rest = body.slice(i, body.indexOf("\n", i) < 0 ? body.length : body.indexOf("\n", i));
      const f = /^ {0,3}(`{3,}|~{3,})/.exec(rest);
      if (fence ? f && f[1][0] === fence[0] && f[1].length >= fence.length : f) fence = fence ? "" : f![1];
      if (fence || f || rest.trim() === "") {
        if (rest.trim() === "") open = 0;
        i += rest.length;
        if (body[i] === "\n") newline(i);
        continue;
      }
    }
    if (c === "\n") {
      newline(i);
      continue;
    }
    if (c === "`") {
      // A code span: skip to the same run of backticks on this line, if there is one.
      let n = 1;
      while (body[i + n] === "`") n++;
      const close = body.indexOf("`".repeat(n), i + n);
      const eol = body.indexOf("\n", i);
      i = close >= 0 && (eol < 0 || close < eol) ? close + n - 1 : i + n - 1;
      continue;
    }
    if (c !== "*" && c !== "_") continue;
    let n = 1;
    while (body[i + n] === c) n++;
    const before = i > 0 ? body[i - 1] : " ";
    const after = i + n < body.length ? body[i + n] : " ";
    const left = !/\s/.test(after) && (!PUNCT.test(after) || /\s/.test(before) || PUNCT.test(before));
    const right = !/\s/.test(before) && (!PUNCT.test(before) || /\s/.test(after) || PUNCT.test(after));
    if (left && !right) open += n;
    else if (right && !left) open = Math.max(0, open - n);
    if (open > MAX_TREE_DEPTH) return { line, column: i - lineStart + 1, what: `emphasis (\`*\`, \`_\`) opens ${open} levels deep here (at most ${MAX_TREE_DEPTH})` };
    i += n - 1;
  }
  return undefined;

  function newline(i: number) {
    line++;
    lineStart = i + 1;
  }
}

const PUNCT = /[\p{P}\p{S}]/u;

/** Whether the text at `i` starts a block that ends a paragraph: a heading, a code fence, raw HTML. */
function startsBlock(body: string, i: number): boolean {
  const c = body[i];
  return c === "#" || c === "<" || body.startsWith("```", i) || body.startsWith("~~~", i);
}

const isSpace = (c: number) => c === 32 || c === 9 || Number.isNaN(c) || c === 10 || c === 13;

/** The first node deeper than MAX_TREE_DEPTH in the tree (walked without recursion, which is the point). */
export function treeDepthProblem(tree: Root): DepthProblem | undefined {
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_TREE_DEPTH) {
      const p = node.position?.start;
      return { line: p?.line ?? 1, column: p?.column ?? 1, what: `Markdown nests more than ${MAX_TREE_DEPTH} levels deep here (emphasis, links, lists or quotes inside each other)` };
    }
    if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i] as Nodes, depth + 1]);
  }
  return undefined;
}

/** Elements that do not nest: void elements, and those whose end tag may be left out (HTML closes them itself). */
const FLAT = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "rb", "rt", "rp", "colgroup", "caption", "thead", "tbody", "tfoot"]);
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(\/?)>/g;

/** Raw HTML opened deeper than MAX_DEPTH, counting open and close tags across the note's HTML in order. */
export function htmlDepthProblem(tree: Root): DepthProblem | undefined {
  let depth = 0;
  const stack: Nodes[] = [tree];
  const html: Extract<Nodes, { type: "html" }>[] = [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === "html") html.push(node);
    else if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  for (const node of html) {
    for (const m of node.value.matchAll(TAG)) {
      if (FLAT.has(m[2].toLowerCase()) || m[3]) continue;
      depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
      if (depth > MAX_DEPTH) {
        const before = node.value.slice(0, m.index);
        const lines = before.split("\n");
        const start = node.position?.start ?? { line: 1, column: 1 };
        const line = start.line + lines.length - 1;
        const column = lines.length > 1 ? lines[lines.length - 1].length + 1 : start.column + before.length;
        return { line, column, what: `raw HTML elements nest ${depth} levels deep here (at most ${MAX_DEPTH})` };
      }
    }
  }
  return undefined;
}
