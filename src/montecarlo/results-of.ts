import type { IndexedScenario } from "../scenario/index-scenario.js";
import type { ModelParams } from "../scenario/model-params.js";
import type { Difference, Estimate, WorldsShare, WorldsStatistic } from "../results/estimates.js";
import { round, wilson } from "../results/numbers.js";
import { benjaminiHochberg, mcnemarP, meanInterval, pairedProportions, type PairedDifference } from "../results/paired.js";
import type { ApplicantResult, GroupResult, ProgramResult, RunResults, Signals } from "../results/run-results.js";
import { VERSION } from "../version.js";
import { APPLICANT, GLOBAL, GROUP, histogramOf, PROGRAM, QUALITY_UNIT, SIGNAL_UNIT, STAT, type Accumulator } from "./accumulator.js";
import { EFFICIENCY, EFFICIENCY_UNIT } from "./efficiency.js";
import { groupingOf, type GroupBy, type Grouping } from "./groups.js";

/** What turning counts into results needs of the scenario (kept in shard files too). */
export interface ResultsContext {
  readonly applicantIds: readonly string[];
  readonly programIds: readonly string[];
  readonly positions: readonly number[] | Int32Array;
  readonly model: ModelParams;
  /** Names given in the file, null where there is none (same order as the ids). */
  readonly applicantNames?: readonly (string | null)[] | undefined;
  readonly programNames?: readonly (string | null)[] | undefined;
  /** The scenario's fingerprint (scenarioHash of the scenario as run). */
  readonly fingerprint: string;
  readonly groups: { readonly by: string; readonly keys: readonly string[]; readonly labels: readonly string[] };
  /** Whether anyone could send a signal (else the results have no signals). */
  readonly signalling: boolean;
}

/** Each entity's name where the file gives one other than its id, else null. */
export const namesOf = (ids: readonly string[], labels: readonly string[]): (string | null)[] =>
  ids.map((id, i) => (labels[i] === id ? null : labels[i]!));

/**
 * The context of results of scenario `s`: grouped as the counts were (by default "access"),
 * with the scenario's fingerprint (scenarioHash of the scenario as run; callers that hold
 * only the indexed scenario, as tests do, may leave it out).
 */
export function resultsContext(s: IndexedScenario, options: { groupBy?: GroupBy | undefined; fingerprint?: string | undefined } = {}): ResultsContext {
  const grouping: Grouping = groupingOf(s, options.groupBy ?? "access");
  const fingerprint = options.fingerprint ?? "unknown";
  return {
    applicantIds: s.applicantIds,
    programIds: s.programIds,
    positions: s.program.positions,
    model: s.model,
    applicantNames: namesOf(s.applicantIds, s.applicantLabels),
    programNames: namesOf(s.programIds, s.programLabels),
    fingerprint,
    groups: { by: grouping.by, keys: grouping.keys, labels: grouping.labels },
    signalling: s.applicant.explicitSignals.includes(1) || s.model.signals.perApplicant + s.model.signals.gold.perApplicant > 0,
  };
}

/** The false discovery rate at which applicants' changes are said to stand. */
export const FALSE_DISCOVERY_RATE = 0.05;

/** `{ name }` where there is one, for spreading into a result row. */
const named = (name: string | null | undefined): { name?: string } => (name === null || name === undefined ? {} : { name });

/** A paired difference scaled (a count per season into a share), rounded. */
function scaled(d: PairedDifference | null, by: number, digits: number): Difference | null {
  if (d === null) return null;
  return { estimate: round(d.estimate / by, digits), interval: d.interval === null ? null : [round(d.interval[0] / by, digits), round(d.interval[1] / by, digits)] };
}

/** A mean over n seasons from the sum and sum of squares of a per-season count, per `by`. */
function meanOf(n: number, sum: number, sumSq: number, by: number, digits: number): Estimate {
  const d = meanInterval(n, sum, sumSq);
  return scaled(d, by, digits) ?? { estimate: 0, interval: null };
}

/** A share of applicant-seasons in both worlds, with the paired interval from per-season counts. */
function worldsShare(n: number, perSeason: number, x: number, y: number, diffSq: number, digits: number): WorldsShare {
  const seats = n * perSeason;
  return {
    withCalls: seats === 0 ? 0 : round(x / seats, digits),
    withoutCalls: seats === 0 ? 0 : round(y / seats, digits),
    difference: (n === 0 || perSeason === 0 ? null : scaled(meanInterval(n, x - y, diffSq), perSeason, digits)) ?? { estimate: 0, interval: null },
    counts: { applicantSeasons: seats, withCalls: x, withoutCalls: y },
  };
}

