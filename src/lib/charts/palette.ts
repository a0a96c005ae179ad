/**
 * The charts' colours. Each is a mid-tone whose contrast is at least 3:1 against both themes' backgrounds (light
 * #fdfdfc, dark #111418; WCAG's ratio for graphics), so one SVG reads in either theme without JavaScript; text and
 * gridlines take the theme's colours from CSS (src/styles/charts.css). No chart relies on colour alone: every one has
 * a legend and its data as a table, and stacked segments are parted by a line of the page's background.
 */

/** Epoch AI's Access values, most open first (the order of the stacks and legends). */
export const ACCESS_VALUES = [
  "Open weights (unrestricted)",
  "Open weights (non-commercial)",
  "Open weights (restricted use)",
  "API access",
  "Hosted access (no API)",
  "Unreleased",
] as const;

/** What a chart calls a model without an Access value, where it shows them. */
export const NO_ACCESS = "No Access value";

export const ACCESS_COLOURS: Readonly<Record<string, string>> = {
  "Open weights (unrestricted)": "#1a9850",
  "Open weights (non-commercial)": "#33a1a1",
  "Open weights (restricted use)": "#b8860b",
  "API access": "#5b7fd6",
  "Hosted access (no API)": "#a066c8",
  Unreleased: "#d1495b",
  [NO_ACCESS]: "#868e96",
};

/** An openness level's colour (the rated levels only). */
export const LEVEL_COLOURS = { open: "#1a9850", partial: "#b8860b", closed: "#d1495b" } as const;

/** Categories without an order of their own (countries), then the colour of "Other". */
export const CATEGORICAL = ["#5b7fd6", "#d1495b", "#b8860b", "#1a9850", "#a066c8", "#33a1a1", "#e8702a"] as const;
export const OTHER_COLOUR = "#868e96";

/** The two series of the open-closed gap. */
export const GAP_COLOURS = { open: "#1a9850", rest: "#a066c8" } as const;
