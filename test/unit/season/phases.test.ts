import { describe, expect, it } from "vitest";

import { listOf, names, noCalls, season } from "../../helpers/season.js";

describe("screening and interviews", () => {
  it("invites the interviewSlots best by paper when screening noise is 0, and no one else", () => {
    const ids = names("a", 8);
    const sn = season({
      programs: [{ id: "P", positions: 1, interviewSlots: 3 }],
      applicants: ids.map((id, i) => ({ id, paper: 0.9 - i * 0.1 })),
      model: { screening: { noise: 0, band: 0 }, interviews: { noise: 0 }, ...noCalls },
    });
    const { result } = sn.trial(0);
    expect(listOf(sn, result.withoutCalls, "P")).toEqual(["a1", "a2", "a3"]);
  });

  it("ranks interviewees by paperWeight·paper + interviewWeight·interview", () => {
    const sn = season({
      programs: [{ id: "P", positions: 1, interviewSlots: 3 }],
      applicants: [
        { id: "paper", paper: 0.9, quality: 0.1 },
        { id: "both", paper: 0.6, quality: 0.6 },
        { id: "talk", paper: 0.5, quality: 0.95 },
      ],
      model: { screening: { noise: 0 }, interviews: { noise: 0 }, ...noCalls },
    });
    // 0.4·paper + 0.6·quality: paper 0.42, both 0.60, talk 0.77
    expect(listOf(sn, sn.trial(0).result.withoutCalls, "P")).toEqual(["talk", "both", "paper"]);
    const byPaper = season({
      programs: [{ id: "P", positions: 1, interviewSlots: 3 }],
      applicants: [
        { id: "paper", paper: 0.9, quality: 0.1 },
        { id: "both", paper: 0.6, quality: 0.6 },
        { id: "talk", paper: 0.5, quality: 0.95 },
      ],
      model: { screening: { noise: 0 }, interviews: { noise: 0 }, ranking: { paperWeight: 1, interviewWeight: 0 }, ...noCalls },
    });
    expect(listOf(byPaper, byPaper.trial(0).result.withoutCalls, "P")).toEqual(["paper", "both", "talk"]);
  });

  it("applicants attend at most maxInterviews, in their order of preference", () => {
    const programs = names("P", 5).map((id) => ({ id, positions: 1 }));
    const sn = season({
      programs,
      applicants: [{ id: "a", maxInterviews: 2, preferences: ["P4", "P2", "P5", "P1", "P3"] }],
      model: noCalls,
    });
    const { result } = sn.trial(0);
    const w = result.withoutCalls;
    const ranked = Array.from(w.aList.subarray(0, w.aLen[0]!), (q) => sn.s.programIds[q]);
    expect(ranked).toEqual(["P4", "P2"]);
  });

  it("applies only to the perApplicant programs it likes best (no noise: highest prestige)", () => {
    const sn = season({
      programs: [0.1, 0.9, 0.5, 0.7, 0.3].map((prestige, i) => ({ id: `P${i}`, positions: 1, prestige })),
      applicants: [{ id: "a" }],
      model: { applications: { perApplicant: 2 }, ranking: { preferenceNoise: 0 }, ...noCalls },
    });
    const { result } = sn.trial(0);
    const w = result.withoutCalls;
    expect(Array.from(w.aList.subarray(0, w.aLen[0]!), (q) => sn.s.programIds[q])).toEqual(["P1", "P3"]);
  });
});

