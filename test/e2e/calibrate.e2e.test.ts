import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { calibrate } from "../../src/calibration/calibrate.js";
import { presetNamed } from "../../src/generate/presets.js";

describe("calibration", () => {
  it("measures every target on batches, with intervals, and judges each against its figure", async () => {
    const preset = presetNamed("dermatology")!;
    const c = await calibrate(preset, { batches: 4, seasonsPerBatch: 2, seed: 1, scale: 0.25, workers: 1 });
    expect(c.seasons).toBe(8);
    const names = c.targets.map((t) => t.target);
    for (const want of ["match rate", "fill rate", "interview rate, signal / no signal", "invites shaped by calls, top decile of programs", "rank-list minus pre-interview calls", "programs placing a late call", "home applicants interviewed at home"]) {
      expect(names).toContain(want);
    }
    for (const t of c.targets) {
      expect(Number.isFinite(t.measured.estimate), t.target).toBe(true);
      if (t.measured.interval) expect(t.measured.interval[0]).toBeLessThanOrEqual(t.measured.interval[1]);
    }
    const ratio = c.targets.find((t) => t.target.startsWith("interview rate"))!;
    const [lo, hi] = preset.targets.signalRatio.range;
    expect(ratio.pass).toBe(ratio.measured.estimate >= lo && ratio.measured.estimate <= hi);
    const match = c.targets.find((t) => t.target === "match rate")!;
    expect(match.pass).toBe(Math.abs(match.measured.estimate - preset.targets.matchRate.value) <= 0.05);
  });

  it("npm run calibrate prints each target, its value and interval, and exits 1 on a failure", () => {
    const run = spawnSync(process.execPath, ["scripts/calibrate.js", "--preset", "dermatology", "--scale", "0.25", "--batches", "3", "--seasons", "2"], { encoding: "utf8" });
    const rows = run.stdout.split("\n").filter((l) => /^\| (match rate|fill rate|interview rate|home applicants)/.test(l));
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row).toMatch(/\[[\d.]+%?, [\d.]+%?\] \| (pass|\*\*FAIL\*\*) \|/);
    const failed = Number(/targets: \d+ passed, (\d+) failed/.exec(run.stdout)![1]);
    expect(run.status).toBe(failed > 0 ? 1 : 0);
  });
});
