import type { IndexedScenario } from "../scenario/index-scenario.js";
import type { Market } from "./market.js";

/**
 * The market of the lists written in the file: an applicant's `rankList`, else their
 * `preferences`; a program's `rankList` (a program without one ranks nobody).
 */
export function fixedListMarket(s: IndexedScenario): Market {
  const a = s.applicant;
  const n = a.count;
  const offsets = new Int32Array(n + 1);
  const source = (i: number) => (a.hasRankList[i] ? a.rankList : a.preferences);
  for (let i = 0; i < n; i++) {
    const src = source(i);
    offsets[i + 1] = offsets[i]! + src.offsets[i + 1]! - src.offsets[i]!;
  }
  const items = new Int32Array(offsets[n]!);
  for (let i = 0; i < n; i++) {
    const src = source(i);
    items.set(src.items.subarray(src.offsets[i]!, src.offsets[i + 1]!), offsets[i]!);
  }
  return {
    applicants: n,
    programs: s.program.count,
    capacity: s.program.positions,
    applicantLists: { offsets, items },
    programLists: s.program.rankList,
  };
}
