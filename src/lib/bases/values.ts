/**
 * The values a base's expressions compute with (Obsidian's Bases types): null, booleans, numbers and strings as
 * themselves, lists as arrays, and a class for each other kind: dates, durations, objects, links, files, regular
 * expressions, HTML and the two things a page shows as text (icons, images). Pure: nothing here knows a vault; a
 * file is whatever `FileSource` says about it (files.ts makes them from notes).
 */

export type Value = null | boolean | number | string | Value[] | BDate | BDuration | BObject | BLink | BFile | BRow | BRegex | BHtml | BIcon | BImage;

/** A problem found while evaluating: a type error, an unknown method, a bad argument. `at` is its place in the expression. */
export class BaseError extends Error {
  readonly at?: { start: number; end: number };
  constructor(message: string, at?: { start: number; end: number }) {
    super(message);
    this.at = at;
  }
}

/** A point in time (UTC); `time` is false for a date without a time of day (`date("2025-01-01")`, `today()`). */
export class BDate {
  readonly ms: number;
  readonly time: boolean;
  constructor(ms: number, time: boolean) {
    this.ms = ms;
    this.time = time;
  }
}

/** A duration: calendar months (years are 12) and milliseconds, kept apart as a calendar adds them. */
export class BDuration {
  readonly months: number;
  readonly ms: number;
  constructor(months: number, ms: number) {
    this.months = months;
    this.ms = ms;
  }
  /** Its length in milliseconds, a month taken as 30 days. */
  get total(): number {
    return this.months * 30 * 86_400_000 + this.ms;
  }
}

/** An object (a property holding a map, `file.properties`, `{ "a": 1 }`): keys kept in a Map, never on a prototype. */
export class BObject {
  readonly entries: Map<string, Value>;
  constructor(entries: Map<string, Value>) {
    this.entries = entries;
  }
}

/** A link: to a note or file of the vault (`file` when it resolves), else to a web address or a name that is not there. */
export class BLink {
  /** What the link names, as written (a path, a name, a URL). */
  readonly target: string;
  readonly file: BFile | null;
  /** Its text, when given (`link("x", "shown")`, `[[x|shown]]`). */
  readonly display?: Value;
  constructor(target: string, file: BFile | null, display?: Value) {
    this.target = target;
    this.file = file;
    this.display = display;
  }
  get external(): boolean {
    return /^https?:\/\//i.test(this.target);
  }
}

/** What a file of the vault says about itself (files.ts makes one per note, and one for a `.base` file). */
export interface FileSource {
  /** Identity: the note's slug, or the file's path. */
  readonly key: string;
  /** Path in the vault (`Books/Dune.md`). */
  readonly path: string;
  /** How a page names it (the note's title). */
  readonly title: string;
  /** Its page's address, when it has one. */
  readonly href?: string;
  /** The note's properties (frontmatter), each as a value. */
  properties(): Map<string, Value>;
  /** `file.size`, `file.ctime`, `file.mtime`, `file.tags`, `file.links`, `file.backlinks`, `file.embeds`. */
  field(name: "size" | "ctime" | "mtime" | "tags" | "links" | "backlinks" | "embeds"): Value;
  /** Tags, lowercase and without `#`, nested ones as written (`a/b`). */
  tags(): readonly string[];
  /** Whether it links to (or embeds) the file with this key. */
  linksTo(key: string): boolean;
}

/** A file: `file`, `file.file`, `link.asFile()`, `file("path")`. */
export class BFile {
  readonly source: FileSource;
  constructor(source: FileSource) {
    this.source = source;
  }
}

/** `this`: the file a base is shown in (or the base itself), read like a row (`this.file`, `this.status`). */
export class BRow {
  readonly file: BFile;
  constructor(file: BFile) {
    this.file = file;
  }
}

export class BRegex {
  readonly re: RegExp;
  constructor(re: RegExp) {
    this.re = re;
  }
}

/** HTML from `html()`, sanitised when rendered (or shown as text, as the base says). */
export class BHtml {
  readonly html: string;
  constructor(html: string) {
    this.html = html;
  }
}

