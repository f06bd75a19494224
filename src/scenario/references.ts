import type { Csr } from "./csr.js";
import { notAnId } from "./fields.js";
import { quote, type PathSegment, type UnplacedIssue } from "./issue.js";

// Rules that need the whole scenario: every id resolves, no id is given twice, no list
// repeats an entry, no tie is to oneself. They read the raw data leniently (a value of the
// wrong type is skipped: the schema reports it), so reference errors come out in the same
// pass as type errors. The entries of id lists are the exception: the schema checks only
// that each is a list, and this pass, which looks every entry up anyway, says which
// entries are not ids and turns ids written as numbers into text. Each id is looked up
// once, and the lookups are kept as the scenario's resolved lists, which indexing then
// uses as they are.

/** Every list of ids in the scenario, resolved to indices (-1 where unknown). */
export interface ResolvedReferences {
  readonly programIndex: ReadonlyMap<string, number>;
  readonly applicantIndex: ReadonlyMap<string, number>;
  readonly referrerIndex: ReadonlyMap<string, number>;
  readonly programDirector: Int32Array;
  readonly programRankList: Csr;
  readonly applicantHome: Int32Array;
  readonly applicantAways: Csr;
  readonly applicantLetters: Csr;
  readonly applicantKnownBy: Csr;
  readonly applicantPreferences: Csr;
  readonly applicantRankList: Csr;
  readonly applicantToldNumberOne: Csr;
  /** Pairs of referrer indices, two per relationship. */
  readonly tieEnds: Int32Array;
  readonly opinionReferrer: Int32Array;
  readonly opinionApplicant: Int32Array;
}

export interface ReferenceCheck {
  readonly errors: UnplacedIssue[];
  readonly warnings: UnplacedIssue[];
  readonly resolved: ResolvedReferences;
}

type Raw = Record<string, unknown>;

const asRecord = (v: unknown): Raw | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Raw) : undefined;
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asId = (v: unknown): string | undefined =>
  typeof v === "string" && v !== "" ? v : typeof v === "number" && Number.isInteger(v) && v >= 0 ? String(v) : undefined;
const entries = (data: Raw, key: string): (Raw | undefined)[] => asList(data[key]).map(asRecord);

/**
 * The values of some keys across items (undefined where left out), read in one pass over
 * each item's own keys: a key that most items leave out costs nothing, where looking it up
 * in every item would cost a slow lookup each.
 */
function columns<K extends string>(items: readonly (Raw | undefined)[], keys: readonly K[]): Record<K, unknown[]> {
  const out = {} as Record<K, unknown[]>;
  // Not Array.from({ length }): it reads every index of its argument, a few ms per column.
  for (const key of keys) out[key] = new Array<unknown>(items.length).fill(undefined);
  const wanted = new Set<string>(keys);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item) continue;
    for (const key in item) if (wanted.has(key)) out[key as K][i] = item[key];
  }
  return out;
}

/** Int32Array.from(column, resolve) without its iterator, which costs twice the loop. */
function resolveEach(column: readonly unknown[], resolve: (value: unknown, i: number) => number): Int32Array {
  const out = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) out[i] = resolve(column[i], i);
  return out;
}

function indexIds(items: readonly (Raw | undefined)[], kind: string, errors: UnplacedIssue[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const id = asId(items[i]?.["id"]);
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else errors.push({ path: [`${kind}s`, i, "id"], message: `duplicate ${kind} id ${quote(id)} (first at ${kind}s[${first}])` });
  }
  return seen;
}

interface Target {
  readonly table: ReadonlyMap<string, number>;
  readonly kind: string;
}

