import { describe, expect, it } from "vitest";
import { simulateInline } from "../../../src/montecarlo/run-trials.js";
import { resultsContext, resultsOf } from "../../../src/montecarlo/results-of.js";
import type { ScenarioInput } from "../../../src/scenario/schema.js";
import type { SeasonEvent } from "../../../src/season/events.js";
import { allCalls, listOf, names, noCalls, scenarioOf, season } from "../../helpers/season.js";

// One test per rule of DESIGN.md's second edition, each on a market small enough to know
// the answer by hand, at parameters that pin the rule (influence 1, probabilities 0 or 1).

const ofKind = <K extends SeasonEvent["kind"]>(events: SeasonEvent[], kind: K) =>
  events.filter((e): e is Extract<SeasonEvent, { kind: K }> => e.kind === kind);

const run = (input: ScenarioInput, runs = 400, seed = 5) => {
  const s = scenarioOf(input);
  return resultsOf(simulateInline(s, seed, runs, "applicant"), resultsContext(s), { scenario: "x", seed, proposer: "applicant" });
};

describe("screening", () => {
  const base = (applicant: object): ScenarioInput => ({
    programs: [{ id: "P", positions: 1, interviewSlots: 1 }],
    applicants: [{ id: "me", paper: 0.6, ...applicant }, { id: "rival", paper: 0.62 }],
    model: { screening: { noise: 0 }, ...noCalls },
  });
  const invitedAtP = (input: ScenarioInput) => {
    const sn = season(input);
    return listOf(sn, sn.trial(0).result.withoutCalls, "P");
  };

  it("takes flagPenalty off a flagged applicant's paper, and adds homeBonus and awayBonus at home and away", () => {
    expect(invitedAtP(base({}))).toEqual(["rival"]);
    expect(invitedAtP(base({ home: "P" }))).toEqual(["me"]); // 0.6 + 0.1 > 0.62
    expect(invitedAtP(base({ aways: ["P"] }))).toEqual(["me"]);
    const flagged = base({ paper: 0.7, flags: ["x"] }); // 0.7 − 0.1 < 0.62
    expect(invitedAtP(flagged)).toEqual(["rival"]);
    expect(invitedAtP({ ...flagged, model: { ...flagged.model, screening: { noise: 0, flagPenalty: 0 } } })).toEqual(["me"]);
  });

  it("a red flag lowers the chance of a match without calls (it is on paper)", () => {
    const market = (flags: string[]): ScenarioInput => ({
      programs: [{ id: "P", positions: 2, interviewSlots: 4 }],
      applicants: [{ id: "me", paper: 0.6, quality: 0.6, flags }, ...names("r", 5).map((id, i) => ({ id, paper: 0.55 + i * 0.02, quality: 0.6 }))],
      model: noCalls,
    });
    const p = (flags: string[]) => run(market(flags)).applicants.find((a) => a.id === "me")!.pMatchWithoutCalls;
    expect(p(["leave of absence"])).toBeLessThan(p([]) - 0.1);
  });

  it("ranks interviewees with the flag penalty: equal scores, the flagged one last", () => {
    const sn = season({
      programs: [{ id: "P", positions: 1, interviewSlots: 2 }],
      applicants: [{ id: "flagged", paper: 0.7, quality: 0.7, flags: ["x"] }, { id: "clean", paper: 0.7, quality: 0.7 }],
      model: { screening: { noise: 0, flagPenalty: 0 }, interviews: { noise: 0 }, ...noCalls },
    });
    expect(listOf(sn, sn.trial(0).result.withoutCalls, "P")).toEqual(["clean", "flagged"]);
  });

  it("with perApplicant = k, an applicant with preferences applies to their first k", () => {
    const sn = season({
      programs: names("P", 4).map((id) => ({ id, positions: 1 })),
      applicants: [{ id: "a", preferences: ["P3", "P1", "P4", "P2"] }],
      model: { applications: { perApplicant: 2 }, ...noCalls },
    });
    const w = sn.trial(0).result.withoutCalls;
    expect(Array.from(w.aList.subarray(0, w.aLen[0]!), (q) => sn.s.programIds[q])).toEqual(["P3", "P1"]);
  });

  it("an applicant applies to the programs of their specialties and to programs of none, never to another specialty's", () => {
    const sn = season({
      programs: [
        { id: "D", positions: 1, specialty: "derm" },
        { id: "O", positions: 1, specialty: "ortho" },
        { id: "X", positions: 1 },
      ],
      // "peds" and "neuro" are offered by no program: neither may borrow another specialty's programs.
      applicants: [{ id: "a", specialties: ["peds", "derm"] }, { id: "b", specialties: ["peds", "neuro"] }],
      model: noCalls,
    });
    const w = sn.trial(0).result.withoutCalls;
    const start = (a: number) => sn.ws.plan.aListOff[a]!;
    const appliedTo = (a: number) => Array.from(w.aList.subarray(start(a), start(a) + w.aLen[a]!), (q) => sn.s.programIds[q]).sort();
    expect(appliedTo(0)).toEqual(["D", "X"]);
    expect(appliedTo(1)).toEqual(["X"]);
  });
});

