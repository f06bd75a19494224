import { UsageError } from "../errors.js";
import type { CompareResults } from "../results/compare-results.js";
import { csrRow } from "../scenario/csr.js";
import type { IndexedScenario } from "../scenario/index-scenario.js";
import { silenceKnower } from "./compare.js";
import { compareResultsOf, knowerResultsOf, type VariantSpec } from "./compare-results-of.js";
import { compareSeasons, type ReportedJob } from "./simulate.js";

export interface RunCompareOptions extends ReportedJob {
  /** The base's fingerprint and the settings it was read with, for the provenance. */
  readonly fingerprint: string;
  readonly settings?: readonly string[] | undefined;
}

const metaOf = (base: IndexedScenario, o: RunCompareOptions) => ({
  scenario: o.label,
  seed: o.seed,
  proposer: o.proposer,
  focus: o.focus,
  fingerprint: o.fingerprint,
  settings: o.settings ?? [],
  model: base.model,
});

/** Runs variants against their base on the same seasons and gives the paired results. */
export async function runCompare(base: IndexedScenario, variants: readonly { spec: VariantSpec; indexed: IndexedScenario }[], o: RunCompareOptions): Promise<CompareResults> {
  const { acc, alignment } = await compareSeasons(base, variants.map((v) => v.indexed), o);
  if (o.signal?.aborted) throw o.signal.reason;
  return compareResultsOf(acc, alignment, variants.map((v) => v.indexed), variants.map((v) => v.spec), metaOf(base, o));
}

/**
 * Whose word about the focus applicant matters: the base against itself with each knower
 * of the applicant silent in turn, on the same seasons, and what each knower said.
 */
export async function runKnowers(base: IndexedScenario, o: RunCompareOptions & { readonly focus: string }): Promise<CompareResults> {
  const a = base.applicantIds.indexOf(o.focus);
  if (a < 0) throw new UsageError(`focus: no applicant "${o.focus}"`);
  const knowers = Array.from(csrRow(base.applicant.knowers, a));
  if (knowers.length === 0) throw new UsageError(`nobody knows ${o.focus}: there is no word about them to weigh`);
  const silenced = knowers.map((k) => silenceKnower(base, a, k));
  const { acc, alignment } = await compareSeasons(base, silenced, { ...o, watch: o.focus });
  if (o.signal?.aborted) throw o.signal.reason;
  // Silence is not a setting a file can hold: each what-if carries the base's fingerprint.
  const specs = knowers.map((k) => ({ name: `${base.referrerLabels[k]} silent`, settings: [], fingerprint: o.fingerprint }));
  const results = compareResultsOf(acc, alignment, silenced, specs, metaOf(base, o));
  return { ...results, knowers: knowerResultsOf(acc, alignment, base, results) };
}
