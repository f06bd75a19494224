import { round } from "../results/numbers.js";
import type { ModelParams } from "../scenario/model-params.js";
import { VERSION } from "../version.js";
import { mcnemarP, pairedMean, pairedProportions } from "../results/paired.js";
import type { ApplicantComparison, CompareResults, KnowerResult, OutcomeComparison, VariantResult, WorldComparison } from "../results/compare-results.js";
import { csrRow } from "../scenario/csr.js";
import type { IndexedScenario } from "../scenario/index-scenario.js";
import { KNOWER, PAIR, type CompareAccumulator, type CompareAlignment } from "./compare.js";

/** A variant as given: its name, the settings that make it, the file it came from, its fingerprint. */
export interface VariantSpec {
  readonly name: string;
  readonly settings: readonly string[];
  readonly file?: string | undefined;
  readonly fingerprint: string;
}

/** Three significant digits: a p-value of 1e-60 is not 0. */
const significant = (x: number) => Number(x.toPrecision(3));

function proportion(cells: Float64Array, at: number, both: number, xOnly: number, yOnly: number, trials: number, added: boolean): OutcomeComparison {
  const n11 = cells[at + both]!;
  const n10 = cells[at + xOnly]!;
  const n01 = cells[at + yOnly]!;
  const variant = trials === 0 ? 0 : round((n11 + n10) / trials);
  if (added) return { variant, base: null, change: null };
  const diff = pairedProportions(n11, n10, n01, trials - n11 - n10 - n01);
  return { base: trials === 0 ? 0 : round((n11 + n01) / trials), variant, change: { ...diff, variantOnly: n10, baseOnly: n01, pValue: significant(mcnemarP(n10, n01)) } };
}

function worldComparison(cells: Float64Array, at: number, trials: number, added: boolean): WorldComparison {
  const matchedX = cells[at + PAIR.match11]! + cells[at + PAIR.match10]!;
  const matchedY = cells[at + PAIR.match11]! + cells[at + PAIR.match01]!;
  const both = cells[at + PAIR.bothMatched]!;
  return {
    pMatch: proportion(cells, at, PAIR.match11, PAIR.match10, PAIR.match01, trials, added),
    pFirstChoice: proportion(cells, at, PAIR.first11, PAIR.first10, PAIR.first01, trials, added),
    meanMatchedRank: {
      base: added || matchedY === 0 ? null : round(cells[at + PAIR.rankSumY]! / matchedY),
      variant: matchedX === 0 ? null : round(cells[at + PAIR.rankSumX]! / matchedX),
      change: added ? null : pairedMean(both, cells[at + PAIR.rankDiffSum]!, cells[at + PAIR.rankDiffSq]!),
      seasonsBothMatched: both,
    },
  };
}

/** Results of a comparison: every applicant of every variant (or only `focus`), with paired changes. */
export function compareResultsOf(
  acc: CompareAccumulator,
  alignment: CompareAlignment,
  variants: readonly IndexedScenario[],
  specs: readonly VariantSpec[],
  meta: { scenario: string; seed: number; proposer: "applicant" | "program"; focus?: string | undefined; fingerprint: string; settings: readonly string[]; model: ModelParams },
): CompareResults {
  const n = acc.trials;
  const results: VariantResult[] = variants.map((v, i) => {
    const cells = acc.variants[i]!;
    const baseOf = alignment.baseOf[i]!;
    const applicants: ApplicantComparison[] = [];
    v.applicantIds.forEach((id, a) => {
      if (meta.focus !== undefined && id !== meta.focus) return;
      const added = baseOf[a]! < 0;
      const name = v.applicantLabels[a]! === id ? undefined : v.applicantLabels[a]!;
      applicants.push({
        id,
        ...(name === undefined ? {} : { name }),
        added,
        withCalls: worldComparison(cells, (a * 2) * PAIR.size, n, added),
        withoutCalls: worldComparison(cells, (a * 2 + 1) * PAIR.size, n, added),
      });
    });
    const spec = specs[i]!;
    return { name: spec.name, settings: [...spec.settings], ...(spec.file === undefined ? {} : { file: spec.file }), fingerprint: spec.fingerprint, applicants };
  });
  return {
    kind: "compare",
    provenance: {
      tool: "match-sim",
      version: VERSION,
      scenario: { name: meta.scenario, fingerprint: meta.fingerprint },
      seed: meta.seed,
      runs: n,
      proposer: meta.proposer,
      settings: [...meta.settings],
      model: meta.model,
    },
    scenario: meta.scenario,
    runs: n,
    seed: meta.seed,
    proposer: meta.proposer,
    ...(meta.focus === undefined ? {} : { focus: meta.focus }),
    variants: results,
  };
}

/**
 * The knowers of the watched applicant: calls through each per season and what they said,
 * and (from the variants where each is silent, in knower order) what their silence changes.
 */
export function knowerResultsOf(acc: CompareAccumulator, alignment: CompareAlignment, base: IndexedScenario, silent: CompareResults): KnowerResult[] {
  const n = acc.trials;
  const perSeason = (x: number) => (n === 0 ? 0 : round(x / n));
  const knowers = Array.from(csrRow(base.applicant.knowers, alignment.watch));
  return knowers.map((k, slot) => {
    const at = slot * KNOWER.size;
    const cell = (i: number) => perSeason(acc.knowers[at + i]!);
    const id = base.referrerIds[k]!;
    const name = base.referrerLabels[k]! === id ? undefined : base.referrerLabels[k]!;
    const comparison = silent.variants[slot]!.applicants[0]!;
    return {
      id,
      ...(name === undefined ? {} : { name }),
      callsPerSeason: cell(KNOWER.calls),
      said: {
        strong: cell(KNOWER.verdicts),
        positive: cell(KNOWER.verdicts + 1),
        fine: cell(KNOWER.verdicts + 2),
        cautious: cell(KNOWER.verdicts + 3),
        wouldNotRank: cell(KNOWER.verdicts + 4),
      },
      ifSilent: comparison.withCalls.pMatch,
    };
  });
}
