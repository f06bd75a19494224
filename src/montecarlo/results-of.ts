import type { IndexedScenario } from "../scenario/index-scenario.js";
import type { ModelParams } from "../scenario/model-params.js";
import { round, wilson } from "../results/numbers.js";
import type { ApplicantResult, ProgramResult, RunResults } from "../results/run-results.js";
import type { Accumulator } from "./accumulator.js";
import { APPLICANT, GLOBAL, GROUPS, PROGRAM } from "./accumulator.js";

/** What turning counts into results needs of the scenario (kept in shard files too). */
export interface ResultsContext {
  readonly applicantIds: readonly string[];
  readonly programIds: readonly string[];
  readonly positions: readonly number[] | Int32Array;
  readonly model: ModelParams;
  /** Names given in the file, null where there is none (same order as the ids). */
  readonly applicantNames?: readonly (string | null)[] | undefined;
  readonly programNames?: readonly (string | null)[] | undefined;
}

/** Each entity's name where the file gives one other than its id, else null. */
export const namesOf = (ids: readonly string[], labels: readonly string[]): (string | null)[] =>
  ids.map((id, i) => (labels[i] === id ? null : labels[i]!));

export function resultsContext(s: IndexedScenario): ResultsContext {
  return {
    applicantIds: s.applicantIds,
    programIds: s.programIds,
    positions: s.program.positions,
    model: s.model,
    applicantNames: namesOf(s.applicantIds, s.applicantLabels),
    programNames: namesOf(s.programIds, s.programLabels),
  };
}

/** `{ name }` where there is one, for spreading into a result row. */
const named = (name: string | null | undefined): { name?: string } => (name === null || name === undefined ? {} : { name });

export function resultsOf(
  acc: Accumulator,
  s: ResultsContext,
  meta: { scenario: string; seed: number; proposer: "applicant" | "program"; settings?: readonly string[] },
): RunResults {
  const n = acc.trials;
  const g = acc.global;
  const perSeason = (x: number) => (n === 0 ? 0 : round(x / n));
  const share = (x: number, of: number) => (of === 0 ? 0 : round(x / of));
  const callsByPhase = (count: (phase: number) => number) => ({
    preInterview: perSeason(count(0)),
    rankList: perSeason(count(1)),
    advocacy: perSeason(count(2)),
    late: perSeason(count(3)),
  });
  const applicants: ApplicantResult[] = s.applicantIds.map((id, a) => {
    const row = a * APPLICANT.size;
    const matched = acc.applicant[row + APPLICANT.matchedWith]!;
    const without = acc.applicant[row + APPLICANT.matchedWithout]!;
    const width = acc.histogramWidth;
    const cells = Array.from(acc.histogram.subarray(a * width, a * width + width));
    const ranks = cells.slice(0, -1);
    let k = ranks.length;
    while (k > 1 && ranks[k - 1] === 0) k--;
    return {
      id,
      ...named(s.applicantNames?.[a]),
      pMatch: share(matched, n),
      pMatchCi: wilson(matched, n),
      pMatchWithoutCalls: share(without, n),
      delta: round(share(matched, n) - share(without, n)),
      pFirstChoice: share(acc.applicant[row + APPLICANT.firstChoice]!, n),
      pFirstChoiceWithoutCalls: share(acc.applicant[row + APPLICANT.firstChoiceWithout]!, n),
      meanMatchedRank: matched === 0 ? null : round(acc.applicant[row + APPLICANT.rankSum]! / matched),
      meanCalls: perSeason(acc.applicant[row + APPLICANT.calls]!),
      rankHistogram: [...ranks.slice(0, k), cells.at(-1)!],
    };
  });
  const programs: ProgramResult[] = s.programIds.map((id, q) => {
    const row = q * PROGRAM.size;
    const positions = s.positions[q]!;
    const filled = acc.program[row + PROGRAM.filledWith]!;
    const filled0 = acc.program[row + PROGRAM.filledWithout]!;
    return {
      id,
      ...named(s.programNames?.[q]),
      positions,
      fillRate: positions === 0 ? null : share(filled, n * positions),
      fillRateWithoutCalls: positions === 0 ? null : share(filled0, n * positions),
      meanQualityMatched: filled === 0 ? null : round(acc.program[row + PROGRAM.qualityWith]! / 1e6 / filled),
      meanQualityMatchedWithoutCalls: filled0 === 0 ? null : round(acc.program[row + PROGRAM.qualityWithout]! / 1e6 / filled0),
      callsMade: perSeason(acc.program[row + PROGRAM.calls]! + acc.program[row + PROGRAM.calls + 1]! + acc.program[row + PROGRAM.calls + 2]! + acc.program[row + PROGRAM.calls + 3]!),
      calls: callsByPhase((f) => acc.program[row + PROGRAM.calls + f]!),
      drops: perSeason(acc.program[row + PROGRAM.drops]!),
      rippleDrops: perSeason(acc.program[row + PROGRAM.rippleDrops]!),
      invitesShaped: acc.program[row + PROGRAM.invitations]! === 0 ? 0 : share(acc.program[row + PROGRAM.invitesChanged]!, acc.program[row + PROGRAM.invitations]!),
    };
  });
  const seats = n * s.applicantIds.length;
  const rate = (c: number, parameter: number) => {
    const reachable = g[GLOBAL.reachable + c]!;
    return { measured: reachable === 0 ? null : round(g[GLOBAL.callsByCategory + c]! / reachable), parameter };
  };
  return {
    scenario: meta.scenario,
    runs: n,
    seed: meta.seed,
    proposer: meta.proposer,
    ...(meta.settings && meta.settings.length > 0 ? { settings: [...meta.settings] } : {}),
    summary: {
      matchRate: { withCalls: share(g[GLOBAL.matchedWith]!, seats), withoutCalls: share(g[GLOBAL.matchedWithout]!, seats) },
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
      invitesShaped: share(g[GLOBAL.invitesGained]! + g[GLOBAL.invitesLost]!, g[GLOBAL.invitesWithout]!),
      outcomeChanged: share(g[GLOBAL.outcomeChanged]!, seats),
      blockingPairsVsUncalled: perSeason(g[GLOBAL.blockingPairsVsUncalled]!),
      groups: Object.fromEntries(
        GROUPS.map((name, i) => {
          const cell = GLOBAL.groups + 3 * i;
          const seasons = g[cell]!;
          const p = seasons === 0 ? null : round(g[cell + 1]! / seasons);
          const p0 = seasons === 0 ? null : round(g[cell + 2]! / seasons);
          return [name, { applicants: perSeason(seasons), pMatch: p, pMatchWithoutCalls: p0, difference: p === null || p0 === null ? null : round(p - p0) }];
        }),
      ) as RunResults["summary"]["groups"],
      callRates: {
        top: rate(0, s.model.rankList.callProbability.top),
        borderline: rate(1, s.model.rankList.callProbability.borderline),
        redFlag: rate(2, s.model.rankList.callProbability.redFlag),
      },
    },
    applicants,
    programs,
  };
}
