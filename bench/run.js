// `npm run bench`: prints the figures the issues name. Sections can be chosen by name:
// `npm run bench -- match season nrmp scale load compare sweep`. BENCH_FULL=1 adds 100,000 dermatology runs.
import { compareBench, printCompareBench } from "./compare-bench.js";
import { printSweepBench, sweepBench } from "./sweep-bench.js";
import { loadBench, printLoadBench } from "./load-bench.js";
import { matchBench, printMatchBench } from "./match-bench.js";
import { nrmpBench, printNrmpBench } from "./nrmp-bench.js";
import { printScaleBench, scaleBench } from "./scale-bench.js";
import { printSeasonBench, seasonBench } from "./season-bench.js";

const wanted = new Set(process.argv.slice(2));
const want = (name) => wanted.size === 0 || wanted.has(name);

if (want("season")) printSeasonBench(await seasonBench());
if (want("nrmp")) printNrmpBench(nrmpBench());
if (want("scale")) printScaleBench(scaleBench());
if (want("match")) printMatchBench(matchBench());
if (want("load")) printLoadBench(loadBench());
if (want("compare")) printCompareBench(await compareBench());
if (want("sweep")) printSweepBench(await sweepBench());