/** A statistic kept in a STAT block, in its units, back in its own terms. */
function worldsStatistic(cells: Float64Array | number[], at: number, unit: number, digits: number): WorldsStatistic {
  const c = (k: number) => cells[at + k]!;
  const side = (n: number, sum: number, sq: number) => (n === 0 ? null : meanOf(n, sum, sq, unit, digits));
  return {
    withCalls: side(c(STAT.nX), c(STAT.sumX), c(STAT.sqX)),
    withoutCalls: side(c(STAT.nY), c(STAT.sumY), c(STAT.sqY)),
    difference: c(STAT.both) === 0 ? null : scaled(meanInterval(c(STAT.both), c(STAT.diff), c(STAT.diffSq)), unit, digits),
    seasons: { withCalls: c(STAT.nX), withoutCalls: c(STAT.nY), both: c(STAT.both) },
  };
}

/** The summary of signals from the global cells. */
function signalsOf(g: Float64Array): Signals {
  const c = (k: number) => g[k]!;
  const stat = (i: number) => worldsStatistic(g, GLOBAL.signalStats + i * STAT.size, SIGNAL_UNIT[i]!, i === 2 ? 3 : 4);
  const pooled = (x: number, of: number) => (of === 0 ? null : round(x / of));
  return {
    counts: {
      signalled: c(GLOBAL.signalApps),
      gold: c(GLOBAL.goldApps),
      unsignalled: c(GLOBAL.plainApps),
      signalledInvitedWithCalls: c(GLOBAL.signalInvitedX),
      signalledInvitedWithoutCalls: c(GLOBAL.signalInvitedY),
      goldInvitedWithCalls: c(GLOBAL.goldInvitedX),
      goldInvitedWithoutCalls: c(GLOBAL.goldInvitedY),
      unsignalledInvitedWithCalls: c(GLOBAL.plainInvitedX),
      unsignalledInvitedWithoutCalls: c(GLOBAL.plainInvitedY),
      matchesAtSignalWithCalls: c(GLOBAL.matchedAtSignalX),
      matchesAtSignalWithoutCalls: c(GLOBAL.matchedAtSignalY),
    },
    pInterviewSignal: stat(0),
    pInterviewNoSignal: stat(1),
    ratio: stat(2),
    matchesAtSignal: stat(3),
    pInterviewGold: { withCalls: pooled(c(GLOBAL.goldInvitedX), c(GLOBAL.goldApps)), withoutCalls: pooled(c(GLOBAL.goldInvitedY), c(GLOBAL.goldApps)) },
  };
}

/** A paired difference of shares from seasons' cells, rounded. */
function proportionChange(n11: number, n10: number, n01: number, n: number, digits: number): Difference {
  const d = pairedProportions(n11, n10, n01, n - n11 - n10 - n01);
  return { estimate: round(d.estimate, digits), interval: d.interval === null ? null : [round(d.interval[0], digits), round(d.interval[1], digits)] };
}

