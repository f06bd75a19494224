import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { PRESETS, presetNamed, scaled } from "../../src/generate/presets.js";
import { specialtyMarket } from "../../src/generate/specialty-market.js";
import { scenarioText } from "../../src/generate/scenario-text.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { simulateInline } from "../../src/montecarlo/run-trials.js";
import { resultsContext, resultsOf } from "../../src/montecarlo/results-of.js";
import { captureIo } from "../helpers/cli.js";

describe("generate --preset", () => {
  it("is deterministic for a seed, and another seed gives another market", () => {
    const shape = scaled(presetNamed("orthopaedic-surgery")!.shape, 0.2);
    expect(JSON.stringify(specialtyMarket(shape, 5))).toBe(JSON.stringify(specialtyMarket(shape, 5)));
    expect(JSON.stringify(specialtyMarket(shape, 6))).not.toBe(JSON.stringify(specialtyMarket(shape, 5)));
  });

  it("gives every preset its stated size (within 1%)", () => {
    for (const preset of PRESETS) {
      const s = specialtyMarket(preset.shape, 1);
      const positions = s.programs!.reduce((t, p) => t + p.positions, 0);
      const within = (got: number, want: number) => expect(Math.abs(got - want) / want, preset.name).toBeLessThanOrEqual(0.01);
      within(s.programs!.length, preset.shape.programs);
      within(positions, preset.shape.positions);
      within(s.applicants!.length, preset.shape.applicants);
    }
  });

  it("writes valid scenarios for every preset, as YAML and as JSON", () => {
    for (const preset of PRESETS) {
      // Full sizes are checked above; validity is the same at a fraction of the size.
      const shape = scaled(preset.shape, preset.name === "nrmp" ? 0.02 : preset.shape.applicants > 2000 ? 0.1 : 0.5);
      const input = specialtyMarket(shape, 2);
      for (const format of ["yaml", "json"] as const) {
        const loaded = loadScenarioText(scenarioText(input, format, "header"), `${preset.name}.${format}`);
        expect(loaded.indexed.applicantIds.length).toBe(shape.applicants);
      }
    }
  });

  it("works from the command line: --list, and generate then run", async () => {
    const list = captureIo();
    expect(await main(["generate", "--list"], list)).toBe(0);
    for (const p of PRESETS) expect(list.out()).toContain(p.name);
    const dir = mkdtempSync(join(tmpdir(), "ms-gen-"));
    const file = join(dir, "derm.yaml");
    expect(await main(["generate", "--preset", "dermatology", "--scale", "0.2", "--out", file], captureIo())).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(/^# Dermatology: a synthetic market/);
    const run = captureIo();
    expect(await main(["run", file, "--runs", "20", "--format", "json"], run)).toBe(0);
    expect(JSON.parse(run.out()).runs).toBe(20);
    const bad = captureIo();
    expect(await main(["generate", "--preset", "dermatolgy"], bad)).toBe(2);
    expect(bad.err()).toContain("no such preset");
  });
});

describe("who the calls help", () => {
  it("group rates add up to the overall match rate, with and without calls", () => {
    const loaded = loadScenarioText(JSON.stringify(specialtyMarket(scaled(presetNamed("dermatology")!.shape, 0.2), 3)), "d.json");
    const r = resultsOf(simulateInline(loaded.indexed, 1, 40, "applicant"), resultsContext(loaded.indexed), { scenario: "d", seed: 1, proposer: "applicant" });
    const g = Object.fromEntries(r.groups.groups.map((x) => [x.key, x]));
    const n = loaded.indexed.applicantIds.length;
    for (const [yes, no] of [["homeOrAway", "neither"], ["tiedLetters", "untiedLetters"]] as const) {
      expect(g[yes]!.applicants + g[no]!.applicants).toBe(n);
      for (const key of ["withCalls", "withoutCalls"] as const) {
        const weighted = (g[yes]!.pMatch[key] * g[yes]!.applicants + g[no]!.pMatch[key] * g[no]!.applicants) / n;
        expect(Math.abs(weighted - r.summary.matchRate[key])).toBeLessThan(2e-6);
        // The counts add up exactly.
        expect(g[yes]!.pMatch.counts[key] + g[no]!.pMatch.counts[key]).toBe(r.summary.matchRate.counts[key]);
      }
    }
    expect(g["tiedLetters"]!.applicants).toBeGreaterThan(0);
    expect(g["untiedLetters"]!.applicants).toBeGreaterThan(0);
  });
});
