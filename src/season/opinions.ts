import type { IndexedScenario } from "../scenario/index-scenario.js";
import { normal, uniform, type TrialStreams } from "../rng/streams.js";

// Verdicts as indices into VERDICTS: 0 strong, 1 positive, 2 fine, 3 cautious, 4 would-not-rank.
export const STRONG = 0;
export const POSITIVE = 1;
export const FINE = 2;
export const CAUTIOUS = 3;
export const WOULD_NOT_RANK = 4;

/**
 * What knower k (at position `slot` of applicant a's knowers) really thinks of a this
 * trial: a verdict fixed in the file, or the applicant's quality as k saw it (with noise
 * fixed for this knower and applicant, plus the audition gap if k saw them on an away
 * rotation) cut at the model's thresholds.
 */
export function thoughtVerdict(s: IndexedScenario, streams: TrialStreams, k: number, a: number, slot: number): number {
  const fixed = s.applicant.opinionReferrers;
  for (let j = fixed.offsets[a]!; j < fixed.offsets[a + 1]!; j++) {
    if (fixed.items[j] === k) return s.applicant.opinionVerdicts[j]!;
  }
  const m = s.model.opinions;
  const seen =
    s.applicant.quality[a]! +
    m.noise * normal(streams.opinions, s.referrer.key[k]!, s.applicant.key[a]!) +
    (slot >= 0 && s.applicant.knowerViaAway[slot] ? s.applicant.auditionGap[a]! : 0);
  const t = m.thresholds;
  return seen >= t.strong ? STRONG : seen >= t.positive ? POSITIVE : seen >= t.fine ? FINE : seen >= t.cautious ? CAUTIOUS : WOULD_NOT_RANK;
}

/** Whether the verdict was fixed in the file (then it is said as written, whatever the candor). */
export function isFixedOpinion(s: IndexedScenario, k: number, a: number): boolean {
  const fixed = s.applicant.opinionReferrers;
  for (let j = fixed.offsets[a]!; j < fixed.offsets[a + 1]!; j++) if (fixed.items[j] === k) return true;
  return false;
}

/**
 * What the knower says on one call: the verdict they hold with probability `candor`,
 * otherwise one step kinder. The draw is addressed by the call (phase, program, applicant).
 */
export function saidVerdict(
  s: IndexedScenario,
  streams: TrialStreams,
  k: number,
  a: number,
  thought: number,
  phase: number,
  program: number,
): number {
  if (isFixedOpinion(s, k, a)) return thought;
  const candid = uniform(streams.candor, s.program.key[program]!, s.applicant.key[a]!, phase) < s.referrer.candor[k]!;
  return candid ? thought : Math.max(STRONG, thought - 1);
}

/** Where referrer k stands in applicant a's knowers (for knowerViaAway), or -1. */
export function knowerSlot(s: IndexedScenario, a: number, k: number): number {
  const { offsets, items } = s.applicant.knowers;
  for (let j = offsets[a]!; j < offsets[a + 1]!; j++) if (items[j] === k) return j;
  return -1;
}
