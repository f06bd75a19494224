import { didYouMean } from "./did-you-mean.js";
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
  /** Id to index, for lookups only: the maps are filled from the last id to the first. */
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
  readonly applicantSignals: Csr;
  readonly applicantGoldSignals: Csr;
  /** Each applicant's advocates (referrer indices), in the order written. */
  readonly applicantAdvocates: Csr;
  /** Parallel to applicantAdvocates.items: 1 where the advocate was pushed into calling. */
  readonly advocatePushed: Uint8Array;
  /** Row j (an entry of applicantAdvocates.items): the programs that advocate calls, if given. */
  readonly advocatePrograms: Csr;
  /** Parallel to applicantAdvocates.items: 1 where the advocate's programs are given. */
  readonly advocateHasPrograms: Uint8Array;
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
 * The values of some keys across items, read in one pass over each item's own keys: a key
 * that most items leave out costs nothing, where looking it up in every item would cost a
 * slow lookup each. A key no item has gets no column at all.
 */
function columns<K extends string>(items: readonly (Raw | undefined)[], keys: readonly K[]): Partial<Record<K, unknown[]>> {
  const out: Partial<Record<K, unknown[]>> = {};
  const wanted = new Set<string>(keys);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!item) continue;
    for (const key in item) {
      if (!wanted.has(key)) continue;
      // Not Array.from({ length }): it reads every index of its argument, a few ms per column.
      const column = (out[key as K] ??= new Array<unknown>(items.length).fill(undefined));
      column[i] = item[key];
    }
  }
  return out;
}

/** Int32Array.from(column, resolve) without its iterator, which costs twice the loop; -1 throughout for no column. */
function resolveEach(column: readonly unknown[] | undefined, rows: number, resolve: (value: unknown, i: number) => number): Int32Array {
  const out = new Int32Array(rows);
  if (!column) return out.fill(-1);
  for (let i = 0; i < rows; i++) out[i] = resolve(column[i], i);
  return out;
}

