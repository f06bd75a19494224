// `npm run bench`, match section: an NRMP-size market, the whole `match` command against
// a bare floor (JSON.parse plus typed-array deferred acceptance), phase by phase.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { nrmpMarketFile } from "./nrmp-market.js";
import { loadScenarioText } from "../dist/scenario/load.js";
import { fixedListMarket } from "../dist/match/fixed-lists.js";
import { applicantProposing } from "../dist/match/deferred-acceptance.js";
import { programRanksOfApplicantEntries } from "../dist/match/rank-table.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function wall(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stderr}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

export function matchBench({ repeats = 9, seed = 1 } = {}) {
  const { file, generateMs } = nrmpMarketFile({ seed });
  const market = JSON.parse(readFileSync(file, "utf8"));
  const positions = market.programs.reduce((s, p) => s + p.positions, 0);
  const entries = market.applicants.reduce((s, a) => s + a.rankList.length, 0);

  const runs = [];
  const floors = [];
  // Each pair runs back to back, in alternating order, and is compared within itself: this
  // shared machine's speed changes by a third within seconds, so the ratio of two medians
  // taken apart moves more than the change being measured.
  const pairRatios = [];
  const whole = () => {
    const r = wall(["bin/match-sim.js", "match", file, "--format", "json", "--out", "/dev/null", "--timings"]);
    const phases = Object.fromEntries(
      [...r.stderr.matchAll(/(\w[\w ]*?) ([\d.]+) (ms|MB)/g)].map((m) => [m[1].trim(), Number(m[2])]),
    );
    runs.push({ wall: r.ms, ...phases });
    return r.ms;
  };
  const floorOnce = () => {
    const ms = wall(["bench/floor.js", file]).ms;
    floors.push(ms);
    return ms;
  };
  for (let i = 0; i < repeats; i++) {
    if (i % 2 === 0) {
      const w = whole();
      pairRatios.push(w / floorOnce());
    } else {
      const f = floorOnce();
      pairRatios.push(whole() / f);
    }
  }
  const med = (key) => median(runs.map((r) => r[key]));

  // The match alone, warm, in this process: rank table and deferred acceptance.
  const loaded = loadScenarioText(readFileSync(file, "utf8"), "big.json");
  const m = fixedListMarket(loaded.scenario, loaded.resolved);
  const rankTimes = [];
  const daTimes = [];
  for (let i = 0; i < 9; i++) {
    let t = performance.now();
    programRanksOfApplicantEntries(m);
    rankTimes.push(performance.now() - t);
    t = performance.now();
    applicantProposing(m);
    daTimes.push(performance.now() - t);
  }
  const sortedRatios = [...pairRatios].sort((a, b) => a - b);
  return {
    market: { applicants: market.applicants.length, programs: market.programs.length, positions, entries, file, generateMs },
    wholeMs: med("wall"),
    floorMs: median(floors),
    ratio: median(pairRatios),
    ratioRange: [sortedRatios[0], sortedRatios[sortedRatios.length - 1]],
    pairs: pairRatios.length,
    phases: {
      read: med("read"),
      parse: med("parse"),
      schema: med("schema"),
      references: med("references"),
      validate: med("schema") + med("references"),
      index: med("index"),
      resolve: med("resolve"),
      match: med("match"),
      check: med("check"),
      write: med("write"),
      startup: med("since process start") - med("total"),
    },
    peakRssMb: med("peak RSS"),
    warm: { rankTableMs: median(rankTimes), deferredAcceptanceMs: median(daTimes) - median(rankTimes) },
  };
}

export function printMatchBench(r) {
  const f = (x) => x.toFixed(0).padStart(6);
  console.log(`match: NRMP-size market — ${r.market.applicants} applicants, ${r.market.programs} programs, ` +
    `${r.market.positions} positions, ${r.market.entries} applicant list entries`);
  console.log(`  whole process  match --format json --out /dev/null   ${f(r.wholeMs)} ms (median)`);
  console.log(`  floor          JSON.parse + typed-array DA, no checks ${f(r.floorMs)} ms (median)`);
  console.log(`  ratio          ${r.ratio.toFixed(2)}×, median of ${r.pairs} pairs run back to back (${r.ratioRange.map((x) => x.toFixed(2)).join("–")}; target ≤ 1.5×)`);
  const p = r.phases;
  console.log(`  phases         startup ${f(p.startup)} | read ${f(p.read)} | parse ${f(p.parse)} | ` +
    `validate ${f(p.validate)} (schema ${p.schema.toFixed(0)}, references ${p.references.toFixed(0)}) | ` +
    `index ${f(p.index)} | resolve ${f(p.resolve)} | match ${f(p.match)} | check ${f(p.check)} | write ${f(p.write)}  ms`);
  console.log(`  validate + resolve vs parse: ${((p.validate + p.resolve) / p.parse).toFixed(2)}×`);
  console.log(`  peak RSS       ${r.peakRssMb.toFixed(0)} MB`);
  console.log(`  match alone, warm: rank table ${r.warm.rankTableMs.toFixed(1)} ms + deferred acceptance ` +
    `${r.warm.deferredAcceptanceMs.toFixed(1)} ms (target < 60 ms)`);
}
