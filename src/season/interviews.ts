import { pairNormal, pairRow, type TrialStreams } from "../rng/streams.js";
import type { IndexedScenario } from "../scenario/index-scenario.js";
import { onFixedList } from "./plan.js";
import { sortPairsDescending, type World, type Workspace } from "./workspace.js";

/**
 * Step 3: applicants accept invitations in their order of preference, up to their
 * `maxInterviews`. Step 4, the applicants' side: an applicant ranks the programs that
 * interviewed them, in order of preference, and a program with a fixed list that has
 * them on it (it counts as having interviewed everyone on it); a fixed list of their own
 * replaces this.
 */
export function attendInterviews(ws: Workspace, world: World, streams: TrialStreams): void {
  world.interviewed.fill(0);
  ws.intervieweeCount.fill(0);
  const nA = ws.plan.s.applicant.count;
  // The same in WebAssembly (kernel/season.wat), for the world without calls of a market
  // without fixed lists: it reads screening's invitations, which that world's are.
  const kernel = ws.kernel !== undefined && world === ws.withoutCalls && ws.plan.fixedMembers.items.length === 0 ? ws.kernel : undefined;
  const { noise } = ws.plan.s.model.interviews;
  const { interviewWeight } = ws.plan.s.model.ranking;
  for (let a = 0; a < nA; a++) {
    if (kernel) {
      a = kernel.attendFrom(a, nA, streams.interviews, noise, interviewWeight);
      if (a === nA) break;
    }
    attendAs(ws, world, a, streams);
  }
}

/**
 * Step 3 in the world with calls, from the world without them (`base`): an applicant
 * whose invitations calls did not change attends the same interviews and ranks the same
 * programs, and calls change few applicants' invitations (see ws.changedApplicants). So
 * the world without calls is copied and only the changed applicants are worked out again;
 * the programs whose interviewees differ, and the interviews calls added, are listed for
 * buildRankListsFrom.
 */
export function attendInterviewsFrom(ws: Workspace, world: World, base: World): void {
  const { plan } = ws;
  world.interviewed.set(base.interviewed);
  world.aLen.set(base.aLen);
  // Whole buffers are copied, unused slots too: one native copy costs less than a loop
  // over the lists' entries, and nothing reads past a list's length.
  world.aList.set(base.aList);
  world.aEntry.set(base.aEntry);
  ws.programChanged.fill(0);
  ws.changedProgramCount = 0;
  ws.gainedInterviewCount = 0;
  for (let i = 0; i < ws.changedApplicantCount; i++) {
    const a = ws.changedApplicants[i]!;
    world.interviewed.fill(0, plan.appOff[a]!, plan.appOff[a + 1]!);
    attendAs(ws, world, a);
    for (let k = plan.appOff[a]!; k < plan.appOff[a + 1]!; k++) {
      if (world.interviewed[k] === base.interviewed[k]) continue;
      if (world.interviewed[k]) ws.gainedInterviews[ws.gainedInterviewCount++] = k;
      const q = ws.appProgram[k]!;
      if (!ws.programChanged[q]) {
        ws.programChanged[q] = 1;
        ws.changedPrograms[ws.changedProgramCount++] = q;
      }
    }
  }
}

/**
 * Applicant a's interviews (world.interviewed, cleared for a's entries) and rank list;
 * given the trial's streams (`fileWith`), each interview is also filed under its program
 * (ws.interviewees), with the applicant and the score the program will rank them by.
 */
