import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { trialStreams } from "../../src/rng/streams.js";
import { useWasmKernel } from "../../src/season/kernel/season-kernel.js";
import { screenScoreOf } from "../../src/season/screening.js";
import { makeSeasonPlan } from "../../src/season/plan.js";
import { runTrial } from "../../src/season/season.js";
import { newWorkspace, type Workspace } from "../../src/season/workspace.js";
import type { ScenarioInput } from "../../src/scenario/schema.js";
import { busyCallsArb, scenarioArb } from "../helpers/scenario-arbitrary.js";
import { scenarioOf } from "../helpers/season.js";

afterEach(() => useWasmKernel(true));

const unit = fc.double({ min: 0, max: 1, noNaN: true });

/**
 * Markets where applicants choose some of many programs (the kernel's case), with what it
 * must leave alone or get right beside it: home and away programs (kept by their boost),
 * signals from the model or listed in the file, given orders, applicants with no more
 * candidates than applications, and no noise at all (ties at the cutoffs of applicants and
 * of programs' screening, and in programs' scores).
 */
const choosingArb: fc.Arbitrary<ScenarioInput> = fc
  .record({ nP: fc.integer({ min: 3, max: 24 }), nA: fc.integer({ min: 1, max: 14 }) })
  .chain(({ nP, nA }) => {
    const ids = Array.from({ length: nP }, (_, i) => `P${i}`);
    const some = fc.subarray(ids, { minLength: 0, maxLength: 2 });
    return fc.record({
      programs: fc.tuple(
        ...ids.map((id) =>
          fc.record({ id: fc.constant(id), positions: fc.integer({ min: 1, max: 3 }), prestige: unit, interviewSlots: fc.integer({ min: 1, max: 8 }) }),
        ),
      ),
      applicants: fc.tuple(
        ...Array.from({ length: nA }, (_, i) =>
          fc
            .record(
              {
                id: fc.constant(`a${i}`),
                // Shared papers, with no interview noise, tie programs' scores.
                paper: fc.oneof(unit, fc.constantFrom(0.25, 0.5)),
                home: fc.constantFrom(...ids),
                aways: some,
                maxInterviews: fc.integer({ min: 1, max: 6 }),
              },
              { requiredKeys: ["id", "paper"] },
            )
            .chain((a) =>
              // Signals listed in the file, or an order of preference given (holding the
              // applicant's home and aways), or neither.
              fc.oneof(
                fc.constant(a),
                some.map((signals) => ({ ...a, signals: signals.filter((p) => p !== a.home && !(a.aways ?? []).includes(p)) })),
                fc.shuffledSubarray(ids, { minLength: 1 }).map((order) => {
                  const must = [...new Set([...(a.home ? [a.home] : []), ...(a.aways ?? [])])];
                  return { ...a, preferences: [...must, ...order.filter((p) => !must.includes(p))] };
                }),
              ),
            ),
        ),
      ),
      model: fc.record({
        calls: fc.record({ enabled: fc.boolean() }),
        applications: fc.record({ perApplicant: fc.integer({ min: 1, max: nP - 1 }) }),
        ranking: fc.record({ preferenceNoise: fc.constantFrom(0, 0.02, 0.3, 1.5) }),
        interviews: fc.record({ noise: fc.constantFrom(0, 0.2) }),
        screening: fc.record({ noise: fc.constantFrom(0, 0.1, 0.3) }),
        signals: fc.record({ perApplicant: fc.integer({ min: 0, max: 2 }), gold: fc.record({ perApplicant: fc.integer({ min: 0, max: 1 }) }) }),
      }),
    }) as fc.Arbitrary<ScenarioInput>;
  });

