import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../../../src/scenario/load.js";
import { makeSeasonPlan } from "../../../src/season/plan.js";
import { runTrial } from "../../../src/season/season.js";
import { newWorkspace } from "../../../src/season/workspace.js";

// Screening finds each program's cutoff among the applications filed in a window around a
// guess, widened, narrowed or dropped (all filed) from trial to trial: the windows only save
// work. Here every trial's invitations and borderline marks are checked against the rule
// worked out from all the scores.
describe("screening's windows", () => {
  it("never change who is invited or borderline, trial after trial", () => {
    const file = "scenarios/dermatology.yaml";
    const s = loadScenarioText(readFileSync(file, "utf8"), file).indexed;
    const plan = makeSeasonPlan(s);
    const ws = newWorkspace(plan);
    const { band } = s.model.screening;
    let widened = 0;
    let filedWhole = 0;
    for (let t = 0; t < 40; t++) {
      runTrial(ws, 5, t, { proposer: "applicant" });
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
        widened += +(ws.screenWidth[q]! > 1);
        filedWhole += ws.screenFileAll[q]!;
      }
    }
    // The test saw windows widened after a miss, and programs filed whole.
    expect(widened).toBeGreaterThan(0);
    expect(filedWhole).toBeGreaterThan(0);
  });
});
