/**
 * The stand-in text `npm run new` writes (scaffold.ts) and the `placeholder` rule looks for: one definition, here,
 * without the scaffold's imports, because the per-file parse (parse-note.ts, in worker threads) needs it too.
 */
export const PLACEHOLDERS = {
  summary: (title: string) => `One sentence saying what ${title} is.`,
  /** The first words of the body's instructions. */
  body: "Write what the sources say about",
};