function indexIds(ids: readonly unknown[] | undefined, kind: string, errors: UnplacedIssue[]): Map<string, number> {
  const seen = new Map<string, number>();
  if (!ids) return seen;
  // Set from the last to the first, so that each id keeps its first index for one map
  // operation; only a list that repeats an id needs the second pass, which reports it.
  let valid = 0;
  for (let i = ids.length - 1; i >= 0; i--) {
    const id = asId(ids[i]);
    if (id === undefined) continue;
    seen.set(id, i);
    valid++;
  }
  if (seen.size === valid) return seen;
  for (let i = 0; i < ids.length; i++) {
    const id = asId(ids[i]);
    const first = id === undefined ? i : seen.get(id)!;
    if (first !== i) errors.push({ path: [`${kind}s`, i, "id"], message: `duplicate ${kind} id ${quote(id!)} (first at ${kind}s[${first}])` });
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
  // Each list of entities is read once, a column per key that any check below needs: a large
  // file's entities are scattered over the heap, and every pass over them waits on memory.
  const pc = columns(programList, ["id", "director", "rankList", "specialty", "positions"]);
  const ac = columns(applicantList, ["id", "home", "aways", "letters", "knownBy", "preferences", "rankList", "toldNumberOne", "specialties", "advocates", "signals", "goldSignals"]);
  const programs: Target = { table: indexIds(pc.id, "program", errors), kind: "program" };
  const applicants: Target = { table: indexIds(ac.id, "applicant", errors), kind: "applicant" };
  const referrers: Target = { table: indexIds(columns(referrerList, ["id"]).id, "referrer", errors), kind: "referrer" };

  // Suggestions compare an unknown id with every id of its kind: a file full of unknown ids
  // gets them for its first few only, so that a broken large file still fails fast.
  let suggestionsLeft = 50;
  const inFileOrder = new Map<Target, string[]>();
  const idsOf = (to: Target): string[] => {
    let ids = inFileOrder.get(to);
    if (!ids) {
      // Ties between suggestions go to the one written first.
      ids = [];
      for (const [id, index] of to.table) ids[index] = id;
      inFileOrder.set(to, (ids = ids.filter((x) => x !== undefined)));
    }
    return ids;
  };
  const unknown = (to: Target, id: string): string => {
    const guess = suggestionsLeft-- > 0 ? didYouMean(id, idsOf(to)) : undefined;
    return `unknown ${to.kind} ${quote(id)}${guess === undefined ? "" : ` (did you mean ${quote(guess)}?)`}`;
  };

  // The path is a function so that it is built only for an error.
  const one = (to: Target, value: unknown, path: () => PathSegment[]): number => {
    if (value === undefined) return -1;
    const id = asId(value);
    if (id === undefined) return -1;
    const index = to.table.get(id);
    if (index === undefined) errors.push({ path: path(), message: unknown(to, id) });
    return index ?? -1;
  };

  // Rank lists hold most of a large file's values: paths are built only for an error. Each
  // entry is looked up in one pass; repeats are found in a second, by stamping each index
  // with the number of the list it was seen in (in the same loop, the stamps slowed the
  // lookups by more than the second pass costs).
  let listNumber = 0;
  const stamps = new Map<Target, Int32Array>();
  const lists = (column: readonly unknown[] | undefined, rows: number, section: string, key: string, to: Target, ranked: boolean): Csr => {
    const offsets = new Int32Array(rows + 1);
    if (!column) return { offsets, items: new Int32Array(0) };
    for (let i = 0; i < rows; i++) {
      const v = column[i];
      offsets[i + 1] = offsets[i]! + (Array.isArray(v) ? v.length : 0);
    }
    const items = new Int32Array(offsets[rows]!);
    if (items.length === 0) return { offsets, items };
    const table = to.table;
    let w = 0;
    for (let i = 0; i < rows; i++) {
      const values = column[i];
      if (!Array.isArray(values)) continue;
      for (let k = 0; k < values.length; k++) {
        const v: unknown = values[k];
        // Most entries are ids written as text and known: one lookup. Anything else (an id
        // written as a number, an unknown id, a value that is not an id) takes the long way.
        let index = table.get(v as string);
        if (index === undefined) {
          const id = asId(v);
          if (id === undefined) {
            errors.push({ path: [section, i, key, k], message: notAnId(v) });
          } else {
            // The checked scenario holds ids as text: the schema leaves entries to this pass.
            values[k] = id;
            index = table.get(id);
            if (index === undefined) errors.push({ path: [section, i, key, k], message: unknown(to, id) });
          }
        }
        items[w++] = index ?? -1;
      }
    }
    if (!ranked) return { offsets, items };
    let seenIn = stamps.get(to);
    if (!seenIn) stamps.set(to, (seenIn = new Int32Array(to.table.size)));
    for (let i = 0; i < rows; i++) {
      const start = offsets[i]!;
      const end = offsets[i + 1]!;
      const current = ++listNumber;
      for (let at = start; at < end; at++) {
        const index = items[at]!;
        if (index < 0) continue;
        if (seenIn[index] !== current) {
          seenIn[index] = current;
          continue;
        }
        // Rare: only now look for where it was first.
        const first = items.subarray(start, at).indexOf(index);
        const k = at - start;
        errors.push({ path: [section, i, key, k], message: `${quote(String((column[i] as unknown[])[k]))} is listed twice (also at position ${first + 1})` });
      }
    }
    return { offsets, items };
  };

  const nP = programList.length;
  const nA = applicantList.length;
  const programDirector = resolveEach(pc.director, nP, (d, i) => one(referrers, d, () => ["programs", i, "director"]));
  const programRankList = lists(pc.rankList, nP, "programs", "rankList", applicants, true);
  const specialties = new Set<string>();
  let unnamedSpecialty = false;
  for (let i = 0; i < nP; i++) {
    if (!programList[i]) continue;
    const specialty = pc.specialty?.[i];
    if (typeof specialty === "string") specialties.add(specialty);
    else unnamedSpecialty = true;
    if (pc.positions?.[i] === 0) warnings.push({ path: ["programs", i, "positions"], message: "no positions: this program can match no one" });
  }

  const applicantHome = resolveEach(ac.home, nA, (h, i) => one(programs, h, () => ["applicants", i, "home"]));
  const resolved: ResolvedReferences = {
    programIndex: programs.table,
    applicantIndex: applicants.table,
    referrerIndex: referrers.table,
    programDirector,
    programRankList,
    applicantHome,
    applicantAways: lists(ac.aways, nA, "applicants", "aways", programs, false),
    applicantLetters: lists(ac.letters, nA, "applicants", "letters", referrers, false),
    applicantKnownBy: lists(ac.knownBy, nA, "applicants", "knownBy", referrers, false),
    applicantPreferences: lists(ac.preferences, nA, "applicants", "preferences", programs, true),
    applicantRankList: lists(ac.rankList, nA, "applicants", "rankList", programs, true),
    applicantToldNumberOne: lists(ac.toldNumberOne, nA, "applicants", "toldNumberOne", programs, false),
    applicantSignals: lists(ac.signals, nA, "applicants", "signals", programs, true),
    applicantGoldSignals: lists(ac.goldSignals, nA, "applicants", "goldSignals", programs, true),
    ...resolveAdvocates(ac.advocates, nA, referrers, programs, one, lists, errors),
    ...resolveTies(entries(data, "relationships"), referrers, one, errors),
    ...resolveOpinions(entries(data, "opinions"), referrers, applicants, one, errors),
  };

  // A program is signalled once: in one tier, not both.
  if (ac.signals && ac.goldSignals) {
    const { applicantSignals: silver, applicantGoldSignals: gold } = resolved;
    for (let i = 0; i < nA; i++) {
      for (let k = gold.offsets[i]!; k < gold.offsets[i + 1]!; k++) {
        const q = gold.items[k]!;
        if (q >= 0 && silver.items.subarray(silver.offsets[i]!, silver.offsets[i + 1]!).includes(q)) {
          errors.push({ path: ["applicants", i, "goldSignals", k - gold.offsets[i]!], message: `${quote(String((ac.goldSignals[i] as unknown[])[k - gold.offsets[i]!]))} is also in signals: a program gets one signal, gold or not` });
        }
      }
    }
  }

  /** Which programs applicant i may apply to, when the file limits them; undefined when any. */
  const applicableTo = (i: number): { test: (q: number) => boolean; why: string } | undefined => {
    const inList = (csr: Csr, why: string) => {
      const row = csr.items.subarray(csr.offsets[i]!, csr.offsets[i + 1]!);
      return { test: (q: number) => row.includes(q), why };
    };
    if (Array.isArray(ac.rankList?.[i])) return inList(resolved.applicantRankList, "not in the applicant's rankList");
    if (Array.isArray(ac.preferences?.[i])) return inList(resolved.applicantPreferences, "not in the applicant's preferences");
    const own = ac.specialties?.[i];
    if (!Array.isArray(own)) return undefined;
    const wanted = new Set(own.filter((sp): sp is string => typeof sp === "string"));
    return { test: (q: number) => { const sp = pc.specialty?.[q]; return typeof sp !== "string" || wanted.has(sp); }, why: "its specialty is not one of the applicant's specialties" };
  };
  // A signal goes with an application: to a program the applicant can apply to.
  for (const [key, csr] of [["signals", resolved.applicantSignals], ["goldSignals", resolved.applicantGoldSignals]] as const) {
    const column = ac[key];
    if (!column) continue;
    for (let i = 0; i < nA; i++) {
      const open = applicableTo(i);
      if (!open) continue;
      for (let k = csr.offsets[i]!; k < csr.offsets[i + 1]!; k++) {
        const q = csr.items[k]!;
        if (q < 0 || open.test(q)) continue;
        errors.push({ path: ["applicants", i, key, k - csr.offsets[i]!], message: `${quote(String((column[i] as unknown[])[k - csr.offsets[i]!]))} is not a program this applicant applies to (${open.why})` });
      }
    }
  }

  if (!unnamedSpecialty) {
    ac.specialties?.forEach((own, i) => {
      if (!Array.isArray(own) || ac.rankList?.[i] !== undefined) return;
      if (!own.some((sp) => typeof sp === "string" && specialties.has(sp))) {
        warnings.push({ path: ["applicants", i, "specialties"], message: "no program offers any of these specialties" });
      }
    });
  }
  return { errors, warnings, resolved };
}

type Resolve = (to: Target, value: unknown, path: () => PathSegment[]) => number;
type ResolveLists = (column: readonly unknown[] | undefined, rows: number, section: string, key: string, to: Target, ranked: boolean) => Csr;

/**
 * Applicants' advocates: each names a referrer, once per applicant, and may name the
 * programs they call. The program lists are resolved as one list per advocate, so that a
 * repeat within one advocate's programs is found like a repeat in any list.
 */
function resolveAdvocates(
  column: readonly unknown[] | undefined,
  nA: number,
  referrers: Target,
  programs: Target,
  one: Resolve,
  lists: ResolveLists,
  errors: UnplacedIssue[],
) {
  const offsets = new Int32Array(nA + 1);
  const who: number[] = [];
  const pushed: number[] = [];
  const hasPrograms: number[] = [];
  const programLists: unknown[] = [];
  const owner: { applicant: number; index: number }[] = [];
  for (let i = 0; i < nA; i++) {
    const advocates = asList(column?.[i]);
    // Most applicants have no advocate: no map, no closure for them.
    if (advocates.length === 0) {
      offsets[i + 1] = who.length;
      continue;
    }
    const seen = new Map<string, number>();
    advocates.forEach((raw, j) => {
      const adv = asRecord(raw);
      if (!adv) return;
      const r = one(referrers, adv["referrer"], () => ["applicants", i, "advocates", j, "referrer"]);
      const id = asId(adv["referrer"]);
      if (id !== undefined) {
        const first = seen.get(id);
        if (first !== undefined) {
          errors.push({ path: ["applicants", i, "advocates", j, "referrer"], message: `${quote(id)} is already an advocate at advocates[${first}]` });
        } else seen.set(id, j);
      }
      who.push(r);
      pushed.push(adv["pushed"] === true ? 1 : 0);
      hasPrograms.push(Array.isArray(adv["programs"]) ? 1 : 0);
      programLists.push(adv["programs"]);
      owner.push({ applicant: i, index: j });
    });
    offsets[i + 1] = who.length;
  }
  // Each advocate's programs as a row of its own; an error's path is mapped back to its advocate.
  const before = errors.length;
  const advocatePrograms = lists(programLists, programLists.length, "@advocates", "programs", programs, true);
  for (let e = before; e < errors.length; e++) {
    const path = errors[e]!.path;
    if (path[0] !== "@advocates") continue;
    const at = owner[path[1] as number]!;
    errors[e] = { ...errors[e]!, path: ["applicants", at.applicant, "advocates", at.index, ...path.slice(2)] };
  }
  return {
    applicantAdvocates: { offsets, items: Int32Array.from(who) },
    advocatePushed: Uint8Array.from(pushed),
    advocatePrograms,
    advocateHasPrograms: Uint8Array.from(hasPrograms),
  };
}

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
