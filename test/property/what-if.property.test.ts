import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ScenarioInput } from "../../src/scenario/schema.js";
import { makeSeasonPlan } from "../../src/season/plan.js";
import { runTrial } from "../../src/season/season.js";
import { newWorkspace } from "../../src/season/workspace.js";
import type { IndexedScenario } from "../../src/scenario/index-scenario.js";
import { scenarioArb } from "../helpers/scenario-arbitrary.js";
import { scenarioOf } from "../helpers/season.js";

// Draws are addressed by ids, so a what-if that adds, removes or reorders entities leaves
// every other entity's season as it was: the property `compare` rests on.

/** Per trial, each applicant id's program id in the world with calls and without. */
function outcomes(s: IndexedScenario, trials: number): { withCalls: Map<string, string | null>; withoutCalls: Map<string, string | null> }[] {
  const ws = newWorkspace(makeSeasonPlan(s));
  const seasons = [];
  for (let t = 0; t < trials; t++) {
    const r = runTrial(ws, 11, t, { proposer: "applicant" });
    const read = (programOf: Int32Array) => new Map(s.applicantIds.map((id, a) => [id, programOf[a]! < 0 ? null : s.programIds[programOf[a]!]!]));
    seasons.push({ withCalls: read(r.withCalls.programOf), withoutCalls: read(r.withoutCalls.programOf) });
  }
  return seasons;
}

const restricted = (m: Map<string, string | null>, ids: readonly string[]) => ids.map((id) => [id, m.get(id)]);

const unit = fc.double({ min: 0, max: 1, noNaN: true });

describe("what-ifs on the same draws", () => {
  it("adding an applicant who is on no program's list leaves every other applicant's seasons unchanged, with calls and without", () => {
    fc.assert(
      fc.property(scenarioArb, unit, unit, fc.boolean(), (input, paper, quality, knownByAll) => {
        const base = scenarioOf(input);
        const referrers = (input.referrers ?? []).map((r) => String(r.id));
        // Someone who applies nowhere: their presence, their knowers and their advocates
        // must not move anyone else.
        const added: ScenarioInput = {
          ...input,
          applicants: [
            ...(input.applicants ?? []),
            {
              id: "newcomer",
              paper,
              quality,
              preferences: [],
              ...(knownByAll ? { knownBy: referrers, advocates: referrers.map((referrer) => ({ referrer, pushed: true })) } : {}),
            },
          ],
        };
        const variant = scenarioOf(added);
        const before = outcomes(base, 4);
        const after = outcomes(variant, 4);
        for (let t = 0; t < before.length; t++) {
          expect(restricted(after[t]!.withoutCalls, base.applicantIds)).toEqual(restricted(before[t]!.withoutCalls, base.applicantIds));
          expect(restricted(after[t]!.withCalls, base.applicantIds)).toEqual(restricted(before[t]!.withCalls, base.applicantIds));
          expect(after[t]!.withoutCalls.get("newcomer")).toBeNull();
        }
      }),
      { numRuns: 60 },
    );
  });

  it("adding an applicant in a specialty of their own, with a program of their own, leaves everyone else's no-call season unchanged", () => {
    fc.assert(
      fc.property(scenarioArb, unit, (input, paper) => {
        // Everyone else names their specialties, so no one else applies to the new program,
        // and so does every program (programs without one are open to all).
        const named: ScenarioInput = {
          ...input,
          programs: (input.programs ?? []).map((p) => ({ ...p, specialty: p.specialty ?? "derm" })),
          applicants: (input.applicants ?? []).map((a) => ({ ...a, specialties: ["derm", "ortho"] })),
        };
        const base = scenarioOf(named);
        const added: ScenarioInput = {
          ...named,
          programs: [...(named.programs ?? []), { id: "Pnew", positions: 1, specialty: "peds" }],
          applicants: [...(named.applicants ?? []), { id: "newcomer", paper, specialties: ["peds"] }],
        };
        const before = outcomes(base, 4);
        const after = outcomes(scenarioOf(added), 4);
        for (let t = 0; t < before.length; t++) {
          expect(restricted(after[t]!.withoutCalls, base.applicantIds)).toEqual(restricted(before[t]!.withoutCalls, base.applicantIds));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("the order of entities in the file changes nothing", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 1000 }), (input, turn) => {
        const rotate = <T>(xs: readonly T[] | undefined): T[] | undefined => (xs && xs.length > 0 ? [...xs.slice(turn % xs.length), ...xs.slice(0, turn % xs.length)] : xs && [...xs]);
        const reordered: ScenarioInput = {
          ...input,
          applicants: rotate(input.applicants)!,
          programs: rotate(input.programs)!,
          referrers: rotate(input.referrers),
          relationships: rotate(input.relationships),
          opinions: rotate(input.opinions),
        };
        const a = outcomes(scenarioOf(input), 3);
        const b = outcomes(scenarioOf(reordered), 3);
        const ids = (input.applicants ?? []).map((x) => String(x.id));
        for (let t = 0; t < a.length; t++) {
          expect(restricted(b[t]!.withCalls, ids)).toEqual(restricted(a[t]!.withCalls, ids));
          expect(restricted(b[t]!.withoutCalls, ids)).toEqual(restricted(a[t]!.withoutCalls, ids));
        }
      }),
      { numRuns: 60 },
    );
  });
});
