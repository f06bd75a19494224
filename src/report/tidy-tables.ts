import type { Difference, Estimate, Interval, WorldsShare, WorldsStatistic } from "../results/estimates.js";
import type { Provenance } from "../results/provenance.js";
import type { RunResults } from "../results/run-results.js";

// The results of a run as tidy tables, for CSV: one row per observation, with stable,
// documented columns (docs/outputs.md), each row carrying where it came from.

export const RUN_TABLES = ["summary", "applicants", "programs", "groups", "parameters"] as const;
export type RunTable = (typeof RUN_TABLES)[number];

/** A sweep's tables: its points, or (with every point's full results) a run's table per point. */
export const SWEEP_TABLES = ["points", "summary", "applicants", "programs", "groups"] as const;
export type SweepTable = (typeof SWEEP_TABLES)[number];

export type Cell = string | number | boolean | null;
export interface Table {
  readonly head: string[];
  readonly rows: Cell[][];
}

/** The columns every CSV row starts with: which scenario, which run, which version. */
export const PROVENANCE_COLUMNS = ["scenario", "fingerprint", "version", "seed", "runs", "proposer"] as const;
export const provenanceCells = (p: Provenance): Cell[] => [p.scenario.name, p.scenario.fingerprint, p.version, p.seed, p.runs, p.proposer];

const low = (i: Interval): number | null => i?.[0] ?? null;
const high = (i: Interval): number | null => i?.[1] ?? null;
const diffCells = (d: Difference | null): Cell[] => [d?.estimate ?? null, low(d?.interval ?? null), high(d?.interval ?? null)];

/** Summary rows: a measure, the world it is about, its estimate and interval. */
function summaryRows(r: RunResults): Cell[][] {
  const s = r.summary;
  const rows: Cell[][] = [];
  const row = (measure: string, world: string, estimate: number | null, interval: Interval = null) => rows.push([measure, world, estimate, low(interval), high(interval)]);
  const share = (measure: string, x: WorldsShare) => {
    row(measure, "withCalls", x.withCalls);
    row(measure, "withoutCalls", x.withoutCalls);
    row(measure, "difference", x.difference.estimate, x.difference.interval);
  };
  const statistic = (measure: string, x: WorldsStatistic) => {
    row(measure, "withCalls", x.withCalls?.estimate ?? null, x.withCalls?.interval ?? null);
    row(measure, "withoutCalls", x.withoutCalls?.estimate ?? null, x.withoutCalls?.interval ?? null);
    row(measure, "difference", x.difference?.estimate ?? null, x.difference?.interval ?? null);
  };
  const estimate = (measure: string, world: string, e: Estimate) => row(measure, world, e.estimate, e.interval);
  share("matchRate", s.matchRate);
  share("firstChoiceRate", s.firstChoiceRate);
  estimate("outcomeChanged", "between", s.outcomeChanged);
  estimate("blockingPairsVsUncalled", "withCalls", s.blockingPairsVsUncalled);
  for (const [name, x] of Object.entries(s.efficiency)) statistic(`efficiency.${name}`, x);
  for (const [phase, x] of Object.entries(s.calls)) row(`calls.${phase}`, "withCalls", x);
  for (const [verdict, x] of Object.entries(s.verdicts)) row(`verdicts.${verdict}`, "withCalls", x);
  for (const key of ["drops", "rippleDrops", "insincerityCaught", "relayed", "halfHearted", "invitesShaped", "programsCallingLate"] as const) row(key, "withCalls", s[key]);
  if (s.homeInterviews) statistic("homeInterviews", s.homeInterviews);
  if (s.signals) {
    statistic("signals.pInterviewSignal", s.signals.pInterviewSignal);
    statistic("signals.pInterviewNoSignal", s.signals.pInterviewNoSignal);
    statistic("signals.ratio", s.signals.ratio);
    statistic("signals.matchesAtSignal", s.signals.matchesAtSignal);
  }
  for (const [category, x] of Object.entries(s.callRates)) row(`callRates.${category}`, "withCalls", x.measured);
  row("applicantsStanding", "between", s.applicantsMoved.standing);
  return rows;
}

/** Every model parameter, one row each, by its path. */
function parameterRows(model: unknown, path = ""): Cell[][] {
  if (typeof model === "object" && model !== null) {
    return Object.entries(model).flatMap(([k, v]) => parameterRows(v, path ? `${path}.${k}` : k));
  }
  return [[path, model as Cell]];
}

