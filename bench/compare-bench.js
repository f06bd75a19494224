// `npm run bench`, compare section: what a what-if costs against a run of the same seasons.
// A run simulates each season twice (with calls and without); a compare simulates the base
// and each what-if, each twice, so one what-if should cost about two runs. Both run in this
// process on one worker, in turn (run first in odd rounds, compare first in even ones), so
// the ratio compares like with like on a busy machine.
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function compareBench({ rounds = 5, runs = 150 } = {}) {
  const { compare, loadScenario, simulate } = await import(`${ROOT}dist/index.js`);
  const scenario = await loadScenario(`${ROOT}scenarios/dermatology.yaml`);
  // One what-if: a fixed verdict about one applicant, the kind a student asks about.
  const oneWhatIf = { variants: { "a strong word": { "opinions.lw-P46-1~A1": "strong" } } };
  const threeWhatIfs = {
    variants: {
      strong: { "opinions.lw-P46-1~A1": "strong" },
      cautious: { "opinions.lw-P46-1~A1": "cautious" },
      away: { "applicants.A1.aways+": ["P7"] },
    },
  };
  const jobs = {
    run: () => simulate(scenario, { runs, workers: 1 }),
    compare1: () => compare(scenario, { runs, workers: 1, ...oneWhatIf }),
    compare3: () => compare(scenario, { runs, workers: 1, ...threeWhatIfs }),
  };
  const time = async (job) => {
    const t = performance.now();
    await jobs[job]();
    return performance.now() - t;
  };
  await time("run"); // warm up: compile the season's hot code before anything is timed
  const ms = { run: [], compare1: [], compare3: [] };
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? ["run", "compare1", "compare3"] : ["compare3", "compare1", "run"];
    for (const job of order) ms[job].push(await time(job));
  }
  return {
    runs,
    runMs: median(ms.run),
    one: ms.compare1.map((x, i) => x / ms.run[i]),
    three: ms.compare3.map((x, i) => x / ms.run[i]),
  };
}

export function printCompareBench(r) {
  const list = (xs) => `${xs.map((x) => x.toFixed(2)).join(", ")} (median ${median(xs).toFixed(2)})`;
  console.log(`compare: dermatology, ${r.runs} seasons on one worker, against run of the same seasons, in turn`);
  console.log(`  run                median ${r.runMs.toFixed(0)} ms`);
  console.log(`  1 what-if / run    ${list(r.one)}; expected about 2`);
  console.log(`  3 what-ifs / run   ${list(r.three)}; expected about 4 (k what-ifs: k + 1)`);
}
