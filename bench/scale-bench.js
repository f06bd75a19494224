// `npm run bench`, scale section: seasons per second with 1 and 2 workers on the
// dermatology scenario, and peak memory at small and large run counts.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TIME = "/usr/bin/time";

/** Wall seconds and peak RSS (MB, when GNU time is there) of one `run`. */
function timedRun(scenario, runs, workers) {
  const args = ["bin/match-sim.js", "run", scenario, "--runs", String(runs), "--workers", String(workers), "--quiet", "--format", "json", "--out", "/dev/null"];
  const withTime = existsSync(TIME);
  const t = performance.now();
  const r = withTime
    ? spawnSync(TIME, ["-f", "peak-rss-kb %M", process.execPath, ...args], { cwd: ROOT, encoding: "utf8" })
    : spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`run failed: ${r.stderr}`);
  const kb = /peak-rss-kb (\d+)/.exec(r.stderr);
  return { seconds, rssMb: kb ? Number(kb[1]) / 1024 : null };
}

export function scaleBench({ runs = Number(process.env.BENCH_RUNS ?? 10_000), bigRuns = Number(process.env.BENCH_BIG_RUNS ?? 100_000) } = {}) {
  const derm = "scenarios/dermatology.yaml";
  const one = timedRun(derm, runs, 1);
  const two = timedRun(derm, runs, 2);
  const small = timedRun(derm, 1000, 2);
  const classroomSmall = timedRun("scenarios/classroom.yaml", 1000, 1);
  const classroomBig = timedRun("scenarios/classroom.yaml", bigRuns, 1);
  const dermBig = process.env.BENCH_FULL ? timedRun(derm, bigRuns, 2) : null;
  return { runs, bigRuns, one, two, small, classroomSmall, classroomBig, dermBig };
}

export function printScaleBench(r) {
  const rate = (x, n) => (n / x.seconds).toFixed(1);
  const mb = (x) => (x.rssMb === null ? "n/a" : `${x.rssMb.toFixed(0)} MB`);
  console.log(`scale: dermatology, ${r.runs} runs, whole process`);
  console.log(`  1 worker   ${rate(r.one, r.runs)} seasons/s (${r.one.seconds.toFixed(1)} s), peak RSS ${mb(r.one)}`);
  console.log(`  2 workers  ${rate(r.two, r.runs)} seasons/s (${r.two.seconds.toFixed(1)} s), peak RSS ${mb(r.two)}`);
  console.log(`  speed-up   ${(r.one.seconds / r.two.seconds).toFixed(2)}× (target ≥ 1.8×)`);
  console.log(`  peak RSS, dermatology 1,000 runs: ${mb(r.small)}; ${r.runs} runs: ${mb(r.two)} (2 workers)`);
  console.log(`  peak RSS, classroom 1,000 runs: ${mb(r.classroomSmall)}; ${r.bigRuns} runs: ${mb(r.classroomBig)}` +
    (r.classroomSmall.rssMb && r.classroomBig.rssMb ? ` (ratio ${(r.classroomBig.rssMb / r.classroomSmall.rssMb).toFixed(2)}, target ≤ 1.2)` : ""));
  if (r.dermBig) console.log(`  peak RSS, dermatology ${r.bigRuns} runs: ${mb(r.dermBig)} (${r.dermBig.seconds.toFixed(0)} s)`);
}
