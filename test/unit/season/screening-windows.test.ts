import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../../../src/scenario/load.js";
import { makeSeasonPlan } from "../../../src/season/plan.js";
import { trialStreams } from "../../../src/rng/streams.js";
import { runTrial } from "../../../src/season/season.js";
import { screenScoreOf } from "../../../src/season/screening.js";
import { newWorkspace } from "../../../src/season/workspace.js";
import { presetNamed, presetScenario } from "../../../src/generate/presets.js";
import { scenarioOf } from "../../helpers/season.js";

// Screening finds each program's cutoff among the applications filed in a window around a
// guess, widened, narrowed or dropped (all filed) from trial to trial, then settled (and the
// scores that cannot reach a window left undrawn): the windows only save work. Here every trial's invitations and borderline marks are checked against the rule
// worked out from all the scores.
describe("screening's windows", () => {
  // Dermatology's applicants choose 40 of 150 programs; in the generated market everyone
  // applies everywhere, so each program's applications are the same entries every trial
  // (plan.programEntries), from which a missed program is filed.
  const generated = presetScenario(presetNamed("orthopaedic-surgery")!, 0.3, 2);
  generated.model = { ...generated.model, applications: { perApplicant: 0 } };
  const markets = [
    ["scenarios/dermatology.yaml", () => loadScenarioText(readFileSync("scenarios/dermatology.yaml", "utf8"), "dermatology.yaml").indexed],
    ["orthopaedics, every application", () => scenarioOf(generated)],
  ] as const;

  it.each(markets)("never change who is invited or borderline, trial after trial (%s)", (_, load) => {
    const s = load();
    const plan = makeSeasonPlan(s);
    expect(plan.programEntries === undefined).toBe(_ === "scenarios/dermatology.yaml");
    const ws = newWorkspace(plan);
    const { band } = s.model.screening;
    let missed = 0;
    let filedWhole = 0;
    for (let t = 0; t < 40; t++) {
      runTrial(ws, 5, t, { proposer: "applicant" });
      // Once the windows settle, the kernel leaves the scores below them undrawn: drawn
      // here as a later step would draw them.
      const key = trialStreams(5, t).screening;
      for (let k = 0; k < plan.totalApps; k++) screenScoreOf(ws, key, k);
      const entries: number[][] = Array.from({ length: s.program.count }, () => []);
      for (let k = 0; k < plan.totalApps; k++) entries[ws.appProgram[k]!]!.push(k);
      // Entries whose marks differ from the rule, as "trial:entry" (none expected).
      const wrong: string[] = [];
      for (let q = 0; q < s.program.count; q++) {
        const slots = s.program.interviewSlots[q]!;
        const mine = entries[q]!;
        const sorted = mine.map((k) => ws.screenScore[k]!).sort((x, y) => y - x);
        const cutoff = mine.length > slots ? sorted[slots - 1]! : -Infinity;
        for (const k of mine) {
          const invited = ws.screenScore[k]! >= cutoff ? 1 : 0;
          const borderline = mine.length > slots && Math.abs(ws.screenScore[k]! - cutoff) <= band ? 1 : 0;
          if (ws.baseInvited[k] !== invited || ws.borderline[k] !== borderline) wrong.push(`${t}:${k}`);
        }
      }
      expect(wrong).toEqual([]);
      for (let q = 0; q < s.program.count; q++) {
        missed += ws.needsAll[q]!;
        filedWhole += ws.screenFileAll[q]!;
      }
    }
    // The test saw windows miss (and their programs filed after); in dermatology, some
    // programs with few more applications than slots filed whole.
    expect(missed).toBeGreaterThan(0);
    if (plan.programEntries === undefined) expect(filedWhole).toBeGreaterThan(0);
  });
});
