import { normal, type TrialStreams } from "../rng/streams.js";
import type { World, Workspace } from "./workspace.js";

/**
 * Step 3: applicants accept invitations in their order of preference, up to their
 * `maxInterviews`.
 */
export function attendInterviews(ws: Workspace, world: World): void {
  const { plan } = ws;
  const max = plan.s.applicant.maxInterviews;
  world.interviewed.fill(0);
  for (let a = 0; a < plan.s.applicant.count; a++) {
    let taken = 0;
    const limit = max[a]!;
    for (let k = plan.appOff[a]!; k < plan.appOff[a + 1]! && taken < limit; k++) {
      if (world.invited[k]) {
        world.interviewed[k] = 1;
        taken++;
      }
    }
  }
}

/**
 * How applicant a came across at program q: true quality plus interview noise. It depends
 * only on the pair and the trial, so both worlds see the same score.
 */
export function interviewScore(ws: Workspace, streams: TrialStreams, a: number, q: number): number {
  return ws.plan.s.applicant.quality[a]! + ws.plan.s.model.interviews.noise * normal(streams.interviews, a, q);
}