function attendAs(ws: Workspace, world: World, a: number, fileWith?: TrialStreams): void {
  // Arrays are read into locals: read through ws or world inside a loop, each costs a
  // property load and its checks on every entry.
  const { plan, entryOrder, sortKey, appPref, appProgram } = ws;
  const { s } = plan;
  const { invited, interviewed, aList, aEntry } = world;
  const from = plan.appOff[a]!;
  const to = plan.appOff[a + 1]!;
  const anyFixed = plan.fixedMembers.items.length > 0;
  const ownList = s.applicant.hasRankList[a] === 1;
  let n = 0;
  if (!ownList && !anyFixed) {
    // Most entries are not invitations: gather the invited without a branch per entry.
    for (let k = from; k < to; k++) {
      entryOrder[n] = k;
      n += invited[k]!;
    }
  } else {
    for (let k = from; k < to; k++) {
      if (invited[k] === 1 || ownList || onFixedListOf(ws, k, a)) entryOrder[n++] = k;
    }
  }
  for (let i = 0; i < n; i++) sortKey[i] = appPref[entryOrder[i]!]!;
  sortPairsDescending(entryOrder, sortKey, n);
  const max = s.applicant.maxInterviews[a]!;
  const out = plan.aListOff[a]!;
  const { interviewees, intervieweeCount, intervieweeApplicant, intervieweeKey } = ws;
  const programAppStart = plan.programAppStart;
  let taken = 0;
  let ranked = 0;
  // The applicant's part of each interview draw and of the score programs rank by, worked
  // out once: rankingScore(s, a, interviewScore(s, fileWith, a, q)), the same operations
  // in the same order (a test holds the two equal), without reading the scenario's
  // properties again for every interview (interviews ×0.86–0.94 measured).
  const row = fileWith ? interviewRow(s, fileWith, a) : 0;
  const { paperWeight, interviewWeight, flagPenalty } = s.model.ranking;
  const paperPart = paperWeight * s.applicant.paper[a]!;
  const flagPart = s.applicant.flagCount[a]! > 0 ? flagPenalty : 0;
  const quality = s.applicant.quality[a]!;
  const noise = s.model.interviews.noise;
  const programKey = s.program.key;
  for (let i = 0; i < n; i++) {
    const k = entryOrder[i]!;
    if (invited[k] && taken < max) {
      const q = appProgram[k]!;
      interviewed[k] = 1;
      taken++;
      aEntry[out + ranked] = k;
      aList[out + ranked++] = q;
      if (fileWith) {
        const slot = programAppStart[q]! + intervieweeCount[q]!++;
        interviewees[slot] = k;
        intervieweeApplicant[slot] = a;
        intervieweeKey[slot] = paperPart + interviewWeight * (quality + noise * pairNormal(row, programKey[q]!)) - flagPart;
      }
    } else if (ownList || (anyFixed && onFixedListOf(ws, k, a))) {
      aEntry[out + ranked] = k;
      aList[out + ranked++] = appProgram[k]!;
    }
  }
  world.aLen[a] = ranked;
}

/** Whether the program of entry k has a fixed list with applicant a on it. */
function onFixedListOf(ws: Workspace, k: number, a: number): boolean {
  const q = ws.appProgram[k]!;
  return ws.plan.s.program.hasRankList[q] === 1 && onFixedList(ws.plan, q, a);
}

/**
 * How applicant a came across at program q: true quality plus interview noise. It depends
 * only on the pair and the trial, so both worlds see the same score; it is drawn again
 * wherever it is needed (one hash), which costs less than keeping it.
 */
export function interviewScore(s: IndexedScenario, streams: TrialStreams, a: number, q: number): number {
  return s.applicant.quality[a]! + s.model.interviews.noise * pairNormal(interviewRow(s, streams, a), s.program.key[q]!);
}

/** The applicant's part of their interview draws (see pairRow): attendAs draws an applicant's many from it. */
function interviewRow(s: IndexedScenario, streams: TrialStreams, a: number): number {
  return pairRow(streams.interviews, s.applicant.key[a]!);
}

/**
 * The score a program ranks applicant a by (step 4): paperWeight·paper +
 * interviewWeight·interview, less `ranking.flagPenalty` for a red flag, which is on paper.
 */
export function rankingScore(s: IndexedScenario, a: number, interview: number): number {
  const r = s.model.ranking;
  return r.paperWeight * s.applicant.paper[a]! + r.interviewWeight * interview - (s.applicant.flagCount[a]! > 0 ? r.flagPenalty : 0);
}
