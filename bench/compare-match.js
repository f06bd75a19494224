// `node bench/compare-match.js DIST_A DIST_B [ROUNDS]`: the whole `match` command of two
// builds on the NRMP-size market of the match benchmark (JSON out, written to /dev/null),
// each run in a fresh process, since most of what `match` costs over its floor is paid
// once per process: start-up, the engine compiling as it goes, garbage collection. Unlike
// the season's comparison, the two builds run one after the other, in alternating order,
// and each round's pair is compared within itself: two one-shot processes side by side
// contend for memory while they parse, and their times moved by a fifth either way.
// Printed: the best and the median of each phase of --timings, and the median of the
// rounds' ratios B/A with their range.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { nrmpMarketFile } from "./nrmp-market.js";
import { buildsFromArgs } from "./side-by-side.js";

const ME = fileURLToPath(import.meta.url);
const run = promisify(execFile);

if (process.argv[2] === "--one") {
  // Child: the command once, its --timings line read back from standard error as JSON.
  const [dist, file] = process.argv.slice(3);
  // A build with the launcher runs as bin/match-sim.js runs it (the bundle and its code
  // cache); an earlier one, from its module bundle.
  const { main } = existsSync(`${dist}/cli/launch.js`)
    ? (await import(`${dist}/cli/launch.js`)).compileCli(`${dist}/bundle/`)
    : await import(`${dist}/bundle/main.js`);
  let said = "";
  process.stderr.write = (chunk) => ((said += String(chunk)), true);
  const code = await main(["match", file, "--format", "json", "--out", "/dev/null", "--quiet", "--timings"]);
  if (code !== 0) throw new Error(`${dist}: match exited with ${code}: ${said.trim()}`);
  const phases = Object.fromEntries([...said.matchAll(/(\w[\w ]*?) ([\d.]+) ms/g)].map((m) => [m[1].trim(), Number(m[2])]));
  process.stdout.write(JSON.stringify(phases));
} else {
  const { dists, rounds } = buildsFromArgs("compare-match.js", "bundle", 20);
  const { file } = nrmpMarketFile();
  const once = async (dist) => JSON.parse((await run(process.execPath, [ME, "--one", dist, file], { encoding: "utf8" })).stdout);
  const runs = [[], []];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) runs[i].push(await once(dists[i]));
  }
  const best = (xs) => Math.min(...xs);
  const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
  const cell = (xs) => `${best(xs).toFixed(0).padStart(5)} ${median(xs).toFixed(0).padStart(5)}`;
  console.log(`${"phase (ms, best and median)".padEnd(24)} ${"A".padStart(11)} ${"B".padStart(11)}   B/A: median of rounds (range)`);
  for (const name of Object.keys(runs[0][0])) {
    const [xa, xb] = runs.map((rs) => rs.map((r) => r[name]));
    const ratios = xa.map((a, k) => xb[k] / a).sort((x, y) => x - y);
    console.log(`${name.padEnd(24)} ${cell(xa)} ${cell(xb)}   ${median(ratios).toFixed(2)} (${ratios[0].toFixed(2)}–${ratios.at(-1).toFixed(2)})`);
  }
}
