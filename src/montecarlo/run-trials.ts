import type { Proposer } from "../match/deferred-acceptance.js";
import type { IndexedScenario } from "../scenario/index-scenario.js";
import { makeSeasonPlan } from "../season/plan.js";
import { blockingPairsVsUncalled, runTrial } from "../season/season.js";
import { newWorkspace, type Workspace } from "../season/workspace.js";
import { accumulatorFor, addTrial, type Accumulator } from "./accumulator.js";

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
export function runTrialRange(acc: Accumulator, ws: Workspace, range: TrialRange, onTrial?: () => void): Accumulator {
  for (let t = range.first; t < range.first + range.count; t++) {
    runTrialInto(acc, ws, range.seed, t, range.proposer);
    onTrial?.();
  }
  return acc;
}

/** Runs one trial and adds it to the accumulator (the benchmark times exactly this). */
export function runTrialInto(
  acc: Accumulator,
  ws: Workspace,
  seed: number,
  trial: number,
  proposer: Proposer,
  onPhase?: (phase: string) => void,
): void {
  const r = runTrial(ws, seed, trial, { proposer, onPhase });
  addTrial(acc, ws, r, blockingPairsVsUncalled(ws, r));
  onPhase?.("accumulate");
}

/** All `runs` trials of a scenario in one thread. */
export function simulateInline(s: IndexedScenario, seed: number, runs: number, proposer: Proposer): Accumulator {
  const plan = makeSeasonPlan(s);
  return runTrialRange(accumulatorFor(plan), newWorkspace(plan), { seed, first: 0, count: runs, proposer });
}
