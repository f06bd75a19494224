import { normal, type TrialStreams } from "../rng/streams.js";
import { sortByKeyDescending, type World, type Workspace } from "./workspace.js";

/**
 * Puts applicant a's entries that pass `keep` into ws.entryOrder, best preference first,
 * and returns how many there are.
 */
export function orderedEntries(ws: Workspace, a: number, keep: (k: number) => boolean): number {
  let n = 0;
  for (let k = ws.plan.appOff[a]!; k < ws.plan.appOff[a + 1]!; k++) if (keep(k)) ws.entryOrder[n++] = k;
  sortByKeyDescending(ws.entryOrder, ws.appPref, n);
  return n;
}

/**
 * Step 3: applicants accept invitations in their order of preference, up to their
 * `maxInterviews`.
 */
export function attendInterviews(ws: Workspace, world: World): void {
  const { plan } = ws;
  const max = plan.s.applicant.maxInterviews;
  const invited = world.invited;
  const isInvited = (k: number) => invited[k] === 1;
  world.interviewed.fill(0);
  for (let a = 0; a < plan.s.applicant.count; a++) {
    const n = orderedEntries(ws, a, isInvited);
    const take = Math.min(n, max[a]!);
    for (let i = 0; i < take; i++) world.interviewed[ws.entryOrder[i]!] = 1;
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

/** The application entry of applicant a to program q this trial, or -1. */
export function entryOf(ws: Workspace, a: number, q: number): number {
  for (let k = ws.plan.appOff[a]!; k < ws.plan.appOff[a + 1]!; k++) if (ws.appProgram[k] === q) return k;
  return -1;
}
