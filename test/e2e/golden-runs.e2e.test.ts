import { describe, it, expect } from "vitest";
import { main } from "../../src/cli/main.js";
import { captureIo } from "../helpers/cli.js";
import { expectGolden } from "../helpers/golden.js";

// Seeded snapshots of `run --seed 42 --format json` on every shipped scenario: they catch
// any silent change of the model or of the random draws. A deliberate change is made with
// UPDATE_GOLDEN=1 and a reviewed diff.
const RUNS: Record<string, number> = {
  classroom: 300,
  "pre-interview": 300,
  ripple: 300,
  "late-calls": 300,
  "nrmp-example": 50,
  dermatology: 20,
};

describe("golden runs of the shipped scenarios", () => {
  for (const [name, runs] of Object.entries(RUNS)) {
    it(`${name}: run --seed 42 --runs ${runs} --format json`, async () => {
      const io = captureIo();
      expect(await main(["run", `scenarios/${name}.yaml`, "--seed", "42", "--runs", String(runs), "--format", "json", "--workers", "1"], io)).toBe(0);
      expectGolden(`${name}.run.json`, io.out());
    });
  }
});
