import { csrRow } from "../../src/scenario/csr.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idKey } from "../../src/rng/id-keys.js";
import { normal, rowKey, rowNormal, trialStreams } from "../../src/rng/streams.js";
import type { ScenarioInput } from "../../src/scenario/schema.js";
import { chooseApplications } from "../../src/season/applications.js";
import { makeSeasonPlan } from "../../src/season/plan.js";
import { screen } from "../../src/season/screening.js";
import { newWorkspace, sortPairsDescending } from "../../src/season/workspace.js";
import { scenarioOf } from "../helpers/season.js";

// Applications and screening keep the best few against a window around the last trial's
// cutoff. These properties check the choice against a plain sort of the same scores, over
// many trials on one workspace, so that windows that hit and windows that miss are both met.

/** Indices of the `take` largest values, ties in index order (what DESIGN.md's "best" means here). */
function best(values: readonly number[], take: number): number[] {
  return values
    .map((v, i) => [v, i] as const)
    .sort((x, y) => y[0] - x[0] || x[1] - y[1])
    .slice(0, take)
    .map(([, i]) => i)
    .sort((x, y) => x - y);
}

// Coarse values make ties common when the noise is 0.
const coarse = fc.constantFrom(0, 0.25, 0.5, 0.75, 1);

const marketArb: fc.Arbitrary<ScenarioInput> = fc
  .record({
    nP: fc.integer({ min: 2, max: 9 }),
    nA: fc.integer({ min: 1, max: 14 }),
    perApplicant: fc.integer({ min: 1, max: 8 }),
    preferenceNoise: fc.constantFrom(0, 0.02, 0.3),
    screeningNoise: fc.constantFrom(0, 0.03, 0.2),
    band: fc.constantFrom(0, 0.05, 0.2),
  })
  .chain(({ nP, nA, perApplicant, preferenceNoise, screeningNoise, band }) =>
    fc.record({
      programs: fc.tuple(
        ...Array.from({ length: nP }, (_, i) =>
          fc.record({ id: fc.constant(`P${i}`), positions: fc.integer({ min: 0, max: 2 }), prestige: coarse, interviewSlots: fc.integer({ min: 0, max: 6 }) }),
        ),
      ),
      // Some applicants carry a red flag, a home program or away rotations: screening adds
      // and takes away for each. Some give their order of preference (no noise, no choice
      // but the home and aways they must apply to).
      applicants: fc.tuple(
        ...Array.from({ length: nA }, (_, i) =>
          fc.record(
            {
              id: fc.constant(`a${i}`),
              paper: coarse,
              flags: fc.constantFrom<string[][]>([], ["x"]),
              home: fc.constantFrom(...Array.from({ length: nP }, (_, q) => `P${q}`)),
              aways: fc.subarray(Array.from({ length: nP }, (_, q) => `P${q}`), { maxLength: 2 }),
              preferences: fc.shuffledSubarray(Array.from({ length: nP }, (_, q) => `P${q}`), { minLength: 1 }),
            },
            { requiredKeys: ["id", "paper"] },
          ),
        ),
      ),
      model: fc.constant({
        applications: { perApplicant },
        ranking: { preferenceNoise },
        screening: { noise: screeningNoise, band, flagPenalty: 0.25, homeBonus: 0.25, awayBonus: 0.5 },
      }),
    }),
  );

