import { describe, expect, it } from "vitest";
import { fixedListMarket } from "../../../src/match/fixed-lists.js";
import { loadScenarioText } from "../../../src/scenario/load.js";
import { csrRow } from "../../../src/scenario/csr.js";

const listsOf = (yaml: string): number[][] => {
  const loaded = loadScenarioText(yaml, "s.yaml");
  const m = fixedListMarket(loaded.scenario, loaded.resolved);
  return Array.from({ length: m.applicants }, (_, a) => Array.from(csrRow(m.applicantLists, a)));
};

const programs = "programs: [{id: X, positions: 1}, {id: Y, positions: 1}, {id: Z, positions: 1}]\n";

describe("the market of the lists written in the file", () => {
  it("takes an applicant's rankList, else their preferences; an empty rankList ranks nobody", () => {
    expect(
      listsOf(
        programs +
          "applicants:\n" +
          "  - {id: a, rankList: [Z, X]}\n" +
          "  - {id: b, preferences: [Y]}\n" +
          "  - {id: c, rankList: [Y], preferences: [X, Z]}\n" +
          "  - {id: d, rankList: [], preferences: [X]}\n" +
          "  - {id: e}\n",
      ),
    ).toEqual([[2, 0], [1], [1], [], []]);
  });

  it("reads the same when every applicant writes the same field", () => {
    expect(listsOf(programs + "applicants: [{id: a, rankList: [Y, Z]}, {id: b, rankList: []}]\n")).toEqual([[1, 2], []]);
    expect(listsOf(programs + "applicants: [{id: a, preferences: [Z]}, {id: b}]\n")).toEqual([[2], []]);
  });
});