describe("pre-interview calls", () => {
  // Six applicants for three slots, paper 0.01 apart, no noise: all are borderline (band 0.1);
  // a colleague of the director (trust 1, clout `clout`) knows those in `known`.
  const market = (known: Record<string, string>, clout = 1, extra: object = {}) =>
    season({
      programs: [{ id: "P", positions: 1, interviewSlots: 3, director: "pd" }],
      applicants: names("a", 6).map((id, i) => ({ id, paper: 0.8 - i * 0.01, ...(id in known ? { knownBy: ["w"] } : {}) })),
      referrers: [{ id: "pd", institution: "U" }, { id: "w", institution: "U", clout, candor: 1 }],
      opinions: Object.entries(known).map(([applicant, verdict]) => ({ referrer: "w", applicant, verdict })),
      model: { screening: { noise: 0, band: 0.1 }, preInterview: { callProbability: 1 }, ...allCalls(0), late: { callProbability: 0 }, ...extra },
    } as ScenarioInput);
  const invited = (sn: ReturnType<typeof market>, world: "withCalls" | "withoutCalls") => {
    const r = sn.trial(0).result[world];
    return names("a", 6).filter((_, i) => r.invited[i] === 1);
  };

  it("a strong word wins an invitation and takes the slot of the lowest-scored invitee", () => {
    const sn = market({ a5: "strong" });
    expect(invited(sn, "withoutCalls")).toEqual(["a1", "a2", "a3"]);
    expect(invited(sn, "withCalls")).toEqual(["a1", "a2", "a5"]);
    const [call] = ofKind(sn.trial(0).events, "invite-call");
    expect(call).toMatchObject({ said: "strong", effect: "invited", displaced: 2 });
  });

  it("a secured invitee keeps their slot: the next good word takes the lowest one not secured", () => {
    // a3 (invited, lowest) is secured first (best score first), so a5's word takes a2's slot.
    const sn = market({ a3: "positive", a5: "strong" });
    expect(invited(sn, "withCalls")).toEqual(["a1", "a3", "a5"]);
    expect(ofKind(sn.trial(0).events, "invite-call").map((e) => e.effect)).toEqual(["secured", "invited"]);
  });

  it("when every invitee is secured, a good word changes nothing", () => {
    const sn = market({ a1: "strong", a2: "strong", a3: "strong", a4: "strong" });
    expect(invited(sn, "withCalls")).toEqual(["a1", "a2", "a3"]);
    expect(ofKind(sn.trial(0).events, "invite-call").at(-1)).toMatchObject({ effect: "unchanged" });
  });

  it("a cautious word vetoes: the invitee's slot goes to the best applicant neither invited nor vetoed", () => {
    const sn = market({ a1: "cautious", a4: "would-not-rank" });
    // a1 loses their slot to a4, best uninvited; then a4 is vetoed and loses it to a5.
    expect(invited(sn, "withCalls")).toEqual(["a2", "a3", "a5"]);
    expect(ofKind(sn.trial(0).events, "invite-call").map((e) => [e.effect, e.promoted])).toEqual([
      ["uninvited", 3],
      ["uninvited", 4],
    ]);
  });

  it("never invites more than the slots, whatever is said", () => {
    for (const verdicts of [{ a4: "strong", a5: "strong", a6: "positive" }, { a1: "cautious", a2: "cautious", a6: "strong" }]) {
      const sn = market(verdicts);
      expect(invited(sn, "withCalls").length).toBeLessThanOrEqual(3);
    }
  });

  it("fine changes nothing", () => {
    expect(invited(market({ a5: "fine" }), "withCalls")).toEqual(["a1", "a2", "a3"]);
  });

  it("a word of influence 0.1 takes effect on about 10% of calls", () => {
    // Everyone below the slots is known and praised; each call is an independent draw.
    const verdicts = Object.fromEntries(names("a", 6).map((id) => [id, "strong"]));
    const sn = market(verdicts, 0.1);
    let calls = 0;
    let effective = 0;
    for (let t = 0; t < 1500; t++) {
      for (const e of ofKind(sn.trial(t).events, "invite-call")) {
        calls++;
        if (e.effect !== "unchanged") effective++;
      }
    }
    const share = effective / calls;
    expect(calls).toBe(1500 * 6);
    expect(Math.abs(share - 0.1)).toBeLessThan(3 * Math.sqrt((0.1 * 0.9) / calls));
  });
});

