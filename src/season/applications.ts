import { hashBoundBelow, rowKey, rowNormalAt, type TrialStreams } from "../rng/streams.js";
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
  if (ws.entriesWritten === 1) {
    drawPreferences(ws, streams);
    return;
  }
  if (ws.plan.programEntries !== undefined) ws.entriesWritten = 1;
  const { plan, appProgram, appPref } = ws;
  const { s, candidates, baseAppeal, selectAppeal, mustApply, mustAppeal, mustColumn, mustScreenBonus, candidateColumn: col } = plan;
  const applicantKey = s.applicant.key;
  const noise = s.model.ranking.preferenceNoise;
  const key = streams.preferences;
  const score = ws.candScore;
  // The places (k) of the candidates kept, in the order their entries are written.
  const keptIdx = ws.aboveScratch;
  const insideIdx = ws.insideScratch;
  const sortKey = ws.sortKey;
  // The kernel's draws where someone chooses (else it holds none of the candidates' arrays).
  const kernel = ws.kernel?.draws ? ws.kernel : undefined;
  const whole = kernel?.choosing === true;
  // Half the width of the window around the guessed cutoff, in standard deviations of the
  // noise: wide enough to hold the new cutoff in about 98 trials out of 100, narrow enough
  // to hold only a sixth of the candidates (on the dermatology market). Both 0.22 and 0.5
  // were measured slower.
  const windowHalf = Math.max(noise, 1e-9) * 0.35;
  const { perApplicant: silver, gold } = s.model.signals;
  const signalling = silver + gold.perApplicant > 0 || plan.anyExplicitSignals;
  // After the first trials the guesses stay as they are; the kernel then draws only the
  // candidates that can reach the window.
  const settled = ws.trialsScreened >= SETTLING_TRIALS;
  const bounded = whole && settled && noise > 0 && boundsOn;
  if (bounded && ws.boundsNoise !== noise) settleWindows(ws, kernel!.bound, noise, windowHalf);

  const nA = s.applicant.count;
  for (let a = 0; a < nA; a++) {
    if (whole) {
      // The whole step in WebAssembly, up to an applicant it leaves to the code below.
      const from = a;
      a = kernel!.chooseFrom(from, nA, key, noise, windowHalf, settled ? 1 : 0, bounded ? 1 : 0);
      if (signalling) for (let b = from; b < a; b++) markSignals(ws, b, plan.appOff[b]!, plan.appOff[b + 1]! - plan.appOff[b]!);
      if (a === nA) break;
    }
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
      if (kernel) {
        // The same draws and placing as the loop below, four at a time (kernel/season.wat).
        above = kernel.choose(c0, n, row, noise, lo, hi);
        inside = kernel.insideCount();
      } else {
        // Two candidates per pass: the engine checks every typed array a loop touches once
        // per pass, a large part of this loop's cost (two per pass measured 13% faster on
        // this step; four, no faster than two).
        let k = 0;
        for (; k + 1 < n; k += 2) {
          const v = selectAppeal[c0 + k]! + noise * rowNormalAt(row, col[c0 + k]!);
          const w = selectAppeal[c0 + k + 1]! + noise * rowNormalAt(row, col[c0 + k + 1]!);
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
          const v = selectAppeal[c0 + k]! + noise * rowNormalAt(row, col[c0 + k]!);
          score[k] = v;
          keptIdx[above] = k;
          above += +(v > hi);
          insideIdx[inside] = k;
          inside += +(v >= lo) & +(v <= hi);
        }
      }
      if (above < take && above + inside >= take) {
        for (let j = 0; j < inside; j++) sortKey[j] = score[insideIdx[j]!]!;
        const threshold = kthLargest(sortKey, inside, take - above, ws.select);
        if (!settled) ws.applicationCutoff[a] = nextGuess(guess, threshold);
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
        if (!settled) ws.applicationCutoff[a] = nextGuess(guess, threshold);
        let ties = take;
        for (let k = 0; k < n; k++) if (score[k]! > threshold) ties--;
        kept = 0;
        for (let k = 0; k < n && kept < take; k++) {
          const v = score[k]!;
          if (v > threshold || (v === threshold && ties-- > 0)) keptIdx[kept++] = k;
        }
      }
    }
    // A given order is chosen above without the boost of must-apply candidates: they are
    // kept here. Elsewhere the boost has kept them.
    if (kept < n && plan.orderGiven[a] && plan.mustApply.offsets[a + 1]! > plan.mustApply.offsets[a]!) keepMustApply(ws, a, kept);
    // Entry out0 + i is the i-th kept candidate.
    const items = candidates.items;
    const entryBonus = ws.entryBonus;
    const entryOfPlace = ws.entryOfPlace;
    for (let i = 0; i < kept; i++) {
      const k = keptIdx[i]!;
      appProgram[out0 + i] = items[c0 + k]!;
      entryBonus[out0 + i] = 0;
      appPref[out0 + i] = score[k]!;
      entryOfPlace[k] = i;
    }
    // The must-apply candidates, few and listed in the plan with what they need beside
    // them: the screening bonus (only home and away programs have one, and they are
    // must-apply) and, where they were kept by a boost to their score, the preference
    // drawn again without it (the same draw: the same bits as if never boosted). Read
    // here rather than at each entry's place in the plan's per-candidate arrays: those
    // reads, scattered over megabytes, were a fifth of this step's time.
    const boosted = !plan.orderGiven[a];
    for (let j = mustApply.offsets[a]!; j < mustApply.offsets[a + 1]!; j++) {
      const k = mustApply.items[j]!;
      const i = entryOfPlace[k]!;
      if (i >= kept || keptIdx[i] !== k) continue;
      entryBonus[out0 + i] = mustScreenBonus[j]!;
      if (boosted) appPref[out0 + i] = mustAppeal[j]! + noise * rowNormalAt(row, mustColumn[j]!);
    }
    if (signalling) markSignals(ws, a, out0, kept);

  }
}

