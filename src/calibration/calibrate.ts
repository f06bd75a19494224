import type { Preset } from "../generate/presets.js";
import { scaled } from "../generate/presets.js";
import { specialtyMarket } from "../generate/specialty-market.js";
import { resultsContext, resultsOf } from "../montecarlo/results-of.js";
import { simulate } from "../montecarlo/simulate.js";
import type { RunResults } from "../results/run-results.js";
import { loadScenarioText } from "../scenario/load.js";
import { batchMeans, type BatchEstimate } from "./batch-means.js";

/** One target of a preset: what is measured, what it must be, and whether it is. */
export interface TargetResult {
  readonly target: string;
  /** What the measured value must be, as words ("within 5 points of 54.8%"). */
  readonly wanted: string;
  readonly source: string;
  readonly measured: BatchEstimate;
  /** Null where the target is only reported. */
  readonly pass: boolean | null;
}

export interface Calibration {
  readonly preset: string;
  readonly seasons: number;
  readonly batches: number;
  readonly targets: readonly TargetResult[];
}

export interface CalibrateOptions {
  readonly batches: number;
  readonly seasonsPerBatch: number;
  readonly seed: number;
  /** Scale the preset's market (see generate --scale); 1 by default. */
  readonly scale?: number;
  readonly workers?: number;
}

const meanOf = (xs: readonly number[]) => (xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length);

/** Positions filled with calls, over all positions, in one batch. */
function fillOf(r: RunResults): number {
  let filled = 0;
  let positions = 0;
  for (const p of r.programs) {
    positions += p.positions;
    filled += (p.fillRate ?? 0) * p.positions;
  }
  return positions === 0 ? NaN : filled / positions;
}

/**
 * Runs a preset's market in batches of seasons and measures every target on each batch;
 * a measured value is the mean over batches with a t interval from their spread (batch
 * means: seasons within a batch are pooled, batches are independent). The programs of the
 * top decile by invitations shaped are chosen on the first half of the batches and measured
 * on the second, so the choice does not flatter the figure.
 */
export async function calibrate(preset: Preset, options: CalibrateOptions): Promise<Calibration> {
  const shape = scaled(preset.shape, options.scale ?? 1);
  const loaded = loadScenarioText(JSON.stringify(specialtyMarket(shape, options.seed)), `${preset.name}.json`);
  const context = resultsContext(loaded.indexed);
  const per = options.seasonsPerBatch;
  const batches: RunResults[] = [];
  for (let b = 0; b < options.batches; b++) {
    const acc = await simulate(loaded.indexed, { seed: options.seed, runs: options.batches * per, first: b * per, count: per, proposer: "applicant", workers: options.workers });
    batches.push(resultsOf(acc, context, { scenario: preset.name, seed: options.seed, proposer: "applicant" }));
  }
  const t = preset.targets;
  const each = (f: (r: RunResults) => number | null | undefined) => batchMeans(batches.map((r) => f(r) ?? NaN));
  const results: TargetResult[] = [];
  const within = (name: string, figure: { value: number; source: string }, m: BatchEstimate) =>
    results.push({ target: name, wanted: `within 5 points of ${pct(figure.value)}`, source: figure.source, measured: m, pass: Math.abs(m.estimate - figure.value) <= 0.05 });

  within("match rate", t.matchRate, each((r) => r.summary.matchRate.withCalls));
  within("fill rate", t.fillRate, each(fillOf));

  const ratio = each((r) => r.summary.signals?.ratio.withCalls?.estimate);
  const [lo, hi] = t.signalRatio.range;
  results.push({ target: "interview rate, signal / no signal", wanted: `${lo} to ${hi}`, source: t.signalRatio.source, measured: ratio, pass: ratio.estimate >= lo && ratio.estimate <= hi });

  const atSignal = each((r) => r.summary.signals?.matchesAtSignal.withCalls?.estimate);
  results.push({
    target: "matches at a signalled program",
    wanted: t.signalledMatches ? `reported (published: ${pct(t.signalledMatches.value)})` : "reported",
    source: t.signalledMatches?.source ?? "no published figure found",
    measured: atSignal,
    pass: null,
  });

  results.push({ target: "invites shaped by calls, market-wide", wanted: "reported", source: "the article gives no market-wide figure", measured: each((r) => r.summary.invitesShaped), pass: null });

  const half = Math.max(1, Math.floor(batches.length / 2));
  const chosenOn = batches.slice(0, half);
  const shares = batches[0]!.programs.map((_, q) => meanOf(chosenOn.map((r) => r.programs[q]!.invitesShaped)));
  const decile = Math.max(1, Math.round(shares.length / 10));
  const top = shares.map((x, q) => [x, q] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, decile).map(([, q]) => q);
  const topShare = batchMeans(batches.slice(half).map((r) => meanOf(top.map((q) => r.programs[q]!.invitesShaped))));
  results.push({
    target: "invites shaped by calls, top decile of programs",
    wanted: t.competitive ? "10% to 15%" : "reported",
    source: "the article: 10–15% of invitations at some dermatology programs",
    measured: topShare,
    pass: t.competitive ? topShare.estimate >= 0.1 && topShare.estimate <= 0.15 : null,
  });

  const rankList = each((r) => r.summary.calls.rankList);
  const pre = each((r) => r.summary.calls.preInterview);
  const lead = each((r) => r.summary.calls.rankList - r.summary.calls.preInterview);
  results.push({ target: "rank-list calls per season", wanted: "reported", source: "", measured: rankList, pass: null });
  results.push({ target: "pre-interview calls per season", wanted: "reported", source: "", measured: pre, pass: null });
  results.push({ target: "rank-list minus pre-interview calls", wanted: "0 or more", source: "the article: the serious backchanneling is after interviews", measured: lead, pass: lead.estimate >= 0 });

  const late = each((r) => r.summary.programsCallingLate);
  results.push({
    target: "programs placing a late call",
    wanted: t.competitive ? "5% or more" : "reported",
    source: "the article: nervous programs call in the last weeks",
    measured: late,
    pass: t.competitive ? late.estimate >= 0.05 : null,
  });

  const home = each((r) => r.summary.homeInterviews?.withCalls?.estimate);
  results.push({ target: "home applicants interviewed at home", wanted: "50% or more", source: t.home.source, measured: home, pass: home.estimate >= 0.5 });

  return { preset: preset.name, seasons: options.batches * per, batches: options.batches, targets: results };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
