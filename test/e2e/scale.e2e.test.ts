import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { BIN, captureIo, ROOT, runCli } from "../helpers/cli.js";

const CLASSROOM = "scenarios/classroom.yaml";

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

const tmp = () => mkdtempSync(join(tmpdir(), "ms-scale-"));

/**
 * Resolves once process `pid` has used `seconds` of processor time (Linux reports it in
 * /proc/PID/stat; elsewhere, after a fixed wait): by then it is surely simulating, however
 * slow the machine. A fixed wait, on a busy machine, could interrupt it before the CLI
 * handles Ctrl-C.
 */
async function busyFor(pid: number, seconds: number, timeoutMs = 20_000): Promise<void> {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync("/proc/self/stat")) return new Promise((r) => setTimeout(r, 2000));
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    // Fields 14 and 15, after the command name in parentheses: user and system time, in
    // clock ticks (100 per second on Linux).
    const fields = existsSync(stat) ? readFileSync(stat, "utf8").split(") ")[1]?.split(" ") ?? [] : [];
    if ((Number(fields[11]) + Number(fields[12])) / 100 >= seconds) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`process ${pid} used less than ${seconds} s of processor time in ${timeoutMs} ms`);
}

describe("workers", () => {
  it("give byte-identical output for 1, 2 and 3 workers in every format", async () => {
    // Every worker count for JSON, which holds every figure; the other formats render the
    // same counts, so one thread against three.
    for (const [format, counts] of [["json", ["1", "2", "3"]], ["csv", ["1", "3"]], ["table", ["1", "3"]]] as const) {
      const outs = [];
      for (const w of counts) {
        const r = await cli(["run", CLASSROOM, "--runs", "240", "--workers", w, "--format", format, "--no-color"]);
        expect(r.code).toBe(0);
        outs.push(r.out);
      }
      for (const out of outs.slice(1)) expect(out).toBe(outs[0]);
    }
  });

  it("give the same bytes on a market with every phase active", async () => {
    const one = await cli(["run", "scenarios/late-calls.yaml", "--runs", "150", "--workers", "1", "--format", "json"]);
    const two = await cli(["run", "scenarios/late-calls.yaml", "--runs", "150", "--workers", "2", "--format", "json"]);
    expect(two.out).toBe(one.out);
  });

  it("reject nonsense worker counts with exit 2", async () => {
    for (const w of ["0", "-1", "1.5", "99999", "x"]) expect((await cli(["run", CLASSROOM, "--workers", w])).code, w).toBe(2);
  });
});

