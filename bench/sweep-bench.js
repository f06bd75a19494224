// `npm run bench`, sweep section: a sweep of four points whose axis cannot change the season
// without calls (so that season is run once per trial and shared) against four separate
// runs of the same points, and a sweep whose axis can, in one process on one worker, in
// turn (the order alternating between rounds).
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function sweepBench({ rounds = 4, runs = 150 } = {}) {
  const { loadScenario, simulate, sweep } = await import(`${ROOT}dist/index.js`);
  const scenario = await loadScenario(`${ROOT}scenarios/dermatology.yaml`);
  const values = [0, 0.25, 0.5, 0.75];
  const jobs = {
    shared: () => sweep(scenario, { axes: { "rankList.callProbability.borderline": values }, runs, workers: 1 }),
    separate: async () => {
      for (const v of values) await simulate(scenario, { runs, workers: 1, set: { "rankList.callProbability.borderline": v } });
    },
    unshared: () => sweep(scenario, { axes: { "screening.noise": [0.05, 0.1, 0.15, 0.2] }, runs, workers: 1 }),
  };
  const time = async (job) => {
    const t = performance.now();
    await jobs[job]();
    return performance.now() - t;
  };
  await simulate(scenario, { runs: 20, workers: 1 }); // warm up
  const ms = { shared: [], separate: [], unshared: [] };
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? ["shared", "separate", "unshared"] : ["unshared", "separate", "shared"];
    for (const job of order) ms[job].push(await time(job));
  }
  return { runs, shared: ms.shared.map((x, i) => x / ms.separate[i]), unshared: ms.unshared.map((x, i) => x / ms.separate[i]) };
}

export function printSweepBench(r) {
  const list = (xs) => `${xs.map((x) => x.toFixed(2)).join(", ")} (median ${median(xs).toFixed(2)})`;
  console.log(`sweep: four dermatology points of ${r.runs} seasons on one worker, against four separate runs, in turn`);
  console.log(`  season without calls shared (a call parameter) / separate runs   ${list(r.shared)}`);
  console.log(`  season without calls at every point (screening.noise) / separate ${list(r.unshared)}`);
}
