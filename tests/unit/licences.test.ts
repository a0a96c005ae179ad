/**
 * Licences as data (src/lib/licences.ts): spellings of one licence read as its SPDX identifier, shown by the SPDX
 * list's name; licences without an identifier, and guesses that leave words unexplained, kept as written.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { licenceId, licenceView, spdxLicence } from "../../src/lib/licences.ts";
import { Site } from "../../src/lib/site.ts";
import { loadVault } from "../../src/lib/vault.ts";
import { fieldValues } from "../../src/lib/views/values.ts";

describe("a licence's SPDX identifier", () => {
  it("is one for every spelling of one licence", () => {
    for (const written of ["Apache-2.0", "Apache 2.0", "Apache License 2.0", "Apache License, Version 2.0", "apache-2.0", " Apache-2.0 ", "Apache2"]) expect(licenceId(written), written).toBe("Apache-2.0");
    expect(licenceId("MIT License")).toBe("MIT");
    expect(licenceId("MIT")).toBe("MIT");
    expect(licenceId("BSD 3-Clause")).toBe("BSD-3-Clause");
    expect(licenceId("CC BY-NC 4.0 license")).toBe("CC-BY-NC-4.0");
    expect(licenceId("Creative Commons Attribution 4.0 International")).toBe("CC-BY-4.0");
    // Creative Commons' own title for it, without the "Creative Commons" the SPDX list puts first.
    expect(licenceId("Attribution-NonCommercial-ShareAlike 4.0 International")).toBe("CC-BY-NC-SA-4.0");
  });

  it("is none for a licence of its own, a combination, a missing version or a word that is not a licence", () => {
    for (const written of [
      "DeepSeek License Agreement",
      "Llama 3 Community License",
      "Llama 3.1 Community License Agreement",
      "Gemma Terms of Use",
      "Modified MIT License", // spdx-correct says MIT: "Modified" is not explained by it
      "Apple Sample Code License", // spdx-correct says MPL-2.0
      "Apache-2.0 and CC-BY-NC-4.0 and additional terms", // spdx-correct says Apache-2.0
      "Apache", // which version?
      "CC-BY-ND",
      "GNU General Public License v3.0", // "only" or "or later"? spdx-correct's deprecated GPL-3.0 does not say
      "GPL-3.0",
      "Unknown",
      "Custom license",
      "",
    ]) {
      expect(licenceId(written), written).toBeUndefined();
    }
  });

  it("names a licence as the SPDX list does, with its page; anything else as written", () => {
    expect(spdxLicence("Apache-2.0")).toEqual({ id: "Apache-2.0", name: "Apache License 2.0", url: "https://spdx.org/licenses/Apache-2.0.html", osiApproved: true });
    expect(spdxLicence("apache-2.0")?.id).toBe("Apache-2.0");
    expect(spdxLicence("GPL-3.0")).toBeUndefined(); // deprecated
    expect(spdxLicence("GPL-3.0-only")?.name).toBe("GNU General Public License v3.0 only");
    expect(licenceView("Apache 2.0")).toEqual({ text: "Apache License 2.0", id: "Apache-2.0", url: "https://spdx.org/licenses/Apache-2.0.html" });
    expect(licenceView("DeepSeek License Agreement")).toEqual({ text: "DeepSeek License Agreement" });
  });

  it("is shown by its name where a field is shown as a licence", async () => {
    const site = new Site(await loadVault(join(import.meta.dirname, "../fixtures/vault"), { cache: null }));
    const note = site.note("widget-7b")!;
    expect(fieldValues(site, note, { label: "License", field: "license", show: "licence" })).toMatchObject([{ text: "Apache License 2.0", href: "https://spdx.org/licenses/Apache-2.0.html" }]);
    expect(fieldValues(site, note, { label: "License", field: "license" })).toMatchObject([{ text: "Apache-2.0" }]);
  });
});
