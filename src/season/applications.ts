import { rowKey, rowNormalAt, type TrialStreams } from "../rng/streams.js";
import { kthLargest, nextGuess } from "./select.js";
import type { Workspace } from "./workspace.js";

/**
 * Step 1: every applicant applies to the programs they may apply to (all of them, or the
 * `applications.perApplicant` they like best). Preference is the program's appeal plus
 * noise for this trial, kept per application in appPref (a given order, from preferences
 * or a fixed list, is kept as appeal 0, -1, -2, …). Entries are not sorted here: only the
 * few invitations an applicant receives ever need ordering. Calls cannot change this step,
 * so both worlds of a trial share it.
 */
export function chooseApplications(ws: Workspace, streams: TrialStreams): void {
  const { plan, appProgram, appPref } = ws;
  const { s, candidates, baseAppeal, candidateColumn: col } = plan;
  const applicantKey = s.applicant.key;
  const noise = s.model.ranking.preferenceNoise;
  const key = streams.preferences;
  const score = ws.candScore;
  // The places (k) of the candidates kept, in the order their entries are written.
  const keptIdx = ws.aboveScratch;
  const insideIdx = ws.insideScratch;
  const sortKey = ws.sortKey;
  // Half the width of the window around the guessed cutoff, in standard deviations of the
  // noise: wide enough to hold the new cutoff in about 98 trials out of 100, narrow enough
  // to hold only a sixth of the candidates (on the dermatology market). Both 0.22 and 0.5
  // were measured slower.
  const windowHalf = Math.max(noise, 1e-9) * 0.35;

  for (let a = 0; a < s.applicant.count; a++) {
    const c0 = candidates.offsets[a]!;
    const n = candidates.offsets[a + 1]! - c0;
    const out0 = plan.appOff[a]!;
    const take = plan.appOff[a + 1]! - out0;
    // The noise of a candidate is addressed by (trial, applicant, program), by their ids'
    // keys: the same whatever else the scenario holds.
    const row = rowKey(key, applicantKey[a]!);
    let kept: number;
    if (plan.orderGiven[a] || take >= n) {
      const given = plan.orderGiven[a] === 1;
      for (let k = 0; k < take; k++) {
        score[k] = given ? baseAppeal[c0 + k]! : baseAppeal[c0 + k]! + noise * rowNormalAt(row, col[c0 + k]!);
        keptIdx[k] = k;
      }
      kept = take;
    } else {
      // Keep the `take` best. The cutoff moves little from trial to trial, so each score
      // is placed, as it is drawn, against a window around the cutoffs seen so far: above
      // it (kept), or inside it, where the cutoff is then found among a few. The window
      // only saves work; when it misses, the cutoff is found among all the scores. The
      // appends are written without branches (store, then advance by 0 or 1; `&`, not
      // `&&`): which way a noisy score falls cannot be predicted.
      const guess = ws.applicationCutoff[a]!;
      const lo = guess - windowHalf;
      const hi = guess + windowHalf;
      let above = 0;
      let inside = 0;
      // Two candidates per pass: the engine checks every typed array a loop touches once
      // per pass, a large part of this loop's cost (two per pass measured 13% faster on
      // this step; four, no faster than two).
      let k = 0;
      for (; k + 1 < n; k += 2) {
        const v = baseAppeal[c0 + k]! + noise * rowNormalAt(row, col[c0 + k]!);
        const w = baseAppeal[c0 + k + 1]! + noise * rowNormalAt(row, col[c0 + k + 1]!);
        score[k] = v;
        score[k + 1] = w;
        keptIdx[above] = k;
        above += +(v > hi);
        insideIdx[inside] = k;
        inside += +(v >= lo) & +(v <= hi);
        keptIdx[above] = k + 1;
        above += +(w > hi);
        insideIdx[inside] = k + 1;
        inside += +(w >= lo) & +(w <= hi);
      }
      if (k < n) {
        const v = baseAppeal[c0 + k]! + noise * rowNormalAt(row, col[c0 + k]!);
        score[k] = v;
        keptIdx[above] = k;
        above += +(v > hi);
        insideIdx[inside] = k;
        inside += +(v >= lo) & +(v <= hi);
      }
      if (above < take && above + inside >= take) {
        for (let j = 0; j < inside; j++) sortKey[j] = score[insideIdx[j]!]!;
        const threshold = kthLargest(sortKey, inside, take - above, ws.select);
        ws.applicationCutoff[a] = nextGuess(guess, threshold);
        // Everyone above the window, then those inside it above the cutoff, then as many
        // equal to it as there is room for (ties arise only without noise). Entries are in
        // candidate order within each part; nothing reads their order but ties of
        // preference, which never span two parts.
        kept = above;
        for (let j = 0; j < inside; j++) {
          const k = insideIdx[j]!;
          keptIdx[kept] = k;
          kept += +(score[k]! > threshold);
        }
        for (let j = 0; j < inside && kept < take; j++) {
          const k = insideIdx[j]!;
          if (score[k] === threshold) keptIdx[kept++] = k;
        }
      } else {
        sortKey.set(score.subarray(0, n));
        const threshold = kthLargest(sortKey, n, take, ws.select);
        ws.applicationCutoff[a] = nextGuess(guess, threshold);
        let ties = take;
        for (let k = 0; k < n; k++) if (score[k]! > threshold) ties--;
        kept = 0;
        for (let k = 0; k < n && kept < take; k++) {
          const v = score[k]!;
          if (v > threshold || (v === threshold && ties-- > 0)) keptIdx[kept++] = k;
        }
      }
    }
    // Entry out0 + i is the i-th kept candidate.
    const items = candidates.items;
    for (let i = 0; i < kept; i++) {
      const k = keptIdx[i]!;
      appProgram[out0 + i] = items[c0 + k]!;
      appPref[out0 + i] = score[k]!;
    }

  }
}
