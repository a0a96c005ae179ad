/**
 * The engine's own marker characters, from Unicode's private use area (U+E000 to U+E008), and what each marks. They
 * stand in generated text for what is only known later: a link's HTML (filled in per build from the resolver's
 * answers), the site's base path, a place in a template, a rendered formula. A note has no business containing them,
 * so every text a note supplies is stripped of them on the way in (`stripMarkers`: the body in parse-note.ts, every
 * frontmatter string in frontmatter.ts). This module is the only one that names them.
 */

/** Opens a link slot, `LINK_OPEN i LINK_CLOSE`: the note's link `i` goes there (HTML template, backlink sentences, prose). */
export const LINK_OPEN = "\uE000";
/** Closes a link slot. */
export const LINK_CLOSE = "\uE001";
/** The site's base path in a template's URLs (an Obsidian note's tag links), filled in when the page is made. */
export const BASE_MARK = "\uE002";
/** Opens a place mark, `PLACE_OPEN k PLACE_CLOSE`: where a section or block starts or ends in a template (html.ts). */
export const PLACE_OPEN = "\uE003";
/** Closes a place mark. */
export const PLACE_CLOSE = "\uE004";
/** Opens a math slot, `MATH_OPEN i MATH_CLOSE`: the formula `i`, rendered by KaTeX after the sanitizer has run (html.ts). */
export const MATH_OPEN = "\uE005";
/** Closes a math slot. */
export const MATH_CLOSE = "\uE006";

/** Opens a base slot, `BASE_OPEN i BASE_CLOSE`: the note's ```base block `i`, evaluated when the page is made (bases/). */
export const BASE_OPEN = "\uE007";
/** Closes a base slot. */
export const BASE_CLOSE = "\uE008";

/** Every marker, anywhere. */
const ANY_MARKER = /[\uE000-\uE008]/g;

/** Text from a note without any of the engine's markers. */
export function stripMarkers(text: string): string {
  return text.replace(ANY_MARKER, "");
}

/** Link slot `i`. */
export const linkSlot = (i: number) => `${LINK_OPEN}${i}${LINK_CLOSE}`;
/** Place mark `k`. */
export const placeMark = (k: number) => `${PLACE_OPEN}${k}${PLACE_CLOSE}`;
/** Math slot `i`. */
export const mathSlot = (i: number) => `${MATH_OPEN}${i}${MATH_CLOSE}`;

/** Base slot `i`. */
export const baseSlot = (i: number) => `${BASE_OPEN}${i}${BASE_CLOSE}`;
/** A base slot, its number in group 1. */
export const BASE_SLOT = new RegExp(`${BASE_OPEN}(\\d+)${BASE_CLOSE}`, "g");

/** A link slot (its number in group 1) or a place mark (group 2). */
export const LINK_SLOT_OR_PLACE = new RegExp(`${LINK_OPEN}(\\d+)${LINK_CLOSE}|${PLACE_OPEN}(\\d+)${PLACE_CLOSE}`, "g");
/** A link slot, its number in group 1. */
export const LINK_SLOT = new RegExp(`${LINK_OPEN}(\\d+)${LINK_CLOSE}`, "g");
/** A math slot, its number in group 1. */
export const MATH_SLOT = new RegExp(`${MATH_OPEN}(\\d+)${MATH_CLOSE}`, "g");
