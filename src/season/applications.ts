import { rowKey, rowNormal, type TrialStreams } from "../rng/streams.js";
import { kthLargest } from "./select.js";
import type { Workspace } from "./workspace.js";

/**
 * Step 1: every applicant applies to the programs they may apply to (all of them, or the
 * `applications.perApplicant` they like best). Preference is the program's appeal plus
 * noise for this trial, kept per application in appPref (a given order, from preferences
 * or a fixed list, is kept as appeal 0, -1, -2, …). Entries are not sorted here: only the
 * few invitations an applicant receives ever need ordering. Calls cannot change this step,
 * so both worlds of a trial share it. Then the applications are grouped by program.
 */
export function chooseApplications(ws: Workspace, streams: TrialStreams): void {
  const { plan } = ws;
  const { s, candidates, baseAppeal } = plan;
  const noise = s.model.ranking.preferenceNoise;
  const key = streams.preferences;
  const score = ws.candScore;
  const order = ws.candOrder;

  for (let a = 0; a < s.applicant.count; a++) {
    const c0 = candidates.offsets[a]!;
    const n = candidates.offsets[a + 1]! - c0;
    const out0 = plan.appOff[a]!;
    const take = plan.appOff[a + 1]! - out0;
    if (plan.orderGiven[a]) {
      for (let k = 0; k < take; k++) {
        ws.appProgram[out0 + k] = candidates.items[c0 + k]!;
        ws.appPref[out0 + k] = baseAppeal[c0 + k]!;
      }
      continue;
    }
    // The noise of candidate k is addressed by (trial, applicant, k): k is the program's
    // place in the applicant's candidate list, which no trial or call changes.
    const row = rowKey(key, a);
    for (let k = 0; k < n; k++) {
      score[k] = baseAppeal[c0 + k]! + noise * rowNormal(row, k);
      order[k] = k;
    }
    let kept = n;
    if (take < n) {
      // Keep the `take` best, in candidate order: find the threshold, then compact.
      ws.sortKey.set(score.subarray(0, n));
      const threshold = kthLargest(ws.sortKey, n, take, ws.bucketCounts);
      kept = 0;
      for (let k = 0; k < n && kept < take; k++) if (score[k]! > threshold) order[kept++] = k;
      for (let k = 0; k < n && kept < take; k++) if (score[k] === threshold) order[kept++] = k;
    }
    for (let k = 0; k < kept; k++) {
      const j = order[k]!;
      ws.appProgram[out0 + k] = candidates.items[c0 + j]!;
      ws.appPref[out0 + k] = score[j]!;
    }
  }

  // Group entries by program (counting sort keeps each program's entries in applicant order).
  const nP = s.program.count;
  const off = ws.pAppOff;
  off.fill(0);
  for (let k = 0; k < plan.totalApps; k++) off[ws.appProgram[k]! + 1]!++;
  for (let q = 0; q < nP; q++) off[q + 1]! += off[q]!;
  const fill = ws.programScratch;
  for (let q = 0; q < nP; q++) fill[q] = off[q]!;
  for (let k = 0; k < plan.totalApps; k++) ws.pAppEntry[fill[ws.appProgram[k]!]!++] = k;
}