export function resultsOf(
  acc: Accumulator,
  s: ResultsContext,
  meta: { scenario: string; seed: number; proposer: "applicant" | "program"; settings?: readonly string[] },
): RunResults {
  const n = acc.trials;
  const g = acc.global;
  const nA = s.applicantIds.length;
  const perSeason = (x: number) => (n === 0 ? 0 : round(x / n));
  const share = (x: number, of: number) => (of === 0 ? 0 : round(x / of));
  const callsByPhase = (count: (phase: number) => number) => ({
    preInterview: perSeason(count(0)),
    rankList: perSeason(count(1)),
    advocacy: perSeason(count(2)),
    late: perSeason(count(3)),
  });

  const pValues: number[] = [];
  const applicants: ApplicantResult[] = s.applicantIds.map((id, a) => {
    const row = a * APPLICANT.size;
    const c = (k: number) => acc.applicant[row + k]!;
    const [m11, m10, m01] = [c(APPLICANT.match11), c(APPLICANT.match10), c(APPLICANT.match01)];
    const [f11, f10, f01] = [c(APPLICANT.first11), c(APPLICANT.first10), c(APPLICANT.first01)];
    const matched = m11 + m10;
    const without = m11 + m01;
    const cells = histogramOf(acc, a, 0);
    const cellsWithout = histogramOf(acc, a, 1);
    const ranks = cells.slice(0, -1);
    const ranksWithout = cellsWithout.slice(0, -1);
    // Both histograms run to the last rank either world reached.
    let k = ranks.length;
    while (k > 1 && ranks[k - 1] === 0 && ranksWithout[k - 1] === 0) k--;
    const change = proportionChange(m11, m10, m01, n, 4);
    const p = mcnemarP(m10, m01);
    pValues.push(p);
    const rankChange = meanInterval(c(APPLICANT.bothMatched), c(APPLICANT.rankDiffSum), c(APPLICANT.rankDiffSq));
    return {
      id,
      ...named(s.applicantNames?.[a]),
      pMatch: share(matched, n),
      pMatchCi: wilson(matched, n),
      pMatchWithoutCalls: share(without, n),
      delta: change.estimate,
      deltaCi: change.interval,
      deltaP: Number(p.toPrecision(3)),
      stands: false,
      pFirstChoice: share(f11 + f10, n),
      pFirstChoiceWithoutCalls: share(f11 + f01, n),
      firstChoiceDelta: proportionChange(f11, f10, f01, n, 4),
      meanMatchedRank: matched === 0 ? null : round(c(APPLICANT.rankSumX) / matched),
      meanMatchedRankWithoutCalls: without === 0 ? null : round(c(APPLICANT.rankSumY) / without),
      rankDelta: scaled(rankChange, 1, 4),
      meanCalls: perSeason(c(APPLICANT.calls)),
      rankHistogram: [...ranks.slice(0, k), cells.at(-1)!],
      rankHistogramWithoutCalls: [...ranksWithout.slice(0, k), cellsWithout.at(-1)!],
      counts: {
        seasons: n,
        matchedBoth: m11,
        matchedOnlyWithCalls: m10,
        matchedOnlyWithoutCalls: m01,
        firstChoiceBoth: f11,
        firstChoiceOnlyWithCalls: f10,
        firstChoiceOnlyWithoutCalls: f01,
      },
    };
  });
  const standing = benjaminiHochberg(pValues, FALSE_DISCOVERY_RATE);
  applicants.forEach((x, a) => (x.stands = standing[a]! && x.delta !== 0));

  const programs: ProgramResult[] = s.programIds.map((id, q) => {
    const row = q * PROGRAM.size;
    const c = (k: number) => acc.program[row + k]!;
    const positions = s.positions[q]!;
    const filled = c(PROGRAM.filledWith);
    const filled0 = c(PROGRAM.filledWithout);
    const quality = worldsStatistic(acc.program, row + PROGRAM.quality, QUALITY_UNIT, 4);
    return {
      id,
      ...named(s.programNames?.[q]),
      positions,
      fillRate: positions === 0 ? null : share(filled, n * positions),
      fillRateWithoutCalls: positions === 0 ? null : share(filled0, n * positions),
      fillDifference: positions === 0 || n === 0 ? null : scaled(meanInterval(n, filled - filled0, c(PROGRAM.filledDiffSq)), positions, 4),
      meanQualityMatched: quality.withCalls?.estimate ?? null,
      meanQualityMatchedWithoutCalls: quality.withoutCalls?.estimate ?? null,
      qualityDifference: quality.difference,
      callsMade: perSeason(c(PROGRAM.calls) + c(PROGRAM.calls + 1) + c(PROGRAM.calls + 2) + c(PROGRAM.calls + 3)),
      calls: callsByPhase((f) => c(PROGRAM.calls + f)),
      drops: perSeason(c(PROGRAM.drops)),
      rippleDrops: perSeason(c(PROGRAM.rippleDrops)),
      invitesShaped: c(PROGRAM.invitations) === 0 ? 0 : share(c(PROGRAM.invitesChanged), c(PROGRAM.invitations)),
      signals: !s.signalling
        ? null
        : {
            applications: c(PROGRAM.signalApps),
            pInterview: c(PROGRAM.signalApps) === 0 ? null : share(c(PROGRAM.signalInvited), c(PROGRAM.signalApps)),
            applicationsNoSignal: c(PROGRAM.plainApps),
            pInterviewNoSignal: c(PROGRAM.plainApps) === 0 ? null : share(c(PROGRAM.plainInvited), c(PROGRAM.plainApps)),
            matchesAtSignal: filled === 0 ? null : share(c(PROGRAM.matchedAtSignal), filled),
          },
      counts: {
        seasons: n,
        filledWithCalls: filled,
        filledWithoutCalls: filled0,
        seasonsWithAnyMatchedWithCalls: c(PROGRAM.quality + STAT.nX),
        seasonsWithAnyMatchedWithoutCalls: c(PROGRAM.quality + STAT.nY),
        invitations: c(PROGRAM.invitations),
        invitationsChanged: c(PROGRAM.invitesChanged),
      },
    };
  });

  const groups: GroupResult[] = s.groups.keys.map((key, i) => {
    const at = i * GROUP.size;
    const c = (k: number) => acc.group[at + k]!;
    const size = n === 0 ? 0 : Math.round(c(GROUP.seasons) / n);
    return {
      key,
      label: s.groups.labels[i]!,
      applicants: size,
      pMatch: worldsShare(n, size, c(GROUP.matchedWith), c(GROUP.matchedWithout), c(GROUP.matchedDiffSq), 6),
      pFirstChoice: worldsShare(n, size, c(GROUP.firstWith), c(GROUP.firstWithout), c(GROUP.firstDiffSq), 6),
    };
  });

  const seats = n * nA;
  const rate = (c: number, parameter: number) => {
    const reachable = g[GLOBAL.reachable + c]!;
    return { measured: reachable === 0 ? null : round(g[GLOBAL.callsByCategory + c]! / reachable), parameter };
  };
  const efficiency = Object.fromEntries(
    EFFICIENCY.map((name, i) => [name, worldsStatistic(g, GLOBAL.efficiency + i * STAT.size, EFFICIENCY_UNIT[i]!, name === "meanMatchedRank" ? 4 : 6)]),
  ) as RunResults["summary"]["efficiency"];
  const changed = g[GLOBAL.outcomeChanged]!;
  return {
    kind: "run",
    provenance: {
      tool: "match-sim",
      version: VERSION,
      scenario: { name: meta.scenario, fingerprint: s.fingerprint },
      seed: meta.seed,
      runs: n,
      proposer: meta.proposer,
      settings: [...(meta.settings ?? [])],
      model: s.model,
    },
    scenario: meta.scenario,
    runs: n,
    seed: meta.seed,
    proposer: meta.proposer,
    ...(meta.settings && meta.settings.length > 0 ? { settings: [...meta.settings] } : {}),
    summary: {
      matchRate: worldsShare(n, nA, g[GLOBAL.matchedWith]!, g[GLOBAL.matchedWithout]!, g[GLOBAL.matchedDiffSq]!, 6),
      firstChoiceRate: worldsShare(n, nA, g[GLOBAL.firstWith]!, g[GLOBAL.firstWithout]!, g[GLOBAL.firstDiffSq]!, 6),
      calls: callsByPhase((f) => g[GLOBAL.calls + f]!),
      verdicts: {
        strong: perSeason(g[GLOBAL.verdicts]!),
        positive: perSeason(g[GLOBAL.verdicts + 1]!),
        fine: perSeason(g[GLOBAL.verdicts + 2]!),
        cautious: perSeason(g[GLOBAL.verdicts + 3]!),
        wouldNotRank: perSeason(g[GLOBAL.verdicts + 4]!),
      },
      drops: perSeason(g[GLOBAL.drops]!),
      rippleDrops: perSeason(g[GLOBAL.rippleDrops]!),
      insincerityCaught: perSeason(g[GLOBAL.insincerityCaught]!),
      relayed: perSeason(g[GLOBAL.relayed]!),
      halfHearted: perSeason(g[GLOBAL.halfHearted]!),
      programsCallingLate: s.programIds.length === 0 ? 0 : round(g[GLOBAL.lateCallers]! / n / s.programIds.length, 4),
      homeInterviews: g[GLOBAL.homeInterviews + STAT.nX] === 0 ? null : worldsStatistic(g, GLOBAL.homeInterviews, 1e4, 4),
      invitesShaped: share(g[GLOBAL.invitesGained]! + g[GLOBAL.invitesLost]!, g[GLOBAL.invitesWithout]!),
      outcomeChanged: { ...meanOf(n, changed, g[GLOBAL.outcomeChangedSq]!, nA, 6), counts: { applicantSeasons: seats, changed } },
      blockingPairsVsUncalled: meanOf(n, g[GLOBAL.blockingPairsVsUncalled]!, g[GLOBAL.blockingPairsSq]!, 1, 4),
      efficiency,
      signals: !s.signalling ? null : signalsOf(g),
      applicantsMoved: { tested: nA, standing: applicants.filter((x) => x.stands).length, falseDiscoveryRate: FALSE_DISCOVERY_RATE },
      callRates: {
        top: rate(0, s.model.rankList.callProbability.top),
        borderline: rate(1, s.model.rankList.callProbability.borderline),
        redFlag: rate(2, s.model.rankList.callProbability.redFlag),
      },
    },
    groups: { by: s.groups.by, groups },
    applicants,
    programs,
  };
}
