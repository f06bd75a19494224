import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EFFICIENCY_UNIT, efficiencyOf, efficiencyPlan } from "../../../src/montecarlo/efficiency.js";
import { GROUP_BY, groupingOf, parseGroupBy } from "../../../src/montecarlo/groups.js";
import { csrRow } from "../../../src/scenario/csr.js";
import type { World } from "../../../src/season/workspace.js";
import { scenarioOf } from "../../helpers/season.js";

const market = scenarioOf({
  programs: [
    { id: "P", positions: 1, region: "east", specialty: "derm", director: "pd", prestige: 0.9 },
    { id: "Q", positions: 1, region: "west", specialty: "ortho", prestige: 0.2 },
  ],
  applicants: [
    { id: "a", region: "east", home: "P", tags: ["first-gen", "mphil"], letters: ["w"], specialties: ["derm"] },
    { id: "b", region: "west", aways: ["Q"], flags: ["late"], advocates: [{ referrer: "w" }] },
    { id: "c", tags: ["first-gen"], knownBy: ["weak"] },
  ],
  referrers: [
    { id: "pd", institution: "P" },
    { id: "w", institution: "P", clout: 0.9 },
    { id: "weak", clout: 0.1 },
  ],
});

const groupsOf = (by: (typeof GROUP_BY)[number]) => {
  const g = groupingOf(market, by);
  return Object.fromEntries(market.applicantIds.map((id, a) => [id, Array.from(csrRow(g.members, a), (k) => g.keys[k])]));
};

describe("groups of applicants", () => {
  it("puts each applicant in the groups of the attribute asked for", () => {
    expect(groupsOf("access")).toEqual({ a: ["homeOrAway", "tiedLetters"], b: ["homeOrAway", "untiedLetters"], c: ["neither", "untiedLetters"] });
    expect(groupsOf("region")).toEqual({ a: ["east"], b: ["west"], c: ["(no region)"] });
    expect(groupsOf("specialty")).toEqual({ a: ["derm"], b: ["(any specialty)"], c: ["(any specialty)"] });
    expect(groupsOf("tags")).toEqual({ a: ["first-gen", "mphil"], b: ["(untagged)"], c: ["first-gen"] });
    expect(groupsOf("home")).toEqual({ a: ["home program"], b: ["no home program"], c: ["no home program"] });
    expect(groupsOf("aways")).toEqual({ a: ["no away rotation"], b: ["away rotations"], c: ["no away rotation"] });
    expect(groupsOf("flags")).toEqual({ a: ["no red flag"], b: ["red flags"], c: ["no red flag"] });
    expect(groupsOf("advocates")).toEqual({ a: ["no advocate"], b: ["advocates"], c: ["no advocate"] });
    // a: knowers w (0.9) and the home director pd (1); b: w as advocate, Q has no director; c: weak (0.1).
    expect(groupsOf("clout")).toEqual({ a: ["0.75-1"], b: ["0.75-1"], c: ["0-0.25"] });
  });

  it("leaves out empty groups and names a mistyped attribute", () => {
    expect(groupingOf(market, "clout").keys).toEqual(["0-0.25", "0.75-1"]);
    expect(() => parseGroupBy("regoin")).toThrow(/--group-by regoin: applicants are grouped by .* \(did you mean "region"\?\)/);
  });
});

/** A world with only the match filled in, for the statistics. */
const worldOf = (programOf: number[], matchedRank: number[]) => ({ programOf: Int32Array.from(programOf), matchedRank: Int32Array.from(matchedRank) }) as unknown as World;

/** Spearman's correlation the slow way: average ranks, then Pearson. */
function naiveSpearman(x: number[], y: number[]): number {
  const ranks = (v: number[]) => v.map((a) => v.filter((b) => b < a).length + (v.filter((b) => b === a).length + 1) / 2);
  const rx = ranks(x);
  const ry = ranks(y);
  const mx = rx.reduce((s, v) => s + v, 0) / rx.length;
  const my = ry.reduce((s, v) => s + v, 0) / ry.length;
  let sxy = 0, sxx = 0, syy = 0;
  rx.forEach((v, i) => {
    sxy += (v - mx) * (ry[i]! - my);
    sxx += (v - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  });
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

describe("efficiency statistics", () => {
  it("agree with the slow way on random matches, ties in quality and prestige included", () => {
    fc.assert(
      fc.property(
        // Qualities with ties, or all different (every run one applicant long).
        fc.oneof(
          fc.array(fc.integer({ min: 0, max: 4 }).map((k) => k / 4), { minLength: 1, maxLength: 12 }),
          fc.uniqueArray(fc.integer({ min: 0, max: 1000 }).map((k) => k / 1000), { minLength: 1, maxLength: 12 }),
        ),
        fc.array(fc.integer({ min: 0, max: 3 }).map((k) => k / 3), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: -1, max: 4 }), { minLength: 12, maxLength: 12 }),
        (quality, prestige, choice) => {
          const s = scenarioOf({
            programs: prestige.map((p, i) => ({ id: `P${i}`, positions: 3, prestige: p })),
            applicants: quality.map((q, i) => ({ id: `a${i}`, quality: q })),
          });
          const programOf = quality.map((_, i) => (choice[i]! < 0 ? -1 : choice[i]! % prestige.length));
          const rank = programOf.map((q, i) => (q < 0 ? 0 : 1 + (i % 3)));
          const out = new Float64Array(4);
          efficiencyOf(efficiencyPlan(s), worldOf(programOf, rank), out);
          const matched = programOf.map((q, i) => [q, i] as const).filter(([q]) => q >= 0);
          const m = matched.length;
          const expected = naiveSpearman(matched.map(([, i]) => quality[i]!), matched.map(([q]) => prestige[q]!));
          if (m >= 3 && Number.isFinite(expected)) expect(out[0]).toBe(Math.round(expected * EFFICIENCY_UNIT[0]!));
          else expect(out[0]).toBeNaN();
          const mean = (xs: number[]) => xs.reduce((t, x) => t + x, 0) / xs.length;
          if (m > 0) expect(out[1]).toBe(Math.round(mean(matched.map(([, i]) => quality[i]!)) * EFFICIENCY_UNIT[1]!));
          const unmatched = quality.filter((_, i) => programOf[i]! < 0);
          if (unmatched.length > 0) expect(out[2]).toBe(Math.round(mean(unmatched) * EFFICIENCY_UNIT[2]!));
          else expect(out[2]).toBeNaN();
          if (m > 0) expect(out[3]).toBe(Math.round(mean(matched.map(([, i]) => rank[i]!)) * EFFICIENCY_UNIT[3]!));
        },
      ),
      { numRuns: 200 },
    );
  });
});