describe("who is called", () => {
  it("a director is never their own knower: what they saw first-hand is not a call", () => {
    const sn = season({
      programs: [{ id: "P", positions: 1, director: "pd", rankList: ["a", "b"] }],
      applicants: [{ id: "a", home: "P", rankList: ["P"] }, { id: "b", aways: ["P"], knownBy: ["pd"], rankList: ["P"] }],
      referrers: [{ id: "pd" }],
      model: { ...allCalls(1), late: { callProbability: 1, riskRatio: 10 } },
    });
    for (let t = 0; t < 20; t++) expect(sn.trial(t).result.counts.slice(0, 4)).toEqual(new Int32Array(4));
  });

  it("a program with backchannelUse 0 makes, takes and hears no call", () => {
    const sn = season({
      programs: [
        { id: "Quiet", positions: 1, director: "pd-q", backchannelUse: 0, rankList: ["a", "b"], region: "r" },
        { id: "Loud", positions: 1, director: "pd-l", rankList: ["a", "b"], region: "r" },
      ],
      applicants: [{ id: "a", knownBy: ["pd-q", "w"], rankList: ["Quiet", "Loud"] }, { id: "b", knownBy: ["w"], rankList: ["Loud", "Quiet"] }],
      referrers: [{ id: "pd-q" }, { id: "pd-l" }, { id: "w" }],
      relationships: [{ between: ["pd-l", "pd-q"] }, { between: ["pd-q", "w"] }, { between: ["pd-l", "w"] }],
      opinions: [{ referrer: "w", applicant: "a", verdict: "would-not-rank" }, { referrer: "pd-q", applicant: "a", verdict: "strong" }],
      model: { ...allCalls(1), ripple: { sameRegion: 1 } },
    });
    for (let t = 0; t < 20; t++) {
      const { events, result } = sn.trial(t);
      for (const e of events) {
        if ("call" in e) expect(sn.s.programIds[e.call.program]).toBe("Loud"); // Quiet makes none
        if (e.kind === "rank-call") expect(sn.s.referrerIds[e.knower]).toBe("w"); // pd-q takes none
        if (e.kind === "ripple") expect(sn.s.programIds[e.to]).not.toBe("Quiet"); // nor hears any
      }
      expect(listOf(sn, result.withCalls, "Quiet")).toEqual(["a", "b"]);
    }
  });
});

describe("effects", () => {
  const homeWord = (homeAwayWouldNotRank: number) =>
    season({
      programs: [
        { id: "P", positions: 1, director: "pd-p", rankList: ["a"] },
        { id: "H", positions: 1, director: "pd-h" },
      ],
      applicants: [{ id: "a", home: "H", rankList: ["P"] }],
      referrers: [{ id: "pd-p" }, { id: "pd-h", clout: 0.1 }],
      relationships: [{ between: ["pd-p", "pd-h"] }],
      opinions: [{ referrer: "pd-h", applicant: "a", verdict: "would-not-rank" }],
      model: { ...allCalls(1), effects: { homeAwayWouldNotRank } },
    });

  it("'we didn't rank them' from the home director drops with homeAwayWouldNotRank, not the influence", () => {
    const dropped = (sn: ReturnType<typeof homeWord>) => {
      let n = 0;
      for (let t = 0; t < 200; t++) n += ofKind(sn.trial(t).events, "rank-call").filter((e) => e.to < 0).length;
      return n;
    };
    expect(dropped(homeWord(1))).toBe(200);
    expect(dropped(homeWord(0))).toBe(0);
    expect(ofKind(homeWord(1).trial(0).events, "rank-call")[0]).toMatchObject({ didNotRank: true, influence: 0.1 });
  });

  it("a ripple's chance is scaled by the receiving program's backchannelUse", () => {
    const market = (use: number) =>
      season({
        programs: [
          { id: "P", positions: 1, director: "pd", rankList: ["a"], region: "r" },
          { id: "Q", positions: 1, director: "pd-q", rankList: ["a"], region: "r", backchannelUse: use },
        ],
        applicants: [{ id: "a", knownBy: ["w"], rankList: ["P", "Q"] }],
        referrers: [{ id: "pd", institution: "U" }, { id: "pd-q" }, { id: "w", institution: "U" }],
        opinions: [{ referrer: "w", applicant: "a", verdict: "cautious" }],
        model: { rankList: { callProbability: { top: 1, borderline: 1, redFlag: 1 } }, ripple: { sameRegion: 0.8 } },
      });
    const rate = (use: number) => {
      const sn = market(use);
      let drops = 0;
      let ripples = 0;
      for (let t = 0; t < 2000; t++) {
        const { events } = sn.trial(t);
        drops += ofKind(events, "rank-call").filter((e) => e.to < 0 && sn.s.programIds[e.call.program] === "P").length;
        ripples += ofKind(events, "ripple").length;
      }
      return ripples / drops;
    };
    expect(rate(0)).toBe(0);
    expect(Math.abs(rate(0.5) - 0.4)).toBeLessThan(0.05);
    expect(Math.abs(rate(1) - 0.8)).toBeLessThan(0.05);
  });
});

