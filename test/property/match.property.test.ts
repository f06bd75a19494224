import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applicantProposing, deferredAcceptance, programProposing } from "../../src/match/deferred-acceptance.js";
import { newMatchScratch } from "../../src/match/match-scratch.js";
import { blockingPairs, validityProblems } from "../../src/match/stability.js";
import { deferredAcceptanceRounds } from "../../src/match/deferred-acceptance-rounds.js";
import type { Market } from "../../src/match/market.js";
import { marketArb, mutualMarketArb } from "../helpers/arbitraries.js";
import { allStableMatchings, listsOf, roundsDeferredAcceptance } from "../helpers/market.js";

const rank = (list: number[], x: number) => (x < 0 ? Infinity : list.indexOf(x));

describe("deferred acceptance on random markets", () => {
  for (const [name, propose] of [["applicant", applicantProposing], ["program", programProposing]] as const) {
    it(`${name}-proposing: stable, within capacity, mutually acceptable`, () => {
      fc.assert(
        fc.property(fc.oneof(marketArb(12, 6), mutualMarketArb(12, 6)), (m) => {
          const programOf = propose(m);
          expect(blockingPairs(m, programOf)).toEqual([]);
          const problems = validityProblems(m, programOf);
          expect(problems.overCapacity).toEqual([]);
          expect(problems.unacceptable).toEqual([]);
        }),
      );
    });
  }

  it("applicant-proposing gives every applicant their best partner over all stable matchings", () => {
    fc.assert(
      fc.property(fc.oneof(marketArb(6, 4, 2), mutualMarketArb(6, 4, 2)), (m) => {
        const lists = listsOf(m);
        const stable = allStableMatchings(m);
        const got = Array.from(applicantProposing(m));
        expect(stable).toContainEqual(got);
        for (const other of stable) {
          for (let a = 0; a < m.applicants; a++) {
            expect(rank(lists.a[a]!, got[a]!)).toBeLessThanOrEqual(rank(lists.a[a]!, other[a]!));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("program-proposing gives every program its best set: each program's worst is no worse than in any stable matching", () => {
    fc.assert(
      fc.property(fc.oneof(marketArb(6, 4, 2), mutualMarketArb(6, 4, 2)), (m) => {
        const lists = listsOf(m);
        const stable = allStableMatchings(m);
        const got = Array.from(programProposing(m));
        expect(stable).toContainEqual(got);
        // With responsive preferences the program-optimal matching is the applicant-pessimal one.
        for (const other of stable) {
          for (let a = 0; a < m.applicants; a++) {
            expect(rank(lists.a[a]!, got[a]!)).toBeGreaterThanOrEqual(rank(lists.a[a]!, other[a]!));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("the logged rounds reach the same matching, both proposers", () => {
    fc.assert(
      fc.property(fc.oneof(marketArb(15, 6), mutualMarketArb(15, 6)), fc.constantFrom("applicant", "program"), (m, proposer) => {
        const fast = proposer === "applicant" ? applicantProposing(m) : programProposing(m);
        expect(Array.from(deferredAcceptanceRounds(m, proposer).programOf)).toEqual(Array.from(fast));
      }),
    );
  });

  it("agrees with an independent round-by-round implementation on larger markets", () => {
    fc.assert(
      fc.property(mutualMarketArb(60, 15, 5), (m) => {
        expect(Array.from(applicantProposing(m))).toEqual(roundsDeferredAcceptance(m));
      }),
      { numRuns: 100 },
    );
  });

  it("reusing one scratch over markets of different sizes changes no match", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(marketArb(15, 6), mutualMarketArb(30, 8)), { minLength: 2, maxLength: 6 }), (markets) => {
        const reuse = newMatchScratch();
        for (const m of markets) {
          for (const proposer of ["applicant", "program"] as const) {
            const fresh = Array.from(deferredAcceptance(m, proposer));
            const reused = deferredAcceptance(m, proposer, reuse);
            expect(reused).toHaveLength(m.applicants);
            expect(Array.from(reused)).toEqual(fresh);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("the stability check on any matching", () => {
  // The definition, pair by pair: a ranks p above their match (or is unmatched), p ranks a,
  // and p has an open position or ranks a above someone it holds.
  const byDefinition = (m: Market, programOf: Int32Array) => {
    const lists = listsOf(m);
    const pairs: { applicant: number; program: number }[] = [];
    for (let a = 0; a < m.applicants; a++) {
      for (const p of lists.a[a]!) {
        if (p === programOf[a]) break;
        const r = lists.p[p]!.indexOf(a);
        if (r < 0 || m.capacity[p]! <= 0) continue;
        const held = lists.p[p]!.map((b, i) => (programOf[b] === p ? i : -1)).filter((i) => i >= 0);
        if (held.length < m.capacity[p]! || r < Math.max(...held)) pairs.push({ applicant: a, program: p });
      }
    }
    return pairs.sort((x, y) => x.applicant - y.applicant || x.program - y.program);
  };
  const matchingArb = (m: Market) =>
    fc.array(fc.integer({ min: -1, max: m.programs - 1 }), { minLength: m.applicants, maxLength: m.applicants }).map((xs) => Int32Array.from(xs));

  it("finds exactly the blocking pairs of the definition, in applicant then program order", () => {
    fc.assert(
      fc.property(
        fc.oneof(marketArb(12, 6), mutualMarketArb(12, 6)).chain((m) => fc.tuple(fc.constant(m), matchingArb(m))),
        ([m, programOf]) => {
          expect(blockingPairs(m, programOf)).toEqual(byDefinition(m, programOf));
        },
      ),
      { numRuns: 300 },
    );
  });
});
