import type { Proposer } from "../match/deferred-acceptance.js";
import { accumulatorFor, newTally } from "../montecarlo/accumulator.js";
import { groupingOf } from "../montecarlo/groups.js";
import { resultsContext, resultsOf } from "../montecarlo/results-of.js";
import { runTrialRange } from "../montecarlo/run-trials.js";
import { parseCallId, traceModel } from "../report/trace-model.js";
import type { TraceModel } from "../results/trace-results.js";
import { loadScenarioText, scenarioLabel } from "../scenario/load.js";
import { parseSetting } from "../scenario/overrides.js";
import { makeSeasonPlan } from "../season/plan.js";
import { runTrial } from "../season/season.js";
import { traceTrial } from "../season/trace.js";
import { newWorkspace } from "../season/workspace.js";
import { stepsOf, type Step } from "./steps.js";

/** What the presenter page is built with: the scenario as the command line read it. */
export interface PresentInput {
  readonly text: string;
  readonly file: string;
  readonly seed: number;
  readonly runs: number;
  readonly proposer: Proposer;
  /** The command line's --set settings, as text. */
  readonly settings: readonly string[];
  readonly fingerprint: string;
}

/** Who knows whom, for the network drawing: people and programs by id, with their ties. */
export interface Network {
  readonly nodes: { id: string; label: string; kind: "director" | "referrer" | "applicant" }[];
  readonly edges: { a: string; b: string; kind: "tie" | "knows" }[];
}

export interface SeasonOutcome {
  readonly runs: number;
  readonly applicants: { id: string; label: string; pMatch: number; pMatchWithoutCalls: number }[];
}

/**
 * The simulation engine as the presenter page uses it: the same code as the command line
 * (loading, the season, trace, the Monte Carlo loop, the results), built for the browser.
 */
export function openSession(input: PresentInput) {
  const load = (extra: readonly string[]) =>
    loadScenarioText(input.text, input.file, { settings: [...input.settings, ...extra].map((x) => parseSetting(x, `--set ${x}`)) });
  const base = load([]);
  const s = base.indexed;
  const plan = makeSeasonPlan(s);
  const label = scenarioLabel(base);

  const network = (): Network => {
    const nodes: Network["nodes"] = [];
    const directors = new Set(Array.from(s.program.director).filter((d) => d >= 0).map((d) => s.referrerIds[d]!));
    s.referrerIds.forEach((id, r) => nodes.push({ id, label: s.referrerLabels[r]!, kind: directors.has(id) ? "director" : "referrer" }));
    s.applicantIds.forEach((id, a) => nodes.push({ id: `applicant:${id}`, label: s.applicantLabels[a]!, kind: "applicant" }));
    const edges: Network["edges"] = [];
    for (const r of base.scenario.relationships ?? []) edges.push({ a: String(r.between[0]), b: String(r.between[1]), kind: "tie" });
    s.applicantIds.forEach((id, a) => {
      for (let j = s.applicant.knowers.offsets[a]!; j < s.applicant.knowers.offsets[a + 1]!; j++) {
        edges.push({ a: `applicant:${id}`, b: s.referrerIds[s.applicant.knowers.items[j]!]!, kind: "knows" });
      }
    });
    return { nodes, edges };
  };

  /** Trial `trial` told as `trace --trial K --without …` tells it (the same JSON). */
  const trace = (trial: number, without: readonly string[] = []): TraceModel => {
    const calls = without.map((id) => {
      const parsed = parseCallId(id, s);
      if ("error" in parsed) throw new Error(parsed.error);
      return parsed.call;
    });
    return traceModel(traceTrial(plan, input.seed, trial, input.proposer, calls), s, label, { fingerprint: input.fingerprint, settings: [...input.settings] });
  };

  /** The first trial after `from` (up to `limit` trials on) in which the calls change someone's match. */
  const nextChanged = (from: number, limit = 1000): number | undefined => {
    const ws = newWorkspace(plan);
    for (let t = from + 1; t <= from + limit; t++) {
      const r = runTrial(ws, input.seed, t, { proposer: input.proposer });
      for (let a = 0; a < s.applicant.count; a++) if (r.withCalls.programOf[a] !== r.withoutCalls.programOf[a]) return t;
    }
    return undefined;
  };

  /**
   * `runs` seasons with the settings (path=value) over the file's: P(match) of every
   * applicant with and without calls, as `run --set … --runs N --seed S` gives them.
   */
  const simulate = (extra: readonly string[], runs: number, onProgress?: (done: number, total: number) => void): SeasonOutcome => {
    const loaded = load(extra);
    const sim = loaded.indexed;
    const simPlan = makeSeasonPlan(sim);
    const grouping = groupingOf(sim, "access");
    const acc = accumulatorFor(simPlan, grouping);
    const tally = newTally(simPlan, grouping);
    const ws = newWorkspace(simPlan);
    const block = 25;
    for (let first = 0; first < runs; first += block) {
      runTrialRange(acc, tally, ws, { seed: input.seed, first, count: Math.min(block, runs - first), proposer: input.proposer });
      onProgress?.(Math.min(runs, first + block), runs);
    }
    const r = resultsOf(acc, resultsContext(sim), { scenario: label, seed: input.seed, proposer: input.proposer });
    return { runs, applicants: r.applicants.map((a) => ({ id: a.id, label: a.name ?? a.id, pMatch: a.pMatch, pMatchWithoutCalls: a.pMatchWithoutCalls })) };
  };

  return {
    name: label,
    description: base.scenario.description ?? "",
    runs: input.runs,
    model: s.model,
    network,
    trace,
    steps: (m: TraceModel): Step[] => stepsOf(m),
    nextChanged,
    simulate,
  };
}
