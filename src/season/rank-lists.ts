import type { TrialStreams } from "../rng/streams.js";
import { interviewScore } from "./interviews.js";
import { sortPairsDescending, type World, type Workspace } from "./workspace.js";

/**
 * Step 4, the programs' side: rank lists before any call. A program ranks its
 * interviewees by `paperWeight·paper + interviewWeight·interview`; a fixed list replaces
 * this. (The applicants' lists are written as they attend interviews.)
 */
export function buildRankLists(ws: Workspace, world: World, streams: TrialStreams): void {
  const { plan } = ws;
  const { s } = plan;
  const { paperWeight, interviewWeight } = s.model.ranking;
  const nP = s.program.count;

  // Group the interviews by program (a counting sort keeps applicant order within each).
  const count = ws.programScratch;
  count.fill(0);
  for (let i = 0; i < world.interviewCount; i++) count[ws.appProgram[world.interviewEntries[i]!]! + 1]!++;
  for (let q = 0; q < nP; q++) count[q + 1]! += count[q]!;
  const grouped = ws.groupedEntries;
  const cursor = ws.programCursor;
  cursor.set(count.subarray(0, nP));
  for (let i = 0; i < world.interviewCount; i++) {
    const k = world.interviewEntries[i]!;
    grouped[cursor[ws.appProgram[k]!]!++] = k;
  }

  let start = 0;
  for (let q = 0; q < nP; q++) {
    world.pStart[q] = start;
    if (s.program.hasRankList[q]) {
      const f0 = s.program.rankList.offsets[q]!;
      const n = s.program.rankList.offsets[q + 1]! - f0;
      for (let j = 0; j < n; j++) {
        world.pList[start + j] = s.program.rankList.items[f0 + j]!;
        world.baseEntry[start + j] = -1;
      }
      world.pLen[q] = n;
      start += n;
      continue;
    }
    // Sort the program's interview entries by score; entries are laid out applicant by
    // applicant, so ties fall in applicant order.
    const n = count[q + 1]! - count[q]!;
    for (let j = 0; j < n; j++) {
      const k = grouped[count[q]! + j]!;
      const a = plan.entryApplicant[k]!;
      ws.sortIdx[j] = k;
      ws.sortKey[j] = paperWeight * s.applicant.paper[a]! + interviewWeight * interviewScore(ws, streams, a, q, k);
    }
    sortPairsDescending(ws.sortIdx, ws.sortKey, n);
    for (let j = 0; j < n; j++) {
      const k = ws.sortIdx[j]!;
      world.pList[start + j] = plan.entryApplicant[k]!;
      world.baseEntry[start + j] = k;
    }
    world.pLen[q] = n;
    start += ws.pAppOff[q + 1]! - ws.pAppOff[q]!;
  }
  world.pStart[nP] = start;
  world.baseList.set(world.pList.subarray(0, start));
  world.baseLen.set(world.pLen);
}
