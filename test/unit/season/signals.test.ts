import { describe, expect, it } from "vitest";

import { checkScenarioText } from "../../../src/scenario/load.js";
import type { ScenarioInput } from "../../../src/scenario/schema.js";
import { GOLD, NO_SIGNAL, SILVER } from "../../../src/season/applications.js";
import { listOf, names, noCalls, season, type Season } from "../../helpers/season.js";

/** The tier of each of applicant `who`'s applications in the last trial run, by program id. */
function tiers(sn: Season, who: string): Record<string, number> {
  const a = sn.s.applicantIds.indexOf(who);
  const out: Record<string, number> = {};
  for (let k = sn.ws.plan.appOff[a]!; k < sn.ws.plan.appOff[a + 1]!; k++) out[sn.s.programIds[sn.ws.appProgram[k]!]!] = sn.ws.entrySignal[k]!;
  return out;
}

const programs = names("P", 6).map((id, i) => ({ id, positions: 1, interviewSlots: 1, prestige: 0.9 - i * 0.1 }));

describe("preference signals", () => {
  it("marks the programs a file lists, each in its tier, and no others", () => {
    const sn = season({
      programs,
      applicants: [{ id: "a", signals: ["P2", "P5"], goldSignals: ["P6"] }],
      model: noCalls,
    });
    sn.trial(0);
    expect(tiers(sn, "a")).toEqual({ P1: NO_SIGNAL, P2: SILVER, P3: NO_SIGNAL, P4: NO_SIGNAL, P5: SILVER, P6: GOLD });
  });

  it("without lists, sends gold then silver to the most preferred applications", () => {
    const sn = season({
      programs,
      applicants: [{ id: "a", preferences: ["P4", "P3", "P2", "P1", "P6", "P5"] }],
      model: { ...noCalls, signals: { perApplicant: 2, gold: { perApplicant: 1 } } },
    });
    sn.trial(0);
    expect(tiers(sn, "a")).toEqual({ P4: GOLD, P3: SILVER, P2: SILVER, P1: NO_SIGNAL, P6: NO_SIGNAL, P5: NO_SIGNAL });
  });

  it("applies to every signalled program, home and away even when perApplicant leaves them out", () => {
    // Preferences give the order; two applications would be the first two, P1 and P2.
    const sn = season({
      programs,
      applicants: [{ id: "a", preferences: ["P1", "P2", "P3", "P4", "P5", "P6"], signals: ["P5"], home: "P6", aways: ["P4"] }],
      model: { ...noCalls, applications: { perApplicant: 3 } },
    });
    sn.trial(0);
    expect(Object.keys(tiers(sn, "a")).sort()).toEqual(["P4", "P5", "P6"]);
    const noisy = season({
      programs,
      applicants: [{ id: "a", signals: ["P6"], goldSignals: ["P5"] }],
      model: { ...noCalls, applications: { perApplicant: 2 }, ranking: { preferenceNoise: 0.01 } },
    });
    for (let t = 0; t < 5; t++) {
      noisy.trial(t);
      expect(tiers(noisy, "a")).toEqual({ P6: SILVER, P5: GOLD });
    }
  });

  it("lifts a signalled application in screening by its tier's bonus, in both worlds", () => {
    const applicants = [
      { id: "strong", paper: 0.8 },
      { id: "signal", paper: 0.72, signals: ["P"] },
      { id: "gold", paper: 0.65, goldSignals: ["P"] },
    ];
    const input = (bonus: number, gold: number): ScenarioInput => ({
      programs: [{ id: "P", positions: 1, interviewSlots: 1 }],
      applicants,
      model: { ...noCalls, screening: { noise: 0, band: 0 }, signals: { screeningBonus: bonus, gold: { screeningBonus: gold } } },
    });
    const invited = (bonus: number, gold: number) => {
      const sn = season(input(bonus, gold));
      const { result } = sn.trial(0);
      expect(listOf(sn, result.withCalls, "P")).toEqual(listOf(sn, result.withoutCalls, "P"));
      return listOf(sn, result.withoutCalls, "P");
    };
    expect(invited(0, 0)).toEqual(["strong"]);
    expect(invited(0.1, 0)).toEqual(["signal"]);
    expect(invited(0.1, 0.2)).toEqual(["gold"]);
  });

  it("rejects a program in both tiers, and a signal to a program the applicant cannot apply to", () => {
    const text = (applicant: object) =>
      JSON.stringify({ programs: [{ id: "D", positions: 1, specialty: "derm" }, { id: "O", positions: 1, specialty: "ortho" }], applicants: [applicant] }, null, 1);
    const both = checkScenarioText(text({ id: "a", signals: ["D"], goldSignals: ["D"] }), "s.json");
    expect(both.errors.map((e) => e.message).join("\n")).toMatch(/"D" is also in signals/);
    const away = checkScenarioText(text({ id: "a", specialties: ["derm"], signals: ["O"] }), "s.json");
    expect(away.errors).toHaveLength(1);
    expect(away.errors[0]!.message).toMatch(/"O" is not a program this applicant applies to/);
    expect(away.errors[0]!.path).toEqual(["applicants", 0, "signals", 0]);
    const pref = checkScenarioText(text({ id: "a", preferences: ["D"], goldSignals: ["O"] }), "s.json");
    expect(pref.errors[0]!.message).toMatch(/not in the applicant's preferences/);
    expect(checkScenarioText(text({ id: "a", specialties: ["derm"], signals: ["D"] }), "s.json").errors).toEqual([]);
  });
});
