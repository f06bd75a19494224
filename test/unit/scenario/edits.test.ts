import { describe, expect, it } from "vitest";
import { withSettings } from "../../../src/scenario/edits.js";
import { loadScenarioText } from "../../../src/scenario/load.js";
import { librarySetting, parseSetting } from "../../../src/scenario/overrides.js";

const base = () =>
  loadScenarioText(
    [
      "programs:",
      "  - {id: P1, positions: 1, director: pd1}",
      "  - {id: P7, positions: 1, director: pd7}",
      "applicants:",
      "  - {id: me, paper: 0.6, aways: [P1]}",
      "  - {id: you}",
      "referrers:",
      "  - {id: pd1}",
      "  - {id: pd7}",
      "  - {id: dr.x, clout: 0.9}",
      "relationships:",
      "  - {between: [pd1, dr.x], trust: 0.5}",
      "opinions:",
      "  - {referrer: dr.x, applicant: me, verdict: fine}",
      "",
    ].join("\n"),
    "s.yaml",
  );
const set = (...texts: string[]) => withSettings(base(), texts.map((t) => parseSetting(t)));

describe("settings on the fields of a scenario", () => {
  it("set a field of an entity by id, an id with dots included", () => {
    expect(set("referrers.dr.x.clout=0.5").scenario.referrers[2]!.clout).toBe(0.5);
    expect(set("applicants.me.paper=0.9").scenario.applicants[0]!.paper).toBe(0.9);
    expect(set("programs.P7.positions=3").indexed.program.positions[1]).toBe(3);
  });

  it("take lists as YAML flow values, and append with +=", () => {
    expect(set("applicants.me.aways=[P7, P1]").scenario.applicants[0]!.aways).toEqual(["P7", "P1"]);
    expect(set("applicants.me.aways+=P7").scenario.applicants[0]!.aways).toEqual(["P1", "P7"]);
    const advocated = set("applicants.me.advocates+={referrer: dr.x, pushed: true}");
    expect(advocated.scenario.applicants[0]!.advocates).toEqual([{ referrer: "dr.x", pushed: true }]);
    expect(advocated.indexed.applicant.advocates.items.length).toBe(1);
  });

  it("set, add and remove ties, and a trust of 0 keeps the tie but takes away its weight", () => {
    expect(set("relationships.dr.x~pd1.trust=0").scenario.relationships).toEqual([{ between: ["pd1", "dr.x"], trust: 0 }]);
    expect(set("relationships.pd7~dr.x.trust=0.8").scenario.relationships).toHaveLength(2);
    expect(set("relationships.pd1~dr.x=null").scenario.relationships).toEqual([]);
  });

  it("fix, change and remove opinions, and add or remove whole entities", () => {
    expect(set("opinions.dr.x~me=strong").scenario.opinions).toEqual([{ referrer: "dr.x", applicant: "me", verdict: "strong" }]);
    expect(set("opinions.dr.x~you=cautious").scenario.opinions).toHaveLength(2);
    expect(set("opinions.dr.x~me=null").scenario.opinions).toEqual([]);
    expect(set("applicants+={id: new, paper: 0.7}").scenario.applicants.map((a) => a.id)).toEqual(["me", "you", "new"]);
    expect(set("applicants.you=null").scenario.applicants.map((a) => a.id)).toEqual(["me"]);
  });

  it("leave the base as it was", () => {
    const b = base();
    withSettings(b, [parseSetting("applicants.me.aways+=P7"), parseSetting("referrers.dr.x.clout=0.1")]);
    expect(b.scenario.applicants[0]!.aways).toEqual(["P1"]);
    expect(b.scenario.referrers[2]!.clout).toBe(0.9);
  });

  it("name the setting a problem comes from, with the nearest id or field", () => {
    expect(() => set("applicants.Me.aways=[P7]")).toThrow('--set applicants.Me.aways=[P7]: no applicant "Me" (did you mean "me"?)');
    expect(() => set("applicants.me.awys=[P7]")).toThrow('--set applicants.me.awys=[P7]: applicant "me" has no field "awys" (did you mean "aways"?)');
    expect(() => set("applicants.me.aways=[P77]")).toThrow('--set applicants.me.aways=[P77]: applicants.me.aways[0]: unknown program "P77" (did you mean "P7"?)');
    expect(() => set("referrers.dr.x.clout=2")).toThrow("--set referrers.dr.x.clout=2: referrers[2].clout: expected a number from 0 to 1, got 2");
    expect(() => set("opinions.dr.x~me=be cautious")).toThrow(/--set opinions\.dr\.x~me=be cautious: opinions\.dr\.x~me\.verdict: expected one of .*\(did you mean "cautious"\?\)/);
    expect(() => set("aplicants.me.paper=1")).toThrow(/unknown setting "aplicants\.me\.paper".*\(did you mean "applicants"\?\)/);
    expect(() => set("ripple.sameRgion=1")).toThrow('unknown parameter "ripple.sameRgion" (did you mean "ripple.sameRegion"?)');
  });

  it("in the library, name the option a setting came in", () => {
    const b = base();
    expect(() => withSettings(b, [librarySetting("set", "applicants.me.aways", ["P77"])])).toThrow(/^set\["applicants\.me\.aways"\]: applicants\.me\.aways\[0\]: unknown program "P77"/);
    expect(withSettings(b, [librarySetting("set", "applicants.me.aways+", "P7")]).scenario.applicants[0]!.aways).toEqual(["P1", "P7"]);
  });

  it("tell a model parameter from a list of the scenario that shares its name", () => {
    expect(set("opinions.noise=0.3").scenario.model.opinions.noise).toBe(0.3);
    expect(set("opinions.thresholds.strong=0.9").scenario.model.opinions.thresholds.strong).toBe(0.9);
    expect(set("opinions.pd1~you=positive").scenario.opinions).toHaveLength(2);
  });
});