describe("shards and merge", () => {
  async function parts(runs: number, n: number, extra: string[] = []): Promise<string[]> {
    const dir = tmp();
    const files: string[] = [];
    for (let i = 1; i <= n; i++) {
      const file = join(dir, `part-${i}.json`);
      const r = await cli(["run", CLASSROOM, "--runs", String(runs), "--shard", `${i}/${n}`, "--format", "json", "--out", file, ...extra]);
      expect(r.code, r.err).toBe(0);
      files.push(file);
    }
    return files;
  }

  it("merging 3 uneven shards of 1,000 runs gives the unsharded bytes in every format", async () => {
    const files = await parts(1000, 3);
    const counts = files.map((f) => JSON.parse(readFileSync(f, "utf8")).trials.count);
    expect(counts).toEqual([333, 333, 334]);
    for (const format of ["json", "csv", "table"]) {
      const whole = await cli(["run", CLASSROOM, "--runs", "1000", "--format", format, "--no-color"]);
      const merged = await cli(["merge", ...files.reverse(), "--format", format, "--no-color"]);
      expect(merged.code, merged.err).toBe(0);
      expect(merged.out).toBe(whole.out);
    }
  });

  it("more shards than runs still merge exactly", async () => {
    const files = await parts(5, 7);
    const whole = await cli(["run", CLASSROOM, "--runs", "5", "--format", "json"]);
    expect((await cli(["merge", ...files, "--format", "json"])).out).toBe(whole.out);
  });

  it("refuses a missing shard, a duplicate, and parts of other runs, naming the mismatch", async () => {
    const [p1, p2, p3] = await parts(90, 3);
    const missing = await cli(["merge", p1!, p3!]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("missing shard 2 of 3");
    const twice = await cli(["merge", p1!, p2!, p2!, p3!]);
    expect(twice.err).toContain("shard 2/3 given twice");

    const [q1] = await parts(90, 3, ["--seed", "99"]);
    expect((await cli(["merge", p1!, p2!, q1!])).err).toMatch(/does not belong with .*: seed 99 \(not 2026\)/);
    const [r1] = await parts(90, 3, ["--set", "ripple.sameRegion=0.9"]);
    expect((await cli(["merge", r1!, p2!, p3!])).err).toMatch(/parameter ripple.sameRegion is 0.6 there and 0.9 here/);
    const [s1] = await parts(91, 3);
    expect((await cli(["merge", p1!, p2!, s1!])).err).toContain("runs 91 (not 90)");
    const [t1] = await parts(90, 4);
    expect((await cli(["merge", p1!, p2!, t1!])).err).toContain("number of shards 4 (not 3)");
  });

  it("refuses a part of another scenario, a damaged part and a file that is not a part", async () => {
    const [p1, p2] = await parts(60, 2);
    const dir = tmp();
    const other = join(dir, "other.json");
    await cli(["run", "scenarios/ripple.yaml", "--runs", "60", "--shard", "1/2", "--format", "json", "--out", other]);
    expect((await cli(["merge", other, p2!])).err).toContain("a different scenario");
    const damaged = join(dir, "damaged.json");
    const part = JSON.parse(readFileSync(p1!, "utf8"));
    part.counts.program.pop();
    writeFileSync(damaged, JSON.stringify(part));
    expect((await cli(["merge", damaged, p2!])).err).toContain("damaged.json: its counts do not fit its scenario");
    const result = join(dir, "result.json");
    await cli(["run", CLASSROOM, "--runs", "10", "--format", "json", "--out", result]);
    const notPart = await cli(["merge", result, p2!]);
    expect(notPart.code).toBe(1);
    expect(notPart.err).toContain("result.json: not a match-sim shard part");
  });

  it("requires JSON for a shard and a sane i/n", async () => {
    expect((await cli(["run", CLASSROOM, "--shard", "1/2"])).code).toBe(2);
    for (const s of ["0/2", "3/2", "1/0", "a/b", "1"]) expect((await cli(["run", CLASSROOM, "--shard", s, "-f", "json"])).code, s).toBe(2);
  });
});

describe("progress and interrupts", () => {
  it("shows no progress bar on a pipe, and stderr stays empty", () => {
    const r = runCli(["run", "scenarios/dermatology.yaml", "--runs", "60", "--workers", "1", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout).runs).toBe(60);
  });

  for (const workers of ["1", "2"]) {
    it(`Ctrl-C stops the run with exit 130 and leaves no output file (${workers} worker${workers === "1" ? "" : "s"})`, async () => {
      const out = join(tmp(), "never.json");
      const child = spawn(process.execPath, [BIN, "run", "scenarios/dermatology.yaml", "--runs", "100000", "--workers", workers, "-f", "json", "-o", out], {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      await busyFor(child.pid!, 1);
      child.kill("SIGINT");
      const code = await new Promise<number | null | "hung">((resolve) => {
        const guard = setTimeout(() => {
          child.kill("SIGKILL"); // never leave a runaway process behind
          resolve("hung");
        }, 15_000);
        child.on("exit", (c) => {
          clearTimeout(guard);
          resolve(c);
        });
      });
      expect(code).toBe(130);
      expect(stderr).toContain("interrupted");
      expect(existsSync(out)).toBe(false);
    });
  }
});