export function checkReferences(raw: unknown): ReferenceCheck {
  const errors: UnplacedIssue[] = [];
  const warnings: UnplacedIssue[] = [];
  const data = asRecord(raw) ?? {};
  const programList = entries(data, "programs");
  const applicantList = entries(data, "applicants");
  const referrerList = entries(data, "referrers");
  const programs: Target = { table: indexIds(programList, "program", errors), kind: "program" };
  const applicants: Target = { table: indexIds(applicantList, "applicant", errors), kind: "applicant" };
  const referrers: Target = { table: indexIds(referrerList, "referrer", errors), kind: "referrer" };

  // The path is a function so that it is built only for an error.
  const one = (to: Target, value: unknown, path: () => PathSegment[]): number => {
    if (value === undefined) return -1;
    const id = asId(value);
    if (id === undefined) return -1;
    const index = to.table.get(id);
    if (index === undefined) errors.push({ path: path(), message: `unknown ${to.kind} ${quote(id)}` });
    return index ?? -1;
  };

  // Rank lists hold most of a large file's values: paths are built only for an error, and
  // repeats are found by stamping each index with the number of the list it was seen in.
  let listNumber = 0;
  const stamps = new Map<Target, Int32Array>();
  const lists = (column: readonly unknown[], section: string, key: string, to: Target, ranked: boolean): Csr => {
    const offsets = new Int32Array(column.length + 1);
    for (let i = 0; i < column.length; i++) {
      const v = column[i];
      offsets[i + 1] = offsets[i]! + (Array.isArray(v) ? v.length : 0);
    }
    const items = new Int32Array(offsets[column.length]!);
    if (items.length === 0) return { offsets, items };
    let seenIn = stamps.get(to);
    if (!seenIn) stamps.set(to, (seenIn = new Int32Array(to.table.size)));
    const table = to.table;
    let current = listNumber;
    let w = 0;
    for (let i = 0; i < column.length; i++) {
      const values = column[i];
      if (!Array.isArray(values)) continue;
      current++;
      for (let k = 0; k < values.length; k++) {
        const v: unknown = values[k];
        // Most entries are ids written as text and known: one lookup. Anything else (an id
        // written as a number, an unknown id, a value that is not an id) takes the long way.
        let index = table.get(v as string);
        if (index === undefined) {
          const id = asId(v);
          if (id === undefined) {
            items[w++] = -1;
            errors.push({ path: [section, i, key, k], message: notAnId(v) });
            continue;
          }
          // The checked scenario holds ids as text: the schema leaves entries to this pass.
          values[k] = id;
          index = table.get(id);
          if (index === undefined) {
            items[w++] = -1;
            errors.push({ path: [section, i, key, k], message: `unknown ${to.kind} ${quote(id)}` });
            continue;
          }
        }
        items[w++] = index;
        if (!ranked) continue;
        if (seenIn[index] === current) {
          // Rare: only now look for where it was first.
          const first = items.subarray(w - 1 - k, w - 1).indexOf(index);
          errors.push({ path: [section, i, key, k], message: `${quote(String(v))} is listed twice (also at position ${first + 1})` });
        } else seenIn[index] = current;
      }
    }
    listNumber = current;
    return { offsets, items };
  };

  const pc = columns(programList, ["director", "rankList"]);
  const ac = columns(applicantList, ["home", "aways", "letters", "knownBy", "preferences", "rankList", "toldNumberOne", "specialties"]);
  const programDirector = resolveEach(pc.director, (d, i) => one(referrers, d, () => ["programs", i, "director"]));
  const programRankList = lists(pc.rankList, "programs", "rankList", applicants, true);
  const specialties = new Set<string>();
  let unnamedSpecialty = false;
  programList.forEach((p, i) => {
    if (!p) return;
    if (typeof p["specialty"] === "string") specialties.add(p["specialty"]);
    else unnamedSpecialty = true;
    if (p["positions"] === 0) warnings.push({ path: ["programs", i, "positions"], message: "no positions: this program can match no one" });
  });

  const applicantHome = resolveEach(ac.home, (h, i) => one(programs, h, () => ["applicants", i, "home"]));
  const resolved: ResolvedReferences = {
    programIndex: programs.table,
    applicantIndex: applicants.table,
    referrerIndex: referrers.table,
    programDirector,
    programRankList,
    applicantHome,
    applicantAways: lists(ac.aways, "applicants", "aways", programs, false),
    applicantLetters: lists(ac.letters, "applicants", "letters", referrers, false),
    applicantKnownBy: lists(ac.knownBy, "applicants", "knownBy", referrers, false),
    applicantPreferences: lists(ac.preferences, "applicants", "preferences", programs, true),
    applicantRankList: lists(ac.rankList, "applicants", "rankList", programs, true),
    applicantToldNumberOne: lists(ac.toldNumberOne, "applicants", "toldNumberOne", programs, false),
    ...resolveTies(entries(data, "relationships"), referrers, one, errors),
    ...resolveOpinions(entries(data, "opinions"), referrers, applicants, one, errors),
  };

  if (!unnamedSpecialty) {
    ac.specialties.forEach((own, i) => {
      if (!Array.isArray(own) || ac.rankList[i] !== undefined) return;
      if (!own.some((sp) => typeof sp === "string" && specialties.has(sp))) {
        warnings.push({ path: ["applicants", i, "specialties"], message: "no program offers any of these specialties" });
      }
    });
  }
  return { errors, warnings, resolved };
}

type Resolve = (to: Target, value: unknown, path: () => PathSegment[]) => number;

function resolveTies(ties: readonly (Raw | undefined)[], referrers: Target, one: Resolve, errors: UnplacedIssue[]) {
  const tieEnds = new Int32Array(ties.length * 2).fill(-1);
  const firstAt = new Map<string, number>();
  ties.forEach((r, i) => {
    const between = asList(r?.["between"]);
    if (between.length !== 2) return;
    tieEnds[2 * i] = one(referrers, between[0], () => ["relationships", i, "between", 0]);
    tieEnds[2 * i + 1] = one(referrers, between[1], () => ["relationships", i, "between", 1]);
    const a = asId(between[0]);
    const b = asId(between[1]);
    if (a === undefined || b === undefined) return;
    if (a === b) {
      errors.push({ path: ["relationships", i, "between"], message: `a referrer cannot be tied to themself (${quote(a)})` });
      return;
    }
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, i);
    else errors.push({ path: ["relationships", i, "between"], message: `the tie between ${quote(a)} and ${quote(b)} is already given at relationships[${first}]` });
  });
  return { tieEnds };
}

function resolveOpinions(
  opinions: readonly (Raw | undefined)[],
  referrers: Target,
  applicants: Target,
  one: Resolve,
  errors: UnplacedIssue[],
) {
  const opinionReferrer = new Int32Array(opinions.length).fill(-1);
  const opinionApplicant = new Int32Array(opinions.length).fill(-1);
  const firstAt = new Map<string, number>();
  opinions.forEach((o, i) => {
    if (!o) return;
    opinionReferrer[i] = one(referrers, o["referrer"], () => ["opinions", i, "referrer"]);
    opinionApplicant[i] = one(applicants, o["applicant"], () => ["opinions", i, "applicant"]);
    const r = asId(o["referrer"]);
    const a = asId(o["applicant"]);
    if (r === undefined || a === undefined) return;
    const key = `${r}\u0000${a}`;
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, i);
    else errors.push({ path: ["opinions", i], message: `${quote(r)} already gives an opinion of ${quote(a)} at opinions[${first}]` });
  });
  return { opinionReferrer, opinionApplicant };
}
