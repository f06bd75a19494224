import fc from "fast-check";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { loadScenario, simulate, sweep } from "../../src/index.js";
import { changesWorldWithoutCalls } from "../../src/montecarlo/sweep.js";
import { withSettings } from "../../src/scenario/edits.js";
import { librarySetting } from "../../src/scenario/overrides.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { scenarioArb } from "../helpers/scenario-arbitrary.js";
import { season } from "../helpers/season.js";
import { runMain } from "../helpers/cli.js";

const CLASSROOM = "scenarios/classroom.yaml";
const LATE = "scenarios/late-calls.yaml";

/** What a point's results say about the market, without where they came from. */
const market = (r: { summary: unknown; applicants: unknown; programs: unknown; groups: unknown }) => JSON.stringify([r.summary, r.applicants, r.programs, r.groups]);

describe("sweep", () => {
  it("runs the season without calls once when no axis can change it, and gives each point exactly its own run", async () => {
    for (const file of [CLASSROOM, LATE, "scenarios/pre-interview.yaml"]) {
      const s = await loadScenario(file);
      const r = await sweep(s, { axes: { "rankList.callProbability.borderline": [0, 0.6], "effects.strong": [5, 25] }, runs: 60, workers: 1 });
      expect(r.sharedWorldWithoutCalls).toBe(true);
      for (const p of r.points) {
        const alone = await simulate(s, { runs: 60, set: p.parameters, workers: 1 });
        expect(market(p.results!), `${file} ${JSON.stringify(p.parameters)}`).toBe(market(alone));
      }
    }
  });

  it("runs it at every point when an axis can change it, with the same results", async () => {
    const s = await loadScenario("scenarios/pre-interview.yaml");
    const r = await sweep(s, { axes: { "screening.noise": [0.05, 0.2] }, runs: 60, workers: 1 });
    expect(r.sharedWorldWithoutCalls).toBe(false);
    for (const p of r.points) expect(market(p.results!)).toBe(market(await simulate(s, { runs: 60, set: p.parameters, workers: 1 })));
  });

  it("compares every point with the baseline on the same seasons: the estimate is the difference, the interval paired", async () => {
    const s = await loadScenario(CLASSROOM);
    const r = await sweep(s, { axes: { "effects.strong": [0, 10, 20] }, runs: 400, focus: "Ava", baseline: "effects.strong=20" });
    expect(r.baseline).toBe(2);
    const base = r.points[2]!;
    expect(base.vsBaseline).toBeNull();
    expect(base.focus!.vsBaseline).toBeNull();
    for (const p of r.points.slice(0, 2)) {
      const d = p.vsBaseline!.matchRateWithCalls;
      expect(d.estimate).toBeCloseTo(p.matchRate.withCalls - base.matchRate.withCalls, 5);
      const f = p.focus!.vsBaseline!;
      expect(f.estimate).toBeCloseTo(p.focus!.pMatch - base.focus!.pMatch, 4);
      if (f.interval === null) expect(f.estimate).toBe(0); // no season differed
      else expect(f.interval[0] <= f.estimate && f.estimate <= f.interval[1]).toBe(true);
    }
    // Without a strong word Ava never matches: certainly worse than at the baseline.
    expect(r.points[0]!.focus!.vsBaseline!.interval![1]).toBeLessThan(0);
    // The season without calls cannot differ between these points.
    for (const p of r.points.slice(0, 2)) expect(p.vsBaseline!.matchRateWithoutCalls).toEqual({ estimate: 0, interval: null });
  });

  it("takes the baseline by number or by settings, and refuses one that is not a point", async () => {
    const numbered = await runMain(["sweep", CLASSROOM, "--set", "effects.strong=0,20", "--runs", "20", "--baseline", "2", "--format", "json"]);
    expect(JSON.parse(numbered.stdout).baseline).toBe(1);
    for (const [baseline, message] of [["3", /--baseline 3: the grid has points 1 to 2/], ["effects.strong=5", /no point of the grid has these settings/]] as const) {
      const r = await runMain(["sweep", CLASSROOM, "--set", "effects.strong=0,20", "--runs", "20", "--baseline", baseline]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it("writes CSV with the same columns with and without a focus, and every point's tables with --full", async () => {
    const read = async (args: string[]) => parseCsv((await runMain(["sweep", CLASSROOM, "--set", "effects.strong=0,20", "--runs", "30", "--format", "csv", ...args])).stdout, { columns: true }) as Record<string, string>[];
    const plain = await read([]);
    const focused = await read(["--focus", "Ava"]);
    expect(Object.keys(plain[0]!)).toEqual(Object.keys(focused[0]!));
    expect(plain[0]!["focus"]).toBe("");
    expect(focused[0]!["focus"]).toBe("Ava");
    expect(plain.map((x) => x["isBaseline"])).toEqual(["true", "false"]);
    const applicants = await read(["--full", "--table", "applicants"]);
    expect(applicants).toHaveLength(2 * 10);
    expect(Object.keys(applicants[0]!).slice(0, 8)).toEqual(["scenario", "fingerprint", "version", "seed", "runs", "proposer", "effects.strong", "applicant"]);
    const refused = await runMain(["sweep", CLASSROOM, "--set", "effects.strong=0,20", "--runs", "30", "--format", "csv", "--table", "applicants"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--table applicants holds every point's full results: add --full");
  });
});

describe("which settings can change the season without calls", () => {
  const callOnly = [
    "rankList.callProbability.top",
    "preInterview.callProbability",
    "effects.strong",
    "ripple.sameRegion",
    "late.callProbability",
    "advocacy.callProbability",
    "opinions.noise",
  ];
  it("classifies model parameters and scenario fields", () => {
    for (const path of callOnly) expect(changesWorldWithoutCalls(path), path).toBe(false);
    for (const path of ["screening.noise", "interviews.noise", "applications.perApplicant", "ranking.preferenceNoise", "applicants.a.paper", "programs.P.positions"]) {
      expect(changesWorldWithoutCalls(path), path).toBe(true);
    }
    for (const path of ["referrers.r.clout", "relationships.a~b.trust", "opinions.r~a", "programs.P.backchannelUse", "applicants.a.advocates", "applicants.a.letters"]) {
      expect(changesWorldWithoutCalls(path), path).toBe(false);
    }
  });

  it("is right: a setting said not to change it leaves the season without calls as it was", () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...callOnly), fc.double({ min: 0, max: 1, noNaN: true }), (input, path, value) => {
        const loaded = loadScenarioText(JSON.stringify(input), "x.json");
        const v = path === "effects.strong" ? Math.round(value * 30) : value;
        const edited = withSettings(loaded, [librarySetting("set", path, v)]);
        const before = season(input).trial(2).result.withoutCalls;
        const after = season({ ...input, model: edited.scenario.model }).trial(2).result.withoutCalls;
        expect(Array.from(after.programOf)).toEqual(Array.from(before.programOf));
        expect(Array.from(after.matchedRank)).toEqual(Array.from(before.matchedRank));
      }),
      { numRuns: 60 },
    );
  });
});
