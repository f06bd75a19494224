import type { Assignment, Market } from "./market.js";
import type { Proposer } from "./deferred-acceptance.js";
import { blockingPairs } from "./stability.js";
import type { MatchOutcome, MatchResults } from "../results/match-results.js";
import type { ModelParams } from "../scenario/model-params.js";
import { VERSION } from "../version.js";

export type { MatchOutcome } from "../results/match-results.js";

function rankIn(lists: Market["applicantLists"], row: number, who: number): number {
  for (let k = lists.offsets[row]!; k < lists.offsets[row + 1]!; k++) {
    if (lists.items[k] === who) return k - lists.offsets[row]! + 1;
  }
  return 0;
}

export function describeMatch(
  market: Market,
  programOf: Assignment,
  proposer: Proposer,
  ids: { applicants: readonly string[]; programs: readonly string[] },
): MatchOutcome {
  const matches: MatchOutcome["matches"] = [];
  const unmatchedApplicants: string[] = [];
  const load = new Int32Array(market.programs);
  for (let a = 0; a < market.applicants; a++) {
    const p = programOf[a]!;
    if (p < 0) {
      unmatchedApplicants.push(ids.applicants[a]!);
      continue;
    }
    load[p]!++;
    matches.push({
      applicant: ids.applicants[a]!,
      program: ids.programs[p]!,
      applicantRank: rankIn(market.applicantLists, a, p),
      programRank: rankIn(market.programLists, p, a),
    });
  }
  // Built by insertion in file order; a program id such as "__proto__" stays a plain key.
  const unfilled: Record<string, number> = Object.create(null) as Record<string, number>;
  for (let p = 0; p < market.programs; p++) {
    const open = market.capacity[p]! - load[p]!;
    if (open > 0) unfilled[ids.programs[p]!] = open;
  }
  const blocking = blockingPairs(market, programOf).map((b) => ({
    applicant: ids.applicants[b.applicant]!,
    program: ids.programs[b.program]!,
  }));
  return { proposer, stable: blocking.length === 0, blockingPairs: blocking, matches, unmatchedApplicants, unfilled };
}

/** A match's outcome with where it comes from, as `match --format json` prints it. */
export function matchResults(outcome: MatchOutcome, scenario: string, fingerprint: string, model: ModelParams): MatchResults {
  return {
    kind: "match",
    provenance: { tool: "match-sim", version: VERSION, scenario: { name: scenario, fingerprint }, seed: null, runs: null, proposer: outcome.proposer, settings: [], model },
    ...outcome,
  };
}
