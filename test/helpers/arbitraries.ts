import fc from "fast-check";
import { csrFromLists } from "../../src/scenario/csr.js";
import type { Market } from "../../src/match/market.js";

/**
 * Random markets with the awkward cases NRMP allows: one-sided entries, empty lists,
 * programs with no positions, applicants nobody ranks.
 */
export function marketArb(maxApplicants: number, maxPrograms: number, maxCapacity = 3): fc.Arbitrary<Market> {
  return fc
    .record({ nA: fc.integer({ min: 0, max: maxApplicants }), nP: fc.integer({ min: 0, max: maxPrograms }) })
    .chain(({ nA, nP }) =>
      fc.record({
        capacity: fc.array(fc.integer({ min: 0, max: maxCapacity }), { minLength: nP, maxLength: nP }),
        aLists: fc.array(nP === 0 ? fc.constant<number[]>([]) : fc.uniqueArray(fc.integer({ min: 0, max: nP - 1 }), { maxLength: nP }), {
          minLength: nA,
          maxLength: nA,
        }),
        pLists: fc.array(nA === 0 ? fc.constant<number[]>([]) : fc.uniqueArray(fc.integer({ min: 0, max: nA - 1 }), { maxLength: nA }), {
          minLength: nP,
          maxLength: nP,
        }),
      }).map(({ capacity, aLists, pLists }) => ({
        applicants: nA,
        programs: nP,
        capacity: Int32Array.from(capacity),
        applicantLists: csrFromLists(aLists),
        programLists: csrFromLists(pLists),
      })),
    );
}

/** Markets where each program ranks exactly the applicants who rank it, in a random order. */
export function mutualMarketArb(maxApplicants: number, maxPrograms: number, maxCapacity = 3): fc.Arbitrary<Market> {
  return marketArb(maxApplicants, maxPrograms, maxCapacity).chain((m) => {
    const everyone = Array.from({ length: m.applicants }, (_, a) => a);
    return fc
      .array(fc.shuffledSubarray(everyone, { minLength: m.applicants, maxLength: m.applicants }), {
        minLength: m.programs,
        maxLength: m.programs,
      })
      .map((orders) => {
        const ranks = (a: number, p: number) => {
          for (let k = m.applicantLists.offsets[a]!; k < m.applicantLists.offsets[a + 1]!; k++) {
            if (m.applicantLists.items[k] === p) return true;
          }
          return false;
        };
        return { ...m, programLists: csrFromLists(orders.map((order, p) => order.filter((a) => ranks(a, p)))) };
      });
  });
}