describe("advocacy", () => {
  const market = (advocate: object, verdict: string, extra: object = {}) =>
    season({
      programs: [
        { id: "P", positions: 1, director: "pd-p", rankList: names("a", 20) },
        { id: "Q", positions: 1, director: "pd-q", rankList: names("a", 20) },
      ],
      applicants: names("a", 20).map((id) => ({ id, rankList: ["P", "Q"], ...(id === "a15" ? { advocates: [{ referrer: "mentor", ...advocate }] } : {}) })),
      referrers: [{ id: "pd-p" }, { id: "pd-q" }, { id: "mentor", candor: 1 }],
      relationships: [{ between: ["mentor", "pd-p"] }, { between: ["mentor", "pd-q"] }],
      opinions: [{ referrer: "mentor", applicant: "a15", verdict }],
      model: { ...noCalls, advocacy: { callProbability: 1 }, ...extra },
    } as ScenarioInput);
  const calls = (sn: ReturnType<typeof market>) => ofKind(sn.trial(0).events, "advocate-call");

  it("a genuine advocate says what they think, at every program whose list holds the applicant", () => {
    const sn = market({}, "strong");
    expect(calls(sn).map((e) => [sn.s.programIds[e.call.program], e.said, e.from, e.to])).toEqual([
      ["P", "strong", 14, 0],
      ["Q", "strong", 14, 0],
    ]);
    expect(sn.trial(0).result.counts[2]).toBe(2); // advocacy calls
  });

  it("calls only the programs it names, when it names some", () => {
    const sn = market({ programs: ["Q"] }, "positive");
    expect(calls(sn).map((e) => [sn.s.programIds[e.call.program], e.said, e.to])).toEqual([["Q", "positive", 2]]);
  });

  it("one who thinks fine or worse calls only if pushed, and then says a half-hearted 'fine' that moves the applicant down", () => {
    expect(calls(market({}, "cautious"))).toEqual([]);
    expect(calls(market({}, "fine"))).toEqual([]);
    const pushed = calls(market({ pushed: true }, "cautious"));
    expect(pushed.map((e) => [e.said, e.pushed, e.from, e.to])).toEqual([
      ["fine", true, 14, 19],
      ["fine", true, 14, 19],
    ]);
  });

  it("calls with advocacy.callProbability × backchannelUse", () => {
    const sn = market({}, "strong", { advocacy: { callProbability: 0.3 } });
    let n = 0;
    for (let t = 0; t < 1000; t++) n += ofKind(sn.trial(t).events, "advocate-call").length;
    expect(Math.abs(n / 2000 - 0.3)).toBeLessThan(0.05);
  });
});

