import { describe, expect, it } from "vitest";
import { bestContact, bestContactOf, newContact, newContactCache, reachesAnyone } from "../../../src/season/reach.js";
import { presetNamed, presetScenario } from "../../../src/generate/presets.js";
import { scenarioOf } from "../../helpers/season.js";

// Directors reach knowers through a tie or at their own institution, never themselves;
// some reach no one who knows an applicant. Two knowers of equal influence test the first-wins rule.
const s = scenarioOf({
  programs: [
    { id: "P", positions: 1, director: "dP" },
    { id: "Q", positions: 1, director: "dQ" },
    { id: "R", positions: 1 },
    { id: "S", positions: 1, director: "dS" },
  ],
  referrers: [
    { id: "dP", institution: "north" },
    { id: "dQ" },
    { id: "dS" },
    { id: "w1", clout: 0.5 },
    { id: "w2", institution: "north", clout: 0.7 },
    { id: "w3", clout: 0.9 },
    { id: "w4", clout: 0.9 },
  ],
  relationships: [
    { between: ["dP", "w1"], trust: 0.9 },
    { between: ["dQ", "w3"], trust: 0.5 },
    { between: ["dQ", "w4"], trust: 0.5 },
  ],
  applicants: [
    { id: "a", letters: ["w1", "w2"] },
    { id: "b", letters: ["w3", "w4"] },
    { id: "c", knownBy: ["w4"], home: "Q" },
    { id: "d" },
    { id: "e", letters: ["w3"], home: "S" },
  ],
});

describe("reach", () => {
  it("finds each program's best contact about each applicant, the same whether worked out or remembered", () => {
    const cache = newContactCache(s);
    const expected = newContact();
    const got = newContact();
    let reached = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (let q = 0; q < s.program.count; q++) {
        for (let a = 0; a < s.applicant.count; a++) {
          const found = bestContact(s, s.program.director[q]!, a, expected);
          expect(bestContactOf(s, cache, q, a, got)).toBe(found);
          if (found) {
            expect(got).toEqual(expected);
            reached++;
          } else expect(got.knower).toBe(-1);
        }
      }
    }
    // Each pass: P reaches a (w2 at its institution, 0.7 > w1's 0.45); Q reaches b, c and e
    // through its ties. S does not reach e, though it is e's home program: a director is
    // never their own knower.
    expect(reached).toBe(2 * 4);
  });

  it("says whether anyone is reached as bestContact does, with the bits worked out beforehand or without them", () => {
    const caches = [newContactCache(s), { reach: undefined, rowWords: 0 }];
    const contact = newContact();
    for (const cache of caches) {
      for (let q = 0; q < s.program.count; q++) {
        for (let a = 0; a < s.applicant.count; a++) {
          expect(reachesAnyone(s, cache, q, a)).toBe(bestContact(s, s.program.director[q]!, a, contact));
        }
      }
    }
  });

  it("works out the same bits as bestContact on generated markets with ties, colleagues and silent directors", () => {
    for (const preset of [{ preset: "dermatology", seed: 3, scale: 0.2 }, { preset: "emergency-medicine", seed: 5, scale: 0.05 }] as const) {
      const input = presetScenario(presetNamed(preset.preset)!, preset.scale, preset.seed);
      // Two programs that use no backchannel: their directors take no call and make none.
      for (const p of input.programs!.slice(0, 2)) p.backchannelUse = 0;
      const market = scenarioOf(input);
      const cache = newContactCache(market);
      const contact = newContact();
      let reached = 0;
      for (let q = 0; q < market.program.count; q++) {
        for (let a = 0; a < market.applicant.count; a++) {
          const found = bestContact(market, market.program.director[q]!, a, contact);
          reached += +found;
          if (reachesAnyone(market, cache, q, a) !== found) expect.fail(`${preset.preset}: program ${q}, applicant ${a}`);
        }
      }
      expect(reached).toBeGreaterThan(0);
    }
  });

  it("prefers the first knower when two have the same influence", () => {
    const contact = newContact();
    expect(bestContactOf(s, newContactCache(s), s.programIds.indexOf("Q"), s.applicantIds.indexOf("b"), contact)).toBe(true);
    expect(s.referrerIds[contact.knower]).toBe("w3");
    expect(contact.influence).toBeCloseTo(0.45);
  });
});
