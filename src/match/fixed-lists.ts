import type { Csr } from "../scenario/csr.js";
import type { ResolvedReferences } from "../scenario/references.js";
import type { Scenario } from "../scenario/schema.js";
import type { Market } from "./market.js";

/**
 * The market of the lists written in the file: an applicant's `rankList`, else their
 * `preferences`; a program's `rankList` (a program without one ranks nobody). Built from
 * the lists resolved while checking, without the season's index, which `match` never needs.
 */
export function fixedListMarket(s: Scenario, r: ResolvedReferences): Market {
  const n = s.applicants.length;
  // An empty rankList still counts as written: that applicant ranks nobody.
  const source = (i: number) => (s.applicants[i]!.rankList !== undefined ? r.applicantRankList : r.applicantPreferences);
  let ownLists = 0;
  for (let i = 0; i < n; i++) if (s.applicants[i]!.rankList !== undefined) ownLists++;
  // When every applicant's lists come from one field, its resolved lists are the market's.
  if (ownLists === n || ownLists === 0) return marketWith(s, r, ownLists === n ? r.applicantRankList : r.applicantPreferences);
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const src = source(i);
    offsets[i + 1] = offsets[i]! + src.offsets[i + 1]! - src.offsets[i]!;
  }
  const items = new Int32Array(offsets[n]!);
  for (let i = 0; i < n; i++) {
    const src = source(i);
    items.set(src.items.subarray(src.offsets[i]!, src.offsets[i + 1]!), offsets[i]!);
  }
  return marketWith(s, r, { offsets, items });
}

function marketWith(s: Scenario, r: ResolvedReferences, applicantLists: Csr): Market {
  return {
    applicants: s.applicants.length,
    programs: s.programs.length,
    capacity: Int32Array.from(s.programs, (p) => p.positions),
    applicantLists,
    programLists: r.programRankList,
  };
}