/** `icon("name")`: shown as its name (the site has no icon font). */
export class BIcon {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
}

/** `image(src)`: shown as its address, as text. */
export class BImage {
  readonly src: string;
  constructor(src: string) {
    this.src = src;
  }
}

/** The name of a value's type, as `isType()` takes it and messages name it. */
export function typeOf(v: Value): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "list";
  switch (typeof v) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
  }
  if (v instanceof BDate) return "date";
  if (v instanceof BDuration) return "duration";
  if (v instanceof BObject) return "object";
  if (v instanceof BLink) return "link";
  if (v instanceof BFile || v instanceof BRow) return "file";
  if (v instanceof BRegex) return "regexp";
  if (v instanceof BHtml) return "html";
  if (v instanceof BIcon) return "icon";
  return "image";
}

/** Whether a value counts as true in a filter or `if()`: not null, false, 0, "" or an empty list or object. */
export function truthy(v: Value): boolean {
  if (v === null || v === false || v === 0 || v === "") return false;
  if (typeof v === "number") return !Number.isNaN(v);
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof BObject) return v.entries.size > 0;
  return true;
}

/** Whether a value is empty (`isEmpty()`, the Empty and Filled summaries). */
export function isEmpty(v: Value): boolean {
  if (v === null || v === "") return true;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof BObject) return v.entries.size === 0;
  return false;
}

/** Two values are equal: by kind and content; a link equals the file it resolves to, and another link to it. */
export function equals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a instanceof BRow) return equals(a.file, b);
  if (b instanceof BRow) return equals(a, b.file);
  const fileKey = (v: Value): string | undefined => (v instanceof BFile ? v.source.key : v instanceof BLink && v.file ? v.file.source.key : undefined);
  if ((a instanceof BFile || a instanceof BLink) && (b instanceof BFile || b instanceof BLink)) {
    const ka = fileKey(a);
    const kb = fileKey(b);
    if (ka !== undefined || kb !== undefined) return ka === kb;
    return a instanceof BLink && b instanceof BLink && a.target === b.target;
  }
  if (a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equals(x, b[i]));
  if (a instanceof BDate) return b instanceof BDate && a.ms === b.ms;
  if (a instanceof BDuration) return b instanceof BDuration && a.total === b.total;
  if (a instanceof BObject) {
    if (!(b instanceof BObject) || a.entries.size !== b.entries.size) return false;
    for (const [k, v] of a.entries) if (!b.entries.has(k) || !equals(v, b.entries.get(k)!)) return false;
    return true;
  }
  if (a instanceof BRegex) return b instanceof BRegex && String(a.re) === String(b.re);
  if (a instanceof BHtml) return b instanceof BHtml && a.html === b.html;
  if (a instanceof BIcon) return b instanceof BIcon && a.name === b.name;
  if (a instanceof BImage) return b instanceof BImage && a.src === b.src;
  return false;
}

/**
 * Orders two values for sorting: numbers, strings (by the page's collation, numbers in text by value), dates,
 * durations, booleans; nulls last; values of different kinds by their kind's name. Never throws.
 */
export function compareValues(a: Value, b: Value): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  if (typeof a === "number" && typeof b === "number") return a - b || 0;
  if (a instanceof BDate && b instanceof BDate) return a.ms - b.ms;
  if (a instanceof BDuration && b instanceof BDuration) return a.total - b.total;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareValues(a[i], b[i]);
      if (c) return c;
    }
    return a.length - b.length;
  }
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta !== tb && !(isTextual(a) && isTextual(b))) return ta < tb ? -1 : 1;
  return collate(toText(a), toText(b));
}

const isTextual = (v: Value) => typeof v === "string" || v instanceof BLink || v instanceof BFile || v instanceof BRow;

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
const collate = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A date as ISO text: `2025-01-31`, or `2025-01-31 14:05:00` with its time (UTC). */
export function isoText(d: BDate): string {
  const x = new Date(d.ms);
  if (Number.isNaN(x.getTime())) return "Invalid date";
  const day = `${x.getUTCFullYear()}-${pad(x.getUTCMonth() + 1)}-${pad(x.getUTCDate())}`;
  return d.time ? `${day} ${pad(x.getUTCHours())}:${pad(x.getUTCMinutes())}:${pad(x.getUTCSeconds())}` : day;
}