describe("late calls", () => {
  const market = (options: { told: string[]; knower: "home-director" | "home-colleague" | "other"; tie?: boolean; paper?: number; prestige?: number; calls?: number }) =>
    season({
      programs: [
        { id: "P", positions: 1, director: "pd-p", prestige: options.prestige ?? 0.5, rankList: ["x", "y", "z", "a"] },
        { id: "Q", positions: 1, director: "pd-q", prestige: 1, rankList: ["a"] },
        { id: "H", positions: 1, director: "pd-h" },
      ],
      applicants: [
        { id: "a", home: "H", toldNumberOne: options.told, preferences: ["P", "Q"], paper: options.paper ?? 0.5, knownBy: [options.knower === "home-colleague" ? "colleague" : options.knower === "other" ? "stranger" : "pd-h"] },
        ...["x", "y", "z"].map((id) => ({ id, preferences: ["P"], paper: options.paper ?? 0.5 })),
      ],
      referrers: [{ id: "pd-p" }, { id: "pd-q", institution: "Q-town" }, { id: "pd-h", institution: "H-town" }, { id: "colleague", institution: "H-town" }, { id: "stranger" }],
      relationships: [
        { between: ["pd-p", "pd-h"] },
        { between: ["pd-p", "colleague"] },
        { between: ["pd-p", "stranger"] },
        ...(options.tie ? [{ between: ["stranger", "pd-q"] as [string, string] }] : []),
      ],
      model: { ...noCalls, late: { callProbability: options.calls ?? 1, topCandidates: 4, riskRatio: 1, dreamGap: 0.15, enthusiasmShift: 10, insincerity: { detectProbability: 1, shift: -15 } } },
    } as ScenarioInput);
  const lateCall = (sn: ReturnType<typeof market>) => ofKind(sn.trial(0).events, "late-call").find((e) => sn.s.applicantIds[e.call.applicant] === "a");

  it("only a nervous program calls: a short list, or a top-heavy one", () => {
    expect(lateCall(market({ told: ["P"], knower: "home-director", paper: 0.5, prestige: 0.5 }))).toBeUndefined();
    expect(lateCall(market({ told: ["P"], knower: "home-director", paper: 0.9, prestige: 0.5 }))).toMatchObject({ reason: "topHeavy" });
  });

  it("relays a '#1' told to the program when the knower is from the home institution, the director or a colleague", () => {
    for (const knower of ["home-director", "home-colleague"] as const) {
      expect(lateCall(market({ told: ["P"], knower, paper: 0.9 }))).toMatchObject({ relayed: true, from: 3, to: 0 });
    }
    expect(lateCall(market({ told: ["P"], knower: "other", paper: 0.9 }))).toMatchObject({ relayed: false, from: 3, to: 3 });
    expect(lateCall(market({ told: [], knower: "home-director", paper: 0.9 }))).toMatchObject({ relayed: false });
  });

  it("catches a '#1' told to another program too, only through that program's director or someone tied to them", () => {
    const caught = (tie: boolean) => ofKind(market({ told: ["P", "Q"], knower: "other", tie, paper: 0.9 }).trial(0).events, "insincerity-caught");
    expect(caught(false)).toEqual([]);
    expect(caught(true)).toHaveLength(1);
    expect(caught(true)[0]).toMatchObject({ from: 3, to: 3 });
  });

  it("catches no insincerity without a call: none when late calls are off or the call is left out", () => {
    const off = market({ told: ["P", "Q"], knower: "other", tie: true, paper: 0.9, calls: 0 });
    const on = market({ told: ["P", "Q"], knower: "other", tie: true, paper: 0.9 });
    for (let t = 0; t < 30; t++) {
      expect(off.trial(t).result.counts[11]).toBe(0); // insincerityCaught
      expect(on.trial(t).result.counts[11]).toBe(1);
      expect(on.trial(t, { suppress: new Set(["late:0:0"]) }).result.counts[11]).toBe(0);
    }
  });
});

describe("opinions", () => {
  it("the audition gap is seen by anyone at the away program's institution, not only its director", () => {
    const sn = season({
      programs: [
        { id: "P", positions: 1, director: "pd-p", rankList: ["a"] },
        { id: "Away", positions: 1, director: "pd-away", rankList: [] },
      ],
      applicants: [{ id: "a", quality: 0.3, auditionGap: 0.6, aways: ["Away"], knownBy: ["resident"], rankList: ["P"] }],
      referrers: [{ id: "pd-p" }, { id: "pd-away", institution: "Away U" }, { id: "resident", institution: "Away U", candor: 1 }],
      relationships: [{ between: ["pd-p", "resident"] }],
      model: { ...allCalls(1), opinions: { noise: 0 } },
    });
    // Quality 0.3 alone is "cautious"; with the gap, 0.9 is "strong".
    expect(ofKind(sn.trial(0).events, "rank-call")[0]).toMatchObject({ thought: "strong" });
  });
});
