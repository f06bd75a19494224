import { workerData } from "piscina";
import type { Proposer } from "../match/deferred-acceptance.js";
import type { IndexedScenario } from "../scenario/index-scenario.js";
import { makeSeasonPlan, type SeasonPlan } from "../season/plan.js";
import { newWorkspace, type Workspace } from "../season/workspace.js";
import { accumulatorOver, newTally, type Accumulator, type SharedCounts, type Tally } from "./accumulator.js";
import { groupingOf, type GroupBy, type Grouping } from "./groups.js";
import { alignScenarios, compareWorkspaces, newCompareAccumulator, runCompareRange, type CompareAlignment, type CompareData, type CompareWorkspaces } from "./compare.js";
import { runTrialRange } from "./run-trials.js";
import { newSweepAccumulator, runSweepRange, sweepToData, sweepWorkspaces, type SweepData, type SweepSetup, type SweepWorkspaces } from "./sweep-seasons.js";

/** What every block of a pool shares: a scenario to run, or a base and variants to compare. */
export type PoolData =
  | {
      readonly kind: "run";
      readonly scenario: IndexedScenario;
      readonly seed: number;
      readonly proposer: Proposer;
      readonly groupBy: GroupBy;
      /** One set of shared counts per thread, claimed in turn through claim[0]. */
      readonly shared: { readonly claim: Int32Array; readonly counts: readonly SharedCounts[] };
    }
  | {
      readonly kind: "compare";
      readonly base: IndexedScenario;
      readonly variants: readonly IndexedScenario[];
      readonly watch: string | undefined;
      readonly seed: number;
      readonly proposer: Proposer;
    }
  | { readonly kind: "sweep"; readonly setup: SweepSetup; readonly seed: number; readonly proposer: Proposer };

export interface BlockTask {
  readonly first: number;
  readonly count: number;
}

/** What a block of a run sends back: its trials are in the thread's shared counts. */
export interface RunBlockDone {
  readonly trials: number;
}

// The plans and workspaces are built once per worker thread, on its first block, and kept
// for the pool's life: every block of a pool belongs to the same scenarios.
let thread: { plan: SeasonPlan; ws: Workspace; grouping: Grouping; tally: Tally; acc: Accumulator } | undefined;
let comparing: { ws: CompareWorkspaces; alignment: CompareAlignment } | undefined;
let sweeping: SweepWorkspaces | undefined;

/** Runs one block of trials in a worker thread: a run's counts go to the thread's shared set, a comparison's and a sweep's come back. */
export default function runBlock(task: BlockTask): RunBlockDone | CompareData | SweepData {
  const data = workerData as PoolData;
  const range = { seed: data.seed, first: task.first, count: task.count, proposer: data.proposer };
  if (data.kind === "sweep") {
    sweeping ??= sweepWorkspaces(data.setup);
    return sweepToData(runSweepRange(newSweepAccumulator(data.setup), sweeping, data.setup, range));
  }
  if (data.kind === "compare") {
    comparing ??= { ws: compareWorkspaces(data.base, data.variants), alignment: alignScenarios(data.base, data.variants, data.watch) };
    const acc = newCompareAccumulator(data.base, data.variants, comparing.alignment);
    return runCompareRange(acc, comparing.ws, comparing.alignment, range);
  }
  if (!thread) {
    const plan = makeSeasonPlan(data.scenario);
    const grouping = groupingOf(data.scenario, data.groupBy);
    // This thread's counts for the whole run: the next unclaimed shared set (one per thread).
    const counts = data.shared.counts[Atomics.add(data.shared.claim, 0, 1)];
    if (!counts) throw new Error("more worker threads than sets of shared counts");
    const acc = accumulatorOver(counts);
    thread = { plan, ws: newWorkspace(plan), grouping, tally: newTally(plan, grouping), acc };
  }
  const before = thread.acc.trials;
  runTrialRange(thread.acc, thread.tally, thread.ws, range);
  return { trials: thread.acc.trials - before };
}
