import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, runCli } from "../helpers/cli.js";

// The recipes of docs/scaling.md for running shards elsewhere, run here on a small job.
const SCENARIO = `${ROOT}scenarios/classroom.yaml`;
const RUNS = "120";
const MATCH_SIM = `${process.execPath} ${BIN}`;

let whole: string | undefined;
function unsharded(): string {
  whole ??= runCli(["run", SCENARIO, "--runs", RUNS, "--seed", "1", "--format", "json"]).stdout;
  return whole;
}

function merged(dir: string): string {
  const parts = readdirSync(dir).filter((f) => f.startsWith("part-")).map((f) => join(dir, f));
  const r = runCli(["merge", ...parts, "--format", "json"]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

const hasParallel = spawnSync("parallel", ["--version"]).status === 0;

describe("recipes for running shards elsewhere", () => {
  it.skipIf(!hasParallel)("GNU parallel: the command line in docs/scaling.md", () => {
    const readme = readFileSync(`${ROOT}docs/scaling.md`, "utf8");
    const line = readme.split("\n").find((l) => l.startsWith("parallel "))!;
    const dir = mkdtempSync(join(tmpdir(), "ms-parallel-"));
    const command = line
      .replace(/npx match-sim/g, MATCH_SIM)
      .replace("scenarios/dermatology.yaml", SCENARIO)
      .replace("--runs 10000", `--runs ${RUNS}`);
    execFileSync("bash", ["-c", command], { cwd: dir, stdio: "pipe" });
    expect(readdirSync(dir).filter((f) => f.startsWith("part-"))).toHaveLength(8);
    expect(merged(dir)).toBe(unsharded());
  });

  it("Slurm: the array script, with each task's variables set as Slurm would", () => {
    const dir = mkdtempSync(join(tmpdir(), "ms-slurm-"));
    for (let task = 1; task <= 2; task++) {
      execFileSync("bash", [`${ROOT}examples/slurm-array.sbatch`], {
        cwd: dir,
        stdio: "pipe",
        env: { ...process.env, MATCH_SIM, SCENARIO, RUNS, SEED: "1", PARTS: dir, SLURM_ARRAY_TASK_ID: String(task), SLURM_ARRAY_TASK_COUNT: "2", SLURM_CPUS_PER_TASK: "1" },
      });
    }
    expect(merged(dir)).toBe(unsharded());
  });

  it("Kubernetes: the Indexed Job's container command for each completion index", () => {
    const job = parse(readFileSync(`${ROOT}examples/k8s-indexed-job.yaml`, "utf8"));
    expect(job.spec.completionMode).toBe("Indexed");
    const container = job.spec.template.spec.containers[0];
    const env = Object.fromEntries(container.env.map((e: { name: string; value: string }) => [e.name, e.value]));
    expect(Number(env.SHARDS)).toBe(job.spec.completions);
    const dir = mkdtempSync(join(tmpdir(), "ms-k8s-"));
    const shards = 2;
    for (let index = 0; index < shards; index++) {
      execFileSync(container.command[0], [...container.command.slice(1), ...container.args], {
        cwd: ROOT,
        stdio: "pipe",
        env: { ...process.env, ...env, SCENARIO, RUNS, SHARDS: String(shards), PARTS: dir, JOB_COMPLETION_INDEX: String(index) },
      });
    }
    expect(merged(dir)).toBe(unsharded());
  });
});
