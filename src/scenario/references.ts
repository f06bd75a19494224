import type { PathSegment, UnplacedIssue } from "./issue.js";

// Rules that need the whole scenario: every id resolves, no id is given twice, no tie is
// to oneself. They read the raw data leniently (a value of the wrong type is skipped, the
// schema reports it), so that reference errors come out in the same pass as type errors.

export interface ReferenceCheck {
  readonly errors: UnplacedIssue[];
  readonly warnings: UnplacedIssue[];
}

type Raw = Record<string, unknown>;

const asRecord = (v: unknown): Raw | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Raw) : undefined;
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asId = (v: unknown): string | undefined =>
  typeof v === "string" && v !== "" ? v : typeof v === "number" && Number.isInteger(v) && v >= 0 ? String(v) : undefined;
const entries = (data: Raw, key: string): (Raw | undefined)[] => asList(data[key]).map(asRecord);

function indexIds(items: readonly (Raw | undefined)[], kind: string, errors: UnplacedIssue[]): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const id = asId(item?.["id"]);
    if (id === undefined) return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else errors.push({ path: [`${kind}s`, i, "id"], message: `duplicate ${kind} id "${id}" (first at ${kind}s[${first}])` });
  });
  return new Set(seen.keys());
}

export function checkReferences(raw: unknown): ReferenceCheck {
  const errors: UnplacedIssue[] = [];
  const warnings: UnplacedIssue[] = [];
  const data = asRecord(raw) ?? {};
  const programList = entries(data, "programs");
  const applicantList = entries(data, "applicants");
  const programs = indexIds(programList, "program", errors);
  const applicants = indexIds(applicantList, "applicant", errors);
  const referrers = indexIds(entries(data, "referrers"), "referrer", errors);

  const one = (table: Set<string>, kind: string, value: unknown, path: PathSegment[]) => {
    const id = asId(value);
    if (id !== undefined && !table.has(id)) errors.push({ path, message: `unknown ${kind} "${id}"` });
  };
  const many = (table: Set<string>, kind: string, values: unknown, path: PathSegment[], ranked: boolean) => {
    const firstAt = new Map<string, number>();
    asList(values).forEach((v, k) => {
      one(table, kind, v, [...path, k]);
      const id = asId(v);
      if (id === undefined || !ranked) return;
      const first = firstAt.get(id);
      if (first === undefined) firstAt.set(id, k);
      else errors.push({ path: [...path, k], message: `"${id}" is listed twice (also at position ${first + 1})` });
    });
  };

  const specialties = new Set<string>();
  let unnamedSpecialty = false;
  programList.forEach((p, i) => {
    if (!p) return;
    if (typeof p["specialty"] === "string") specialties.add(p["specialty"]);
    else unnamedSpecialty = true;
    if (p["director"] !== undefined) one(referrers, "referrer", p["director"], ["programs", i, "director"]);
    many(applicants, "applicant", p["rankList"], ["programs", i, "rankList"], true);
    if (p["positions"] === 0) warnings.push({ path: ["programs", i, "positions"], message: "no positions: this program can match no one" });
  });

  applicantList.forEach((a, i) => {
    if (!a) return;
    const at = (key: string): PathSegment[] => ["applicants", i, key];
    if (a["home"] !== undefined) one(programs, "program", a["home"], at("home"));
    many(programs, "program", a["aways"], at("aways"), false);
    many(referrers, "referrer", a["letters"], at("letters"), false);
    many(referrers, "referrer", a["knownBy"], at("knownBy"), false);
    many(programs, "program", a["preferences"], at("preferences"), true);
    many(programs, "program", a["rankList"], at("rankList"), true);
    many(programs, "program", a["toldNumberOne"], at("toldNumberOne"), false);
    const own = asList(a["specialties"]);
    if (Array.isArray(a["specialties"]) && a["rankList"] === undefined && !unnamedSpecialty &&
        !own.some((sp) => typeof sp === "string" && specialties.has(sp))) {
      warnings.push({ path: at("specialties"), message: "no program offers any of these specialties" });
    }
  });

  const ties = new Map<string, number>();
  entries(data, "relationships").forEach((r, i) => {
    const between = asList(r?.["between"]);
    if (between.length !== 2) return;
    one(referrers, "referrer", between[0], ["relationships", i, "between", 0]);
    one(referrers, "referrer", between[1], ["relationships", i, "between", 1]);
    const a = asId(between[0]);
    const b = asId(between[1]);
    if (a === undefined || b === undefined) return;
    if (a === b) {
      errors.push({ path: ["relationships", i, "between"], message: `a referrer cannot be tied to themself ("${a}")` });
      return;
    }
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    const first = ties.get(key);
    if (first === undefined) ties.set(key, i);
    else errors.push({ path: ["relationships", i, "between"], message: `the tie between "${a}" and "${b}" is already given at relationships[${first}]` });
  });

  const opinions = new Map<string, number>();
  entries(data, "opinions").forEach((o, i) => {
    if (!o) return;
    one(referrers, "referrer", o["referrer"], ["opinions", i, "referrer"]);
    one(applicants, "applicant", o["applicant"], ["opinions", i, "applicant"]);
    const r = asId(o["referrer"]);
    const a = asId(o["applicant"]);
    if (r === undefined || a === undefined) return;
    const key = `${r}\u0000${a}`;
    const first = opinions.get(key);
    if (first === undefined) opinions.set(key, i);
    else errors.push({ path: ["opinions", i], message: `"${r}" already gives an opinion of "${a}" at opinions[${first}]` });
  });
  return { errors, warnings };
}