/**
 * Trials after which each applicant's guessed cutoff stays as it is. Trials are independent,
 * so the cutoffs of later ones scatter around the same place: a guess averaged over the
 * first few is as good as one that keeps moving, and a fixed one lets the kernel skip the
 * draws that cannot reach the window (see settleWindows).
 */
export const SETTLING_TRIALS = 8;

let boundsOn = true;

/** Turns the kernel's bounded draws on or off (tests and benchmarks compare the two ways). */
export function useBoundedDraws(on: boolean): void {
  boundsOn = on;
}

/**
 * Writes each candidate's bound (see SeasonKernel.bound) for its applicant's fixed window:
 * every hash below it scores below the window's low end (hashBoundBelow); hashes at or
 * above it are drawn and placed exactly, so the bound decides only how many are drawn,
 * never which are chosen.
 */
function settleWindows(ws: Workspace, bound: Uint16Array, noise: number, half: number): void {
  const { plan } = ws;
  const { candidates, selectAppeal } = plan;
  for (let a = 0; a < plan.s.applicant.count; a++) {
    const lo = ws.applicationCutoff[a]! - half;
    for (let c = candidates.offsets[a]!; c < candidates.offsets[a + 1]!; c++) bound[c] = hashBoundBelow((lo - selectAppeal[c]!) / noise);
  }
  ws.boundsNoise = noise;
}

/**
 * chooseApplications where every applicant applies to all their candidates in candidate
 * order (the plan's programEntries): the programs, their screening bonuses and the signals
 * the file gives are the entries' every trial, as the first trial wrote them; only the
 * preferences are drawn, and the signals of applicants who signal their favourites marked
 * again from them (with their bonuses written afresh). The same bits as the whole step.
 */
function drawPreferences(ws: Workspace, streams: TrialStreams): void {
  const { plan, appPref, entryBonus } = ws;
  const { s, candidates, baseAppeal, candidateColumn: col, candidateScreenBonus: screenBonus } = plan;
  const applicantKey = s.applicant.key;
  const explicit = s.applicant.explicitSignals;
  const noise = s.model.ranking.preferenceNoise;
  const key = streams.preferences;
  const { perApplicant: silver, gold } = s.model.signals;
  const modelSignals = silver + gold.perApplicant > 0;
  for (let a = 0; a < s.applicant.count; a++) {
    const c0 = candidates.offsets[a]!;
    const out0 = plan.appOff[a]!;
    const n = plan.appOff[a + 1]! - out0;
    if (plan.orderGiven[a]) continue; // no noise: the first trial's preferences stand
    const row = rowKey(key, applicantKey[a]!);
    for (let k = 0; k < n; k++) appPref[out0 + k] = baseAppeal[c0 + k]! + noise * rowNormalAt(row, col[c0 + k]!);
    if (modelSignals && !explicit[a]) {
      for (let k = 0; k < n; k++) entryBonus[out0 + k] = screenBonus[c0 + k]!;
      markSignals(ws, a, out0, n);
    }
  }
}

/**
 * The programs an applicant always applies to (signalled, home, aways) are kept whatever
 * the noise says: each one not kept takes the place of the least preferred kept candidate
 * that is not one of them (of equals, the last kept: ties arise only without noise, where
 * the earlier candidate wins).
 */
