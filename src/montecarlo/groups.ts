import { UsageError } from "../errors.js";
import { csrFromLists, csrRow, type Csr } from "../scenario/csr.js";
import { didYouMean } from "../scenario/did-you-mean.js";
import type { IndexedScenario } from "../scenario/index-scenario.js";

// Groups of applicants whose odds a run reports side by side (`--group-by`). An applicant
// may be in several groups of one grouping (two specialties, several tags, or the default
// grouping's two splits); membership is fixed for the run, so a group's per-season counts
// give its paired difference exactly.

/** What applicants can be grouped by. */
export const GROUP_BY = ["access", "region", "specialty", "home", "aways", "flags", "advocates", "clout", "tags"] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** A grouping: each group's key and label, and each applicant's groups. */
export interface Grouping {
  readonly by: GroupBy;
  readonly keys: readonly string[];
  readonly labels: readonly string[];
  /** Row a: the groups applicant a belongs to. */
  readonly members: Csr;
}

export function parseGroupBy(text: string, origin = "--group-by"): GroupBy {
  if ((GROUP_BY as readonly string[]).includes(text)) return text as GroupBy;
  const guess = didYouMean(text, GROUP_BY);
  throw new UsageError(`${origin} ${text}: applicants are grouped by ${GROUP_BY.join(", ")}${guess ? ` (did you mean "${guess}"?)` : ""}`);
}

/** Bands of the highest clout among an applicant's knowers. */
const CLOUT_BANDS = [
  { key: "0-0.25", label: "best-placed knower's clout below 0.25", below: 0.25 },
  { key: "0.25-0.5", label: "clout 0.25 to 0.5", below: 0.5 },
  { key: "0.5-0.75", label: "clout 0.5 to 0.75", below: 0.75 },
  { key: "0.75-1", label: "clout 0.75 or more", below: Infinity },
] as const;

/** Whether referrer w is a program director, shares an institution with one, or has a tie to one. */
function tiedToDirector(s: IndexedScenario, w: number, directors: ReadonlySet<number>, directorInstitutions: ReadonlySet<number>): boolean {
  if (directors.has(w)) return true;
  const inst = s.referrer.institution[w]!;
  if (inst >= 0 && directorInstitutions.has(inst)) return true;
  for (const t of csrRow(s.referrer.ties, w)) if (directors.has(t)) return true;
  return false;
}

/** Groups from a list of labelled memberships: keys in the order given, empty groups left out. */
function build(by: GroupBy, groups: readonly { key: string; label: string }[], memberOf: (a: number) => number[], n: number): Grouping {
  const lists = Array.from({ length: n }, (_, a) => memberOf(a));
  const used = new Set(lists.flat());
  const kept = groups.map((_, g) => g).filter((g) => used.has(g));
  const renumber = new Map(kept.map((g, i) => [g, i]));
  return {
    by,
    keys: kept.map((g) => groups[g]!.key),
    labels: kept.map((g) => groups[g]!.label),
    members: csrFromLists(lists.map((gs) => gs.map((g) => renumber.get(g)!))),
  };
}

/** Named values (regions, specialties, tags) as groups, alphabetically, with a group for those with none. */
function byValues(by: GroupBy, values: readonly string[], of: (a: number) => number[], none: string, n: number): Grouping {
  const order = values.map((_, i) => i).sort((x, y) => (values[x]! < values[y]! ? -1 : values[x]! > values[y]! ? 1 : 0));
  const position = new Map(order.map((v, i) => [v, i]));
  const groups = [...order.map((v) => ({ key: values[v]!, label: values[v]! })), { key: none, label: none }];
  return build(by, groups, (a) => {
    const own = of(a);
    return own.length === 0 ? [groups.length - 1] : [...new Set(own.map((v) => position.get(v)!))].sort((x, y) => x - y);
  }, n);
}

/** Two groups: applicants with a property and those without. */
function split(by: GroupBy, yes: string, no: string, has: (a: number) => boolean, n: number): Grouping {
  return build(by, [{ key: yes, label: yes }, { key: no, label: no }], (a) => [has(a) ? 0 : 1], n);
}

/** The applicants of a scenario grouped by one attribute. */
export function groupingOf(s: IndexedScenario, by: GroupBy): Grouping {
  const a = s.applicant;
  const n = a.count;
  const rowLength = (csr: Csr, i: number) => csr.offsets[i + 1]! - csr.offsets[i]!;
  switch (by) {
    case "access": {
      const p = s.program;
      const directors = new Set<number>();
      for (let q = 0; q < p.count; q++) if (p.director[q]! >= 0) directors.add(p.director[q]!);
      const institutions = new Set([...directors].map((d) => s.referrer.institution[d]!).filter((i) => i >= 0));
      const groups = [
        { key: "homeOrAway", label: "a home program or an away rotation" },
        { key: "neither", label: "neither" },
        { key: "tiedLetters", label: "a letter writer tied to a director" },
        { key: "untiedLetters", label: "no such letter writer" },
      ];
      return build(by, groups, (i) => {
        const access = a.home[i]! >= 0 || rowLength(a.aways, i) > 0 ? 0 : 1;
        const tied = Array.from(csrRow(a.letters, i)).some((w) => tiedToDirector(s, w, directors, institutions)) ? 2 : 3;
        return [access, tied];
      }, n);
    }
    case "region":
      return byValues(by, s.regions, (i) => (a.region[i]! >= 0 ? [a.region[i]!] : []), "(no region)", n);
    case "specialty":
      return byValues(by, s.specialties.map((x) => x || "(unnamed)"), (i) => (a.namedSpecialties[i] ? Array.from(csrRow(a.specialties, i)) : []), "(any specialty)", n);
    case "tags":
      return byValues(by, s.tags, (i) => Array.from(csrRow(a.tags, i)), "(untagged)", n);
    case "home":
      return split(by, "home program", "no home program", (i) => a.home[i]! >= 0, n);
    case "aways":
      return split(by, "away rotations", "no away rotation", (i) => rowLength(a.aways, i) > 0, n);
    case "flags":
      return split(by, "red flags", "no red flag", (i) => a.flagCount[i]! > 0, n);
    case "advocates":
      return split(by, "advocates", "no advocate", (i) => rowLength(a.advocates, i) > 0, n);
    case "clout": {
      const groups = [{ key: "none", label: "nobody who knows them" }, ...CLOUT_BANDS.map(({ key, label }) => ({ key, label }))];
      return build(by, groups, (i) => {
        const knowers = Array.from(csrRow(a.knowers, i));
        if (knowers.length === 0) return [0];
        const best = Math.max(...knowers.map((k) => s.referrer.clout[k]!));
        return [1 + CLOUT_BANDS.findIndex((b) => best < b.below)];
      }, n);
    }
  }
}
