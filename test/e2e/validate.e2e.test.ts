import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { captureIo, hasStackTrace, runCli } from "../helpers/cli.js";

const INVALID = "test/fixtures/invalid";

function expectedLine(file: string): string {
  const path = join(INVALID, file);
  if (file.endsWith(".json")) return readFileSync(`${path}.expected`, "utf8").trim();
  return readFileSync(path, "utf8").split("\n")[0]!.replace(/^# expect: /, "");
}

const cases = readdirSync(INVALID).filter((f) => /\.(ya?ml|json)$/.test(f));

describe("validate", () => {
  it("summarises a valid file", () => {
    const r = runCli(["validate", "scenarios/nrmp-example.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(
      "scenarios/nrmp-example.yaml: ok — 8 applicants, 4 programs, 8 positions, 0 referrers, 0 relationships",
    );
  });

  it("reports every problem of a file in one pass", () => {
    const r = runCli(["validate", "many-errors.yaml"], { cwd: "test/fixtures" });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines.slice(0, -1)).toEqual([
      "many-errors.yaml:2:5 programs[0].positions: missing: expected a whole number from 0 to 1,000,000",
      "many-errors.yaml:3:5 programs[0].postions: unknown key \"postions\" (did you mean \"positions\"?)",
      "many-errors.yaml:4:21 programs[0].rankList[1]: unknown applicant \"Zed\"",
      "many-errors.yaml:5:9 programs[1].id: duplicate program id \"City\" (first at programs[0])",
      "many-errors.yaml:6:16 programs[1].positions: expected a whole number from 0 to 1,000,000, got -1",
      "many-errors.yaml:10:12 applicants[0].paper: expected a number from 0 to 1, got 1.5",
      "many-errors.yaml:11:22 applicants[0].rankList[1]: \"City\" is listed twice (also at position 1)",
      "many-errors.yaml:11:28 applicants[0].rankList[2]: unknown program \"Nowhere\"",
    ]);
    expect(lines.at(-1)).toBe("match-sim: 1 file has errors");
  });

  it("checks several files and fails if any fails", () => {
    const r = runCli(["validate", "scenarios/nrmp-example.yaml", join(INVALID, "wrong-type.yaml")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("nrmp-example.yaml: ok");
    expect(r.stderr).toContain("wrong-type.yaml:5:12");
  });

  it(`has at least ten kinds of bad input (${cases.length})`, () => expect(cases.length).toBeGreaterThanOrEqual(10));

  for (const file of cases) {
    it(`${file}: exit 1, the exact positioned line, no stack, no output file`, () => {
      const v = runCli(["validate", file], { cwd: INVALID });
      expect(v.code).toBe(1);
      expect(v.stderr.split("\n")[0]).toBe(expectedLine(file));
      expect(hasStackTrace(v.stderr)).toBe(false);

    });

    it(`${file}: match fails the same way and writes nothing`, async () => {
      const out = join(mkdtempSync(join(tmpdir(), "ms-")), "out.json");
      const io = captureIo();
      const code = await main(["match", join(INVALID, file), "--format", "json", "--out", out], io);
      expect(code).toBe(1);
      expect(io.err().split("\n")[0]).toBe(`${INVALID}/${expectedLine(file)}`);
      expect(existsSync(out)).toBe(false);
      expect(io.out()).toBe("");
    });
  }
});
