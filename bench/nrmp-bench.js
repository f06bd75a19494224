// `npm run bench`, nrmp section: paired seasons per second of the NRMP preset with 2 workers
// after loading, the figure issue 27 names. A whole `run` at 2 and at 42 runs, one after
// the other, three times: the 40 extra seasons over the difference of the two (loading,
// planning and the results are the same in both). Medians, since this machine's speed
// changes by half within minutes; the 1-worker pair beside it for the scaling.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The NRMP preset's scenario (seed 1) in bench/out/, generated on first use. */
function presetFile() {
  const out = `${ROOT}bench/out`;
  const file = `${out}/nrmp-preset-seed1.json`;
  if (!existsSync(file)) {
    mkdirSync(out, { recursive: true });
    execFileSync(process.execPath, ["bin/match-sim.js", "generate", "--preset", "nrmp", "--seed", "1", "--out", file, "--quiet"], { cwd: ROOT, stdio: "ignore" });
  }
  return file;
}

function seconds(file, runs, workers) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ["bin/match-sim.js", "run", file, "--runs", String(runs), "--workers", String(workers), "--quiet", "--format", "json", "--out", "/dev/null"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`run failed: ${r.stderr}`);
  return (performance.now() - t) / 1000;
}

export function nrmpBench({ repeats = 3, extra = 40 } = {}) {
  const file = presetFile();
  const rates = { 1: [], 2: [] };
  for (let i = 0; i < repeats; i++) {
    for (const workers of [2, 1]) {
      const few = seconds(file, 2, workers);
      const many = seconds(file, 2 + extra, workers);
      rates[workers].push(extra / (many - few));
    }
  }
  return { file, extra, two: median(rates[2]), one: median(rates[1]), all: rates };
}

export function printNrmpBench(r) {
  console.log(`nrmp: the NRMP preset (generate --preset nrmp --seed 1), ${r.extra} seasons after loading, whole process`);
  console.log(`  2 workers  ${r.two.toFixed(1)} paired seasons/s (median of ${r.all[2].map((x) => x.toFixed(1)).join(", ")}; target ≥ 8)`);
  console.log(`  1 worker   ${r.one.toFixed(1)} paired seasons/s (median of ${r.all[1].map((x) => x.toFixed(1)).join(", ")}); speed-up ${(r.two / r.one).toFixed(2)}×`);
}
