import type { Proposer } from "../match/deferred-acceptance.js";
import type { IndexedScenario } from "../scenario/index-scenario.js";
import { makeSeasonPlan } from "../season/plan.js";
import { blockingPairsVsUncalled, runTrial } from "../season/season.js";
import { newWorkspace, type Workspace } from "../season/workspace.js";
import { accumulatorFor, addTrial, newTally, type Accumulator, type Tally } from "./accumulator.js";
import { groupingOf, type GroupBy } from "./groups.js";

export interface TrialRange {
  readonly seed: number;
  readonly first: number;
  readonly count: number;
  readonly proposer: Proposer;
}

/**
 * Runs trials first … first+count-1 and adds them to `acc`, on workspace `ws` (one
 * workspace serves any number of trials and blocks of one scenario).
 */
export function runTrialRange(acc: Accumulator, tally: Tally, ws: Workspace, range: TrialRange, onTrial?: () => void): Accumulator {
  for (let t = range.first; t < range.first + range.count; t++) {
    runTrialInto(acc, tally, ws, range.seed, t, range.proposer);
    onTrial?.();
  }
  return acc;
}

/** Runs one trial and adds it to the accumulator (the benchmark times exactly this). */
export function runTrialInto(
  acc: Accumulator,
  tally: Tally,
  ws: Workspace,
  seed: number,
  trial: number,
  proposer: Proposer,
  onPhase?: (phase: string) => void,
): void {
  const r = runTrial(ws, seed, trial, { proposer, onPhase });
  addTrial(acc, tally, ws, r, blockingPairsVsUncalled(ws, r));
  onPhase?.("accumulate");
}

/** All `runs` trials of a scenario in one thread. */
export function simulateInline(s: IndexedScenario, seed: number, runs: number, proposer: Proposer, groupBy: GroupBy = "access"): Accumulator {
  const plan = makeSeasonPlan(s);
  const grouping = groupingOf(s, groupBy);
  return runTrialRange(accumulatorFor(plan, grouping), newTally(plan, grouping), newWorkspace(plan), { seed, first: 0, count: runs, proposer });
}
