import * as z from "zod";
import { quote } from "./issue.js";

// Field builders shared by the scenario schema and the model block. Each carries its
// message in our words, with the value that was found, so every error reads alike.

/** A short rendering of a wrong value for an error message. */
export function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (typeof v === "string") return `text ${quote(v)}`;
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return typeof v;
}

export const says = (expected: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? `missing: expected ${expected}` : `expected ${expected}, got ${describeValue(iss.input)}`;

/**
 * A finite number that passes `test`, as one zod check. zod's number schema runs a node
 * for the type and one more for each bound; a large scenario has such fields in each of
 * its 50,000 entities, and the nodes took a sixth of the whole check. `json` is what zod
 * writes for the same rule in the JSON Schema that editors read.
 */
const numberWhere = (test: (x: number) => boolean, expected: string, json: Record<string, unknown>) =>
  z
    .custom<number>((x) => typeof x === "number" && Number.isFinite(x) && test(x), { error: says(expected) })
    .meta(json);

export const unit = () => numberWhere((x) => x >= 0 && x <= 1, "a number from 0 to 1", { type: "number", minimum: 0, maximum: 1 });

export const nonNegative = () => numberWhere((x) => x >= 0, "a number ≥ 0", { type: "number", minimum: 0 });

/** 1000000 → "1,000,000". By hand: toLocaleString loads locale data, a fifth of start-up. */
const withCommas = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ",");

/** A whole number; counts that size arrays have a ceiling, so a typo cannot ask for terabytes. */
export const wholeCount = (min = 0, max = Number.MAX_SAFE_INTEGER) =>
  numberWhere(
    (x) => Number.isSafeInteger(x) && x >= min && x <= max,
    max === Number.MAX_SAFE_INTEGER ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${withCommas(max)}`,
    { type: "integer", minimum: min, maximum: max },
  );

/** The ceiling of counts such as positions and interview slots. */
export const COUNT_CEILING = 1_000_000;

export const realNumber = () => z.number({ error: says("a number") });

export const bounded = (lo: number, hi: number) =>
  numberWhere((x) => x >= lo && x <= hi, `a number from ${lo} to ${hi}`, { type: "number", minimum: lo, maximum: hi });

export const text = () => z.string({ error: says("text") });

export const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, { error: says(`a list of ${what}`) });

/** What an id is, for the JSON Schema that editors read. */
const ID_JSON = { anyOf: [{ type: "string", minLength: 1 }, { type: "integer", minimum: 0, maximum: Number.MAX_SAFE_INTEGER }] };

const isId = (x: unknown): x is string | number =>
  typeof x === "string" ? x !== "" : typeof x === "number" && Number.isSafeInteger(x) && x >= 0;

/**
 * Ids may be written as numbers in YAML (`id: 7`); they are strings from then on. One
 * check that turns the value into text in place (`overwrite`), rather than a union of two
 * schemas or a transform, each of which costs a second schema per id: a large scenario
 * has an id in every entity. The cast says what the check does: any id in, text out.
 */
export const id = () => {
  const e = says("an id (text or a whole number)");
  return z
    .custom<string | number>(isId, { error: (iss) => (iss.input === "" ? "expected an id, got empty text" : e(iss)) })
    .meta(ID_JSON)
    .overwrite((v) => String(v)) as unknown as z.ZodCustom<string, string | number>;
};

/** What checkReferences says of an entry of an id list that is not an id. */
export const notAnId = (x: unknown): string => says("an id (text or a whole number)")({ input: x });

/**
 * A list of ids. The schema checks only that it is a list: its entries are checked, and
 * ids written as numbers turned into text, by checkReferences, which looks every entry up
 * anyway. Rank lists hold most of a large scenario's values, and a second pass over them
 * here cost a sixth of the check.
 */
export const idList = () =>
  z
    .custom<string[]>(Array.isArray, { error: says("a list of ids") })
    // What the check accepts, for the JSON Schema that editors read.
    .meta({ type: "array", items: ID_JSON });

const NONE: readonly never[] = Object.freeze([]);

/**
 * An optional list that reads as empty when absent. The empty list is one shared, frozen
 * value rather than a fresh copy per entity: most entities of a large file leave most
 * lists out, and the copies were a fifth of the check's time.
 */
export const emptyByDefault = <T extends z.ZodType<unknown[]>>(schema: T) =>
  schema.default(() => NONE as z.core.util.NoUndefined<z.output<T>>);
