import type { Proposer } from "../match/deferred-acceptance.js";
import type { IndexedScenario } from "../scenario/index-scenario.js";
import { makeSeasonPlan } from "../season/plan.js";
import { newWorkspace } from "../season/workspace.js";
import { accumulatorFor, accumulatorOver, mergeInto, newTally, sharedCountsLike, type Accumulator, type SharedCounts, type Tally } from "./accumulator.js";
import { groupingOf, type GroupBy } from "./groups.js";
import {
  alignScenarios,
  compareFromData,
  compareWorkspaces,
  mergeCompare,
  newCompareAccumulator,
  runCompareRange,
  type CompareAccumulator,
  type CompareAlignment,
  type CompareWorkspaces,
} from "./compare.js";
import type { BlockPool } from "./workers.js";
import { runTrialRange } from "./run-trials.js";
import { mergeSweep, newSweepAccumulator, runSweepRange, sweepFromData, sweepWorkspaces, type SweepAccumulator, type SweepSetup, type SweepWorkspaces } from "./sweep-seasons.js";

export interface SimulateOptions {
  readonly seed: number;
  readonly runs: number;
  readonly proposer: Proposer;
  /** Worker threads; 1 runs in this thread. Default: chosen by the size of the job. */
  readonly workers?: number | undefined;
  /** Only trials first … first+count-1 (a shard); default all of 0 … runs-1. */
  readonly first?: number | undefined;
  readonly count?: number | undefined;
  /** Called as trials complete, with the number done so far and the total. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** Aborting stops the workers; simulate then rejects with an AbortError. */
  readonly signal?: AbortSignal | undefined;
  /** How applicants are grouped in the counts (default "access"). */
  readonly groupBy?: GroupBy | undefined;
}

/** A whole job a command reports on: every trial, a name for the report, maybe one applicant in focus. */
export interface ReportedJob extends Omit<SimulateOptions, "first" | "count"> {
  readonly label: string;
  readonly focus?: string | undefined;
}

/**
 * Jobs smaller than this many application-trials run in one thread: threads would cost
 * more. Each worker pays about half a second of its own (loading the code, building the
 * season plan, compiling the hot loops again in its own engine), so two workers overtake
 * one only from about 260 dermatology seasons (9.4 million application-trials: 1.15 s
 * against 1.55 s at 100 seasons, 2.0 against 2.1 at 300, 6.0 against 4.0 at 1,000).
 */
const SMALL_JOB = 10_000_000;

/**
 * Trials per block: small enough for a smooth progress bar, a fair share per thread and a
 * quick answer to Ctrl-C (about two million applications per block, under half a second),
 * large enough that handing blocks out costs little.
 */
export function blockSize(count: number, workers: number, applications: number): number {
  const byWork = Math.floor(2_000_000 / Math.max(1, applications));
  return Math.max(1, Math.min(250, byWork, Math.ceil(count / (workers * 8))));
}

/** The worker count `simulate` uses when none is given, from trials × applications per trial. */
export function defaultWorkers(applications: number, runs: number, machineThreads: number): number {
  return runs * Math.max(1, applications) < SMALL_JOB ? 1 : machineThreads;
}

function aborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new DOMException("aborted", "AbortError");
}

/** How a job of blocks of consecutive trials is run: in this thread, or on a pool of workers. */
interface BlockJob<D> {
  readonly first: number;
  readonly count: number;
  readonly blockSize: number;
  readonly workers: number;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** Runs trials in this thread and adds them to the total. */
  readonly inline: (first: number, count: number) => void;
  /** Starts the pool, whose blocks' results `merge` adds to the total. */
  readonly pool: () => Promise<BlockPool<D>>;
  readonly merge: (data: D) => void;
}

/**
 * Runs trials first … first+count-1 in blocks of consecutive trial numbers, in this thread
 * or on worker threads, adding each block's whole-number counts to a total as it arrives:
 * the same total for any number of workers, any block size and any order of arrival.
 */
