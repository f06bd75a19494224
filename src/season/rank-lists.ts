import type { TrialStreams } from "../rng/streams.js";
import { interviewScore, rankingScore } from "./interviews.js";
import { nameFixedEntries } from "./plan.js";
import { sortPairsDescending, type World, type Workspace } from "./workspace.js";

/**
 * Step 4, the programs' side: rank lists before any call. A program ranks its
 * interviewees by `paperWeight·paper + interviewWeight·interview`; a fixed list replaces
 * this. (The applicants' lists are written as they attend interviews.) The interviewees,
 * with their scores, are those attendInterviews filed by program. Program q's list has
 * the room screening left for it (ws.listRoom): as many as it can interview in either world.
 */
export function buildRankLists(ws: Workspace, world: World): void {
  const { s } = ws.plan;
  const nP = s.program.count;
  const { sortIdx, sortKey, interviewees, intervieweeApplicant, intervieweeKey } = ws;
  const { pList, pEntry } = world;
  // The same in WebAssembly (kernel/season.wat) for the world without calls, whose lists
  // the kernel holds, up to each program with a fixed list.
  const kernel = world === ws.withoutCalls ? ws.kernel : undefined;
  let start = 0;
  for (let q = 0; q < nP; q++) {
    world.pStart[q] = start;
    if (kernel) {
      q = kernel.rankFrom(q, nP);
      start = world.pStart[q]!;
      if (q === nP) break;
    }
    if (s.program.hasRankList[q]) {
      const f0 = s.program.rankList.offsets[q]!;
      const n = s.program.rankList.offsets[q + 1]! - f0;
      for (let j = 0; j < n; j++) pList[start + j] = s.program.rankList.items[f0 + j]!;
      world.pLen[q] = n;
      start += n;
      continue;
    }
    // The interviews were filed in applicant order with the scores they are ranked by: their
    // places in the program's region stand for them, so ties fall in applicant order.
    const from = ws.plan.programAppStart[q]!;
    const n = ws.intervieweeCount[q]!;
    for (let j = 0; j < n; j++) {
      sortIdx[j] = j;
      sortKey[j] = intervieweeKey[from + j]!;
    }
    sortPairsDescending(sortIdx, sortKey, n);
    for (let j = 0; j < n; j++) {
      const at = from + sortIdx[j]!;
      pList[start + j] = intervieweeApplicant[at]!;
      pEntry[start + j] = interviewees[at]!;
    }
    world.pLen[q] = n;
    start += ws.listRoom[q]!;
  }
  world.pStart[nP] = start;
  if (ws.plan.fixedMembers.items.length > 0) nameFixedListEntries(ws, world);
  keepAsBase(world);
}

/**
 * pEntry of the fixed lists: the application each listed applicant made to the program,
 * -1 where they made none. Named once in the plan where the applications are the same
 * every trial; else from this trial's (nameFixedEntries).
 */
function nameFixedListEntries(ws: Workspace, world: World): void {
  const { plan } = ws;
  const { s } = plan;
  const { pEntry, pStart, pLen } = world;
  const hasRankList = s.program.hasRankList;
  const named = plan.fixedListEntries;
  const listStart = s.program.rankList.offsets;
  for (let q = 0; q < s.program.count; q++) {
    if (!hasRankList[q]) continue;
    const start = pStart[q]!;
    if (named) for (let j = 0; j < pLen[q]!; j++) pEntry[start + j] = named[listStart[q]! + j]!;
    else pEntry.fill(-1, start, start + pLen[q]!);
  }
  if (!named) nameFixedEntries(ws.appProgram, plan.appOff, plan.fixedMembers, plan.fixedPlaces, hasRankList, pStart, pEntry);
}

/**
 * Step 4, the programs' side, in the world with calls, from the world without them
 * (`base`, whose lists no call edits): a program whose interviewees are the same ranks
 * them the same, so the lists without calls are copied and only the programs
 * attendInterviewsFrom listed are ranked again (rerank).
 */
export function buildRankListsFrom(ws: Workspace, world: World, base: World, streams: TrialStreams): void {
  world.pStart.set(base.pStart);
  world.pLen.set(base.pLen);
  // The lists' whole region, unused room included (one native copy each), but not the
  // buffers' tail past the last program's room: the buffers are sized for every
  // application, the rooms for the interviews (a third of that in the NRMP preset).
  const used = base.pStart[ws.plan.s.program.count]!;
  world.pList.set(base.pList.subarray(0, used));
  world.pEntry.set(base.pEntry.subarray(0, used));
  for (let i = 0; i < ws.changedProgramCount; i++) {
    const q = ws.changedPrograms[i]!;
    if (ws.plan.s.program.hasRankList[q]) continue;
    rerank(ws, world, streams, q);
  }
  keepAsBase(world);
}

/**
 * Program q's list in the world with calls, from its copy of the list without them, which
 * is in order (score, then entry): those no longer interviewed taken out, and each
 * interview calls added put in its place, found by halving among those kept, whose scores
 * are drawn again (as attendAs filed them) only where the search looks. A list changes by
 * an interview or two: this costs a few draws where sorting it again cost a sort of dozens.
 */
function rerank(ws: Workspace, world: World, streams: TrialStreams, q: number): void {
  const { gainedInterviews, appProgram } = ws;
  const { s, entryApplicant } = ws.plan;
  const { pList, pEntry, interviewed } = world;
  const start = world.pStart[q]!;
  const was = world.pLen[q]!;
  let n = 0;
  for (let j = 0; j < was; j++) {
    const k = pEntry[start + j]!;
    pList[start + n] = pList[start + j]!;
    pEntry[start + n] = k;
    n += interviewed[k]!;
  }
  const scoreOf = (a: number) => rankingScore(s, a, interviewScore(s, streams, a, q));
  for (let i = 0; i < ws.gainedInterviewCount; i++) {
    const k = gainedInterviews[i]!;
    if (appProgram[k] !== q) continue;
    const a = entryApplicant[k]!;
    const score = scoreOf(a);
    // The first place whose holder is not ahead of the new interview (a higher score, or an
    // equal one and an earlier entry).
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = scoreOf(pList[start + mid]!);
      if (other > score || (other === score && pEntry[start + mid]! < k)) lo = mid + 1;
      else hi = mid;
    }
    for (let j = start + n; j > start + lo; j--) {
      pList[j] = pList[j - 1]!;
      pEntry[j] = pEntry[j - 1]!;
    }
    pList[start + lo] = a;
    pEntry[start + lo] = k;
    n++;
  }
  world.pLen[q] = n;
}

/**
 * Keeps the lists as they stand before rank-list calls (nothing to copy where the world
 * shares them), and starts the world's list of edited programs afresh.
 */
function keepAsBase(world: World): void {
  for (let i = 0; i < world.editedCount; i++) world.edited[world.editedPrograms[i]!] = 0;
  world.editedCount = 0;
  if (world.baseList === world.pList) return;
  world.baseLen.set(world.pLen);
  world.baseList.set(world.pList.subarray(0, world.pStart[world.pLen.length]!));
}
