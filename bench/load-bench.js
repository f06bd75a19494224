// `npm run bench`, load section: `validate` on the NRMP preset written as YAML and as JSON,
// the two in turn (YAML first in odd rounds, JSON first in even ones), so that the ratio
// compares like with like on a busy machine. Peak memory is each process's own.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = `${ROOT}bench/out`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function generate(format) {
  const file = `${OUT}/nrmp-seed1.${format}`;
  if (!existsSync(file)) {
    mkdirSync(OUT, { recursive: true });
    const r = spawnSync(process.execPath, ["bin/match-sim.js", "generate", "--preset", "nrmp", "--seed", "1", "--out", file, "--quiet"], { cwd: ROOT });
    if (r.status !== 0) throw new Error(`generate failed: ${r.stderr}`);
  }
  return file;
}

/** Wall time and peak RSS (from /usr/bin/time where there is one) of one validation. */
function validate(file) {
  const time = existsSync("/usr/bin/time");
  const args = time ? ["-f", "%M", process.execPath, "bin/match-sim.js", "validate", file] : ["bin/match-sim.js", "validate", file];
  const t = performance.now();
  const r = spawnSync(time ? "/usr/bin/time" : process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`validate ${file} failed:\n${r.stderr}`);
  const kb = time ? Number(r.stderr.trim().split("\n").at(-1)) : NaN;
  return { ms, mb: kb / 1024 };
}

export function loadBench({ rounds = 6 } = {}) {
  const yaml = generate("yaml");
  const json = generate("json");
  const runs = { yaml: [], json: [] };
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? ["yaml", "json"] : ["json", "yaml"];
    for (const f of order) runs[f].push(validate(f === "yaml" ? yaml : json));
  }
  const ratios = runs.yaml.map((y, i) => y.ms / runs.json[i].ms);
  return {
    yamlMs: median(runs.yaml.map((r) => r.ms)),
    jsonMs: median(runs.json.map((r) => r.ms)),
    ratios,
    yamlMb: Math.max(...runs.yaml.map((r) => r.mb)),
    jsonMb: Math.max(...runs.json.map((r) => r.mb)),
  };
}

export function printLoadBench(r) {
  console.log("load: validate the NRMP preset (44,853 applicants), YAML against its JSON twin, side by side");
  console.log(`  median wall time   YAML ${r.yamlMs.toFixed(0)} ms, JSON ${r.jsonMs.toFixed(0)} ms`);
  console.log(`  YAML / JSON        ${r.ratios.map((x) => x.toFixed(2)).join(", ")} (median ${median(r.ratios).toFixed(2)}; target ≤ 2)`);
  console.log(`  peak memory        YAML ${r.yamlMb.toFixed(0)} MB, JSON ${r.jsonMb.toFixed(0)} MB (target < 1024 MB)`);
}
