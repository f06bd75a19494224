import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { captureIo, hasStackTrace, runCli } from "../helpers/cli.js";

const CLASSROOM = "scenarios/classroom.yaml";

async function runJson(args: string[]) {
  const io = captureIo();
  const code = await main(["run", ...args, "--format", "json"], io);
  expect(io.err()).toBe("");
  expect(code).toBe(0);
  return JSON.parse(io.out());
}

describe("match-sim run", () => {
  it("prints the JSON contract, spawned as a user would", () => {
    const r = runCli(["run", CLASSROOM, "--runs", "300", "--format", "json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["kind", "provenance", "scenario", "runs", "seed", "proposer", "summary", "groups", "applicants", "programs"]);
    expect(out).toMatchObject({ kind: "run", scenario: "Classroom backchannel demo", runs: 300, seed: 2026 });
    expect(out.provenance).toMatchObject({ tool: "match-sim", scenario: { name: "Classroom backchannel demo" }, seed: 2026, runs: 300, proposer: "applicant", settings: [] });
    expect(out.provenance.scenario.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(out.provenance.version).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
    expect(out.provenance.model.ripple.sameRegion).toBeTypeOf("number");
    expect(Object.keys(out.summary)).toEqual(
      expect.arrayContaining(["matchRate", "calls", "verdicts", "drops", "rippleDrops", "invitesShaped", "outcomeChanged"]),
    );
    expect(Object.keys(out.summary.calls)).toEqual(["preInterview", "rankList", "advocacy", "late"]);
    expect(Object.keys(out.summary.verdicts)).toEqual(["strong", "positive", "fine", "cautious", "wouldNotRank"]);
    const ava = out.applicants.find((a: { id: string }) => a.id === "Ava");
    expect(Object.keys(ava)).toEqual(
      expect.arrayContaining(["id", "pMatch", "pMatchCi", "pMatchWithoutCalls", "delta", "deltaCi", "deltaP", "stands", "pFirstChoice", "firstChoiceDelta", "meanMatchedRank", "rankDelta", "meanCalls", "rankHistogram", "counts"]),
    );
    // The counts every rate comes from are there beside it.
    expect(ava.counts.matchedBoth + ava.counts.matchedOnlyWithCalls).toBe(Math.round(ava.pMatch * 300));
    expect(ava.deltaCi[0]).toBeLessThanOrEqual(ava.delta);
    expect(ava.deltaCi[1]).toBeGreaterThanOrEqual(ava.delta);
    expect(ava.stands).toBe(true);
    expect(ava.pMatchWithoutCalls).toBe(0);
    expect(ava.delta).toBeGreaterThan(0.4);
    expect(ava.pMatchCi[0]).toBeLessThanOrEqual(ava.pMatch);
    expect(ava.pMatchCi[1]).toBeGreaterThanOrEqual(ava.pMatch);
    expect(ava.rankHistogram.reduce((s: number, x: number) => s + x, 0)).toBe(300);
    const north = out.programs.find((p: { id: string }) => p.id === "Northside");
    expect(Object.keys(north)).toEqual(
      expect.arrayContaining(["id", "fillRate", "fillRateWithoutCalls", "meanQualityMatched", "meanQualityMatchedWithoutCalls", "callsMade"]),
    );
  });

  it("tells the classroom's three stories", async () => {
    const out = await runJson([CLASSROOM, "--runs", "500"]);
    const by = (id: string) => out.applicants.find((a: { id: string }) => a.id === id);
    expect(by("Ava").delta).toBeGreaterThan(0.3); // lifted into a match by a strong call
    expect(by("Ben").delta).toBeLessThan(-0.2); // loses his match to "be cautious"
    expect(by("Gus").delta).toBeLessThan(-0.15); // hurt by a ripple from Harbor
    expect(out.summary.rippleDrops).toBeGreaterThan(0.3);
  });

  it("gives the same bytes for the same seed and other numbers for another", async () => {
    const a = runCli(["run", CLASSROOM, "--runs", "200", "--seed", "5", "--format", "json"]).stdout;
    const b = JSON.stringify(await runJson([CLASSROOM, "--runs", "200", "--seed", "5"]), null, 2) + "\n";
    const c = JSON.stringify(await runJson([CLASSROOM, "--runs", "200", "--seed", "6"]), null, 2) + "\n";
    expect(a).toBe(b);
    expect(JSON.parse(c).summary).not.toEqual(JSON.parse(a).summary);
  });

  it("prints the table with the summary, applicants, programs and a histogram for --focus", async () => {
    const io = captureIo();
    expect(await main(["run", CLASSROOM, "--runs", "200", "--focus", "Gus"], io)).toBe(0);
    const text = io.out();
    expect(text).toContain("Classroom backchannel demo: 200 seasons, seed 2026");
    expect(text).toMatch(/Match rate\s+\d+\.\d% with calls/);
    expect(text).toContain("Applicants (most moved by calls first)");
    expect(text).toContain("Programs");
    expect(text).toContain("Matched rank of Gus, with calls");
    expect(text).toMatch(/unmatched │█*/);
  });

  it("prints one CSV row per applicant, each with where it came from", async () => {
    const io = captureIo();
    await main(["run", CLASSROOM, "--runs", "100", "--format", "csv"], io);
    const lines = io.out().trim().split("\n");
    expect(lines[0]).toMatch(/^scenario,fingerprint,version,seed,runs,proposer,applicant,name,pMatch,pMatchLow,pMatchHigh,pMatchWithoutCalls,delta,deltaLow,deltaHigh,deltaP,stands,/);
    expect(lines).toHaveLength(11);
    expect(lines[1]).toMatch(/^Classroom backchannel demo,[0-9a-f]{32},\d+\.\d+\.\d+,2026,100,applicant,/);
  });

  it("writes each tidy table with the columns docs/outputs.md lists, read by a standard CSV reader", async () => {
    const docs = readFileSync("docs/outputs.md", "utf8");
    for (const table of ["applicants", "programs", "groups", "summary", "parameters"]) {
      const row = new RegExp(`^\\| \`${table}\`[^|]*\\|[^|]*\\| \`([^\`]+)\``, "m").exec(docs);
      expect(row, table).not.toBeNull();
      const documented = row![1]!.split(":")[0]!.split(",");
      const io = captureIo();
      expect(await main(["run", CLASSROOM, "--runs", "50", "--format", "csv", "--table", table, "--group-by", "access"], io)).toBe(0);
      const records = parseCsv(io.out(), { columns: true }) as Record<string, string>[];
      expect(Object.keys(records[0]!), table).toEqual(["scenario", "fingerprint", "version", "seed", "runs", "proposer", ...documented]);
      expect(records.length, table).toBeGreaterThan(0);
      for (const r of records) expect(r["seed"]).toBe("2026");
    }
    const bad = captureIo();
    expect(await main(["run", CLASSROOM, "--runs", "5", "--table", "groups"], bad)).toBe(2);
    expect(bad.err()).toContain("--table groups is a CSV table");
  });

  it("--set changes a model parameter; calls.enabled=false makes both columns identical", async () => {
    const off = await runJson([CLASSROOM, "--runs", "200", "--set", "calls.enabled=false"]);
    expect(off.summary.matchRate.withCalls).toBe(off.summary.matchRate.withoutCalls);
    expect(off.summary.outcomeChanged.estimate).toBe(0);
    expect(off.summary.matchRate.difference).toEqual({ estimate: 0, interval: null });
    expect(off.provenance.settings).toEqual(["calls.enabled=false"]);
    expect(off.provenance.model.calls.enabled).toBe(false);
    for (const a of off.applicants) expect(a.delta).toBe(0);
    const noRipple = await runJson([CLASSROOM, "--runs", "200", "--set", "ripple.sameRegion=0", "--set", "ripple.sameSpecialty=0", "--set", "ripple.crossSpecialty=0"]);
    expect(noRipple.summary.rippleDrops).toBe(0);
    const always = await runJson([CLASSROOM, "--runs", "200", "--set", "rankList.callProbability.top=1"]);
    expect(always.summary.callRates.top.parameter).toBe(1);
  });

  it("rejects bad --set values and paths with exit 2, naming them", async () => {
    const cases: [string, string][] = [
      ["ripple.sameRegon=0.8", 'unknown parameter "ripple.sameRegon" (did you mean "ripple.sameRegion"?)'],
      ["ripple.sameRegion=1.5", "ripple.sameRegion: expected a number from 0 to 1, got 1.5"],
      ["ripple.sameRegion=high", '"high" is not a number, true or false'],
      ["late.topCandidates=2.5", "late.topCandidates: expected a whole number from 0 to 1,000,000, got 2.5"],
      ["ripple", "expected path=value"],
    ];
    for (const [i, [setting, message]] of cases.entries()) {
      // The first through the spawned CLI, the rest in-process.
      const r = i === 0 ? runCli(["run", CLASSROOM, "--runs", "10", "--set", setting]) : await (async () => {
        const io = captureIo();
        const code = await main(["run", CLASSROOM, "--runs", "10", "--set", setting], io);
        return { code, stderr: io.err() };
      })();
      expect(r.code, setting).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain(setting.split("=")[0]!);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });

  it("rejects an unknown --focus and nonsense --runs", async () => {
    const io = captureIo();
    expect(await main(["run", CLASSROOM, "--focus", "Zed"], io)).toBe(2);
    expect(io.err()).toContain("--focus Zed: no applicant with that id");
    for (const runs of ["0", "-3", "2.5", "many"]) {
      const e = captureIo();
      expect(await main(["run", CLASSROOM, "--runs", runs], e), runs).toBe(2);
    }
  });

  it("writes --out atomically and nothing on a bad scenario", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ms-"));
    const out = join(dir, "r.json");
    await main(["run", CLASSROOM, "--runs", "50", "--format", "json", "--out", out], captureIo());
    expect(JSON.parse(readFileSync(out, "utf8")).runs).toBe(50);
    const bad = join(dir, "bad.json");
    const io = captureIo();
    expect(await main(["run", "test/fixtures/invalid/wrong-type.yaml", "--out", bad], io)).toBe(1);
    expect(existsSync(bad)).toBe(false);
  });

  it("runs every shipped scenario", async () => {
    for (const file of ["classroom", "pre-interview", "ripple", "late-calls", "nrmp-example"]) {
      const out = await runJson([`scenarios/${file}.yaml`, "--runs", "20"]);
      expect(out.runs).toBe(20);
    }
  });
});