async function runInBlocks<D>(job: BlockJob<D>): Promise<void> {
  const { first, count, blockSize: size, signal } = job;
  let done = 0;
  const progress = (n: number) => {
    done += n;
    job.onProgress?.(done, count);
  };
  if (job.workers === 1) {
    for (let start = first; start < first + count; start += size) {
      aborted(signal);
      const n = Math.min(size, first + count - start);
      job.inline(start, n);
      progress(n);
      // Let an interrupt or a progress redraw in between blocks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return;
  }
  aborted(signal); // an interrupt that came while loading
  const pool = await job.pool();
  // An interrupt that came while the pool library loaded.
  if (signal?.aborted) {
    await pool.close();
    aborted(signal);
  }
  // An abort ends the pool at once: its threads stop and every pending block is rejected.
  const stop = () => void pool.close();
  signal?.addEventListener("abort", stop, { once: true });
  try {
    const blocks: Promise<void>[] = [];
    for (let start = first; start < first + count; start += size) {
      const n = Math.min(size, first + count - start);
      blocks.push(
        pool.run({ first: start, count: n }).then(
          (data) => {
            job.merge(data);
            progress(n);
          },
          (err: unknown) => {
            if (signal?.aborted) throw err;
            const why = err instanceof Error ? err.message : String(err);
            throw new Error(`a worker thread failed on trials ${start}–${start + n - 1}: ${why}`, { cause: err });
          },
        ),
      );
    }
    // Wait for every block even after a failure, so that no worker answers a closed pool.
    const settled = await Promise.allSettled(blocks);
    aborted(signal);
    const failed = settled.find((x): x is PromiseRejectedResult => x.status === "rejected");
    if (failed) throw failed.reason;
  } finally {
    signal?.removeEventListener("abort", stop);
    await pool.close();
  }
}

/**
 * A job of trials over `applications` application-trials each: how many workers (the
 * options' or the default for its size), in blocks of what size, run in this thread by
 * `inline` or on a pool started by `pool`, each block's counts added by `merge`.
 */
async function runJob<D>(
  options: SimulateOptions,
  applications: number,
  parts: { inline: (first: number, count: number, range: { seed: number; proposer: Proposer }) => void; pool: (workers: number) => Promise<BlockPool<D>>; merge: (data: D) => void },
): Promise<void> {
  const first = options.first ?? 0;
  const count = options.count ?? options.runs - first;
  const { machineThreads } = await import("./workers.js");
  const workers = Math.max(1, options.workers ?? defaultWorkers(applications, count, machineThreads()));
  await runInBlocks({
    first,
    count,
    blockSize: blockSize(count, workers, applications),
    workers,
    signal: options.signal,
    onProgress: options.onProgress,
    inline: (start, n) => parts.inline(start, n, { seed: options.seed, proposer: options.proposer }),
    pool: () => parts.pool(workers),
    merge: parts.merge,
  });
}

/**
 * Runs trials of a scenario, in blocks of consecutive trial indices, on `workers` threads,
 * and adds up their counts. The counts are whole numbers, so the result is the same for
 * any number of workers, any block size and any order in which blocks finish.
 */
export async function simulate(s: IndexedScenario, options: SimulateOptions): Promise<Accumulator> {
  const plan = makeSeasonPlan(s);
  const groupBy = options.groupBy ?? "access";
  const grouping = groupingOf(s, groupBy);
  const total = accumulatorFor(plan, grouping);
  // One workspace for every block: memory stays flat however many runs there are.
  let ws: ReturnType<typeof newWorkspace> | undefined;
  let tally: Tally | undefined;
  const { startPool } = await import("./workers.js");
  // Worker threads add into shared counts, one set each, added up once at the end.
  let shared: SharedCounts[] = [];
  await runJob(options, plan.totalApps, {
    inline: (first, count, r) => runTrialRange(total, (tally ??= newTally(plan, grouping)), (ws ??= newWorkspace(plan)), { ...r, first, count }),
    pool: (workers) => {
      shared = Array.from({ length: workers }, () => sharedCountsLike(total));
      const claim = new Int32Array(new SharedArrayBuffer(4));
      return startPool({ kind: "run", scenario: s, seed: options.seed, proposer: options.proposer, groupBy, shared: { claim, counts: shared } }, workers);
    },
    merge: (done) => void (total.trials += done.trials),
  });
  for (const counts of shared) mergeInto(total, accumulatorOver(counts));
  return total;
}

export interface CompareOptions extends SimulateOptions {
  /** The applicant whose knowers' calls are counted (for "whose word about me matters"). */
  readonly watch?: string | undefined;
}

/**
 * Runs the same trials of a base scenario and of each variant, pairing every applicant's
 * outcome in a variant with theirs in the base, season by season. A comparison costs one
 * run of the base and one of each variant.
 */
export async function compareSeasons(base: IndexedScenario, variants: readonly IndexedScenario[], options: CompareOptions): Promise<{ acc: CompareAccumulator; alignment: CompareAlignment }> {
  const alignment = alignScenarios(base, variants, options.watch);
  const total = newCompareAccumulator(base, variants, alignment);
  let ws: CompareWorkspaces | undefined;
  const { startPool } = await import("./workers.js");
  await runJob(options, makeSeasonPlan(base).totalApps * (1 + variants.length), {
    inline: (first, count, r) => runCompareRange(total, (ws ??= compareWorkspaces(base, variants)), alignment, { ...r, first, count }),
    pool: (workers) => startPool({ kind: "compare", base, variants, watch: options.watch, seed: options.seed, proposer: options.proposer }, workers),
    merge: (data) => mergeCompare(total, compareFromData(data)),
  });
  return { acc: total, alignment };
}

/**
 * Runs the same trials at every point of a sweep, each paired with the baseline point
 * season by season (see sweep-seasons.ts). Costs one run per point, less the season
 * without calls at all but one point when it is shared.
 */
export async function sweepSeasons(setup: SweepSetup, options: SimulateOptions): Promise<SweepAccumulator> {
  const total = newSweepAccumulator(setup);
  let w: SweepWorkspaces | undefined;
  const { startPool } = await import("./workers.js");
  await runJob(options, makeSeasonPlan(setup.points[0]!).totalApps * setup.points.length, {
    inline: (first, count, r) => runSweepRange(total, (w ??= sweepWorkspaces(setup)), setup, { ...r, first, count }),
    pool: (workers) => startPool({ kind: "sweep", setup, seed: options.seed, proposer: options.proposer }, workers),
    merge: (data) => mergeSweep(total, sweepFromData(data)),
  });
  return total;
}
