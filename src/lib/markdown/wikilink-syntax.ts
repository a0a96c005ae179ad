/**
 * micromark syntax extension for Obsidian-style wikilinks: `[[target#heading|label]]`, `[[target#^block]]` and
 * embeds `![[…]]`.
 *
 * They are text constructs, so micromark never tries them inside code (spans, fenced, indented), HTML (comments,
 * blocks, inline tags) or after a character escape: those constructs win before ours is ever asked. The label is a
 * `chunkText` token with `contentType: "text"`, which micromark's subtokenizer expands into inline Markdown in a later
 * pass, with real file positions; attention inside it is resolved in its own tokenizer, so `*` in a label never pairs
 * with a `*` outside.
 *
 * Tokens, outermost first: `wikiLink` > `wikiLinkEmbedMarker` (`!`), `wikiLinkMarker` (`[[` and `]]`),
 * `wikiLinkTarget`, `wikiLinkHeadingMarker` (`#`), `wikiLinkHeading`, `wikiLinkBlockMarker` (`^`), `wikiLinkBlock`,
 * `wikiLinkLabelMarker` (`|` or `\|`), `wikiLinkLabelPadding`, `wikiLinkLabel` > `wikiLinkLabelText` (content).
 */
import { asciiPunctuation, markdownLineEnding, markdownSpace } from "micromark-util-character";
import { codes } from "micromark-util-symbol";
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from "micromark-util-types";

declare module "micromark-util-types" {
  interface TokenTypeMap {
    wikiLink: "wikiLink";
    wikiLinkEmbedMarker: "wikiLinkEmbedMarker";
    wikiLinkMarker: "wikiLinkMarker";
    wikiLinkTarget: "wikiLinkTarget";
    wikiLinkHeadingMarker: "wikiLinkHeadingMarker";
    wikiLinkHeading: "wikiLinkHeading";
    wikiLinkBlockMarker: "wikiLinkBlockMarker";
    wikiLinkBlock: "wikiLinkBlock";
    wikiLinkLabelMarker: "wikiLinkLabelMarker";
    wikiLinkLabelPadding: "wikiLinkLabelPadding";
    wikiLinkLabel: "wikiLinkLabel";
    wikiLinkLabelText: "wikiLinkLabelText";
    wikiLinkLookahead: "wikiLinkLookahead";
  }
}

type DestinationPart = "wikiLinkTarget" | "wikiLinkHeading" | "wikiLinkBlock";

const wikiLinkConstruct: Construct = { name: "wikiLink", tokenize: tokenizeWikiLink };

/** `]]` ahead. */
const closeAhead: Construct = { tokenize: pairAhead(codes.rightSquareBracket, codes.rightSquareBracket), partial: true };
/** `\|` ahead: the separator as it is written inside a GFM table cell. */
const escapedBarAhead: Construct = { tokenize: pairAhead(codes.backslash, codes.verticalBar), partial: true };
/** Spaces or tabs, then `]]`: whitespace that ends the label rather than belonging to it. */
const paddingThenCloseAhead: Construct = { tokenize: tokenizePaddingThenCloseAhead, partial: true };

/** The extension: add it to micromark's `extensions` (and `wikilinkFromMarkdown()` to `mdastExtensions`). */
export function wikilink(): Extension {
  return { text: { [codes.leftSquareBracket]: wikiLinkConstruct, [codes.exclamationMark]: wikiLinkConstruct } };
}

