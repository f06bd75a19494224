import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blockingPairs, validityProblems } from "../../src/match/stability.js";
import { simulateInline } from "../../src/montecarlo/run-trials.js";
import { resultsContext, resultsOf } from "../../src/montecarlo/results-of.js";
import { trialStreams, uniform, PURPOSES } from "../../src/rng/streams.js";
import { attendInterviews, interviewScore, rankingScore } from "../../src/season/interviews.js";
import { buildRankLists } from "../../src/season/rank-lists.js";
import { blockingPairsVsUncalled, marketOf } from "../../src/season/season.js";
import { newWorkspace } from "../../src/season/workspace.js";
import { busyCallsArb, scenarioArb } from "../helpers/scenario-arbitrary.js";
import { scenarioOf, season } from "../helpers/season.js";

describe("the season on random scenarios", () => {
  it("every season's match is valid and stable on its final lists, in both worlds", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 1000 }), fc.constantFrom("applicant", "program"), (input, trial, proposer) => {
        const sn = season(input);
        const { result } = sn.trial(trial, { proposer });
        for (const world of [result.withCalls, result.withoutCalls]) {
          // Each program's list stays within its room, clear of the next program's.
          for (let q = 0; q < sn.s.program.count; q++) expect(world.pStart[q]! + world.pLen[q]!).toBeLessThanOrEqual(world.pStart[q + 1]!);
          const market = marketOf(sn.ws, world);
          expect(blockingPairs(market, world.programOf)).toEqual([]);
          const v = validityProblems(market, world.programOf);
          expect(v.overCapacity).toEqual([]);
          expect(v.unacceptable).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("no program invites more than its interviewSlots, with calls or without", () => {
    let traded = 0;
    fc.assert(
      fc.property(fc.oneof(scenarioArb, busyCallsArb), fc.integer({ min: 0, max: 1000 }), (input, trial) => {
        const sn = season(input);
        const { result } = sn.trial(trial);
        const { plan } = sn.ws;
        for (let q = 0; q < plan.s.program.count; q++) {
          if (plan.s.program.hasRankList[q]) continue;
          const count = (w: typeof result.withCalls) => {
            let n = 0;
            for (let k = 0; k < plan.totalApps; k++) if (sn.ws.appProgram[k] === q && w.invited[k]) n++;
            return n;
          };
          const [withCalls, without] = [count(result.withCalls), count(result.withoutCalls)];
          expect(withCalls).toBeLessThanOrEqual(plan.s.program.interviewSlots[q]!);
          expect(without).toBeLessThanOrEqual(plan.s.program.interviewSlots[q]!);
          // Calls trade invitations; a veto with no one left to promote is the only loss.
          expect(withCalls).toBeLessThanOrEqual(without);
        }
        traded += result.counts[12]!;
      }),
      { numRuns: 120 },
    );
    expect(traded).toBeGreaterThan(0);
  });

  it("a director is never their own knower", () => {
    let calls = 0;
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 1000 }), (input, trial) => {
        const always = { rankList: { callProbability: { top: 1, borderline: 1, redFlag: 1 } }, preInterview: { callProbability: 1 }, late: { callProbability: 1, riskRatio: 100 } };
        const sn = season({ ...input, model: { ...input.model, calls: { enabled: true }, ...always } });
        for (const e of sn.trial(trial).events) {
          if (e.kind === "invite-call" || e.kind === "rank-call" || e.kind === "late-call") {
            calls++;
            expect(e.knower).not.toBe(sn.s.program.director[e.call.program]);
          }
          if (e.kind === "advocate-call") expect(e.advocate).not.toBe(sn.s.program.director[e.call.program]);
        }
      }),
      { numRuns: 120 },
    );
    expect(calls).toBeGreaterThan(0);
  });

  it("with backchannelUse 0 everywhere, the two worlds are the same in every output", () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const always = { rankList: { callProbability: { top: 1, borderline: 1, redFlag: 1 } }, preInterview: { callProbability: 1 }, late: { callProbability: 1, riskRatio: 100 } };
        const programs = (input.programs ?? []).map((p) => ({ ...p, backchannelUse: 0 }));
        const s = scenarioOf({ ...input, programs, model: { ...input.model, calls: { enabled: true }, ...always } });
        const r = resultsOf(simulateInline(s, 3, 6, "applicant"), resultsContext(s), { scenario: "x", seed: 3, proposer: "applicant" });
        const { summary } = r;
        expect(summary.matchRate.withCalls).toBe(summary.matchRate.withoutCalls);
        expect(summary.calls).toEqual({ preInterview: 0, rankList: 0, advocacy: 0, late: 0 });
        expect([summary.drops, summary.rippleDrops, summary.insincerityCaught, summary.invitesShaped, summary.outcomeChanged.estimate, summary.blockingPairsVsUncalled.estimate]).toEqual([0, 0, 0, 0, 0, 0]);
        expect(summary.matchRate.difference).toEqual({ estimate: 0, interval: null });
        for (const x of Object.values(summary.efficiency)) expect(x.difference === null || (x.difference.estimate === 0 && x.difference.interval === null)).toBe(true);
        expect(Object.values(summary.verdicts).every((x) => x === 0)).toBe(true);
        for (const g of r.groups.groups) expect(g.pMatch.withCalls).toBe(g.pMatch.withoutCalls);
        for (const a of r.applicants) {
          expect([a.pMatch, a.pFirstChoice, a.meanCalls]).toEqual([a.pMatchWithoutCalls, a.pFirstChoiceWithoutCalls, 0]);
          expect([a.delta, a.deltaCi, a.stands]).toEqual([0, null, false]);
        }
        for (const p of r.programs) {
          expect([p.fillRate, p.meanQualityMatched]).toEqual([p.fillRateWithoutCalls, p.meanQualityMatchedWithoutCalls]);
          expect([p.callsMade, p.drops, p.rippleDrops, p.invitesShaped]).toEqual([0, 0, 0, 0]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("the count of pairs blocking the called match on the lists before calls is every program's count", () => {
    // Calls are made often, so that lists are edited; several trials share one workspace,
    // so the programs edited in one trial must not leak into the next.
    let seen = 0;
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 1000 }), fc.constantFrom("applicant", "program"), (input, first, proposer) => {
        const rankList = { callProbability: { top: 1, borderline: 1, redFlag: 1 } };
        const sn = season({ ...input, model: { ...input.model, calls: { enabled: true }, rankList: { ...input.model?.rankList, ...rankList } } });
        for (let t = first; t < first + 4; t++) {
          const r = sn.trial(t, { proposer }).result;
          const all = blockingPairs(marketOf(sn.ws, r.withCalls, true), r.withCalls.programOf).length;
          expect(blockingPairsVsUncalled(sn.ws, r)).toBe(all);
          seen += all;
        }
      }),
      { numRuns: 120 },
    );
    expect(seen).toBeGreaterThan(0);
  });

  it("with calls turned off both columns are identical and every delta is 0", () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const s = scenarioOf({ ...input, model: { ...input.model, calls: { enabled: false } } });
        const r = resultsOf(simulateInline(s, 3, 5, "applicant"), resultsContext(s), { scenario: "x", seed: 3, proposer: "applicant" });
        expect(r.summary.matchRate.withCalls).toBe(r.summary.matchRate.withoutCalls);
        expect(r.summary.outcomeChanged.estimate).toBe(0);
        expect(r.summary.matchRate.difference).toEqual({ estimate: 0, interval: null });
        expect(r.summary.calls).toEqual({ preInterview: 0, rankList: 0, advocacy: 0, late: 0 });
        for (const a of r.applicants) {
          expect(a.delta).toBe(0);
          expect(a.pMatch).toBe(a.pMatchWithoutCalls);
        }
        for (const p of r.programs) expect(p.fillRate).toBe(p.fillRateWithoutCalls);
      }),
      { numRuns: 100 },
    );
  });

  it("turning calls off changes nothing in the world without calls", () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const on = season({ ...input, model: { ...input.model, calls: { enabled: true } } }).trial(4).result.withoutCalls;
        const off = season({ ...input, model: { ...input.model, calls: { enabled: false } } }).trial(4).result.withoutCalls;
        expect(Array.from(on.programOf)).toEqual(Array.from(off.programOf));
      }),
      { numRuns: 100 },
    );
  });

  it("the world with calls, built from the one without, equals the same world worked out afresh", () => {
    fc.assert(
      fc.property(fc.oneof(scenarioArb, busyCallsArb), fc.integer({ min: 0, max: 1000 }), (input, trial) => {
        const sn = season(input);
        const { result } = sn.trial(trial);
        const world = result.withCalls;
        const fresh = newWorkspace(sn.ws.plan).withCalls;
        fresh.invited.set(world.invited);
        attendInterviews(sn.ws, fresh, result.streams);
        buildRankLists(sn.ws, fresh);
        const { plan } = sn.ws;
        expect(Array.from(world.interviewed)).toEqual(Array.from(fresh.interviewed));
        for (let a = 0; a < plan.s.applicant.count; a++) {
          const at = plan.aListOff[a]!;
          expect(Array.from(world.aList.subarray(at, at + world.aLen[a]!))).toEqual(Array.from(fresh.aList.subarray(at, at + fresh.aLen[a]!)));
        }
        for (let q = 0; q < plan.s.program.count; q++) {
          const at = fresh.pStart[q]!;
          expect(world.pStart[q]).toBe(at);
          expect(Array.from(world.baseList.subarray(at, at + world.baseLen[q]!))).toEqual(Array.from(fresh.baseList.subarray(at, at + fresh.baseLen[q]!)));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("screening counts the invitations it makes; attending files each interview under its program, in applicant order", () => {
    fc.assert(
      fc.property(fc.oneof(scenarioArb, busyCallsArb), fc.integer({ min: 0, max: 1000 }), (input, trial) => {
        const sn = season(input);
        const { result } = sn.trial(trial);
        const without = result.withoutCalls;
        const { ws } = sn;
        const { plan } = ws;
        expect(ws.baseInviteCount).toBe(without.invited.reduce((n, x) => n + x, 0));
        for (let q = 0; q < plan.s.program.count; q++) {
          const expected: number[] = [];
          for (let k = 0; k < plan.totalApps; k++) if (ws.appProgram[k] === q && without.interviewed[k]) expected.push(k);
          const at = plan.programAppStart[q]!;
          expect(Array.from(ws.interviewees.subarray(at, at + ws.intervieweeCount[q]!))).toEqual(expected);
          // Filed with the score the program ranks by, as rankingScore gives it.
          for (let j = at; j < at + ws.intervieweeCount[q]!; j++) {
            const a = ws.intervieweeApplicant[j]!;
            expect(ws.intervieweeKey[j]).toBe(rankingScore(plan.s, a, interviewScore(plan.s, result.streams, a, q)));
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("every place of both worlds' lists names the application of its pair", () => {
    fc.assert(
      fc.property(fc.oneof(scenarioArb, busyCallsArb), fc.integer({ min: 0, max: 1000 }), (input, trial) => {
        const sn = season(input);
        const { result } = sn.trial(trial);
        const { ws } = sn;
        const { plan } = ws;
        const entryOf = (a: number, q: number) => {
          for (let k = plan.appOff[a]!; k < plan.appOff[a + 1]!; k++) if (ws.appProgram[k] === q) return k;
          return -1;
        };
        for (const world of [result.withoutCalls, result.withCalls]) {
          for (let a = 0; a < plan.s.applicant.count; a++) {
            for (let i = plan.aListOff[a]!; i < plan.aListOff[a]! + world.aLen[a]!; i++) expect(world.aEntry[i]).toBe(entryOf(a, world.aList[i]!));
          }
          for (let q = 0; q < plan.s.program.count; q++) {
            for (let i = world.pStart[q]!; i < world.pStart[q]! + world.pLen[q]!; i++) expect(world.pEntry[i]).toBe(entryOf(world.pList[i]!, q));
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("the same seed gives the same results; another seed gives others", () => {
    const s = scenarioOf({
      programs: [{ id: "P", positions: 2, director: "pd" }, { id: "Q", positions: 1 }],
      applicants: ["a", "b", "c", "d"].map((id, i) => ({ id, paper: 0.4 + i * 0.05, knownBy: ["pd"] })),
      referrers: [{ id: "pd" }],
    });
    const run = (seed: number) => JSON.stringify(resultsOf(simulateInline(s, seed, 200, "applicant"), resultsContext(s), { scenario: "x", seed: 0, proposer: "applicant" }));
    expect(run(11)).toBe(run(11));
    expect(run(11)).not.toBe(run(12));
  });
});

describe("random streams", () => {
  it("neighbouring trials' streams are neither equal nor shifted copies", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e6 }), fc.constantFrom(...PURPOSES), (seed, trial, purpose) => {
        const a = trialStreams(seed, trial)[purpose];
        const b = trialStreams(seed, trial + 1)[purpose];
        const xs = Array.from({ length: 16 }, (_, i) => uniform(a, i));
        const ys = Array.from({ length: 16 }, (_, i) => uniform(b, i));
        expect(xs).not.toEqual(ys);
        for (let shift = 1; shift < 4; shift++) expect(xs.slice(shift)).not.toEqual(ys.slice(0, -shift));
      }),
    );
  });

  it("purposes of one trial are different streams", () => {
    const keys = Object.values(trialStreams(1, 0));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("every trial's keys come as one object of the purposes, in their order", () => {
    // One shape for every trial keeps the season's hot code from being compiled again.
    expect(Object.keys(trialStreams(3, 1))).toEqual([...PURPOSES]);
    expect(Object.keys(trialStreams(9, 70))).toEqual(Object.keys(trialStreams(3, 1)));
  });

  it("uniform draws look uniform (mean and variance within tolerance)", () => {
    const key = trialStreams(5, 5).ripple;
    const n = 20000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const u = uniform(key, i % 97, Math.floor(i / 97));
      sum += u;
      sq += u * u;
    }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(3 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sq / n - sum * sum / n / n - 1 / 12)).toBeLessThan(0.003);
  });
});

describe("call rates converge to their parameters", () => {
  it("measured rank-list call rate per category is within 3 standard errors of its parameter", () => {
    const ids = Array.from({ length: 20 }, (_, i) => `a${i}`);
    const s = scenarioOf({
      programs: [{ id: "P", positions: 2, director: "pd", rankList: ids }],
      // a0–a3 are top (first 20%); a15–a19 have red flags; the rest are borderline.
      applicants: ids.map((id, i) => ({ id, paper: 0.5, quality: 0.5, knownBy: ["w"], rankList: ["P"], ...(i >= 15 ? { flags: ["x"] } : {}) })),
      // A colleague of the director knows them all; influence 0: calls move no one, so categories stay put.
      referrers: [{ id: "pd", institution: "U" }, { id: "w", institution: "U", clout: 0 }],
      model: { interviews: { noise: 0 }, rankList: { callProbability: { top: 0.15, borderline: 0.45, redFlag: 0.8 } } },
    });
    const r = resultsOf(simulateInline(s, 9, 600, "applicant"), resultsContext(s), { scenario: "x", seed: 9, proposer: "applicant" });
    const expected = { top: [0.15, 4], borderline: [0.45, 11], redFlag: [0.8, 5] } as const;
    for (const [category, [p, perSeason]] of Object.entries(expected)) {
      const measured = r.summary.callRates[category as keyof typeof expected].measured!;
      const se = Math.sqrt((p * (1 - p)) / (perSeason * 600));
      expect(Math.abs(measured - p), category).toBeLessThan(3 * se);
    }
  });
});
