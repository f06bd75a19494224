import type { Proposer } from "../match/deferred-acceptance.js";
import type { IndexedScenario } from "../scenario/index-scenario.js";
import { trialStreams, type TrialStreams } from "../rng/streams.js";
import { makeSeasonPlan } from "../season/plan.js";
import { blockingPairsVsUncalled, runCalled, runUncalled } from "../season/season.js";
import { copyUncalled, newWorkspace, type Workspace } from "../season/workspace.js";
import { accumulatorFor, addTrial, fromData, mergeInto, newTally, toData, type Accumulator, type AccumulatorData, type Tally } from "./accumulator.js";
import { groupingOf, type GroupBy } from "./groups.js";

// The points of a sweep run together, trial by trial: every point sees the same seasons,
// so each is compared with the baseline point season by season (a paired difference).
// When no swept setting can change the season without calls, that season is run once per
// trial and copied to every point, which then runs only its calls.

/**
 * Per point, its pairing with the baseline in each season: the sums and sums of squares of
 * the differences in applicants matched (with calls, without) and in outcomes changed; and
 * for the focus applicant, matched (with calls) in both, at the point only, at the baseline only.
 */
export const VS_BASELINE = {
  matchedWith: 0,
  matchedWithSq: 1,
  matchedWithout: 2,
  matchedWithoutSq: 3,
  changed: 4,
  changedSq: 5,
  focus11: 6,
  focus10: 7,
  focus01: 8,
  size: 9,
} as const;

export interface SweepAccumulator {
  trials: number;
  readonly points: Accumulator[];
  /** VS_BASELINE cells of each point, one after another. */
  readonly vsBaseline: Float64Array;
}

export interface SweepSetup {
  readonly points: readonly IndexedScenario[];
  readonly baseline: number;
  /** The focus applicant's index (the same in every point), or -1. */
  readonly focus: number;
  /** Whether the season without calls is the same at every point, so run once per trial. */
  readonly shared: boolean;
  readonly groupBy: GroupBy;
}

/** Each point's plan, workspace and tally, built once per thread. */
export interface SweepWorkspaces {
  readonly ws: Workspace[];
  readonly tallies: Tally[];
}

export function sweepWorkspaces(setup: SweepSetup): SweepWorkspaces {
  const plans = setup.points.map((s) => makeSeasonPlan(s));
  return {
    ws: plans.map((p) => newWorkspace(p)),
    tallies: plans.map((p, i) => newTally(p, groupingOf(setup.points[i]!, setup.groupBy))),
  };
}

export function newSweepAccumulator(setup: SweepSetup): SweepAccumulator {
  return {
    trials: 0,
    points: setup.points.map((s) => {
      const plan = makeSeasonPlan(s);
      return accumulatorFor(plan, groupingOf(s, setup.groupBy));
    }),
    vsBaseline: new Float64Array(setup.points.length * VS_BASELINE.size),
  };
}

/** What is paired with the baseline of each point's season: applicants matched in each world, outcomes changed, the focus matched. */
interface SeasonTally {
  readonly matchedX: Int32Array;
  readonly matchedY: Int32Array;
  readonly changed: Int32Array;
  readonly focusMatched: Uint8Array;
}

const newSeasonTally = (n: number): SeasonTally => ({ matchedX: new Int32Array(n), matchedY: new Int32Array(n), changed: new Int32Array(n), focusMatched: new Uint8Array(n) });

/** Runs the calls of point i's season (its season without calls already in its workspace), adds it, and tallies it at slot `at`. */
function finishSeason(acc: SweepAccumulator, w: SweepWorkspaces, setup: SweepSetup, i: number, streams: TrialStreams, proposer: Proposer, tally: SeasonTally, at: number): void {
  const ws = w.ws[i]!;
  const r = runCalled(ws, streams, { proposer });
  addTrial(acc.points[i]!, w.tallies[i]!, ws, r, blockingPairsVsUncalled(ws, r));
  let x = 0;
  let y = 0;
  let c = 0;
  const programOf = r.withCalls.programOf;
  const programOfWithout = r.withoutCalls.programOf;
  for (let a = 0; a < programOf.length; a++) {
    x += +(programOf[a]! >= 0);
    y += +(programOfWithout[a]! >= 0);
    c += +(programOf[a] !== programOfWithout[a]);
  }
  tally.matchedX[at] = x;
  tally.matchedY[at] = y;
  tally.changed[at] = c;
  tally.focusMatched[at] = setup.focus >= 0 && programOf[setup.focus]! >= 0 ? 1 : 0;
}

