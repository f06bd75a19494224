import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applicantProposing, programProposing, proposeAsApplicants, proposeAsPrograms } from "../../src/match/deferred-acceptance.js";
import type { Market } from "../../src/match/market.js";
import { applicantRanksOfProgramEntries, programRanksOfApplicantEntries, ranksBackByEntry, type EntryLists } from "../../src/match/rank-table.js";
import { marketArb, mutualMarketArb } from "../helpers/arbitraries.js";

/**
 * A market laid out as a season lays out its lists: each row at its own place in a larger
 * buffer with room left after it (filled with junk), every pair named by a number of its
 * own, as applications are, and a program's entry for an applicant who never listed it
 * named or not (-1), as fixed lists are.
 */
interface SeasonLayout {
  readonly applicants: EntryLists & { readonly items: Int32Array };
  readonly programs: EntryLists & { readonly items: Int32Array };
  readonly names: number;
}

function layOut(m: Market, slack: number[], nameOneSided: boolean[], shuffle: number[]): SeasonLayout {
  // Names in an order unrelated to either side's rows: the pairs (a, p) in a shuffled order.
  const pairs = new Map<string, number>();
  const keys: string[] = [];
  for (let a = 0; a < m.applicants; a++) {
    for (let k = m.applicantLists.offsets[a]!; k < m.applicantLists.offsets[a + 1]!; k++) keys.push(`${a}/${m.applicantLists.items[k]!}`);
  }
  const order = keys.map((_, i) => i).sort((x, y) => (shuffle[x % shuffle.length]! - shuffle[y % shuffle.length]!) || x - y);
  order.forEach((i, name) => pairs.set(keys[i]!, name));
  let names = keys.length;
  const side = (lists: Market["applicantLists"], rows: number, nameOf: (row: number, item: number, place: number) => number) => {
    const start = new Int32Array(rows + 1);
    const end = new Int32Array(rows);
    let at = 0;
    for (let r = 0; r < rows; r++) {
      start[r] = at;
      end[r] = at + lists.offsets[r + 1]! - lists.offsets[r]!;
      at = end[r]! + (slack[r % slack.length] ?? 0);
    }
    start[rows] = at;
    // Junk past each row's end: a reader that strays past it sees wrong values.
    const items = new Int32Array(at).fill(-7);
    const entry = new Int32Array(at).fill(3);
    for (let r = 0; r < rows; r++) {
      for (let k = lists.offsets[r]!; k < lists.offsets[r + 1]!; k++) {
        const place = start[r]! + k - lists.offsets[r]!;
        items[place] = lists.items[k]!;
        entry[place] = nameOf(r, lists.items[k]!, place);
      }
    }
    return { start, end, items, entry };
  };
  const applicants = side(m.applicantLists, m.applicants, (a, p) => pairs.get(`${a}/${p}`)!);
  const programs = side(m.programLists, m.programs, (p, a, place) => {
    const name = pairs.get(`${a}/${p}`);
    if (name !== undefined) return name;
    // A program ranking someone who did not list it: a name no applicant's entry has, or none.
    return nameOneSided[place % nameOneSided.length] ? names++ : -1;
  });
  return { applicants, programs, names };
}

const layoutArb = fc.record({
  market: fc.oneof(marketArb(10, 5), mutualMarketArb(10, 5)),
  slack: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 5 }),
  nameOneSided: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
  shuffle: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 20 }),
});

describe("ranks back by the names of pairs", () => {
  it("equal the reciprocal ranks of the compact market, whatever earlier calls left in the marks", () => {
    // One marks buffer for every case, as a season keeps one: each case's stamp is new.
    const marks = new Int32Array(2 * 64);
    let stamp = 0;
    fc.assert(
      fc.property(layoutArb, ({ market: m, slack, nameOneSided, shuffle }) => {
        const { applicants, programs, names } = layOut(m, slack, nameOneSided, shuffle);
        expect(names).toBeLessThanOrEqual(64);
        const fromApplicants = ranksBackByEntry(applicants, m.applicants, programs, m.programs, marks, ++stamp, new Int32Array(applicants.items.length));
        const fromPrograms = ranksBackByEntry(programs, m.programs, applicants, m.applicants, marks, ++stamp, new Int32Array(programs.items.length));
        const compactA = programRanksOfApplicantEntries(m);
        const compactP = applicantRanksOfProgramEntries(m);
        for (let a = 0; a < m.applicants; a++) {
          const row = Array.from(fromApplicants.subarray(applicants.start[a]!, applicants.end[a]!));
          expect(row).toEqual(Array.from(compactA.subarray(m.applicantLists.offsets[a]!, m.applicantLists.offsets[a + 1]!)));
        }
        for (let p = 0; p < m.programs; p++) {
          const row = Array.from(fromPrograms.subarray(programs.start[p]!, programs.end[p]!));
          expect(row).toEqual(Array.from(compactP.subarray(m.programLists.offsets[p]!, m.programLists.offsets[p + 1]!)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("give deferred acceptance on the lists where they lie the same match as on the compact market", () => {
    fc.assert(
      fc.property(layoutArb, ({ market: m, slack, nameOneSided, shuffle }) => {
        const { applicants, programs, names } = layOut(m, slack, nameOneSided, shuffle);
        const marks = new Int32Array(2 * names);
        const rankBackA = ranksBackByEntry(applicants, m.applicants, programs, m.programs, marks, 1, new Int32Array(applicants.items.length));
        const byApplicants = proposeAsApplicants(m, { ...applicants, rankBack: rankBackA }, programs);
        expect(Array.from(byApplicants)).toEqual(Array.from(applicantProposing(m)));
        const rankBackP = ranksBackByEntry(programs, m.programs, applicants, m.applicants, marks, 2, new Int32Array(programs.items.length));
        const byPrograms = proposeAsPrograms(m, { ...programs, rankBack: rankBackP });
        expect(Array.from(byPrograms)).toEqual(Array.from(programProposing(m)));
      }),
      { numRuns: 300 },
    );
  });
});