/** Everything the application step writes, and both worlds' matches, trial by trial. */
function seasons(input: ScenarioInput, wasm: boolean, trials: number): { kernel: boolean; choosing: boolean; undrawn: number; seen: string[] } {
  useWasmKernel(wasm);
  const ws: Workspace = newWorkspace(makeSeasonPlan(scenarioOf(input)));
  const seen: string[] = [];
  let left = 0;
  const bytes = (a: Float64Array | Int32Array | Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
  for (let t = 0; t < trials; t++) {
    const r = runTrial(ws, 11, t, { proposer: "applicant" });
    seen.push(bytes(ws.appProgram), bytes(ws.appPref), bytes(ws.entryBonus), bytes(ws.entrySignal), bytes(ws.applicationCutoff));
    // Screening's scores (those the kernel left undrawn, below their windows, drawn as a
    // later step would draw them, and counted), invitations, borderline applicants and cutoffs.
    let undrawn = 0;
    let invitedUndrawn = 0;
    const key = trialStreams(11, t).screening;
    for (let k = 0; k < ws.plan.totalApps; k++) {
      if (ws.screenScore[k] !== ws.screenScore[k]) {
        undrawn++;
        invitedUndrawn += ws.baseInvited[k]!;
        screenScoreOf(ws, key, k);
      }
    }
    expect(invitedUndrawn).toBe(0);
    if (!wasm) expect(undrawn).toBe(0);
    left += undrawn;
    seen.push(bytes(ws.screenScore), bytes(ws.baseInvited), bytes(ws.borderlineEntries.subarray(0, ws.borderlineCount)), bytes(ws.cutoff));
    seen.push(bytes(ws.borderlineApplicant.subarray(0, ws.borderlineCount)));
    seen.push(bytes(ws.screeningCutoff), bytes(ws.screenWidth), bytes(ws.screenFileAll), bytes(ws.invitesAt), bytes(ws.listRoom), bytes(ws.borderlineFrom), `${ws.baseInviteCount}`);
    // Interviews and lists: each applicant's list (programs and entries) and each program's
    // interviewees (entries, applicants and the scores it ranks them by), as far as they go.
    const w = r.withoutCalls;
    const { aListOff, programAppStart } = ws.plan;
    for (let a = 0; a < ws.plan.s.applicant.count; a++) {
      const from = aListOff[a]!;
      seen.push(`${a}: ${w.aList.subarray(from, from + w.aLen[a]!).join()} / ${w.aEntry.subarray(from, from + w.aLen[a]!).join()}`);
    }
    for (let q = 0; q < ws.plan.s.program.count; q++) {
      const from = programAppStart[q]!;
      const to = from + ws.intervieweeCount[q]!;
      seen.push(`${q}: ${ws.interviewees.subarray(from, to).join()} / ${ws.intervieweeApplicant.subarray(from, to).join()} / ${bytes(ws.intervieweeKey.subarray(from, to))}`);
    }
    // The programs' lists (applicants and entries), both worlds.
    for (const world of [w, r.withCalls]) {
      for (let q = 0; q < ws.plan.s.program.count; q++) {
        const from = world.pStart[q]!;
        seen.push(`${q}@${from}: ${world.pList.subarray(from, from + world.pLen[q]!).join()} / ${world.pEntry.subarray(from, from + world.pLen[q]!).join()}`);
      }
    }
    seen.push(bytes(w.interviewed), r.withoutCalls.programOf.join(), r.withCalls.programOf.join());
  }
  return { kernel: ws.kernel !== undefined, choosing: ws.kernel?.choosing ?? false, undrawn: left, seen };
}

describe("the WebAssembly applications, screening and interviews", () => {
  it("write the same entries, preferences, bonuses, signals, scores, invitations, cutoffs, interviews and lists as the JavaScript, trial after trial", () => {
    let choosing = 0;
    let undrawn = 0;
    fc.assert(
      // Markets that choose, and the general and busy ones, where the kernel screens alone.
      fc.property(fc.oneof({ arbitrary: choosingArb, weight: 3 }, scenarioArb, busyCallsArb), (input) => {
        // Enough trials for the windows to settle, hit and sometimes miss.
        const wasm = seasons(input, true, 10);
        const js = seasons(input, false, 10);
        expect(wasm.kernel).toBe(true);
        expect(js.kernel).toBe(false);
        if (wasm.choosing) choosing++;
        undrawn += wasm.undrawn;
        expect(wasm.seen).toEqual(js.seen);
      }),
      { numRuns: 100 },
    );
    // A test whose markets never chose would not have run the application kernel at all.
    expect(choosing).toBeGreaterThan(40);
    // Nor would one whose settled windows never left a screening score undrawn.
    expect(undrawn).toBeGreaterThan(0);
  });
});
