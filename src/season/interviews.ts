import { normal, type TrialStreams } from "../rng/streams.js";
import { onFixedList } from "./plan.js";
import { sortPairsDescending, type World, type Workspace } from "./workspace.js";

/**
 * Step 3: applicants accept invitations in their order of preference, up to their
 * `maxInterviews`. Step 4, the applicants' side: an applicant ranks the programs that
 * interviewed them, in order of preference, and a program with a fixed list that has
 * them on it (it counts as having interviewed everyone on it); a fixed list of their own
 * replaces this.
 */
export function attendInterviews(ws: Workspace, world: World): void {
  world.interviewed.fill(0);
  ws.intervieweeCount.fill(0);
  for (let a = 0; a < ws.plan.s.applicant.count; a++) attendAs(ws, world, a, true);
}

/**
 * Step 3 in the world with calls, from the world without them (`base`): an applicant
 * whose invitations calls did not change attends the same interviews and ranks the same
 * programs, and calls change few applicants' invitations (see ws.changedApplicants). So
 * the world without calls is copied and only the changed applicants are worked out again;
 * the programs whose interviewees differ are listed for buildRankListsFrom.
 */
export function attendInterviewsFrom(ws: Workspace, world: World, base: World): void {
  const { plan } = ws;
  world.interviewed.set(base.interviewed);
  world.aLen.set(base.aLen);
  for (let a = 0; a < plan.s.applicant.count; a++) {
    for (let i = plan.aListOff[a]!; i < plan.aListOff[a]! + base.aLen[a]!; i++) world.aList[i] = base.aList[i]!;
  }
  ws.programChanged.fill(0);
  ws.changedProgramCount = 0;
  for (let i = 0; i < ws.changedApplicantCount; i++) {
    const a = ws.changedApplicants[i]!;
    world.interviewed.fill(0, plan.appOff[a]!, plan.appOff[a + 1]!);
    attendAs(ws, world, a);
    for (let k = plan.appOff[a]!; k < plan.appOff[a + 1]!; k++) {
      const q = ws.appProgram[k]!;
      if (world.interviewed[k] !== base.interviewed[k] && !ws.programChanged[q]) {
        ws.programChanged[q] = 1;
        ws.changedPrograms[ws.changedProgramCount++] = q;
      }
    }
  }
}

/**
 * Applicant a's interviews (world.interviewed, cleared for a's entries) and rank list;
 * with `file`, each interview is also filed under its program (ws.interviewees).
 */
function attendAs(ws: Workspace, world: World, a: number, file = false): void {
  const { plan } = ws;
  const { s } = plan;
  const invited = world.invited;
  const anyFixed = plan.fixedMembers.items.length > 0;
  const ownList = s.applicant.hasRankList[a] === 1;
  let n = 0;
  if (!ownList && !anyFixed) {
    // Most entries are not invitations: gather the invited without a branch per entry.
    for (let k = plan.appOff[a]!; k < plan.appOff[a + 1]!; k++) {
      ws.entryOrder[n] = k;
      n += invited[k]!;
    }
  } else {
    for (let k = plan.appOff[a]!; k < plan.appOff[a + 1]!; k++) {
      if (invited[k] === 1 || ownList || onFixedListOf(ws, k, a)) ws.entryOrder[n++] = k;
    }
  }
  for (let i = 0; i < n; i++) ws.sortKey[i] = ws.appPref[ws.entryOrder[i]!]!;
  sortPairsDescending(ws.entryOrder, ws.sortKey, n);
  const max = s.applicant.maxInterviews[a]!;
  const out = plan.aListOff[a]!;
  let taken = 0;
  let ranked = 0;
  for (let i = 0; i < n; i++) {
    const k = ws.entryOrder[i]!;
    if (invited[k] && taken < max) {
      const q = ws.appProgram[k]!;
      world.interviewed[k] = 1;
      taken++;
      world.aList[out + ranked++] = q;
      if (file) ws.interviewees[plan.programAppStart[q]! + ws.intervieweeCount[q]!++] = k;
    } else if (ownList || (anyFixed && onFixedListOf(ws, k, a))) {
      world.aList[out + ranked++] = ws.appProgram[k]!;
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
 * How applicant a came across at program q (application entry k): true quality plus
 * interview noise. It depends only on the pair and the trial, so both worlds see the same
 * score; it is computed once per trial and entry (k = -1: a pair with no application,
 * on a fixed list, computed afresh).
 */
export function interviewScore(ws: Workspace, streams: TrialStreams, a: number, q: number, k: number): number {
  if (k >= 0 && ws.interviewStamp[k] === ws.stamp) return ws.interviewScore[k]!;
  const score = ws.plan.s.applicant.quality[a]! + ws.plan.s.model.interviews.noise * normal(streams.interviews, a, q);
  if (k < 0) return score;
  ws.interviewScore[k] = score;
  ws.interviewStamp[k] = ws.stamp;
  return score;
}