const UNITS: [string, number][] = [
  ["year", 12],
  ["month", 1],
];
const MS_UNITS: [string, number][] = [
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1000],
];

/** A duration in words: `1 month 2 days`. */
export function durationText(d: BDuration): string {
  const parts: string[] = [];
  let months = Math.abs(d.months);
  let ms = Math.abs(d.ms);
  for (const [name, size] of UNITS) {
    const n = Math.floor(months / size);
    months -= n * size;
    if (n) parts.push(`${n} ${name}${n === 1 ? "" : "s"}`);
  }
  for (const [name, size] of MS_UNITS) {
    const n = Math.floor(ms / size);
    ms -= n * size;
    if (n) parts.push(`${n} ${name}${n === 1 ? "" : "s"}`);
  }
  if (ms) parts.push(`${ms} ms`);
  const sign = d.months < 0 || (d.months === 0 && d.ms < 0) ? "-" : "";
  return parts.length ? sign + parts.join(" ") : "0 seconds";
}

/** A number as a page shows it: at most 10 significant decimals, no `-0`. */
export function numberText(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "Infinity" : "-Infinity";
  if (Object.is(n, -0)) return "0";
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

/** A value as plain text (`toString()`, string concatenation, sorting, a cell's text). */
export function toText(v: Value): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) return v.map(toText).join(", ");
  if (v instanceof BDate) return isoText(v);
  if (v instanceof BDuration) return durationText(v);
  if (v instanceof BObject) return `{${[...v.entries].map(([k, x]) => `${k}: ${toText(x)}`).join(", ")}}`;
  if (v instanceof BLink) return v.display !== undefined && v.display !== null ? toText(v.display) : v.file ? v.file.source.title : v.target;
  if (v instanceof BFile) return v.source.title;
  if (v instanceof BRow) return v.file.source.title;
  if (v instanceof BRegex) return String(v.re);
  if (v instanceof BHtml) return v.html;
  if (v instanceof BIcon) return v.name;
  return v.src;
}

/** A date written as text (`2025-01-31`, `2025-01-31T10:00`, `2025-01-31 10:00:00Z`), else null. */
export function parseDate(s: string): BDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, sec, ms, zone] = m;
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0), Number((ms ?? "0").padEnd(3, "0")));
  if (zone && zone !== "Z") {
    const z = /([+-])(\d{2}):?(\d{2})/.exec(zone)!;
    t -= (z[1] === "-" ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * 60_000;
  }
  const date = new Date(t);
  if (Number.isNaN(t) || date.getUTCMonth() !== Number(mo) - 1) return null;
  return new BDate(t, h !== undefined);
}

const DURATION_UNIT: Record<string, [months: number, ms: number]> = {
  y: [12, 0],
  year: [12, 0],
  M: [1, 0],
  month: [1, 0],
  w: [0, 7 * 86_400_000],
  week: [0, 7 * 86_400_000],
  d: [0, 86_400_000],
  day: [0, 86_400_000],
  h: [0, 3_600_000],
  hour: [0, 3_600_000],
  m: [0, 60_000],
  minute: [0, 60_000],
  s: [0, 1000],
  second: [0, 1000],
};

/** A duration written as text (`1d`, `2 weeks`, `1M 4h`, `-3 days`), else null. `M` is a month and `m` a minute. */
export function parseDuration(s: string): BDuration | null {
  const text = s.trim();
  if (!text || text.length > 200) return null;
  const re = /([+-]?\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*,?\s*/y;
  let months = 0;
  let ms = 0;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return null;
    const word = m[2];
    const unit = DURATION_UNIT[word] ?? (word.length > 1 ? DURATION_UNIT[word.toLowerCase().replace(/s$/, "")] : undefined);
    if (!unit) return null;
    const n = Number(m[1]);
    if (unit[0]) {
      if (!Number.isInteger(n)) return null;
      months += n * unit[0];
    } else ms += n * unit[1];
    at = re.lastIndex;
  }
  return new BDuration(months, ms);
}

