import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { BlockTask, PoolData, RunBlockDone } from "./worker.js";
import type { AccumulatorData } from "./accumulator.js";
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

export interface BlockPool<R = AccumulatorData> {
  run(task: BlockTask): Promise<R>;
  close(): Promise<void>;
}

export function startPool(data: Extract<PoolData, { kind: "run" }>, threads: number): BlockPool<RunBlockDone>;
export function startPool(data: Extract<PoolData, { kind: "compare" }>, threads: number): BlockPool<CompareData>;
export function startPool(data: Extract<PoolData, { kind: "sweep" }>, threads: number): BlockPool<SweepData>;
export function startPool(data: PoolData, threads: number): BlockPool<RunBlockDone | CompareData | SweepData> {
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
