import { workerData } from "piscina";
import type { Proposer } from "../match/deferred-acceptance.js";
import type { IndexedScenario } from "../scenario/index-scenario.js";
import { makeSeasonPlan, type SeasonPlan } from "../season/plan.js";
import { newWorkspace, type Workspace } from "../season/workspace.js";
import { accumulatorFor, toData, type AccumulatorData } from "./accumulator.js";
import { runTrialRange } from "./run-trials.js";

export interface PoolData {
  readonly scenario: IndexedScenario;
  readonly seed: number;
  readonly proposer: Proposer;
}

export interface BlockTask {
  readonly first: number;
  readonly count: number;
}

// The plan and a workspace are built once per worker thread, on its first block, and kept
// for the pool's life: every block of a pool belongs to the same scenario.
let thread: { plan: SeasonPlan; ws: Workspace } | undefined;

/** Runs one block of trials in a worker thread and returns its counts. */
export default function runBlock(task: BlockTask): AccumulatorData {
  const data = workerData as PoolData;
  if (!thread) {
    const plan = makeSeasonPlan(data.scenario);
    thread = { plan, ws: newWorkspace(plan) };
  }
  const range = { seed: data.seed, first: task.first, count: task.count, proposer: data.proposer };
  return toData(runTrialRange(accumulatorFor(thread.plan), thread.ws, range));
}
