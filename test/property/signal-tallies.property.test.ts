import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { useSignalList } from "../../src/montecarlo/accumulator.js";
import { simulateInline } from "../../src/montecarlo/run-trials.js";
import type { ScenarioInput } from "../../src/scenario/schema.js";
import { busyCallsArb, scenarioArb } from "../helpers/scenario-arbitrary.js";
import { scenarioOf } from "../helpers/season.js";

/**
 * Markets where the signal tallies can read the signalled entries alone: everyone applies
 * to all their candidates, and signals come from the file (some applicants), or from the
 * model with everyone's in the file, or not at all. Calls busy enough to trade invitations.
 */
const fixedEntriesArb: fc.Arbitrary<ScenarioInput> = fc
  .tuple(fc.oneof(scenarioArb, busyCallsArb), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 2 }), fc.boolean())
  .map(([input, signalsOf, modelSignals, everyoneListed]) => {
    const programIds = input.programs!.map((p) => p.id);
    const applicants = input.applicants!.map((a, i) => {
      const { rankList: _r, preferences: _p, ...rest } = a as Record<string, unknown>;
      const listed = everyoneListed || signalsOf[i % signalsOf.length];
      // Signals of the file: a program or two by the applicant's place, a gold one now and then.
      return listed
        ? { ...rest, signals: [programIds[i % programIds.length]!], ...(i % 3 === 0 ? { goldSignals: [programIds[(i + 1) % programIds.length]!].filter((p) => p !== programIds[i % programIds.length]) } : {}) }
        : rest;
    });
    // The busy markets' screening and opinions (noise and band that make calls trade) stay.
    const model = input.model as Record<string, unknown>;
    return {
      ...input,
      applicants,
      model: {
        ...model,
        calls: { enabled: true },
        applications: { perApplicant: 0 },
        preInterview: { callProbability: 1 },
        signals: { perApplicant: everyoneListed ? modelSignals : 0, screeningBonus: 0.3 },
      },
    } as ScenarioInput;
  });

describe("signal tallies", () => {
  afterEach(() => useSignalList(true));

  it("read over the listed signalled entries, count the same as over every application", () => {
    fc.assert(
      fc.property(fixedEntriesArb, fc.integer({ min: 1, max: 1000 }), (input, seed) => {
        const s = scenarioOf(input);
        useSignalList(false);
        const everyEntry = simulateInline(s, seed, 6, "applicant");
        useSignalList(true);
        const listed = simulateInline(s, seed, 6, "applicant");
        expect(Array.from(listed.global)).toEqual(Array.from(everyEntry.global));
        expect(Array.from(listed.program)).toEqual(Array.from(everyEntry.program));
      }),
      { numRuns: 150 },
    );
  });
});