function tokenizeWikiLink(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let part: DestinationPart = "wikiLinkTarget";
  // A token may not be empty, so a destination part is entered lazily at its first character.
  let partOpen = false;

  return start;

  function start(code: Code): State | undefined {
    effects.enter("wikiLink");
    if (code === codes.exclamationMark) {
      effects.enter("wikiLinkEmbedMarker");
      effects.consume(code);
      effects.exit("wikiLinkEmbedMarker");
      return openFirst;
    }
    return openFirst(code);
  }

  function openFirst(code: Code): State | undefined {
    if (code !== codes.leftSquareBracket) return nok(code);
    effects.enter("wikiLinkMarker");
    effects.consume(code);
    return openSecond;
  }

  function openSecond(code: Code): State | undefined {
    if (code !== codes.leftSquareBracket) return nok(code);
    effects.consume(code);
    effects.exit("wikiLinkMarker");
    return destination;
  }

  /** Inside the target, heading or block id: up to `#`, `|`, `\|` or `]]`. */
  function destination(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code) || code === codes.leftSquareBracket) return nok(code);
    if (code === codes.rightSquareBracket) {
      endPart();
      return closeFirst(code);
    }
    if (code === codes.verticalBar) {
      endPart();
      return separator(code);
    }
    if (code === codes.numberSign && part === "wikiLinkTarget") {
      endPart();
      return headingMarker(code);
    }
    if (code === codes.backslash) return effects.check(escapedBarAhead, separatorAfterPart, destinationChar)(code);
    return destinationChar(code);
  }

  function destinationChar(code: Code): State | undefined {
    if (!partOpen) {
      effects.enter(part);
      partOpen = true;
    }
    effects.consume(code);
    return destination;
  }

  function endPart(): void {
    if (partOpen) effects.exit(part);
    partOpen = false;
  }

  function headingMarker(code: Code): State | undefined {
    effects.enter("wikiLinkHeadingMarker");
    effects.consume(code);
    effects.exit("wikiLinkHeadingMarker");
    part = "wikiLinkHeading";
    return blockMarker;
  }

  function blockMarker(code: Code): State | undefined {
    if (code !== codes.caret) return destination(code);
    effects.enter("wikiLinkBlockMarker");
    effects.consume(code);
    effects.exit("wikiLinkBlockMarker");
    part = "wikiLinkBlock";
    return destination;
  }

  function separatorAfterPart(code: Code): State | undefined {
    endPart();
    return separator(code);
  }

  /** At `|` or the `\` of `\|`; only this first separator counts, later ones belong to the label. */
  function separator(code: Code): State | undefined {
    effects.enter("wikiLinkLabelMarker");
    if (code === codes.backslash) {
      effects.consume(code);
      return separatorBar;
    }
    return separatorBar(code);
  }

  function separatorBar(code: Code): State | undefined {
    if (code !== codes.verticalBar) return nok(code);
    effects.consume(code);
    effects.exit("wikiLinkLabelMarker");
    return labelBefore;
  }

  function labelBefore(code: Code): State | undefined {
    if (markdownSpace(code)) {
      effects.enter("wikiLinkLabelPadding");
      return padding(code, labelStart);
    }
    return labelStart(code);
  }

  function padding(code: Code, next: State): State | undefined {
    if (markdownSpace(code)) {
      effects.consume(code);
      return (after: Code) => padding(after, next);
    }
    effects.exit("wikiLinkLabelPadding");
    return next(code);
  }

  function labelStart(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return nok(code);
    if (code === codes.rightSquareBracket) return effects.check(closeAhead, closeFirst, labelOpen)(code);
    return labelOpen(code);
  }

  function labelOpen(code: Code): State | undefined {
    effects.enter("wikiLinkLabel");
    effects.enter("wikiLinkLabelText", { contentType: "text" });
    // Known not to be `]]` here (labelStart checked), so a `]` is just the label's first character.
    return code === codes.rightSquareBracket ? labelChar(code) : label(code);
  }

  function label(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return nok(code);
    if (code === codes.rightSquareBracket) return effects.check(closeAhead, labelEnd, labelChar)(code);
    if (markdownSpace(code)) return effects.check(paddingThenCloseAhead, labelEnd, labelChar)(code);
    if (code === codes.backslash) {
      effects.consume(code);
      return labelEscape;
    }
    return labelChar(code);
  }

  function labelChar(code: Code): State | undefined {
    effects.consume(code);
    return label;
  }

  /** After `\` in the label: an escaped punctuation character (`\]`, `\|`) is content, as the inline parse sees it. */
  function labelEscape(code: Code): State | undefined {
    return asciiPunctuation(code) ? labelChar(code) : label(code);
  }

  function labelEnd(code: Code): State | undefined {
    effects.exit("wikiLinkLabelText");
    effects.exit("wikiLinkLabel");
    if (markdownSpace(code)) {
      effects.enter("wikiLinkLabelPadding");
      return padding(code, closeFirst);
    }
    return closeFirst(code);
  }

  function closeFirst(code: Code): State | undefined {
    if (code !== codes.rightSquareBracket) return nok(code);
    effects.enter("wikiLinkMarker");
    effects.consume(code);
    return closeSecond;
  }

  function closeSecond(code: Code): State | undefined {
    if (code !== codes.rightSquareBracket) return nok(code);
    effects.consume(code);
    effects.exit("wikiLinkMarker");
    effects.exit("wikiLink");
    return ok;
  }
}

/** A lookahead tokenizer for two given characters in a row (`]]`, `\|`). */
function pairAhead(firstCode: number, secondCode: number) {
  return function tokenizePairAhead(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    return first;

    function first(code: Code): State | undefined {
      if (code !== firstCode) return nok(code);
      effects.enter("wikiLinkLookahead");
      effects.consume(code);
      return second;
    }

    function second(code: Code): State | undefined {
      if (code !== secondCode) return nok(code);
      effects.consume(code);
      effects.exit("wikiLinkLookahead");
      return ok;
    }
  };
}

function tokenizePaddingThenCloseAhead(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return start;

  function start(code: Code): State | undefined {
    if (!markdownSpace(code)) return nok(code);
    effects.enter("wikiLinkLookahead");
    return inside(code);
  }

  function inside(code: Code): State | undefined {
    if (markdownSpace(code)) {
      effects.consume(code);
      return inside;
    }
    effects.exit("wikiLinkLookahead");
    return effects.attempt(closeAhead, ok, nok)(code);
  }
}