/** Adds point i's pairing with the baseline b in one season. */
function pairWithBaseline(cells: Float64Array, i: number, b: number, tally: SeasonTally, slot: (point: number) => number): void {
  const at = i * VS_BASELINE.size;
  const dx = tally.matchedX[slot(i)]! - tally.matchedX[slot(b)]!;
  const dy = tally.matchedY[slot(i)]! - tally.matchedY[slot(b)]!;
  const dc = tally.changed[slot(i)]! - tally.changed[slot(b)]!;
  cells[at + VS_BASELINE.matchedWith]! += dx;
  cells[at + VS_BASELINE.matchedWithSq]! += dx * dx;
  cells[at + VS_BASELINE.matchedWithout]! += dy;
  cells[at + VS_BASELINE.matchedWithoutSq]! += dy * dy;
  cells[at + VS_BASELINE.changed]! += dc;
  cells[at + VS_BASELINE.changedSq]! += dc * dc;
  const fx = tally.focusMatched[slot(i)]!;
  const fy = tally.focusMatched[slot(b)]!;
  if (fx && fy) cells[at + VS_BASELINE.focus11]!++;
  else if (fx) cells[at + VS_BASELINE.focus10]!++;
  else if (fy) cells[at + VS_BASELINE.focus01]!++;
}

/**
 * Runs trials first … first+count-1 at every point and adds them. With the season without
 * calls shared, trial by trial: it is run once and copied to every point. Otherwise point by
 * point over the whole range (each point's workspace stays in the processor's caches), the
 * seasons' tallies kept to be paired at the end.
 */
export function runSweepRange(acc: SweepAccumulator, w: SweepWorkspaces, setup: SweepSetup, range: { seed: number; first: number; count: number; proposer: Proposer }): SweepAccumulator {
  const k = setup.points.length;
  const b = setup.baseline;
  const options = { proposer: range.proposer };
  if (setup.shared) {
    const tally = newSeasonTally(k);
    for (let t = range.first; t < range.first + range.count; t++) {
      const streams = trialStreams(range.seed, t);
      runUncalled(w.ws[0]!, streams, options);
      for (let i = 1; i < k; i++) copyUncalled(w.ws[0]!, w.ws[i]!);
      for (let i = 0; i < k; i++) finishSeason(acc, w, setup, i, streams, range.proposer, tally, i);
      for (let i = 0; i < k; i++) pairWithBaseline(acc.vsBaseline, i, b, tally, (point) => point);
    }
  } else {
    const n = range.count;
    const tally = newSeasonTally(k * n);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < n; j++) {
        const streams = trialStreams(range.seed, range.first + j);
        runUncalled(w.ws[i]!, streams, options);
        finishSeason(acc, w, setup, i, streams, range.proposer, tally, i * n + j);
      }
    }
    for (let j = 0; j < n; j++) for (let i = 0; i < k; i++) pairWithBaseline(acc.vsBaseline, i, b, tally, (point) => point * n + j);
  }
  acc.trials += range.count;
  return acc;
}

export function mergeSweep(into: SweepAccumulator, other: SweepAccumulator): void {
  into.trials += other.trials;
  into.points.forEach((p, i) => mergeInto(p, other.points[i]!));
  for (let i = 0; i < into.vsBaseline.length; i++) into.vsBaseline[i]! += other.vsBaseline[i]!;
}

/** A sweep accumulator as plain data, for workers to send back. */
export interface SweepData {
  trials: number;
  points: AccumulatorData[];
  vsBaseline: Float64Array;
}

export const sweepToData = (acc: SweepAccumulator): SweepData => ({ trials: acc.trials, points: acc.points.map(toData), vsBaseline: acc.vsBaseline });

export const sweepFromData = (d: SweepData): SweepAccumulator => ({ trials: d.trials, points: d.points.map(fromData), vsBaseline: Float64Array.from(d.vsBaseline) });