describe("choosing the best few", () => {
  it("applications are each applicant's perApplicant best candidates, trial after trial", () => {
    fc.assert(
      fc.property(marketArb, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const plan = makeSeasonPlan(scenarioOf(input));
        const ws = newWorkspace(plan);
        const noise = plan.s.model.ranking.preferenceNoise;
        for (let t = 0; t < 12; t++) {
          const streams = trialStreams(seed, t);
          chooseApplications(ws, streams);
          for (let a = 0; a < plan.s.applicant.count; a++) {
            const c0 = plan.candidates.offsets[a]!;
            const n = plan.candidates.offsets[a + 1]! - c0;
            // Draws are addressed by the ids' keys: the applicant's, then each program's. A
            // given order has no noise: its candidates are in that order, appeal 0, -1, -2, …
            const given = plan.s.applicant.hasPreferences[a] === 1;
            const row = rowKey(streams.preferences, idKey("applicant", plan.s.applicantIds[a]!));
            const scores = Array.from({ length: n }, (_, k) =>
              given ? -k : plan.baseAppeal[c0 + k]! + noise * rowNormal(row, idKey("program", plan.s.programIds[plan.candidates.items[c0 + k]!]!)),
            );
            const take = plan.appOff[a + 1]! - plan.appOff[a]!;
            // Home and aways are always applied to; the rest of the places go to the best of the others.
            const mustPrograms = new Set([plan.s.applicant.home[a]!, ...csrRow(plan.s.applicant.aways, a)]);
            const must = scores.map((_, k) => k).filter((k) => mustPrograms.has(plan.candidates.items[c0 + k]!));
            const others = scores.map((_, k) => k).filter((k) => !must.includes(k));
            const chosen = [];
            for (let e = plan.appOff[a]!; e < plan.appOff[a + 1]!; e++) chosen.push([ws.appProgram[e]!, ws.appPref[e]!]);
            if (must.length > take) {
              // More places it must apply to than applications: all go to those.
              for (const [q] of chosen) expect(mustPrograms.has(q!)).toBe(true);
              continue;
            }
            const picked = take >= n ? others.concat(must) : [...must, ...best(others.map((k) => scores[k]!), take - must.length).map((j) => others[j]!)];
            const expected = picked.map((k) => [plan.candidates.items[c0 + k]!, scores[k]!]);
            expect(chosen.sort((x, y) => x[0]! - y[0]!)).toEqual(expected.sort((x, y) => x[0]! - y[0]!));
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it("screening invites each program's interviewSlots best and marks those within band of the cutoff", () => {
    fc.assert(
      fc.property(marketArb, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const plan = makeSeasonPlan(scenarioOf(input));
        const ws = newWorkspace(plan);
        const { noise, band, flagPenalty, homeBonus, awayBonus } = plan.s.model.screening;
        const { paper, flagCount, home, aways } = plan.s.applicant;
        for (let t = 0; t < 12; t++) {
          const streams = trialStreams(seed, t);
          chooseApplications(ws, streams);
          screen(ws, streams);
          for (let q = 0; q < plan.s.program.count; q++) {
            // The program's applications in applicant order, with their screening scores.
            const entries: number[] = [];
            for (let k = 0; k < plan.totalApps; k++) if (ws.appProgram[k] === q) entries.push(k);
            // DESIGN.md's screening score, written out again: paper, less the flag penalty,
            // plus the program's home and away bonuses, plus noise.
            const scores = entries.map((k) => {
              const a = plan.entryApplicant[k]!;
              const away = Array.from(aways.items.subarray(aways.offsets[a]!, aways.offsets[a + 1]!)).includes(q);
              const adjust = (flagCount[a]! > 0 ? -flagPenalty : 0) + (home[a] === q ? homeBonus : 0) + (away ? awayBonus : 0);
              const keys = [idKey("applicant", plan.s.applicantIds[a]!), idKey("program", plan.s.programIds[q]!)] as const;
              return paper[a]! + adjust + noise * normal(streams.screening, keys[0], keys[1]);
            });
            const slots = plan.s.program.interviewSlots[q]!;
            const invited = entries.filter((k) => ws.baseInvited[k] === 1);
            const borderline = entries.filter((k) => ws.borderline[k] === 1);
            // The room left for the program's rank list: its invitations, which calls trade but never add to.
            expect(ws.listRoom[q]).toBe(invited.length);
            if (entries.length <= slots) {
              expect(invited).toEqual(entries);
              expect(borderline).toEqual([]);
              continue;
            }
            expect(invited).toEqual(best(scores, slots).map((j) => entries[j]!));
            if (slots === 0) continue;
            const cutoff = [...scores].sort((x, y) => y - x)[slots - 1]!;
            expect(borderline).toEqual(entries.filter((_, j) => Math.abs(scores[j]! - cutoff) <= band));
            expect(Array.from(ws.borderlineEntries.subarray(0, ws.borderlineCount)).filter((k) => ws.appProgram[k] === q)).toEqual(borderline);
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it("ordering pairs gives keys descending, ties by index ascending", () => {
    // Keys from a few values make ties common.
    const key = fc.oneof(fc.constantFrom(-1, 0, 0.5, 0.5000000000000001, 2), fc.double({ min: -3, max: 3, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer({ min: 0, max: 60 })), { maxLength: 90 }), (pairs) => {
        const expected = [...pairs].sort((x, y) => y[0] - x[0] || x[1] - y[1]);
        const idx = Int32Array.from(pairs, ([, i]) => i);
        const keys = Float64Array.from(pairs, ([k]) => k);
        sortPairsDescending(idx, keys, pairs.length);
        expect(Array.from(idx)).toEqual(expected.map(([, i]) => i));
        expect(Array.from(keys)).toEqual(expected.map(([k]) => k));
      }),
      { numRuns: 400 },
    );
  });
});
