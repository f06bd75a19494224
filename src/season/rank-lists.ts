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
    const n = count[q + 1]! - count[q]!;
    ws.sortIdx.set(grouped.subarray(count[q]!, count[q + 1]!));
    rankInterviewees(ws, world, streams, q, n);
    start += ws.pAppCount[q]!;
  }
  world.pStart[nP] = start;
  world.baseList.set(world.pList.subarray(0, start));
  world.baseLen.set(world.pLen);
}

/**
 * Step 4, the programs' side, in the world with calls, from the world without them
 * (`base`): a program whose interviewees are the same ranks them the same, so the lists
 * without calls are copied and only the programs attendInterviewsFrom listed are ranked
 * again.
 */
export function buildRankListsFrom(ws: Workspace, world: World, base: World, streams: TrialStreams): void {
  const nP = ws.plan.s.program.count;
  const used = base.pStart[nP]!;
  world.pStart.set(base.pStart);
  world.pList.set(base.baseList.subarray(0, used));
  world.baseEntry.set(base.baseEntry.subarray(0, used));
  world.pLen.set(base.baseLen);
  for (let i = 0; i < ws.changedProgramCount; i++) {
    const q = ws.changedPrograms[i]!;
    if (ws.plan.s.program.hasRankList[q]) continue;
    // The program's interviewees in this world, in applicant order.
    let n = 0;
    const from = ws.plan.programAppStart[q]!;
    for (let j = from; j < from + ws.pAppCount[q]!; j++) {
      const k = ws.pAppEntry[j]!;
      ws.sortIdx[n] = k;
      n += world.interviewed[k]!;
    }
    rankInterviewees(ws, world, streams, q, n);
  }
  world.baseList.set(world.pList.subarray(0, used));
  world.baseLen.set(world.pLen);
}

/**
 * Program q's list from its interview entries ws.sortIdx[0 … n-1]: sorted by score;
 * entries are laid out applicant by applicant, so ties fall in applicant order.
 */
function rankInterviewees(ws: Workspace, world: World, streams: TrialStreams, q: number, n: number): void {
  const { plan } = ws;
  const { s } = plan;
  const { paperWeight, interviewWeight } = s.model.ranking;
  for (let j = 0; j < n; j++) {
    const k = ws.sortIdx[j]!;
    const a = plan.entryApplicant[k]!;
    ws.sortKey[j] = paperWeight * s.applicant.paper[a]! + interviewWeight * interviewScore(ws, streams, a, q, k);
  }
  sortPairsDescending(ws.sortIdx, ws.sortKey, n);
  const start = world.pStart[q]!;
  for (let j = 0; j < n; j++) {
    const k = ws.sortIdx[j]!;
    world.pList[start + j] = plan.entryApplicant[k]!;
    world.baseEntry[start + j] = k;
  }
  world.pLen[q] = n;
}
