import { describe, expect, it } from "vitest";
import type { SeasonEvent } from "../../../src/season/events.js";
import { listOf, names, noCalls, season } from "../../helpers/season.js";

const ofKind = <K extends SeasonEvent["kind"]>(events: SeasonEvent[], kind: K) =>
  events.filter((e): e is Extract<SeasonEvent, { kind: K }> => e.kind === kind);

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

describe("pre-interview calls", () => {
  // 4 applicants for 2 slots with paper spaced 0.01 apart: with band 0.05 all are borderline.
  const market = (verdict: "strong" | "positive" | "fine" | "cautious" | "would-not-rank", who: string) =>
    season({
      programs: [{ id: "P", positions: 1, interviewSlots: 2, director: "pd" }],
      applicants: ["a1", "a2", "a3", "a4"].map((id, i) => ({ id, paper: 0.8 - i * 0.01, ...(id === who ? { knownBy: ["pd"] } : {}) })),
      referrers: [{ id: "pd" }],
      opinions: [{ referrer: "pd", applicant: who, verdict }],
      model: { screening: { noise: 0, band: 0.05 }, preInterview: { callProbability: 1 } },
    });

  it("a strong word wins a borderline applicant the invitation", () => {
    const sn = market("strong", "a4");
    const { result, events } = sn.trial(0);
    expect(ofKind(events, "invite-call")[0]).toMatchObject({ said: "strong", effect: "invited" });
    expect(listOf(sn, result.withCalls, "P")).toContain("a4");
    expect(listOf(sn, result.withoutCalls, "P")).not.toContain("a4");
  });

  it("a cautious word loses an invitation; fine changes nothing", () => {
    const cautious = market("cautious", "a1");
    const c = cautious.trial(0);
    expect(ofKind(c.events, "invite-call")[0]).toMatchObject({ effect: "uninvited" });
    expect(listOf(cautious, c.result.withCalls, "P")).not.toContain("a1");
    const fine = market("fine", "a1");
    expect(ofKind(fine.trial(0).events, "invite-call")[0]).toMatchObject({ effect: "unchanged" });
  });

  it("counts the invitations that differ from the season without calls", () => {
    const { result } = market("strong", "a4").trial(0);
    expect(result.counts[11]).toBe(1); // invitesGained
  });
});

describe("late calls and insincerity", () => {
  const late = (told: string[], tie: boolean) =>
    season({
      programs: [
        { id: "P", positions: 4, director: "pd-p", rankList: ["x", "y", "a"] },
        { id: "Q", positions: 4, director: "pd-q", rankList: ["a", "x"] },
        { id: "H", positions: 1, director: "pd-h" },
      ],
      applicants: [
        { id: "a", home: "H", toldNumberOne: told, preferences: ["P", "Q"] },
        { id: "x", preferences: ["P", "Q"] },
        { id: "y", preferences: ["P"] },
      ],
      referrers: [{ id: "pd-p" }, { id: "pd-q" }, { id: "pd-h" }],
      relationships: [{ between: ["pd-p", "pd-h"] as [string, string] }, ...(tie ? [{ between: ["pd-p", "pd-q"] as [string, string] }] : [])],
      model: { ...noCalls, late: { callProbability: 1, enthusiasmShift: 10, insincerity: { detectProbability: 1, shift: -15 } } },
    });

  it("a short list calls the home director, who relays '#1', and the applicant moves up", () => {
    const sn = late(["P"], false);
    const { result, events } = sn.trial(0);
    const call = ofKind(events, "late-call").find((e) => sn.s.programIds[e.call.program] === "P" && sn.s.applicantIds[e.call.applicant] === "a");
    expect(call).toMatchObject({ relayed: true, from: 2, to: 0 });
    expect(listOf(sn, result.withCalls, "P")[0]).toBe("a");
  });

  it("without '#1' the call is made but nothing moves; no home director, no call", () => {
    const sn = late([], false);
    const { events } = sn.trial(0);
    const calls = ofKind(events, "late-call");
    expect(calls.find((e) => sn.s.applicantIds[e.call.applicant] === "a")).toMatchObject({ relayed: false, from: 2, to: 2 });
    expect(calls.some((e) => sn.s.applicantIds[e.call.applicant] === "x")).toBe(false);
  });

  it("'#1' told to two programs whose directors are tied is caught and moves the applicant down at both", () => {
    const sn = late(["P", "Q"], true);
    const { events } = sn.trial(0);
    const caught = ofKind(events, "insincerity-caught");
    expect(caught).toHaveLength(1);
    expect(caught[0]!.programs.map((q) => sn.s.programIds[q]).sort()).toEqual(["P", "Q"]);
    for (const m of caught[0]!.moves) expect(m.to).toBe(Math.min(m.from + 15, sn.trial(0).result.withCalls.pLen[m.program]! - 1));
  });

  it("is not caught when the directors are not tied", () => {
    expect(ofKind(late(["P", "Q"], false).trial(0).events, "insincerity-caught")).toEqual([]);
  });
});
