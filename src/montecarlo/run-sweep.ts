import { UsageError } from "../errors.js";
import type { LoadedScenario } from "../scenario/load.js";
import { withSettings } from "../scenario/edits.js";
import { resultsContext, resultsOf } from "./results-of.js";
import { simulate, type ReportedJob } from "./simulate.js";
import { axisSetting, gridPoints, sweepPoint, type SweepAxis } from "./sweep.js";
import type { SweepResults } from "../results/sweep-results.js";

export interface SweepOptions extends ReportedJob {
  readonly axes: readonly SweepAxis[];
}

/** Every value of every axis is checked before any season runs; errors name the axis. */
export function checkAxes(loaded: LoadedScenario, axes: readonly SweepAxis[]): void {
  const seen = new Set<string>();
  for (const axis of axes) {
    if (seen.has(axis.path)) throw new UsageError(`${axis.origin}: this parameter is given twice`);
    seen.add(axis.path);
    for (const value of axis.values) withSettings(loaded, [axisSetting(axis, value)]);
  }
}

/**
 * Runs every point of the grid. Every point uses the same seed and trial numbers, so its
 * seasons see the same random draws as every other point's: differences between points
 * are paired, the effect of the parameters alone.
 */
export async function runSweep(loaded: LoadedScenario, o: SweepOptions): Promise<SweepResults> {
  checkAxes(loaded, o.axes);
  const points = gridPoints(o.axes);
  const total = points.length * o.runs;
  const results: SweepResults = {
    scenario: o.label,
    runs: o.runs,
    seed: o.seed,
    proposer: o.proposer,
    axes: o.axes.map((a) => ({ path: a.path, values: [...a.values] })),
    points: [],
  };
  for (let i = 0; i < points.length; i++) {
    const settings = points[i]!;
    const at = withSettings(loaded, settings);
    const acc = await simulate(at.indexed, {
      seed: o.seed,
      runs: o.runs,
      proposer: o.proposer,
      workers: o.workers,
      signal: o.signal,
      onProgress: (done) => o.onProgress?.(i * o.runs + done, total),
    });
    const r = resultsOf(acc, resultsContext(at.indexed), { scenario: o.label, seed: o.seed, proposer: o.proposer });
    results.points.push(sweepPoint(settings, r, o.focus));
  }
  return results;
}
