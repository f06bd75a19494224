import type { TrialStreams } from "../rng/streams.js";
import { interviewScore, orderedEntries } from "./interviews.js";
import { onFixedList } from "./plan.js";
import { sortByKeyDescending, type World, type Workspace } from "./workspace.js";

/**
 * Step 4: rank lists before any call. A program ranks its interviewees by
 * `paperWeight·paper + interviewWeight·interview`; a fixed list replaces this. An
 * applicant ranks the programs that interviewed them in their order of preference (a
 * program with a fixed list counts as having interviewed everyone on it); a fixed list
 * replaces this.
 */
export function buildRankLists(ws: Workspace, world: World, streams: TrialStreams): void {
  const { plan } = ws;
  const { s } = plan;
  const { paperWeight, interviewWeight } = s.model.ranking;
  const nP = s.program.count;

  let start = 0;
  for (let q = 0; q < nP; q++) {
    world.pStart[q] = start;
    if (s.program.hasRankList[q]) {
      const f0 = s.program.rankList.offsets[q]!;
      const n = s.program.rankList.offsets[q + 1]! - f0;
      world.pList.set(s.program.rankList.items.subarray(f0, f0 + n), start);
      world.pLen[q] = n;
      start += n;
      continue;
    }
    let n = 0;
    for (let j = ws.pAppOff[q]!; j < ws.pAppOff[q + 1]!; j++) {
      const k = ws.pAppEntry[j]!;
      if (!world.interviewed[k]) continue;
      const a = plan.entryApplicant[k]!;
      ws.sortIdx[n] = a;
      ws.rankScore[a] = paperWeight * s.applicant.paper[a]! + interviewWeight * interviewScore(ws, streams, a, q, k);
      n++;
    }
    sortByKeyDescending(ws.sortIdx, ws.rankScore, n);
    world.pList.set(ws.sortIdx.subarray(0, n), start);
    world.pLen[q] = n;
    start += ws.pAppOff[q + 1]! - ws.pAppOff[q]!;
  }
  world.pStart[nP] = start;
  world.baseList.set(world.pList.subarray(0, start));
  world.baseLen.set(world.pLen);

  for (let a = 0; a < s.applicant.count; a++) {
    const fixed = s.applicant.hasRankList[a] === 1;
    const n = orderedEntries(ws, a, (k) => {
      if (fixed || world.interviewed[k]) return true;
      const q = ws.appProgram[k]!;
      return s.program.hasRankList[q] === 1 && onFixedList(plan, q, a);
    });
    const out = plan.aListOff[a]!;
    for (let i = 0; i < n; i++) world.aList[out + i] = ws.appProgram[ws.entryOrder[i]!]!;
    world.aLen[a] = n;
  }
}