/** A date moved by a duration (months by the calendar, clamped to the month's last day), `sign` 1 or -1. */
export function addDuration(d: BDate, dur: BDuration, sign: 1 | -1): BDate {
  let ms = d.ms;
  if (dur.months) {
    const x = new Date(ms);
    const target = x.getUTCMonth() + sign * dur.months;
    const day = x.getUTCDate();
    x.setUTCDate(1);
    x.setUTCMonth(target);
    const last = new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + 1, 0)).getUTCDate();
    x.setUTCDate(Math.min(day, last));
    ms = x.getTime();
  }
  ms += sign * dur.ms;
  return new BDate(ms, d.time || dur.ms % 86_400_000 !== 0);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const ordinal = (n: number) => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${s}`;
};

/** A date in a Moment.js-style format (`YYYY-MM-DD`, `D MMMM YYYY`, `HH:mm`, `[literal]`), in UTC. */
export function formatDate(d: BDate, format: string): string {
  const x = new Date(d.ms);
  if (Number.isNaN(x.getTime())) return "Invalid date";
  const Y = x.getUTCFullYear();
  const M = x.getUTCMonth();
  const D = x.getUTCDate();
  const h = x.getUTCHours();
  const tokens: Record<string, () => string> = {
    YYYY: () => String(Y),
    YY: () => pad(Y % 100),
    MMMM: () => MONTHS[M],
    MMM: () => MONTHS[M].slice(0, 3),
    MM: () => pad(M + 1),
    M: () => String(M + 1),
    Do: () => ordinal(D),
    DD: () => pad(D),
    D: () => String(D),
    dddd: () => DAYS[x.getUTCDay()],
    ddd: () => DAYS[x.getUTCDay()].slice(0, 3),
    HH: () => pad(h),
    H: () => String(h),
    hh: () => pad(h % 12 || 12),
    h: () => String(h % 12 || 12),
    mm: () => pad(x.getUTCMinutes()),
    m: () => String(x.getUTCMinutes()),
    ss: () => pad(x.getUTCSeconds()),
    s: () => String(x.getUTCSeconds()),
    SSS: () => pad(x.getUTCMilliseconds(), 3),
    A: () => (h < 12 ? "AM" : "PM"),
    a: () => (h < 12 ? "am" : "pm"),
  };
  return format.slice(0, 200).replace(/\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|SSS|A|a/g, (t, literal: string | undefined) => (literal !== undefined ? literal : tokens[t]()));
}

/** How far a date is from `now`, in words: `3 days ago`, `in 2 hours`. */
export function relativeText(d: BDate, now: number): string {
  const diff = d.ms - now;
  const abs = Math.abs(diff);
  const steps: [string, number][] = [
    ["year", 365 * 86_400_000],
    ["month", 30 * 86_400_000],
    ["week", 7 * 86_400_000],
    ["day", 86_400_000],
    ["hour", 3_600_000],
    ["minute", 60_000],
  ];
  for (const [name, size] of steps) {
    if (abs >= size) {
      const n = Math.round(abs / size);
      const words = `${n} ${name}${n === 1 ? "" : "s"}`;
      return diff < 0 ? `${words} ago` : `in ${words}`;
    }
  }
  return "just now";
}

/** A plain JavaScript value from YAML (a property) as a base value; strings that are dates become dates. */
export function fromPlain(v: unknown, depth = 0): Value {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return parseDate(v) ?? v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : new BDate(v.getTime(), v.getUTCHours() + v.getUTCMinutes() + v.getUTCSeconds() > 0);
  if (depth > 20) return null;
  if (Array.isArray(v)) return v.map((x) => fromPlain(x, depth + 1));
  if (typeof v === "object") return new BObject(new Map(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, fromPlain(x, depth + 1)])));
  return null;
}
