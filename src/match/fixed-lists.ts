import type { IndexedScenario } from "../scenario/index-scenario.js";
import { csrFromLists, csrRow } from "../scenario/csr.js";
import type { Market } from "./market.js";

/**
 * The market of the lists written in the file: an applicant's `rankList`, else their
 * `preferences`; a program's `rankList` (a program without one ranks nobody).
 */
export function fixedListMarket(s: IndexedScenario): Market {
  const a = s.applicant;
  const lists: Int32Array[] = [];
  for (let i = 0; i < a.count; i++) {
    lists.push(a.hasRankList[i] ? csrRow(a.rankList, i) : csrRow(a.preferences, i));
  }
  return {
    applicants: a.count,
    programs: s.program.count,
    capacity: s.program.positions,
    applicantLists: csrFromLists(lists.map((l) => Array.from(l))),
    programLists: s.program.rankList,
  };
}
