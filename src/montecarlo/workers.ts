import { availableParallelism } from "node:os";
import type { BlockTask, PoolData, RunBlockDone } from "./worker.js";
import type { CompareData } from "./compare.js";
import type { SweepData } from "./sweep-seasons.js";

// The only file that knows about worker threads and the pool library.

/** The compiled worker module; tests import sources, so point them at the build. */
function workerFile(): string {
  const here = new URL("./worker.js", import.meta.url);
  if (import.meta.url.endsWith(".ts")) return new URL("../../dist/montecarlo/worker.js", import.meta.url).href;
  return here.href;
}

export const machineThreads = (): number => availableParallelism();

export interface BlockPool<R> {
  run(task: BlockTask): Promise<R>;
  close(): Promise<void>;
}

/**
 * A pool of `threads` worker threads for one job. The pool library loads here, on first
 * use: a run on one thread, the default for small jobs, never needs it (its import was
 * about 16 ms of every run's start).
 */
export async function startPool(data: Extract<PoolData, { kind: "run" }>, threads: number): Promise<BlockPool<RunBlockDone>>;
export async function startPool(data: Extract<PoolData, { kind: "compare" }>, threads: number): Promise<BlockPool<CompareData>>;
export async function startPool(data: Extract<PoolData, { kind: "sweep" }>, threads: number): Promise<BlockPool<SweepData>>;
export async function startPool(data: PoolData, threads: number): Promise<BlockPool<RunBlockDone | CompareData | SweepData>> {
  const { Piscina } = await import("piscina");
  const pool = new Piscina({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    workerData: data,
  });
  return {
    run: (task) => pool.run(task) as Promise<RunBlockDone | CompareData | SweepData>,
    close: () => pool.destroy(),
  };
}
