// `npm run bench`, season section: paired seasons per second on one core on the
// dermatology scenario, and the time of each phase.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { loadScenarioText } from "../dist/scenario/load.js";
import { makeSeasonPlan } from "../dist/season/plan.js";
import { newWorkspace } from "../dist/season/workspace.js";
import { runTrial, blockingPairsVsUncalled } from "../dist/season/season.js";
import { accumulatorFor, addTrial } from "../dist/montecarlo/accumulator.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export function seasonBench({ file = "scenarios/dermatology.yaml", trials = 300, warmup = 30 } = {}) {
  const loaded = loadScenarioText(readFileSync(`${ROOT}${file}`, "utf8"), file);
  const plan = makeSeasonPlan(loaded.indexed);
  const ws = newWorkspace(plan);
  const acc = accumulatorFor(plan);
  const phases = new Map();
  let last = 0;
  const onPhase = (name) => {
    const now = performance.now();
    phases.set(name, (phases.get(name) ?? 0) + now - last);
    last = now;
  };
  for (let t = 0; t < warmup; t++) runTrial(ws, 1, t, { proposer: "applicant" });
  const start = performance.now();
  for (let t = warmup; t < warmup + trials; t++) {
    last = performance.now();
    const r = runTrial(ws, 1, t, { proposer: "applicant", onPhase });
    const b = blockingPairsVsUncalled(ws, r);
    let invites = 0;
    for (const x of r.withoutCalls.invited) invites += x;
    addTrial(acc, plan, r, invites, b);
    onPhase("accumulate");
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    file,
    trials,
    pairedSeasonsPerSecond: trials / seconds,
    msPerTrial: (seconds * 1000) / trials,
    phases: [...phases].map(([name, ms]) => ({ name, msPerTrial: ms / trials })),
  };
}

export function printSeasonBench(r) {
  console.log(`season: ${r.file}, ${r.trials} trials (each the season with and without calls) on one core`);
  console.log(`  paired seasons/s  ${r.pairedSeasonsPerSecond.toFixed(0)} (target ≥ 200); ${r.msPerTrial.toFixed(2)} ms per trial`);
  for (const p of r.phases) console.log(`  ${p.name.padEnd(20)} ${p.msPerTrial.toFixed(3)} ms/trial`);
}
