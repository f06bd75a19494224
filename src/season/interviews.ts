import { normal, type TrialStreams } from "../rng/streams.js";
import { onFixedList } from "./plan.js";
import { sortByKeyDescending, type World, type Workspace } from "./workspace.js";

/**
 * Step 3: applicants accept invitations in their order of preference, up to their
 * `maxInterviews`. Step 4, the applicants' side: an applicant ranks the programs that
 * interviewed them, in order of preference, and a program with a fixed list that has
 * them on it (it counts as having interviewed everyone on it); a fixed list of their own
 * replaces this.
 */
export function attendInterviews(ws: Workspace, world: World): void {
  const { plan } = ws;
  const { s } = plan;
  const max = s.applicant.maxInterviews;
  const invited = world.invited;
  const programFixed = s.program.hasRankList;
  world.interviewed.fill(0);
  world.interviewCount = 0;
  const anyFixed = plan.fixedMembers.items.length > 0;
  const onFixed = (a: number, k: number) => anyFixed && programFixed[ws.appProgram[k]!] === 1 && onFixedList(plan, ws.appProgram[k]!, a);
  for (let a = 0; a < s.applicant.count; a++) {
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
        if (invited[k] === 1 || ownList || onFixed(a, k)) ws.entryOrder[n++] = k;
      }
    }
    sortByKeyDescending(ws.entryOrder, ws.appPref, n);
    const out = plan.aListOff[a]!;
    let taken = 0;
    let ranked = 0;
    for (let i = 0; i < n; i++) {
      const k = ws.entryOrder[i]!;
      if (invited[k] && taken < max[a]!) {
        world.interviewed[k] = 1;
        world.interviewEntries[world.interviewCount++] = k;
        taken++;
        world.aList[out + ranked++] = ws.appProgram[k]!;
      } else if (ownList || onFixed(a, k)) {
        world.aList[out + ranked++] = ws.appProgram[k]!;
      }
    }
    world.aLen[a] = ranked;
  }
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
