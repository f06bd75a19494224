// `node bench/compare-load.js DIST_A DIST_B [ROUNDS]`: how long two builds take to parse and
// check the NRMP-size market of the match benchmark (parse, schema, references), each in a
// fresh process, since the check runs once per command and most of its cost is the engine
// compiling while it runs. As in compare.js, the two builds run side by side on two cores,
// round after round; the best and the median of each phase are kept. A build copied for
// comparison must stay inside the project (bench/scratch/ is ignored), where it finds zod.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { nrmpMarketFile } from "./nrmp-market.js";
import { buildsFromArgs, roundSideBySide } from "./side-by-side.js";

const ME = fileURLToPath(import.meta.url);

if (process.argv[2] === "--one") {
  // Child: one cold check of the file by one build, each phase's time as JSON.
  const [dist, file] = process.argv.slice(3);
  const { checkScenarioText } = await import(`${dist}/scenario/load.js`);
  const text = readFileSync(file, "utf8");
  const phases = {};
  let last = performance.now();
  const checked = checkScenarioText(text, "big.json", (phase) => {
    const now = performance.now();
    phases[phase] = now - last;
    last = now;
  });
  if (checked.errors.length > 0) throw new Error(`${dist}: the market did not check: ${checked.errors[0].message}`);
  process.stdout.write(JSON.stringify(phases));
} else {
  const { dists, rounds } = buildsFromArgs("compare-load.js", "scenario/load.js", 10);
  const { file } = nrmpMarketFile();
  const runs = [[], []];
  for (let r = 0; r < rounds; r++) {
    const outs = await roundSideBySide(ME, dists, [file], r);
    outs.forEach((p, i) => runs[i].push({ ...p, "schema + references": p.schema + p.references }));
  }
  const best = (xs) => Math.min(...xs);
  const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
  const cell = (xs) => `${best(xs).toFixed(0).padStart(5)} ${median(xs).toFixed(0).padStart(5)}`;
  console.log(`${"phase (ms, best and median)".padEnd(28)} ${"A".padStart(11)} ${"B".padStart(11)}   B/A (medians)`);
  for (const name of Object.keys(runs[0][0])) {
    const [xa, xb] = runs.map((rs) => rs.map((r) => r[name]));
    console.log(`${name.padEnd(28)} ${cell(xa)} ${cell(xb)}   ${(median(xb) / median(xa)).toFixed(2)}`);
  }
  // Each run's checks against its own parse: the two met the same moment of the machine.
  const ratios = runs.map((rs) => rs.map((r) => r["schema + references"] / r.parse));
  console.log(`${"checks / parse, per run".padEnd(28)} ${ratios.map((xs) => `${best(xs).toFixed(2)} ${median(xs).toFixed(2)}`.padStart(11)).join(" ")}`);
}
