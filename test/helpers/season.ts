import { loadScenarioText } from "../../src/scenario/load.js";
import type { ScenarioInput } from "../../src/scenario/schema.js";
import { makeSeasonPlan } from "../../src/season/plan.js";
import { runTrial, type SeasonOptions, type TrialResult } from "../../src/season/season.js";
import type { SeasonEvent } from "../../src/season/events.js";
import { newWorkspace, type Workspace } from "../../src/season/workspace.js";
import type { IndexedScenario } from "../../src/scenario/index-scenario.js";

/** A loaded scenario from a plain object, as a file would give it. */
export function scenarioOf(input: ScenarioInput): IndexedScenario {
  return loadScenarioText(JSON.stringify(input), "test.json").indexed;
}

export interface Season {
  s: IndexedScenario;
  ws: Workspace;
  trial: (t: number, options?: Partial<SeasonOptions>) => { result: TrialResult; events: SeasonEvent[] };
}

export function season(input: ScenarioInput): Season {
  const s = scenarioOf(input);
  const ws = newWorkspace(makeSeasonPlan(s));
  return {
    s,
    ws,
    trial(t, options = {}) {
      const events: SeasonEvent[] = [];
      const result = runTrial(ws, 7, t, { proposer: "applicant", emit: (e) => events.push(e), ...options });
      return { result, events };
    },
  };
}

/** Applicant ids on program q's final (or base) list in a world. */
export function listOf(sn: Season, world: TrialResult["withCalls"], program: string, base = false): string[] {
  const q = sn.s.programIds.indexOf(program);
  const start = world.pStart[q]!;
  const len = base ? world.baseLen[q]! : world.pLen[q]!;
  const list = base ? world.baseList : world.pList;
  return Array.from(list.subarray(start, start + len), (a) => sn.s.applicantIds[a]!);
}

export const names = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/** Every rank-list call probability set to p (so only reach decides who is called about). */
export const allCalls = (p: number) => ({ rankList: { callProbability: { top: p, borderline: p, redFlag: p } } });

export const noCalls = { preInterview: { callProbability: 0 }, ...allCalls(0), late: { callProbability: 0 } };
