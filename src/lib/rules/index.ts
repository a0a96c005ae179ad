/**
 * Every checker rule, in the order CONTRIBUTING.md lists them. A new rule is a module exporting `defineRule({...})`
 * and one line here.
 */
import { canvas } from "./canvas.ts";
import { base } from "./bases.ts";
import { placeholder, sanitizedHtml, tooDeep, unclosedLink, unsafeHtml, unsafeUrl } from "./body.ts";
import { duplicateSlug, emptyVault, reservedSlug, slugFormat, typeFolder, unreadableFile, unsafeAttachment } from "./files.ts";
import { frontmatterMissing, schema, unknownType, yamlSyntax } from "./frontmatter.ts";
import { orphan, uncited } from "./graph.ts";
import { importedValue } from "./imports.ts";
import { config, obsidianSettings } from "./config.ts";
import { ambiguousLink, brokenLink, brokenRelation, emptyLink, missingHeading, nameCollision, notASource, relationType, unknownSource } from "./links.ts";
import type { Rule } from "./rule.ts";

export type { Rule } from "./rule.ts";

export const RULES: readonly Rule[] = [
  config,
  obsidianSettings,
  emptyVault,
  unreadableFile,
  frontmatterMissing,
  yamlSyntax,
  unknownType,
  schema,
  slugFormat,
  reservedSlug,
  duplicateSlug,
  nameCollision,
  typeFolder,
  unsafeHtml,
  sanitizedHtml,
  unsafeUrl,
  unsafeAttachment,
  canvas,
  base,
  tooDeep,
  emptyLink,
  unclosedLink,
  brokenLink,
  ambiguousLink,
  missingHeading,
  brokenRelation,
  relationType,
  unknownSource,
  notASource,
  importedValue,
  orphan,
  uncited,
  placeholder,
];
