import { describe, expect, it } from "vitest";
import type { SeasonEvent } from "../../../src/season/events.js";
import { allCalls, listOf, season } from "../../helpers/season.js";

type Ripple = Extract<SeasonEvent, { kind: "ripple" }>;

/**
 * Program A drops X after a cautious word at influence 1. B shares A's region, C only its
 * specialty, D neither. None of B, C, D has a director, so only ripples can drop X there.
 */
function rippleMarket(clout: number) {
  return season({
    programs: [
      { id: "A", positions: 1, specialty: "derm", region: "north", director: "pd", rankList: ["X", "Y"] },
      { id: "B", positions: 1, specialty: "ortho", region: "north", rankList: ["X", "Y"] },
      { id: "C", positions: 1, specialty: "derm", region: "south", rankList: ["X", "Y"] },
      { id: "D", positions: 1, specialty: "ortho", region: "west", rankList: ["X", "Y"] },
    ],
    applicants: [
      { id: "X", knownBy: ["writer"], preferences: ["A", "B", "C", "D"] },
      { id: "Y", preferences: ["A", "B", "C", "D"] },
    ],
    referrers: [{ id: "pd" }, { id: "writer", clout }],
    relationships: [{ between: ["pd", "writer"] }],
    opinions: [{ referrer: "writer", applicant: "X", verdict: "cautious" }],
    model: allCalls(1),
  } as never);
}

describe("ripple", () => {
  it("spreads a drop at the rates of ripple.sameRegion, sameSpecialty and crossSpecialty × clout", () => {
    for (const clout of [1, 0.5]) {
      const sn = rippleMarket(clout);
      const n = 4000;
      const drops: Record<string, number> = { B: 0, C: 0, D: 0 };
      let dropped = 0;
      for (let t = 0; t < n; t++) {
        const { events } = sn.trial(t);
        if (events.some((e) => e.kind === "rank-call" && e.to === -1)) dropped++;
        for (const e of events.filter((x): x is Ripple => x.kind === "ripple")) drops[sn.s.programIds[e.to]!]!++;
      }
      expect(dropped).toBeGreaterThan(0);
      const expected = { B: 0.6 * clout, C: 0.3 * clout, D: 0.1 * clout };
      for (const q of ["B", "C", "D"] as const) {
        const p = expected[q];
        const se = Math.sqrt((p * (1 - p)) / dropped);
        expect(Math.abs(drops[q]! / dropped - p), `${q} at clout ${clout}`).toBeLessThan(3 * se + 1e-9);
      }
    }
  });

  it("names the reason and removes the applicant from the rippled list", () => {
    const sn = rippleMarket(1);
    for (let t = 0; t < 50; t++) {
      const { result, events } = sn.trial(t);
      for (const e of events.filter((x): x is Ripple => x.kind === "ripple")) {
        const to = sn.s.programIds[e.to]!;
        expect(e.reason).toBe({ B: "sameRegion", C: "sameSpecialty", D: "crossSpecialty" }[to]);
        expect(listOf(sn, result.withCalls, to)).toEqual(["Y"]);
      }
    }
  });
});
