import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { writeFileAtomic, type FileOps } from "../../src/cli/io.js";
import { UserError } from "../../src/errors.js";
import { simulate } from "../../src/montecarlo/simulate.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { writeFile, rename, unlink, stat } from "node:fs/promises";
import { captureIo, hasStackTrace, runCli } from "../helpers/cli.js";

const tmp = () => mkdtempSync(join(tmpdir(), "ms-hostile-"));

async function validate(file: string, env: Record<string, string> = {}) {
  const io = captureIo({ env });
  const code = await main(["validate", file], io);
  return { code, err: io.err() };
}

describe("hostile files", () => {
  it("refuses a YAML alias bomb quickly and within bounded memory", () => {
    const dir = tmp();
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    const file = join(dir, "bomb.yaml");
    writeFileSync(file, `${levels.join("\n")}\n`);
    const started = Date.now();
    const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, "bin/match-sim.js", "validate", file], { encoding: "utf8" });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("refused: Excessive alias count");
    const kb = Number(r.stderr.trim().split("\n").at(-1));
    if (Number.isFinite(kb)) expect(kb).toBeLessThan(300_000);
  });

  it("refuses nesting too deep to read, YAML or JSON", () => {
    const dir = tmp();
    writeFileSync(join(dir, "deep.yaml"), `programs: ${"[".repeat(20000)}${"]".repeat(20000)}\n`);
    writeFileSync(join(dir, "deep.json"), `{"programs": ${"[".repeat(20000)}${"]".repeat(20000)}}`);
    // Spawned: the depth a parser reaches depends on the process's stack, as a user's would.
    const yaml = runCli(["validate", join(dir, "deep.yaml")]);
    expect(yaml.code).toBe(1);
    expect(yaml.stderr).toMatch(/deep\.yaml:1:\d+: invalid YAML syntax: nesting too deep to read/);
    const json = runCli(["validate", join(dir, "deep.json")]);
    expect(json.code).toBe(1);
    expect(hasStackTrace(json.stderr)).toBe(false);
  });

  it("neither is polluted nor crashes on __proto__, constructor and prototype", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "p.yaml"), "__proto__:\n  polluted: 1\nprograms:\n  - {id: __proto__, positions: 1, rankList: [constructor]}\napplicants: [{id: constructor, rankList: [__proto__]}]\n");
    writeFileSync(join(dir, "p.json"), '{"programs": [{"id": "prototype", "positions": 1, "constructor": {"polluted": 1}}]}');
    const y = await validate(join(dir, "p.yaml"));
    expect(y.err).toContain('p.yaml:1:1 __proto__: unknown key "__proto__"');
    const j = await validate(join(dir, "p.json"));
    expect(j.err).toContain('programs[0].constructor: unknown key "constructor"');
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    // Ids that are names of Object.prototype members work like any other id.
    writeFileSync(join(dir, "ids.yaml"), "programs: [{id: __proto__, positions: 1, rankList: [constructor]}]\napplicants: [{id: constructor, rankList: [__proto__]}]\n");
    const io = captureIo();
    expect(await main(["match", join(dir, "ids.yaml"), "--format", "json"], io)).toBe(0);
    expect(JSON.parse(io.out()).matches).toEqual([{ applicant: "constructor", program: "__proto__", applicantRank: 1, programRank: 1 }]);
  });

  it("gives a clear error for a directory, a FIFO and an unreadable path", async () => {
    const dir = tmp();
    expect((await validate(dir)).err).toContain("is a directory, not a scenario file");
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    const r = await validate(fifo);
    expect(r.code).toBe(1);
    expect(r.err).toContain("not a regular file (to read a pipe, use - for standard input)");
    expect((await validate(join(dir, "nope.yaml"))).err).toContain("no such file");
  });

  it("refuses a file over the size limit, naming the limit", async () => {
    const dir = tmp();
    const file = join(dir, "big.yaml");
    writeFileSync(file, `programs: []\n${"# padding\n".repeat(30_000)}`);
    const r = await validate(file, { MATCH_SIM_MAX_FILE_MB: "0.25" });
    expect(r.code).toBe(1);
    expect(r.err).toContain("0.3 MB is over the limit of 0.3 MB".replace("0.3 MB is", "0.3 MB is")); // sizes rounded
    expect(r.err).toContain("MATCH_SIM_MAX_FILE_MB");
  });
});

describe("faults", () => {
  const failing = (code: string, at: "write" | "rename"): FileOps => ({
    stat,
    unlink,
    rename: at === "rename" ? async () => Promise.reject(Object.assign(new Error(code), { code })) : rename,
    writeFile: (async (path: Parameters<typeof writeFile>[0], data: string, options?: Parameters<typeof writeFile>[2]) => {
      if (at === "write") {
        await writeFile(path, data.slice(0, 10), options); // a partial write, then the disk is full
        throw Object.assign(new Error(code), { code });
      }
      return writeFile(path, data, options);
    }) as typeof writeFile,
  });

  it("a full disk or a failed rename leaves an existing --out file intact and no temporary file", async () => {
    for (const [code, at, message] of [["ENOSPC", "write", "no space left"], ["EROFS", "rename", "permission denied"]] as const) {
      const dir = tmp();
      const out = join(dir, "results.json");
      writeFileSync(out, "previous results\n");
      const err = await writeFileAtomic(out, "new results\n".repeat(100), failing(code, at)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as Error).message).toContain(message);
      expect(readFileSync(out, "utf8")).toBe("previous results\n");
      expect(execFileSync("ls", ["-A", dir], { encoding: "utf8" }).trim()).toBe("results.json");
    }
  });

  it("--out into a read-only directory fails cleanly (when permissions apply)", () => {
    const dir = tmp();
    const ro = join(dir, "ro");
    execFileSync("mkdir", [ro]);
    chmodSync(ro, 0o500);
    const r = runCli(["match", "scenarios/nrmp-example.yaml", "--out", join(ro, "x.json")]);
    if (process.getuid?.() === 0) {
      // root writes anyway: the fault cannot be staged this way, the injected one above covers it
      expect([0, 1]).toContain(r.code);
    } else {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("permission denied");
      expect(existsSync(join(ro, "x.json"))).toBe(false);
    }
    chmodSync(ro, 0o700);
  });

  it("a worker that throws ends the run with a clear message", async () => {
    const { indexed } = loadScenarioText("programs: [{id: P, positions: 1}]\napplicants: [{id: a}]\n", "s.yaml");
    // A scenario the worker cannot use: its arrays are missing.
    const broken = { ...indexed, applicant: { ...indexed.applicant, paper: undefined } } as unknown as typeof indexed;
    const err = await simulate(broken, { seed: 1, runs: 40, proposer: "applicant", workers: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/a worker thread failed on trials \d+–\d+/);
  });
});
