/**
 * YAML as the importer writes it, in the wiki's own style: one field per line, a value's fields in a flow map
 * (`{ value: 2024-10, source: …, imported: osai }`), lists in brackets without padding (`[a, b]`), a string quoted
 * only when YAML would otherwise read it as something else. Pure.
 */

/** True when a string can be written without quotes: anywhere, or (`block`) as a field's whole value. */
function plainOk(s: string, block = false): boolean {
  if (!s || s !== s.trim()) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) return false;
  if ((block ? /: |:$|\s#/ : /[,[\]{}#]|: |:$|\s#/).test(s)) return false;
  if (/^(true|false|yes|no|on|off|null|~|y|n)$/i.test(s)) return false;
  // Numbers (and things YAML 1.1 would read as numbers or dates): `1.0`, `0x1f`, `1e3`, `2024-10-01`, `12:30`.
  if (/^[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?$/.test(s) || /^0[xob]/i.test(s) || /^\d+(:\d+)+$/.test(s) || /^[-+]?\.(inf|nan)$/i.test(s)) return false;
  return !/[\u0000-\u001f\u007f]/.test(s);
}

/** A scalar in YAML: plain when safe, else double-quoted (JSON's escaping is valid YAML). `block`: a field's whole value. */
export function yamlScalar(v: unknown, block = false): string {
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const s = String(v);
  return plainOk(s, block) ? s : JSON.stringify(s);
}

/** A value in flow style: `{ a: b, c: [d, e] }`, `[a, b]`, or a scalar. Undefined fields are left out. */
export function yamlFlow(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(yamlFlow).join(", ")}]`;
  if (v && typeof v === "object") {
    const parts = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => `${yamlScalar(k)}: ${yamlFlow(x)}`);
    return `{ ${parts.join(", ")} }`;
  }
  return yamlScalar(v);
}

/** `field: value` lines for one top-level field: a list of several maps as a block list, anything else on one line. */
export function yamlField(field: string, value: unknown): string {
  if (Array.isArray(value) && value.length > 1 && value.some((x) => x && typeof x === "object")) {
    return `${field}:\n${value.map((x) => `  - ${yamlFlow(x)}\n`).join("")}`;
  }
  return `${field}: ${yamlFlow(Array.isArray(value) && value.length === 1 && value[0] && typeof value[0] === "object" ? value[0] : value)}\n`;
}
