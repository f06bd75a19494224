// `npm run bench`, season section: paired seasons per second on one core on the
// dermatology scenario, and the time of each phase. The trials run in blocks; the figures
// are the median block and the fastest, since a shared machine slows some blocks down.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { isAbsolute } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `dist`: the build to time, a directory laid out like dist/ (bench/compare.js passes others). */
export async function seasonBench({ dist = `${ROOT}dist`, file = "scenarios/dermatology.yaml", blocks = 7, trialsPerBlock = 60, warmup = 40 } = {}) {
  const from = (module) => import(`${dist}/${module}`);
  const { loadScenarioText } = await from("scenario/load.js");
  const { makeSeasonPlan } = await from("season/plan.js");
  const { newWorkspace } = await from("season/workspace.js");
  const { runTrial } = await from("season/season.js");
  const accumulator = await from("montecarlo/accumulator.js");
  const { runTrialInto } = await from("montecarlo/run-trials.js");
  const loaded = loadScenarioText(readFileSync(isAbsolute(file) ? file : `${ROOT}${file}`, "utf8"), file);
  const plan = makeSeasonPlan(loaded.indexed);
  const ws = newWorkspace(plan);
  // Builds before the paired accumulator (0.1) take no grouping and no tally.
  let addTrial;
  if (accumulator.newTally) {
    const { groupingOf } = await from("montecarlo/groups.js");
    const grouping = groupingOf(loaded.indexed, "access");
    const acc = accumulator.accumulatorFor(plan, grouping);
    const tally = accumulator.newTally(plan, grouping);
    addTrial = (t, onPhase) => runTrialInto(acc, tally, ws, 1, t, "applicant", onPhase);
  } else {
    const acc = accumulator.accumulatorFor(plan);
    addTrial = (t, onPhase) => runTrialInto(acc, ws, 1, t, "applicant", onPhase);
  }
  let phases = new Map();
  let last = 0;
  const onPhase = (name) => {
    const now = performance.now();
    phases.set(name, (phases.get(name) ?? 0) + now - last);
    last = now;
  };
  for (let t = 0; t < warmup; t++) runTrial(ws, 1, t, { proposer: "applicant" });
  const blockMs = [];
  const blockPhases = [];
  let t = warmup;
  for (let b = 0; b < blocks; b++) {
    phases = new Map();
    const start = performance.now();
    for (let i = 0; i < trialsPerBlock; i++, t++) {
      last = performance.now();
      addTrial(t, onPhase);
    }
    blockMs.push((performance.now() - start) / trialsPerBlock);
    blockPhases.push(phases);
  }
  const names = [...blockPhases[0].keys()];
  return {
    file,
    trials: blocks * trialsPerBlock,
    medianMsPerTrial: median(blockMs),
    bestMsPerTrial: Math.min(...blockMs),
    phases: names.map((name) => {
      const perBlock = blockPhases.map((p) => p.get(name) / trialsPerBlock);
      return { name, msPerTrial: median(perBlock), bestMsPerTrial: Math.min(...perBlock) };
    }),
  };
}

export function printSeasonBench(r) {
  console.log(`season: ${r.file}, ${r.trials} trials (each the season with and without calls) on one core`);
  console.log(`  paired seasons/s  ${(1000 / r.medianMsPerTrial).toFixed(0)} median block, ${(1000 / r.bestMsPerTrial).toFixed(0)} fastest block ` +
    `(target ≥ 200); ${r.medianMsPerTrial.toFixed(2)} ms per trial`);
  for (const p of r.phases) console.log(`  ${p.name.padEnd(20)} ${p.msPerTrial.toFixed(3)} ms/trial`);
}
