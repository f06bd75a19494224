import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { PRESETS, presetNamed, scaled } from "../../src/generate/presets.js";
import { ModelParamsSchema } from "../../src/scenario/model-params.js";
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

  it("writes each applicant's signals, home, aways and advocates as the preset says", () => {
    for (const preset of PRESETS.filter((p) => p.name !== "nrmp")) {
      const shape = scaled(preset.shape, 0.3);
      const s = specialtyMarket(shape, 3);
      const apps = s.applicants!;
      for (const a of apps) {
        const own = [...(a.goldSignals ?? []), ...(a.signals ?? [])];
        // Each applicant signals exactly the preset's counts, never home or an away, never twice.
        expect(a.goldSignals?.length ?? 0, preset.name).toBe(shape.signals.gold);
        expect(a.signals?.length ?? 0, preset.name).toBe(shape.signals.silver);
        expect(new Set(own).size).toBe(own.length);
        if (a.home) expect(own).not.toContain(a.home);
        for (const away of a.aways ?? []) expect(own).not.toContain(away);
      }
      const share = (f: (a: (typeof apps)[number]) => boolean) => apps.filter(f).length / apps.length;
      expect(Math.abs(share((a) => a.home !== undefined) - shape.homeShare), preset.name).toBeLessThan(0.06);
      expect(Math.abs(share((a) => (a.aways?.length ?? 0) > 0) - shape.awayShare), preset.name).toBeLessThan(0.06);
      const advocated = share((a) => (a.advocates?.length ?? 0) > 0) / share((a) => a.home !== undefined);
      expect(Math.abs(advocated - shape.advocateShare), preset.name).toBeLessThan(0.08);
      // A generated market loads: every signal is to a program the applicant may apply to.
      expect(() => loadScenarioText(JSON.stringify(s), `${preset.name}.json`)).not.toThrow();
    }
  });

  it("--scale keeps every ratio: applicants per position, applications and signals per program", () => {
    const whole = presetNamed("dermatology")!.shape;
    for (const factor of [0.2, 0.5, 2]) {
      const part = scaled(whole, factor);
      const close = (a: number, b: number, what: string) => expect(Math.abs(a / b - 1), `${what} at ${factor}`).toBeLessThan(0.06);
      close(part.applicants / part.positions, whole.applicants / whole.positions, "applicants per position");
      close(part.positions / part.programs, whole.positions / whole.programs, "positions per program");
      close(part.applicationsPerApplicant / part.programs, whole.applicationsPerApplicant / whole.programs, "applications per program");
      close(part.signals.silver / part.applicationsPerApplicant, whole.signals.silver / whole.applicationsPerApplicant, "signals per application");
      expect(part.model).toEqual(whole.model);
    }
  });

  it("describes the figures behind the preset in the file it writes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ms-gen-"));
    const file = join(dir, "ortho.yaml");
    expect(await main(["generate", "--preset", "orthopaedic-surgery", "--scale", "0.1", "--out", file, "--quiet"], captureIo())).toBe(0);
    const loaded = loadScenarioText(readFileSync(file, "utf8"), file);
    for (const note of presetNamed("orthopaedic-surgery")!.notes) expect(loaded.scenario.description).toContain(note);
  });

  it("docs/presets.md cites every figure behind every preset, as the preset states it", () => {
    const doc = readFileSync(new URL("../../docs/presets.md", import.meta.url), "utf8");
    for (const preset of PRESETS) for (const note of preset.notes) expect(doc, preset.name).toContain(note);
  });
});

describe("the presets' parameters", () => {
  const leaves = (x: unknown, path = ""): [string, unknown][] =>
    typeof x === "object" && x !== null ? Object.entries(x).flatMap(([k, v]) => leaves(v, path === "" ? k : `${path}.${k}`)) : [[path, x]];
  const defaults = new Map(leaves(ModelParamsSchema.parse({})));

  it("keep screening.band at most 0.10 and preInterview.callProbability at most 0.5", () => {
    for (const preset of PRESETS) {
      const model = ModelParamsSchema.parse(preset.shape.model);
      expect(model.screening.band, preset.name).toBeLessThanOrEqual(0.1);
      expect(model.preInterview.callProbability, preset.name).toBeLessThanOrEqual(0.5);
    }
  });

  it("leave every other parameter at its default unless a note cites why, with its value", () => {
    for (const preset of PRESETS) {
      for (const [path, value] of leaves(preset.shape.model)) {
        if (path === "applications.perApplicant") continue; // the preset's applications figure, in its sizes
        expect(defaults.has(path), `${preset.name}: ${path}`).toBe(true);
        if (defaults.get(path) === value) continue;
        const cited = preset.notes.some((n) => n.includes(`${path} ${value}`) || (n.includes(path) && n.includes(String(value))));
        expect(cited, `${preset.name}: ${path} = ${value} has no note`).toBe(true);
      }
    }
  });
});
