import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applicantProposing, deferredAcceptance, programProposing } from "../../../src/match/deferred-acceptance.js";
import { blockingPairs, validityProblems } from "../../../src/match/stability.js";
import { deferredAcceptanceRounds } from "../../../src/match/deferred-acceptance-rounds.js";
import { allStableMatchings, buildMarket, byProgram, type NamedMarket } from "../../helpers/market.js";

interface Expected {
  matches: Record<string, string[]>;
  unmatched: string[] | null;
  unfilled: Record<string, number> | null;
}
interface Example extends NamedMarket {
  id: string;
  applicantProposing: Expected | null;
  programProposing: Expected | null;
  stableMatchingCount: number | null;
  blockingChecks: { matching: Record<string, string[]>; blockingPairs: [string, string][] }[];
}

const examples: Example[] = JSON.parse(
  readFileSync(new URL("../../fixtures/worked-examples.json", import.meta.url), "utf8"),
).examples;

function checkOutcome(example: Example, expected: Expected, proposer: "applicant" | "program") {
  const built = buildMarket(example);
  const programOf = deferredAcceptance(built.market, proposer);
  const got = byProgram(built, programOf);
  for (const [program, members] of Object.entries(expected.matches)) {
    expect(got[program], `${program}`).toEqual([...members].sort());
  }
  if (expected.unmatched) {
    const unmatched = built.applicantNames.filter((_, a) => programOf[a] === -1).sort();
    expect(unmatched).toEqual([...expected.unmatched].sort());
  }
  if (expected.unfilled) {
    for (const [program, open] of Object.entries(expected.unfilled)) {
      expect(example.programs[program]!.positions - got[program]!.length).toBe(open);
    }
  }
  expect(blockingPairs(built.market, programOf)).toEqual([]);
}

describe("worked examples", () => {
  it("has all 18 published instances", () => expect(examples).toHaveLength(18));
  for (const example of examples) {
    describe(example.id, () => {
      if (example.applicantProposing) {
        it("applicant-proposing gives the published match", () =>
          checkOutcome(example, example.applicantProposing!, "applicant"));
      }
      if (example.programProposing) {
        it("program-proposing gives the published match", () =>
          checkOutcome(example, example.programProposing!, "program"));
      }
      if (example.stableMatchingCount !== null) {
        it(`has ${example.stableMatchingCount} stable matching(s) by enumeration`, () => {
          expect(allStableMatchings(buildMarket(example).market)).toHaveLength(example.stableMatchingCount!);
        });
      }
      for (const check of example.blockingChecks) {
        it("finds the published blocking pairs of a given matching", () => {
          const built = buildMarket(example);
          const programOf = new Int32Array(built.applicantNames.length).fill(-1);
          for (const [p, members] of Object.entries(check.matching)) {
            for (const a of members) programOf[built.applicantNames.indexOf(a)] = built.programNames.indexOf(p);
          }
          const pairs = blockingPairs(built.market, programOf).map((b) => [
            built.applicantNames[b.applicant],
            built.programNames[b.program],
          ]);
          expect(pairs.sort()).toEqual([...check.blockingPairs].sort());
        });
      }
    });
  }
});

describe("NRMP rules on hand-made cases", () => {
  it("never matches a one-sided pair", () => {
    const built = buildMarket({ applicants: { a: ["X"] }, programs: { X: { positions: 1, ranks: [] } } });
    expect(Array.from(applicantProposing(built.market))).toEqual([-1]);
    expect(Array.from(programProposing(built.market))).toEqual([-1]);
  });

  it("accepts empty lists, programs with no positions and applicants nobody ranks", () => {
    const built = buildMarket({
      applicants: { a: [], b: ["Z", "Y"], c: ["Y"] },
      programs: { Y: { positions: 1, ranks: ["b"] }, Z: { positions: 0, ranks: ["b", "c"] } },
    });
    for (const proposer of ["applicant", "program"] as const) {
      expect(byProgram(built, deferredAcceptance(built.market, proposer))).toEqual({ Y: ["b"], Z: [] });
    }
  });

  it("releases the lowest-ranked held applicant when a program is over capacity", () => {
    const built = buildMarket({
      applicants: { a: ["P"], b: ["P"], c: ["P"], d: ["P"] },
      programs: { P: { positions: 3, ranks: ["d", "c", "b", "a"] } },
    });
    expect(byProgram(built, applicantProposing(built.market))).toEqual({ P: ["b", "c", "d"] });
  });

  it("handles a market with nobody in it", () => {
    const built = buildMarket({ applicants: {}, programs: {} });
    expect(applicantProposing(built.market)).toHaveLength(0);
    expect(programProposing(built.market)).toHaveLength(0);
  });
});

describe("validity check", () => {
  it("flags over-capacity programs and unacceptable pairs", () => {
    const built = buildMarket({
      applicants: { a: ["P"], b: ["P"], c: [] },
      programs: { P: { positions: 1, ranks: ["a", "b", "c"] } },
    });
    const problems = validityProblems(built.market, Int32Array.from([0, 0, 0]));
    expect(problems.overCapacity).toEqual([0]);
    expect(problems.unacceptable).toEqual([2]);
  });
});

describe("deferred acceptance told in rounds", () => {
  it("reproduces the NRMP example's published rounds", () => {
    const example = examples.find((e) => e.id === "nrmp-classic-8x4")!;
    const built = buildMarket(example);
    const { rounds, programOf } = deferredAcceptanceRounds(built.market, "applicant");
    expect(Array.from(programOf)).toEqual(Array.from(applicantProposing(built.market)));
    const name = ([a, p]: [number, number]) => `${built.applicantNames[a]}→${built.programNames[p]}`;
    expect(rounds).toHaveLength(2);
    expect(rounds[0]!.proposals.map(name).sort()).toEqual(
      ["Anderson→City", "Brown→City", "Chen→City", "Davis→City", "Eastman→City", "Ford→City", "Garcia→City", "Hassan→State"].sort(),
    );
    expect(rounds[0]!.unranked.map(name)).toEqual(["Davis→Mercy"]);
    expect(rounds[0]!.held.map(name).sort()).toEqual(["Eastman→City", "Garcia→City", "Hassan→State"]);
    expect(rounds[0]!.rejected.map(name).sort()).toEqual(["Anderson→City", "Brown→City", "Chen→City", "Davis→City", "Ford→City"]);
    expect(rounds[1]!.proposals.map(name).sort()).toEqual(["Chen→Mercy", "Davis→General", "Ford→State"]);
    expect(rounds[1]!.unranked.map(name).sort()).toEqual(["Brown→Mercy", "Ford→General", "Ford→Mercy"]);
    expect(rounds[1]!.rejected).toEqual([]);
  });
});