/** One of a run's tables. */
export function runTable(r: RunResults, table: RunTable): Table {
  switch (table) {
    case "summary":
      return { head: ["measure", "world", "estimate", "low", "high"], rows: summaryRows(r) };
    case "parameters":
      return { head: ["parameter", "value"], rows: [...parameterRows(r.provenance.model), ...r.provenance.settings.map((x, i) => [`setting.${i + 1}`, x])] };
    case "groups":
      return {
        head: [
          "groupBy", "group", "label", "applicants",
          "pMatchWithCalls", "pMatchWithoutCalls", "pMatchChange", "pMatchChangeLow", "pMatchChangeHigh",
          "pFirstChoiceWithCalls", "pFirstChoiceWithoutCalls", "pFirstChoiceChange", "pFirstChoiceChangeLow", "pFirstChoiceChangeHigh",
          "applicantSeasons", "matchedWithCalls", "matchedWithoutCalls",
        ],
        rows: r.groups.groups.map((g) => [
          r.groups.by, g.key, g.label, g.applicants,
          g.pMatch.withCalls, g.pMatch.withoutCalls, ...diffCells(g.pMatch.difference),
          g.pFirstChoice.withCalls, g.pFirstChoice.withoutCalls, ...diffCells(g.pFirstChoice.difference),
          g.pMatch.counts.applicantSeasons, g.pMatch.counts.withCalls, g.pMatch.counts.withoutCalls,
        ]),
      };
    case "programs":
      return {
        head: [
          "program", "name", "positions",
          "fillRate", "fillRateWithoutCalls", "fillChange", "fillChangeLow", "fillChangeHigh",
          "meanQualityMatched", "meanQualityMatchedWithoutCalls", "qualityChange", "qualityChangeLow", "qualityChangeHigh",
          "callsMade", "callsPreInterview", "callsRankList", "callsAdvocacy", "callsLate", "drops", "rippleDrops", "invitesShaped",
          "seasons", "filledWithCalls", "filledWithoutCalls", "invitations", "invitationsChanged",
        ],
        rows: r.programs.map((p) => [
          p.id, p.name ?? null, p.positions,
          p.fillRate, p.fillRateWithoutCalls, ...diffCells(p.fillDifference),
          p.meanQualityMatched, p.meanQualityMatchedWithoutCalls, ...diffCells(p.qualityDifference),
          p.callsMade, p.calls.preInterview, p.calls.rankList, p.calls.advocacy, p.calls.late, p.drops, p.rippleDrops, p.invitesShaped,
          p.counts.seasons, p.counts.filledWithCalls, p.counts.filledWithoutCalls, p.counts.invitations, p.counts.invitationsChanged,
        ]),
      };
    case "applicants":
      return {
        head: [
          "applicant", "name",
          "pMatch", "pMatchLow", "pMatchHigh", "pMatchWithoutCalls", "delta", "deltaLow", "deltaHigh", "deltaP", "stands",
          "pFirstChoice", "pFirstChoiceWithoutCalls", "firstChoiceDelta", "firstChoiceDeltaLow", "firstChoiceDeltaHigh",
          "meanMatchedRank", "meanMatchedRankWithoutCalls", "rankDelta", "rankDeltaLow", "rankDeltaHigh", "meanCalls",
          "seasons", "matchedBoth", "matchedOnlyWithCalls", "matchedOnlyWithoutCalls",
        ],
        rows: r.applicants.map((a) => [
          a.id, a.name ?? null,
          a.pMatch, a.pMatchCi[0], a.pMatchCi[1], a.pMatchWithoutCalls, a.delta, low(a.deltaCi), high(a.deltaCi), a.deltaP, a.stands,
          a.pFirstChoice, a.pFirstChoiceWithoutCalls, ...diffCells(a.firstChoiceDelta),
          a.meanMatchedRank, a.meanMatchedRankWithoutCalls, ...diffCells(a.rankDelta), a.meanCalls,
          a.counts.seasons, a.counts.matchedBoth, a.counts.matchedOnlyWithCalls, a.counts.matchedOnlyWithoutCalls,
        ]),
      };
  }
}

/** A table with the provenance columns in front of every row. */
export function withProvenance(p: Provenance, t: Table): Table {
  const cells = provenanceCells(p);
  return { head: [...PROVENANCE_COLUMNS, ...t.head], rows: t.rows.map((row) => [...cells, ...row]) };
}
