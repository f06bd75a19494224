import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { captureIo, hasStackTrace, runCli } from "../helpers/cli.js";

const NRMP = "scenarios/nrmp-example.yaml";

describe("match-sim match", () => {
  it("prints the published NRMP result as JSON, with 1-based ranks", () => {
    const r = runCli(["match", NRMP, "--format", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.proposer).toBe("applicant");
    expect(out.stable).toBe(true);
    expect(out.blockingPairs).toEqual([]);
    const pairs = Object.fromEntries(out.matches.map((m: { applicant: string; program: string }) => [m.applicant, m.program]));
    expect(pairs).toEqual({ Chen: "Mercy", Davis: "General", Eastman: "City", Ford: "State", Garcia: "City", Hassan: "State" });
    expect(out.matches.find((m: { applicant: string }) => m.applicant === "Ford")).toMatchObject({ applicantRank: 4, programRank: 6 });
    expect(out.unmatchedApplicants).toEqual(["Anderson", "Brown"]);
    expect(out.unfilled).toEqual({ Mercy: 1, General: 1 });
  });

  it("gives the same result with programs proposing, since the match is unique", async () => {
    const json = async (args: string[]) => {
      const io = captureIo();
      await main(args, io);
      return JSON.parse(io.out());
    };
    const a = await json(["match", NRMP, "--format", "json"]);
    const p = await json(["match", NRMP, "--format", "json", "--proposer", "program"]);
    expect(p.proposer).toBe("program");
    expect(p.matches).toEqual(a.matches);
  });

  it("prints a table with each program, the unmatched, open positions and stability", () => {
    const r = runCli(["match", NRMP]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/City\s+│ 2\s+│ Eastman \(1\/3\), Garcia \(1\/1\)/);
    expect(r.stdout).toContain("Unmatched: Anderson, Brown");
    expect(r.stdout).toContain("open positions: 2");
    expect(r.stdout).toContain("Stable: yes");
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it("prints one CSV row per applicant", async () => {
    const io = captureIo();
    await main(["match", NRMP, "--format", "csv"], io);
    const lines = io.out().trim().split("\n");
    expect(lines[0]).toBe("scenario,fingerprint,version,seed,runs,proposer,applicant,program,applicantRank,programRank");
    expect(lines).toHaveLength(9);
    const records = parseCsv(io.out()) as string[][];
    const rows = records.map((r) => r.slice(6).join(","));
    expect(rows).toContain("Anderson,,,");
    expect(rows).toContain("Ford,State,4,6");
    // Seed and runs are empty: a match draws nothing.
    expect(records[1]!.slice(3, 5)).toEqual(["", ""]);
  });

  it("reads a scenario from standard input", () => {
    const r = runCli(["match", "-", "--format", "json"], { input: readFileSync(NRMP, "utf8") });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).matches).toHaveLength(6);
  });

  it("reports an unstable result when a program does not match its own lists (two-sided check)", async () => {
    // A program with positions whose ranked applicant is on nobody's list cannot block;
    // this scenario checks the stability line stays "yes" on an all-unmatched market.
    const io = captureIo();
    const dir = mkdtempSync(join(tmpdir(), "ms-"));
    const file = join(dir, "s.yaml");
    writeFileSync(file, "programs: [{id: P, positions: 1, rankList: [a]}]\napplicants: [{id: a}]\n");
    expect(await main(["match", file], io)).toBe(0);
    expect(io.out()).toContain("Unmatched: a");
    expect(io.out()).toContain("Stable: yes");
  });

  it("writes --out atomically and leaves nothing on failure", () => {
    const dir = mkdtempSync(join(tmpdir(), "ms-"));
    const out = join(dir, "match.json");
    expect(runCli(["match", NRMP, "--format", "json", "--out", out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).stable).toBe(true);

    const missing = join(dir, "no-such-dir", "match.json");
    const r = runCli(["match", NRMP, "--out", missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("the directory does not exist");
    expect(existsSync(missing)).toBe(false);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("colours only on a terminal, and never with --no-color or NO_COLOR", async () => {
    const tty = captureIo({ tty: true });
    await main(["match", NRMP], tty);
    expect(tty.out()).toMatch(/\x1b\[/);
    const flag = captureIo({ tty: true });
    await main(["match", NRMP, "--no-color"], flag);
    expect(flag.out()).not.toMatch(/\x1b\[/);
    const env = captureIo({ tty: true, env: { NO_COLOR: "1" } });
    await main(["match", NRMP], env);
    expect(env.out()).not.toMatch(/\x1b\[/);
  });
});

describe("exit codes for usage", () => {
  it("unknown command: 2, with a suggestion", () => {
    const r = runCli(["mach", NRMP]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'mach'");
    expect(r.stderr).toContain("match");
  });
  it("unknown option: 2, with a suggestion", () => {
    const r = runCli(["match", NRMP, "--formt", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--format");
  });
  it("bad option value: 2", async () => {
    const io = captureIo();
    expect(await main(["match", NRMP, "--proposer", "hospital"], io)).toBe(2);
    expect(io.err()).toContain("applicant, program");
  });
  it("a missing file: 1 with a clear message", () => {
    const r = runCli(["match", "nope.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe("match-sim: nope.yaml: cannot read scenario: no such file");
  });
  it("a directory: 1 with a clear message", async () => {
    const io = captureIo();
    expect(await main(["match", "scenarios"], io)).toBe(1);
    expect(io.err()).toContain("is a directory");
  });
  it("--help: 0", () => {
    const r = runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("validate");
  });
});
