import fc from "fast-check";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { mix } from "../../../src/rng/mix.js";
import { columnOf, rowKey, rowNormalAt } from "../../../src/rng/streams.js";
import { SETTLING_TRIALS, useBoundedDraws } from "../../../src/season/applications.js";
import { newSeasonKernel, useSharedRow, useWasmKernel } from "../../../src/season/kernel/season-kernel.js";
import { BYTES } from "../../../src/season/kernel/season-bytes.js";
import { makeSeasonPlan } from "../../../src/season/plan.js";
import { runTrial } from "../../../src/season/season.js";
import { newWorkspace } from "../../../src/season/workspace.js";
import { loadScenarioText } from "../../../src/scenario/load.js";
import { scenarioOf } from "../../helpers/season.js";
// @ts-expect-error: a build script, in JavaScript
import { assemble } from "../../../scripts/wasm.js";

afterEach(() => {
  useWasmKernel(true);
  useBoundedDraws(true);
  useSharedRow(true);
});

/** A kernel over these candidates alone (one applicant, left to the JavaScript), to call `choose` on. */
function kernelOver(appeal: Float64Array, column: Int32Array) {
  return newSeasonKernel({
    appeal,
    column,
    program: new Int32Array(appeal.length),
    candidateOffsets: Int32Array.of(0, appeal.length),
    appOff: Int32Array.of(0, 0),
    applicantKey: Int32Array.of(0),
    special: Uint8Array.of(1),
    mustOffsets: Int32Array.of(0, 0),
    mustPlaces: new Int32Array(0),
    mustScreenBonus: new Float64Array(0),
    mustAppeal: new Float64Array(0),
    mustColumn: new Int32Array(0),
    maxCandidates: appeal.length,
    anyChooses: true,
    programKey: new Int32Array(0),
    programStart: Int32Array.of(0),
    aListOff: Int32Array.of(0, 0),
    maxInterviews: Int32Array.of(0),
    ownList: Uint8Array.of(0),
    paperPart: Float64Array.of(0),
    flagPart: Float64Array.of(0),
    quality: Float64Array.of(0),
    maxEntries: 1,
    pHasRankList: new Uint8Array(0),
    listCapacity: 0,
    interviewSlots: new Int32Array(0),
    positions: new Int32Array(0),
    entryApplicant: new Int32Array(0),
  });
}

/** What chooseApplications computes in JavaScript for one applicant's candidates. */
function reference(appeal: Float64Array, column: Int32Array, c0: number, n: number, row: number, noise: number, lo: number, hi: number) {
  const score: number[] = [];
  const kept: number[] = [];
  const inside: number[] = [];
  for (let k = 0; k < n; k++) {
    const v = appeal[c0 + k]! + noise * rowNormalAt(row, column[c0 + k]!);
    score.push(v);
    if (v > hi) kept.push(k);
    if (v >= lo && v <= hi) inside.push(k);
  }
  return { score, kept, inside };
}