function keepMustApply(ws: Workspace, a: number, kept: number): void {
  const { offsets, items } = ws.plan.mustApply;
  const keptIdx = ws.aboveScratch;
  const score = ws.candScore;
  // Flags per candidate place: KEPT, MUST; cleared again before returning.
  const flag = ws.candFlag;
  const s0 = offsets[a]!;
  const s1 = offsets[a + 1]!;
  for (let i = 0; i < kept; i++) flag[keptIdx[i]!] = KEPT;
  let missing = 0;
  for (let j = s0; j < s1; j++) {
    const k = items[j]!;
    missing += +!(flag[k]! & KEPT);
    flag[k]! |= MUST;
  }
  if (missing > 0) {
    const given = ws.plan.orderGiven[a] === 1;
    const c0 = ws.plan.candidates.offsets[a]!;
    for (let j = s0; j < s1; j++) {
      const k = items[j]!;
      if (flag[k]! & KEPT) continue;
      let worst = -1;
      for (let i = 0; i < kept; i++) {
        const ki = keptIdx[i]!;
        if (!(flag[ki]! & MUST) && (worst < 0 || score[ki]! <= score[keptIdx[worst]!]!)) worst = i;
      }
      if (worst < 0) break;
      flag[keptIdx[worst]!] = 0;
      keptIdx[worst] = k;
      flag[k] = KEPT | MUST;
      // A given order drew scores only for the first kept; its scores need no noise.
      if (given) score[k] = ws.plan.baseAppeal[c0 + k]!;
    }
  }
  for (let i = 0; i < kept; i++) flag[keptIdx[i]!] = 0;
  for (let j = s0; j < s1; j++) flag[items[j]!] = 0;
}

const KEPT = 1;
const MUST = 2;

/** Entry values of entrySignal: no signal, a signal (silver, or the only tier), a gold signal. */
export const NO_SIGNAL = 0;
export const SILVER = 1;
export const GOLD = 2;

/**
 * Marks which of applicant a's applications (entries out0 … out0+n-1) carry a signal: those
 * the file lists, or else the applicant's most preferred (gold first, then silver), as many
 * as the model's perApplicant say.
 */
function markSignals(ws: Workspace, a: number, out0: number, n: number): void {
  const { plan, appPref, entrySignal } = ws;
  const s = plan.s;
  const applicant = s.applicant;
  entrySignal.fill(NO_SIGNAL, out0, out0 + n);
  let any = 0;
  if (applicant.explicitSignals[a]) {
    // The tier of each candidate was worked out once in the plan; the entries record which
    // candidate they hold in keptIdx (still in the workspace's scratch).
    const tier = plan.candidateSignal;
    const c0 = plan.candidates.offsets[a]!;
    const keptIdx = ws.aboveScratch;
    for (let i = 0; i < n; i++) {
      const t = tier[c0 + keptIdx[i]!]!;
      entrySignal[out0 + i] = t;
      any |= t;
    }
  } else {
    const golds = Math.min(s.model.signals.gold.perApplicant, n);
    const all = Math.min(golds + s.model.signals.perApplicant, n);
    if (all > 0) {
      // Gold to the `golds` most preferred applications, silver to the next: all above each
      // cutoff, then as many equal to it as there is room for, in entry order.
      let marked = 0;
      if (golds > 0) {
        const from = cutoffOf(ws, out0, n, golds);
        for (let k = out0; k < out0 + n; k++) if (appPref[k]! > from) (entrySignal[k] = GOLD), marked++;
        for (let k = out0; k < out0 + n && marked < golds; k++) if (entrySignal[k] === NO_SIGNAL && appPref[k] === from) (entrySignal[k] = GOLD), marked++;
      }
      const from = cutoffOf(ws, out0, n, all);
      for (let k = out0; k < out0 + n; k++) if (entrySignal[k] === NO_SIGNAL && appPref[k]! > from) (entrySignal[k] = SILVER), marked++;
      for (let k = out0; k < out0 + n && marked < all; k++) if (entrySignal[k] === NO_SIGNAL && appPref[k] === from) (entrySignal[k] = SILVER), marked++;
      any = 1;
    }
  }
  // A signal adds its tier's bonus to the home and away bonuses screening reads.
  if (any) {
    const { screeningBonus, gold } = s.model.signals;
    for (let k = out0; k < out0 + n; k++) {
      const tier = entrySignal[k]!;
      if (tier !== NO_SIGNAL) ws.entryBonus[k] = ws.entryBonus[k]! + (tier === GOLD ? gold.screeningBonus : screeningBonus);
    }
  }
  ws.signalled[a] = any > 0 ? 1 : 0;
}

/** The preference score of applicant's `k`-th most preferred application among entries out0 … out0+n-1. */
function cutoffOf(ws: Workspace, out0: number, n: number, k: number): number {
  if (k >= n) return -Infinity;
  const key = ws.sortKey;
  key.set(ws.appPref.subarray(out0, out0 + n));
  return kthLargest(key, n, k, ws.select);
}
