import fc from "fast-check";
import type { ScenarioInput } from "../../src/scenario/schema.js";
import { VERDICTS } from "../../src/scenario/schema.js";

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const subset = <T>(xs: T[]) => fc.subarray(xs, { minLength: 0, maxLength: xs.length });

/**
 * Small but complete scenarios: every entity kind, optional fields present or not, fixed
 * lists on either side, ties, fixed opinions, and model parameters anywhere in range.
 */
export const scenarioArb: fc.Arbitrary<ScenarioInput> = fc
  .record({ nP: fc.integer({ min: 1, max: 4 }), nA: fc.integer({ min: 1, max: 8 }), nW: fc.integer({ min: 0, max: 3 }) })
  .chain(({ nP, nA, nW }) => {
    const programIds = Array.from({ length: nP }, (_, i) => `P${i}`);
    const applicantIds = Array.from({ length: nA }, (_, i) => `a${i}`);
    const directorIds = programIds.map((p) => `pd-${p}`);
    const writerIds = Array.from({ length: nW }, (_, i) => `w${i}`);
    const referrerIds = [...directorIds, ...writerIds];
    const program = (id: string, i: number) =>
      fc.record(
        {
          id: fc.constant(id),
          positions: fc.integer({ min: 0, max: 3 }),
          specialty: fc.constantFrom("derm", "ortho"),
          region: fc.constantFrom("north", "south"),
          prestige: unit,
          director: fc.constant(directorIds[i]!),
          rankList: fc.shuffledSubarray(applicantIds),
          backchannelUse: fc.double({ min: 0, max: 2, noNaN: true }),
          interviewSlots: fc.integer({ min: 0, max: 10 }),
        },
        { requiredKeys: ["id", "positions"] },
      );
    const applicant = (id: string) =>
      fc.record(
        {
          id: fc.constant(id),
          paper: unit,
          quality: unit,
          region: fc.constantFrom("north", "south"),
          flags: fc.constantFrom<string[]>([], ["late"]),
          home: fc.constantFrom(...programIds),
          aways: subset(programIds),
          letters: subset(writerIds),
          knownBy: subset(referrerIds),
          preferences: fc.shuffledSubarray(programIds),
          rankList: fc.shuffledSubarray(programIds),
          toldNumberOne: subset(programIds),
          advocates: subset(referrerIds).chain((rs) =>
            fc.tuple(
              ...rs.map((referrer) =>
                fc.record({ referrer: fc.constant(referrer), pushed: fc.boolean(), programs: subset(programIds) }, { requiredKeys: ["referrer"] }),
              ),
            ),
          ),
          maxInterviews: fc.integer({ min: 0, max: 4 }),
          auditionGap: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
        },
        { requiredKeys: ["id"] },
      );
    const pairs = referrerIds.flatMap((a, i) => referrerIds.slice(i + 1).map((b) => [a, b] as [string, string]));
    return fc.record({
      programs: fc.tuple(...programIds.map(program)),
      applicants: fc.tuple(...applicantIds.map(applicant)),
      referrers: fc.tuple(...referrerIds.map((id) => fc.record({ id: fc.constant(id), clout: unit, candor: unit, institution: fc.constantFrom("U1", "U2", "U3") }))),
      relationships: subset(pairs).chain((ps) => fc.tuple(...ps.map((between) => fc.record({ between: fc.constant(between), trust: unit })))),
      opinions: subset(applicantIds.flatMap((a) => writerIds.map((w) => [w, a] as const))).chain((ps) =>
        fc.tuple(...ps.map(([referrer, applicant]) => fc.record({ referrer: fc.constant(referrer), applicant: fc.constant(applicant), verdict: fc.constantFrom(...VERDICTS) }))),
      ),
      model: fc.record({
        calls: fc.record({ enabled: fc.boolean() }),
        applications: fc.record({ perApplicant: fc.integer({ min: 0, max: 3 }) }),
        screening: fc.record({ noise: unit, band: unit, flagPenalty: unit, homeBonus: unit, awayBonus: unit }),
        advocacy: fc.record({ callProbability: unit }),
        preInterview: fc.record({ callProbability: unit }),
        rankList: fc.record({ topFraction: unit, conflictGap: unit, callProbability: fc.record({ top: unit, borderline: unit, redFlag: unit }) }),
        effects: fc.record({
          strong: fc.integer({ min: -30, max: 30 }),
          positive: fc.integer({ min: -30, max: 30 }),
          fine: fc.integer({ min: -30, max: 30 }),
          homeAwayWouldNotRank: unit,
        }),
        ripple: fc.record({ sameRegion: unit, sameSpecialty: unit, crossSpecialty: unit }),
        late: fc.record({
          riskRatio: fc.double({ min: 0, max: 5, noNaN: true }),
          dreamGap: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
          callProbability: unit,
          topCandidates: fc.integer({ min: 0, max: 4 }),
          enthusiasmShift: fc.integer({ min: -20, max: 20 }),
          insincerity: fc.record({ detectProbability: unit, shift: fc.integer({ min: -20, max: 20 }) }),
        }),
      }),
    });
  }) as fc.Arbitrary<ScenarioInput>;

/** Markets where calls before interviews change many invitations: every director calls about every borderline applicant and knows them all. */
export const busyCallsArb: fc.Arbitrary<ScenarioInput> = fc
  .record({ nP: fc.integer({ min: 2, max: 6 }), nA: fc.integer({ min: 2, max: 16 }) })
  .chain(({ nP, nA }) =>
    fc.record({
      programs: fc.tuple(
        ...Array.from({ length: nP }, (_, i) =>
          fc.record({ id: fc.constant(`P${i}`), positions: fc.integer({ min: 1, max: 3 }), director: fc.constant(`d${i}`), interviewSlots: fc.integer({ min: 1, max: 5 }) }),
        ),
      ),
      applicants: fc.tuple(
        ...Array.from({ length: nA }, (_, i) =>
          fc.record({
            id: fc.constant(`a${i}`),
            paper: fc.double({ min: 0, max: 1, noNaN: true }),
            quality: fc.double({ min: 0, max: 1, noNaN: true }),
            maxInterviews: fc.integer({ min: 1, max: 4 }),
            letters: fc.constant(Array.from({ length: nP }, (_, p) => `d${p}`)),
          }),
        ),
      ),
      // The directors are colleagues (one institution), so each reaches the others, never themself.
      referrers: fc.constant(Array.from({ length: nP }, (_, p) => ({ id: `d${p}`, candor: 1, institution: "U" }))),
      model: fc.constant({ preInterview: { callProbability: 1 }, screening: { noise: 0.1, band: 0.4 }, opinions: { noise: 0.3 } }),
    }),
  );
