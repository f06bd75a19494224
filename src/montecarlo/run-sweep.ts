import { UsageError } from "../errors.js";
import type { LoadedScenario } from "../scenario/load.js";
import { withSettings } from "../scenario/edits.js";
import { fingerprintOf } from "../scenario/hash.js";
import type { SweepResults } from "../results/sweep-results.js";
import { VERSION } from "../version.js";
import { resultsContext, resultsOf } from "./results-of.js";
import type { GroupBy } from "./groups.js";
import { sweepSeasons, type ReportedJob } from "./simulate.js";
import { axisSetting, changesWorldWithoutCalls, gridPoints, sweepPoint, type SweepAxis } from "./sweep.js";
import { VS_BASELINE } from "./sweep-seasons.js";

export interface SweepOptions extends ReportedJob {
  readonly axes: readonly SweepAxis[];
  /** The point every other is compared with: its number (1 is the first) or its settings (`path=value,…`). Default the first. */
  readonly baseline?: number | string | undefined;
  /** Keep every point's full results. */
  readonly full?: boolean | undefined;
  readonly groupBy?: GroupBy | undefined;
  /** Settings fixed at every point (as written), for the provenance. */
  readonly settings?: readonly string[] | undefined;
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

/** The baseline's index among the points, from its number or its settings. */
function baselineIndex(points: readonly { path: string; value: unknown }[][], baseline: number | string | undefined): number {
  if (baseline === undefined) return 0;
  if (typeof baseline === "number") {
    if (!Number.isInteger(baseline) || baseline < 1 || baseline > points.length) throw new UsageError(`--baseline ${baseline}: the grid has points 1 to ${points.length}`);
    return baseline - 1;
  }
  const wanted = baseline.split(",").map((x) => x.trim().split("="));
  const at = points.findIndex((p) => wanted.every(([path, value]) => p.some((x) => x.path === path && String(x.value) === value)));
  if (at < 0) throw new UsageError(`--baseline ${baseline}: no point of the grid has these settings`);
  return at;
}

/**
 * Runs every point of the grid on the same seasons, trial by trial, and compares each with
 * the baseline point season by season. When no axis can change the season without calls,
 * that season is run once per trial for all points.
 */
export async function runSweep(loaded: LoadedScenario, o: SweepOptions): Promise<SweepResults> {
  checkAxes(loaded, o.axes);
  const grid = gridPoints(o.axes);
  const baseline = baselineIndex(grid, o.baseline);
  const scenarios = grid.map((settings) => withSettings(loaded, settings));
  const ids = loaded.indexed.applicantIds.join("\u0000");
  if (scenarios.some((x) => x.indexed.applicantIds.join("\u0000") !== ids)) {
    throw new UsageError("sweep: an axis changes who the applicants are; compare scenarios with different applicants with `match-sim compare`");
  }
  const shared = o.axes.every((a) => !changesWorldWithoutCalls(a.path));
  const groupBy = o.groupBy ?? "access";
  const focus = o.focus === undefined ? -1 : loaded.indexed.applicantIds.indexOf(o.focus);
  const acc = await sweepSeasons(
    { points: scenarios.map((x) => x.indexed), baseline, focus, shared, groupBy },
    { seed: o.seed, runs: o.runs, proposer: o.proposer, workers: o.workers, signal: o.signal, onProgress: o.onProgress },
  );
  if (o.signal?.aborted) throw o.signal.reason;
  const fixed = [...(o.settings ?? [])];
  const points = grid.map((settings, i) => {
    const at = scenarios[i]!;
    const context = resultsContext(at.indexed, { groupBy, fingerprint: fingerprintOf(at) });
    const r = resultsOf(acc.points[i]!, context, { scenario: o.label, seed: o.seed, proposer: o.proposer, settings: [...fixed, ...settings.map((x) => x.text)] });
    const vs = i === baseline ? null : acc.vsBaseline.subarray(i * VS_BASELINE.size, (i + 1) * VS_BASELINE.size);
    return sweepPoint(settings, r, vs, o.focus, o.full === true);
  });
  const base = resultsContext(loaded.indexed, { groupBy, fingerprint: fingerprintOf(loaded) });
  return {
    kind: "sweep",
    provenance: {
      tool: "match-sim",
      version: VERSION,
      scenario: { name: o.label, fingerprint: base.fingerprint },
      seed: o.seed,
      runs: o.runs,
      proposer: o.proposer,
      settings: fixed,
      model: base.model,
    },
    scenario: o.label,
    runs: o.runs,
    seed: o.seed,
    proposer: o.proposer,
    axes: o.axes.map((a) => ({ path: a.path, values: [...a.values] })),
    baseline,
    sharedWorldWithoutCalls: shared,
    points,
  };
}
