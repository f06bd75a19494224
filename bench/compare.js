// `node bench/compare.js DIST_A DIST_B [ROUNDS] [--file SCENARIO]`: the season's time per phase for two builds
// (directories laid out like dist/, e.g. a copy of an earlier build), each measured in its
// own process, the two processes running at the same time on two cores, round after
// round, and the best of each phase kept. Two builds timed inside one process are not
// comparable: the second one loaded runs 10–15% slower with identical code. Builds timed
// one after the other are not either, on a shared machine whose speed changes by half
// within minutes; running them side by side puts both through the same slow spells.
import { statSync } from "node:fs";
import { isAbsolute } from "node:path";
import { fileURLToPath } from "node:url";
import { buildsFromArgs, roundSideBySide } from "./side-by-side.js";

const ME = fileURLToPath(import.meta.url);

// --file: another scenario than the dermatology one (an absolute path, or one relative to
// the repository); a market of more than 100,000 applications a season gets shorter blocks.
const fileAt = process.argv.indexOf("--file");
const file = fileAt > 0 ? process.argv.splice(fileAt, 2)[1] : undefined;

if (process.argv[2] === "--one") {
  // Child: one build's best time per phase over the season benchmark's blocks, as JSON.
  const { seasonBench } = await import("./season-bench.js");
  const big = file !== undefined && statSync(isAbsolute(file) ? file : fileURLToPath(new URL(`../${file}`, import.meta.url))).size > 5_000_000;
  const r = await seasonBench({ dist: process.argv[3], blocks: big ? 5 : 8, trialsPerBlock: big ? 3 : 40, warmup: big ? 2 : 40, ...(file ? { file } : {}) });
  process.stdout.write(JSON.stringify(Object.fromEntries(r.phases.map((p) => [p.name, p.bestMsPerTrial]))));
} else {
  const { dists, rounds } = buildsFromArgs("compare.js", "season/season.js", 6);
  const best = [{}, {}];
  for (let r = 0; r < rounds; r++) {
    const outs = await roundSideBySide(ME, dists, file ? ["--file", file] : [], r);
    outs.forEach((phases, i) => {
      for (const [name, ms] of Object.entries(phases)) best[i][name] = Math.min(best[i][name] ?? Infinity, ms);
    });
  }
  const total = (x) => Object.values(x).reduce((s, v) => s + v, 0);
  console.log(`${"phase (best ms per trial)".padEnd(26)} ${"A".padStart(7)} ${"B".padStart(7)}   B/A`);
  for (const name of Object.keys(best[0])) {
    console.log(`${name.padEnd(26)} ${best[0][name].toFixed(3).padStart(7)} ${best[1][name].toFixed(3).padStart(7)}   ${(best[1][name] / best[0][name]).toFixed(2)}`);
  }
  console.log(`${"total".padEnd(26)} ${total(best[0]).toFixed(3).padStart(7)} ${total(best[1]).toFixed(3).padStart(7)}   ${(total(best[1]) / total(best[0])).toFixed(2)}`);
}