describe("the WebAssembly application draws and screening", () => {
  it("are assembled from the text beside them (npm run wasm after editing season.wat)", async () => {
    const text = readFileSync(new URL("../../../src/season/kernel/season.wat", import.meta.url), "utf8");
    const bytes: Buffer = await assemble(text, "season.wat");
    expect(bytes.toString("base64")).toBe(BYTES);
  });

  it("give the same bits as the JavaScript, for any count, key, noise and window", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        (values, row, noise, lo, width, seed) => {
          const appeal = Float64Array.from(values);
          const column = Int32Array.from(values, (_, i) => columnOf((seed + i * 7919) % 100_000));
          const kernel = kernelOver(appeal, column);
          expect(kernel).toBeDefined();
          // Every start and length: the kernel takes four at a time and the rest one by one.
          for (let c0 = 0; c0 < appeal.length; c0 += 3) {
            const n = appeal.length - c0;
            const want = reference(appeal, column, c0, n, row, noise, lo, lo + width);
            const above = kernel!.choose(c0, n, row, noise, lo, lo + width);
            expect(Array.from(kernel!.score.subarray(0, n))).toEqual(want.score);
            expect(above).toBe(want.kept.length);
            expect(kernel!.insideCount()).toBe(want.inside.length);
            expect(Array.from(kernel!.kept.subarray(0, above))).toEqual(want.kept);
            expect(Array.from(kernel!.inside.subarray(0, want.inside.length))).toEqual(want.inside);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keep every candidate with a window at -∞, and none is inside one at +∞", () => {
    const appeal = Float64Array.from({ length: 11 }, (_, i) => i / 10);
    const column = Int32Array.from(appeal, (_, i) => columnOf(i));
    const kernel = kernelOver(appeal, column)!;
    expect(kernel.choose(0, 11, 12345, 0.3, -Infinity, -Infinity)).toBe(11);
    expect(Array.from(kernel.kept.subarray(0, 11))).toEqual([...Array(11).keys()]);
    expect(kernel.choose(0, 11, 12345, 0.3, Infinity, Infinity)).toBe(0);
    expect(kernel.insideCount()).toBe(0);
  });

  it("leave every season as the JavaScript draws leave it", () => {
    // Dermatology's applicants choose 40 of 150 programs, with home and away programs: the
    // whole step runs in the kernel. The signals market's (20 programs, 40 applications
    // allowed) and the classroom's apply to every program they may: their applications are
    // left to the JavaScript, their screening runs in the kernel.
    const chooses: Record<string, boolean> = { "scenarios/dermatology.yaml": true, "test/fixtures/signals-market.yaml": false, "scenarios/classroom.yaml": false };
    for (const file of Object.keys(chooses)) {
      const loaded = loadScenarioText(readFileSync(file, "utf8"), file);
      const plan = makeSeasonPlan(loaded.indexed);
      const runs = [true, false].map((on) => {
        useWasmKernel(on);
        const ws = newWorkspace(plan);
        expect(ws.kernel !== undefined).toBe(on);
        expect(ws.kernel?.choosing ?? false).toBe(on && chooses[file]);
        const seen: string[] = [];
        for (let t = 0; t < 6; t++) {
          const r = runTrial(ws, 3, t, { proposer: "applicant" });
          seen.push(Buffer.from(ws.appPref.buffer, ws.appPref.byteOffset, ws.appPref.byteLength).toString("base64"), r.withCalls.programOf.join(), r.withoutCalls.programOf.join());
        }
        return seen;
      });
      expect(runs[0]).toEqual(runs[1]);
    }
  });

  it("order equal scores as the JavaScript does: tied invitations, and programs' lists of tied interviewees, short and long", () => {
    // No interview noise and two kinds of applicant: every program's interviewees tie in
    // runs, which the kernel's counting cannot order and sorts by filing instead. Program
    // L interviews 70, past what the counting takes. No preference noise: each applicant's
    // invitations tie too (the programs look alike).
    const applicants = Array.from({ length: 90 }, (_, i) => ({ id: `a${i}`, paper: i % 2 ? 0.5 : 0.8, quality: i % 3 ? 0.4 : 0.9 }));
    const s = scenarioOf({
      programs: [
        { id: "L", positions: 20, interviewSlots: 70 },
        { id: "M", positions: 10, interviewSlots: 30 },
        { id: "N", positions: 10, interviewSlots: 30 },
      ],
      applicants,
      model: { interviews: { noise: 0 }, ranking: { preferenceNoise: 0 } },
    });
    const plan = makeSeasonPlan(s);
    const runs = [true, false].map((on) => {
      useWasmKernel(on);
      const ws = newWorkspace(plan);
      expect(ws.kernel !== undefined).toBe(on);
      return [0, 1, 2, 3].map((t) => {
        const r = runTrial(ws, 4, t, { proposer: "applicant" });
        const w = r.withoutCalls;
        const lists = Array.from({ length: s.program.count }, (_, q) => Array.from(w.pList.subarray(w.pStart[q]!, w.pStart[q]! + w.pLen[q]!)));
        return { lists, matched: Array.from(w.programOf) };
      });
    });
    expect(Math.max(...runs[0]!.map((r) => r.lists[0]!.length))).toBeGreaterThan(64);
    expect(runs[0]).toEqual(runs[1]);
  });

  it("choose among candidates of equal appeal as the JavaScript does: ties at the cutoff kept in candidate order", () => {
    // No preference noise and programs alike: every candidate scores the same, so the
    // cutoff is one score shared by all, and the first perApplicant are kept.
    const s = scenarioOf({
      programs: Array.from({ length: 12 }, (_, i) => ({ id: `P${i}`, positions: 2 })),
      applicants: Array.from({ length: 20 }, (_, i) => ({ id: `a${i}` })),
      model: { applications: { perApplicant: 5 }, ranking: { preferenceNoise: 0 } },
    });
    const plan = makeSeasonPlan(s);
    const runs = [true, false].map((on) => {
      useWasmKernel(on);
      const ws = newWorkspace(plan);
      expect(ws.kernel?.choosing ?? false).toBe(on);
      return Array.from({ length: 12 }, (_, t) => {
        // Every trial's entries written afresh: the same every trial, so none may be left over.
        ws.appProgram.fill(-1);
        runTrial(ws, 6, t, { proposer: "applicant" });
        return Array.from(ws.appProgram);
      });
    });
    expect(runs[0]).toEqual(runs[1]);
  });

  it("fall back to the JavaScript when the engine refuses the kernel's memory, with the same seasons", () => {
    const file = "scenarios/dermatology.yaml";
    const plan = makeSeasonPlan(loadScenarioText(readFileSync(file, "utf8"), file).indexed);
    const season = (ws: ReturnType<typeof newWorkspace>) =>
      [0, 1, 2].map((t) => {
        const r = runTrial(ws, 5, t, { proposer: "applicant" });
        return `${r.withCalls.programOf.join()}|${r.withoutCalls.programOf.join()}`;
      });
    const wasm = (globalThis as unknown as { WebAssembly: { Memory: unknown } }).WebAssembly;
    const Memory = wasm.Memory;
    // As a very large market's memory would be refused.
    wasm.Memory = function refused() {
      throw new RangeError("WebAssembly.Memory(): could not allocate memory");
    };
    let fallback: ReturnType<typeof newWorkspace>;
    try {
      fallback = newWorkspace(plan);
    } finally {
      wasm.Memory = Memory;
    }
    expect(fallback.kernel).toBeUndefined();
    const kernel = newWorkspace(plan);
    expect(kernel.kernel).toBeDefined();
    expect(season(fallback)).toEqual(season(kernel));
  });

  it("bound no candidate that can reach its applicant's settled window, and leave out most below it", () => {
    const file = "scenarios/dermatology.yaml";
    const plan = makeSeasonPlan(loadScenarioText(readFileSync(file, "utf8"), file).indexed);
    const ws = newWorkspace(plan);
    for (let t = 0; t <= SETTLING_TRIALS; t++) runTrial(ws, 1, t, { proposer: "applicant" });
    const settled = ws.applicationCutoff.slice();
    runTrial(ws, 1, 99, { proposer: "applicant" });
    // The guesses stay as they settled.
    expect(ws.applicationCutoff).toEqual(settled);
    const bound = ws.kernel!.bound;
    const noise = plan.s.model.ranking.preferenceNoise;
    const lo = (a: number) => settled[a]! - noise * 0.35;
    let reaching = 0;
    let cut = 0;
    let below = 0;
    let leftOut = 0;
    for (let trial = 0; trial < 3; trial++) {
      for (let a = 0; a < plan.s.applicant.count; a++) {
        const row = rowKey(1000 + trial, plan.s.applicant.key[a]!);
        for (let c = plan.candidates.offsets[a]!; c < plan.candidates.offsets[a + 1]!; c++) {
          const score = plan.selectAppeal[c]! + noise * rowNormalAt(row, plan.candidateColumn[c]!);
          const drawn = mix((row + plan.candidateColumn[c]!) >>> 0) >>> 16 >= bound[c]!;
          if (score >= lo(a)) {
            reaching++;
            if (!drawn) cut++;
          } else {
            below++;
            if (!drawn) leftOut++;
          }
        }
      }
    }
    expect(reaching).toBeGreaterThan(0);
    expect(cut).toBe(0);
    // Bounds that drew everything would pass the check above and save nothing.
    expect(leftOut / below).toBeGreaterThan(0.9);
  });

  it("give the same seasons with the bounded draws as without them", () => {
    const file = "scenarios/dermatology.yaml";
    const plan = makeSeasonPlan(loadScenarioText(readFileSync(file, "utf8"), file).indexed);
    const seasons = (bounded: boolean) => {
      useBoundedDraws(bounded);
      const ws = newWorkspace(plan);
      const seen: string[] = [];
      for (let t = 0; t < SETTLING_TRIALS + 6; t++) {
        const r = runTrial(ws, 2, t, { proposer: "applicant" });
        if (t < SETTLING_TRIALS) continue;
        seen.push(Buffer.from(ws.appPref.buffer, ws.appPref.byteOffset, ws.appPref.byteLength).toString("base64"), ws.appProgram.join(), r.withCalls.programOf.join());
      }
      return seen;
    };
    expect(seasons(true)).toEqual(seasons(false));
  });

  it("keep one row of candidates where every applicant's is the same, with the same seasons", () => {
    const file = "scenarios/dermatology.yaml";
    const plan = makeSeasonPlan(loadScenarioText(readFileSync(file, "utf8"), file).indexed);
    const seasons = (shared: boolean) => {
      useSharedRow(shared);
      const ws = newWorkspace(plan);
      // Every dermatology applicant considers all 150 programs, in the same order.
      expect(ws.kernel!.sharedRow).toBe(shared ? 150 : 0);
      const seen: string[] = [];
      for (let t = 0; t < SETTLING_TRIALS + 4; t++) {
        const r = runTrial(ws, 4, t, { proposer: "applicant" });
        seen.push(Buffer.from(ws.appPref.buffer, ws.appPref.byteOffset, ws.appPref.byteLength).toString("base64"), ws.appProgram.join(), r.withoutCalls.programOf.join());
      }
      return seen;
    };
    expect(seasons(true)).toEqual(seasons(false));
    // A market whose applicants' rows differ keeps them all.
    const other = "scenarios/classroom.yaml";
    const otherPlan = makeSeasonPlan(loadScenarioText(readFileSync(other, "utf8"), other).indexed);
    const rows = new Set(Array.from({ length: otherPlan.s.applicant.count }, (_, a) => otherPlan.candidates.items.subarray(otherPlan.candidates.offsets[a]!, otherPlan.candidates.offsets[a + 1]!).join()));
    expect(newWorkspace(otherPlan).kernel?.sharedRow ?? 0).toBe(rows.size === 1 ? rows.values().next().value!.split(",").length : 0);
  });
});
