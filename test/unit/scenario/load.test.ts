import { describe, expect, it } from "vitest";
import { ScenarioError } from "../../../src/errors.js";
import { loadScenarioText } from "../../../src/scenario/load.js";
import { csrRow } from "../../../src/scenario/csr.js";
import { didYouMean } from "../../../src/scenario/did-you-mean.js";
import { formatPath } from "../../../src/scenario/issue.js";

const issuesOf = (text: string, file = "s.yaml") => {
  try {
    loadScenarioText(text, file);
  } catch (err) {
    if (err instanceof ScenarioError) return err.issues.map((i) => `${i.line}:${i.col} ${formatPath(i.path)}: ${i.message}`);
    throw err;
  }
  return [];
};

describe("loading scenarios", () => {
  it("fills every default of DESIGN.md", () => {
    const { scenario, indexed } = loadScenarioText(
      "programs: [{id: P, positions: 3}]\napplicants: [{id: a}]\nreferrers: [{id: r}]\nrelationships: []\n",
      "s.yaml",
    );
    expect(scenario.applicants[0]).toMatchObject({ paper: 0.5, quality: 0.5, auditionGap: 0, flags: [], aways: [], advocates: [] });
    expect(scenario.programs[0]).toMatchObject({ prestige: 0.5, backchannelUse: 1 });
    expect(scenario.referrers[0]).toMatchObject({ clout: 1, candor: 0.8 });
    expect(scenario.model.rankList.callProbability).toEqual({ top: 0.1, borderline: 0.4, redFlag: 0.7 });
    expect(scenario.model.effects).toEqual({ strong: 20, positive: 12, fine: -5, homeAwayWouldNotRank: 1 });
    expect(scenario.model.screening).toEqual({ noise: 0.1, band: 0.05, flagPenalty: 0.1, homeBonus: 0.1, awayBonus: 0.1 });
    expect(scenario.model.ranking.flagPenalty).toBe(0.1);
    expect(scenario.model.advocacy).toEqual({ callProbability: 1 });
    expect(scenario.model.late.dreamGap).toBe(0.15);
    expect(scenario.model.ripple).toEqual({ sameRegion: 0.6, sameSpecialty: 0.3, crossSpecialty: 0.1 });
    expect(scenario.model.late.insincerity).toEqual({ detectProbability: 0.5, shift: -15 });
    expect(indexed.program.interviewSlots[0]).toBe(30); // slotsPerPosition 10 × 3 positions
    expect(indexed.applicant.maxInterviews[0]).toBe(12);
  });

  it("gives absent lists one frozen empty value, so no entity can change another's", () => {
    const { scenario } = loadScenarioText("applicants: [{id: a}, {id: b, flags: [x]}, {id: c}]\n", "s.yaml");
    const [a, b, c] = scenario.applicants;
    expect(a!.letters).toEqual([]);
    expect(Object.isFrozen(a!.letters)).toBe(true);
    expect(() => (a!.flags as string[]).push("y")).toThrow(TypeError);
    expect(c!.flags).toEqual([]);
    expect(b!.flags).toEqual(["x"]);
  });

  it("refuses empty, negative and fractional ids, each with its own message", () => {
    expect(issuesOf("applicants: [{id: ''}, {id: -1}, {id: 1.5}]\n")).toEqual([
      "1:19 applicants[0].id: expected an id, got empty text",
      "1:29 applicants[1].id: expected an id (text or a whole number), got -1",
      "1:39 applicants[2].id: expected an id (text or a whole number), got 1.5",
    ]);
  });

  it("refuses list entries that are not ids, each at its place, beside unknown ids", () => {
    expect(issuesOf("programs: [{id: P, positions: 1}]\napplicants: [{id: a, rankList: [P, '', -2, 0.5, true, Q, [P]]}]\n")).toEqual([
      '2:36 applicants[0].rankList[1]: expected an id (text or a whole number), got text ""',
      "2:40 applicants[0].rankList[2]: expected an id (text or a whole number), got -2",
      "2:44 applicants[0].rankList[3]: expected an id (text or a whole number), got 0.5",
      "2:49 applicants[0].rankList[4]: expected an id (text or a whole number), got true",
      '2:55 applicants[0].rankList[5]: unknown program "Q"',
      "2:58 applicants[0].rankList[6]: expected an id (text or a whole number), got a list",
    ]);
    expect(issuesOf("applicants: [{id: a, letters: 5}]\n")).toEqual([
      "1:31 applicants[0].letters: expected a list of ids, got 5",
    ]);
  });

  it("refuses NaN, infinities, fractions and numbers past a bound with one message each", () => {
    const text =
      "programs: [{id: P, positions: .inf, prestige: .nan, backchannelUse: -.inf}, {id: Q, positions: 1.5, prestige: -0}]\n" +
      "applicants: [{id: a, maxInterviews: 9007199254740993, auditionGap: -1.5, paper: 1.0000001}]\n";
    expect(issuesOf(text)).toEqual([
      "1:31 programs[0].positions: expected a whole number from 0 to 1,000,000, got Infinity",
      "1:47 programs[0].prestige: expected a number from 0 to 1, got NaN",
      "1:69 programs[0].backchannelUse: expected a number ≥ 0, got -Infinity",
      "1:96 programs[1].positions: expected a whole number from 0 to 1,000,000, got 1.5",
      "2:37 applicants[0].maxInterviews: expected a whole number from 0 to 1,000,000, got 9007199254740992",
      "2:68 applicants[0].auditionGap: expected a number from -1 to 1, got -1.5",
      "2:81 applicants[0].paper: expected a number from 0 to 1, got 1.0000001",
    ]);
  });

  it("points each repeated id at its first use, an id written as a number included", () => {
    expect(issuesOf("applicants: [{id: A}, {id: B}, {id: A}, {id: 7}, {id: '7'}, {id: A}]\n")).toEqual([
      '1:37 applicants[2].id: duplicate applicant id "A" (first at applicants[0])',
      '1:55 applicants[4].id: duplicate applicant id "7" (first at applicants[3])',
      '1:66 applicants[5].id: duplicate applicant id "A" (first at applicants[0])',
    ]);
  });

  it("finds repeats within each list only, ids written as numbers included, beside unknown ids", () => {
    const text =
      "programs: [{id: P, positions: 1}, {id: 10, positions: 1}]\n" +
      "applicants: [{id: a, preferences: [P, 10], rankList: [P, 10, Q, '10', P]}, {id: b, rankList: [P, 10]}]\n";
    expect(issuesOf(text)).toEqual([
      '2:62 applicants[0].rankList[2]: unknown program "Q"',
      '2:65 applicants[0].rankList[3]: "10" is listed twice (also at position 2)',
      '2:71 applicants[0].rankList[4]: "P" is listed twice (also at position 1)',
    ]);
  });

  it("keeps the defaults of a partly written model block", () => {
    const { scenario } = loadScenarioText("model: {ripple: {sameRegion: 0.9}}\n", "s.yaml");
    expect(scenario.model.ripple).toEqual({ sameRegion: 0.9, sameSpecialty: 0.3, crossSpecialty: 0.1 });
    expect(scenario.model.calls.enabled).toBe(true);
  });

  it("reads ids written as numbers as strings", () => {
    const { scenario, indexed } = loadScenarioText(
      "programs: [{id: 10, positions: 1, rankList: [7]}]\napplicants: [{id: 7, rankList: [10]}]\n",
      "s.yaml",
    );
    expect(scenario.programs[0]!.id).toBe("10");
    expect(scenario.programs[0]!.rankList).toEqual(["7"]);
    expect(scenario.applicants[0]!.rankList).toEqual(["10"]);
    expect(indexed.applicantIds).toEqual(["7"]);
    expect(Array.from(csrRow(indexed.program.rankList, 0))).toEqual([0]);
  });

  it("reads JSON and YAML to the same scenario, with or without a byte-order mark", () => {
    const yaml = loadScenarioText("programs:\n  - {id: P, positions: 2}\n", "s.yaml").scenario;
    const json = loadScenarioText('\uFEFF{"programs": [{"id": "P", "positions": 2}]}', "s.json").scenario;
    expect(json).toEqual(yaml);
  });

  it("resolves knowers: letters, knownBy, the home director and away directors, once each", () => {
    const { indexed } = loadScenarioText(
      [
        "referrers: [{id: pdA}, {id: pdB}, {id: w}]",
        "programs: [{id: A, positions: 1, director: pdA}, {id: B, positions: 1, director: pdB}]",
        "applicants: [{id: a, home: A, aways: [B], letters: [w, pdA], knownBy: [w]}]",
        "relationships: [{between: [pdA, pdB], trust: 0.5}]",
      ].join("\n"),
      "s.yaml",
    );
    const knowers = Array.from(csrRow(indexed.applicant.knowers, 0)).map((r) => indexed.referrerIds[r]);
    expect(knowers).toEqual(["w", "pdA", "pdB"]);
    expect(Array.from(indexed.applicant.knowerViaAway)).toEqual([0, 0, 1]);
    expect(Array.from(csrRow(indexed.referrer.ties, 0))).toEqual([1]);
    expect(Array.from(csrRow(indexed.referrer.ties, 1))).toEqual([0]);
    expect(Array.from(indexed.referrer.tieTrust)).toEqual([0.5, 0.5]);
  });

  it("reports unknown keys at the key with a suggestion", () => {
    expect(issuesOf("programs:\n  - id: P\n    positions: 1\n    prestgie: 0.3\n")).toEqual([
      '4:5 programs[0].prestgie: unknown key "prestgie" (did you mean "prestige"?)',
    ]);
  });

  it("points a missing key at its parent mapping", () => {
    expect(issuesOf("relationships:\n  - trust: 0.5\n")).toEqual([
      "2:5 relationships[0].between: missing: expected two referrer ids, [a, b]",
    ]);
  });

  it("refuses NaN and infinities", () => {
    expect(issuesOf("applicants: [{id: a, paper: .nan}, {id: b, quality: .inf}]\n")).toEqual([
      "1:29 applicants[0].paper: expected a number from 0 to 1, got NaN",
      "1:53 applicants[1].quality: expected a number from 0 to 1, got Infinity",
    ]);
  });

  it("refuses a duplicate tie in either order, and a duplicate opinion", () => {
    const issues = issuesOf(
      [
        "referrers: [{id: x}, {id: y}]",
        "applicants: [{id: a}]",
        "relationships: [{between: [x, y]}, {between: [y, x]}]",
        "opinions: [{referrer: x, applicant: a, verdict: fine}, {referrer: x, applicant: a, verdict: strong}]",
      ].join("\n"),
    );
    expect(issues).toEqual([
      '3:46 relationships[1].between: the tie between "y" and "x" is already given at relationships[0]',
      '4:56 opinions[1]: "x" already gives an opinion of "a" at opinions[0]',
    ]);
  });
});

describe("did you mean", () => {
  it("suggests close keys and nothing for distant ones", () => {
    expect(didYouMean("postions", ["id", "positions", "prestige"])).toBe("positions");
    expect(didYouMean("Rank_list", ["rankList", "name"])).toBe("rankList");
    expect(didYouMean("zzz", ["positions"])).toBeUndefined();
  });
});
