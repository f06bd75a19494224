import type { Proposer } from "../match/deferred-acceptance.js";
import type { IndexedScenario } from "../scenario/index-scenario.js";
import { makeSeasonPlan } from "../season/plan.js";
import { newWorkspace } from "../season/workspace.js";
import { accumulatorFor, fromData, mergeInto, type Accumulator } from "./accumulator.js";
import { runTrialRange } from "./run-trials.js";

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
}

/** Jobs smaller than this many application-trials run in one thread: threads would cost more. */
const SMALL_JOB = 3_000_000;

/**
 * Trials per block: small enough for a smooth progress bar, a fair share per thread and a
 * quick answer to Ctrl-C (about two million applications per block, under half a second),
 * large enough that handing blocks out and sending their counts back costs little.
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

/**
 * Runs trials of a scenario, in blocks of consecutive trial indices, on `workers` threads,
 * and adds up their counts. The counts are whole numbers, so the result is the same for
 * any number of workers, any block size and any order in which blocks finish.
 */
export async function simulate(s: IndexedScenario, options: SimulateOptions): Promise<Accumulator> {
  const first = options.first ?? 0;
  const count = options.count ?? options.runs - first;
  const plan = makeSeasonPlan(s);
  const { machineThreads } = await import("./workers.js");
  const workers = Math.max(1, options.workers ?? defaultWorkers(plan.totalApps, count, machineThreads()));
  const size = blockSize(count, workers, plan.totalApps);
  const total = accumulatorFor(plan);
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, count);
  };

  if (workers === 1) {
    // One workspace for every block: memory stays flat however many runs there are.
    const ws = newWorkspace(plan);
    for (let start = first; start < first + count; start += size) {
      aborted(options.signal);
      const n = Math.min(size, first + count - start);
      runTrialRange(total, ws, { seed: options.seed, first: start, count: n, proposer: options.proposer });
      progress(n);
      // Let an interrupt or a progress redraw in between blocks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return total;
  }

  aborted(options.signal); // an interrupt that came while loading
  const { startPool } = await import("./workers.js");
  const pool = startPool({ scenario: s, seed: options.seed, proposer: options.proposer }, workers);
  // An abort ends the pool at once: its threads stop and every pending block is rejected.
  const stop = () => void pool.close();
  options.signal?.addEventListener("abort", stop, { once: true });
  try {
    const blocks: Promise<void>[] = [];
    for (let start = first; start < first + count; start += size) {
      const n = Math.min(size, first + count - start);
      // Each block is added as it arrives; addition of whole numbers does not depend on order.
      blocks.push(
        pool.run({ first: start, count: n }).then(
          (data) => {
            mergeInto(total, fromData(data));
            progress(n);
          },
          (err: unknown) => {
            if (options.signal?.aborted) throw err;
            const why = err instanceof Error ? err.message : String(err);
            throw new Error(`a worker thread failed on trials ${start}–${start + n - 1}: ${why}`, { cause: err });
          },
        ),
      );
    }
    // Wait for every block even after a failure, so that no worker answers a closed pool.
    const settled = await Promise.allSettled(blocks);
    aborted(options.signal);
    const failed = settled.find((x): x is PromiseRejectedResult => x.status === "rejected");
    if (failed) throw failed.reason;
    return total;
  } finally {
    options.signal?.removeEventListener("abort", stop);
    await pool.close();
  }
}
