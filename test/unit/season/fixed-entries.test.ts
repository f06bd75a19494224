import { describe, expect, it } from "vitest";
import { presetNamed, presetScenario } from "../../../src/generate/presets.js";
import { makeSeasonPlan } from "../../../src/season/plan.js";
import { runTrial } from "../../../src/season/season.js";
import { newWorkspace, type Workspace } from "../../../src/season/workspace.js";
import { scenarioOf } from "../../helpers/season.js";

// Where everyone applies to all their candidates, a workspace writes the applications once
// and then draws only the preferences (and the signals that follow them). A trial run after
// others must leave every entry as a fresh workspace running it alone does.
describe("applications that are the same every trial", () => {
  const input = presetScenario(presetNamed("internal-medicine")!, 0.05, 4);
  input.model = { ...input.model, applications: { perApplicant: 0 }, signals: { perApplicant: 3, gold: { perApplicant: 1 } } };
  const programIds = input.programs!.map((p) => String(p.id));
  input.applicants!.forEach((a, i) => {
    // Half signal their favourites (the model's signals), half the programs the file names;
    // a few give their order of preference.
    if (i % 2 === 0) {
      delete a.signals;
      delete a.goldSignals;
    }
    if (i % 17 === 0) {
      a.preferences = programIds.slice(i % 5, (i % 5) + 8);
      delete a.signals;
      delete a.goldSignals;
    }
  });
  const s = scenarioOf(input);
  const plan = makeSeasonPlan(s);

  const entries = (ws: Workspace) => [ws.appProgram, ws.appPref, ws.entryBonus, ws.entrySignal, ws.signalled].map((x) => Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString("base64"));

  it("gives each trial's entries as a fresh workspace does", () => {
    expect(plan.programEntries).toBeDefined();
    const reused = newWorkspace(plan);
    for (let t = 0; t < 6; t++) {
      const r = runTrial(reused, 9, t, { proposer: "applicant" });
      expect(reused.entriesWritten).toBe(1);
      const fresh = newWorkspace(plan);
      const f = runTrial(fresh, 9, t, { proposer: "applicant" });
      expect(entries(reused)).toEqual(entries(fresh));
      expect(Array.from(r.withCalls.programOf)).toEqual(Array.from(f.withCalls.programOf));
    }
  });
});
