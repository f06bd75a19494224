// `npm run fuzz [-- COUNT]`: the fuzz suite at length (10,000 cases by default), with a
// count of cases tried and every failure found. FC_SEED replays a run.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { ROOT } from "../helpers/cli.js";
import { fuzzCaseArb } from "./mutations.js";
import { runCase } from "./run-case.js";

const count = Number(process.argv[2] ?? 10_000);
const seed = Number(process.env["FC_SEED"] ?? Date.now() % 2 ** 31);
const sources = ["classroom", "pre-interview", "ripple", "late-calls", "nrmp-example"].map((name) => ({
  name,
  text: readFileSync(`${ROOT}scenarios/${name}.yaml`, "utf8"),
}));
const cases = fc.sample(fuzzCaseArb(sources), { numRuns: count, seed });
const failures: string[] = [];
const started = Date.now();
for (const [i, c] of cases.entries()) {
  const failure = await runCase(c);
  if (failure) failures.push(`${c.name} (${c.what}): ${failure}`);
  if ((i + 1) % 1000 === 0) process.stderr.write(`${i + 1} cases…\n`);
}
console.log(`fuzz: ${cases.length} cases tried (seed ${seed}) in ${((Date.now() - started) / 1000).toFixed(0)} s, ${failures.length} failed`);
for (const f of failures.slice(0, 20)) console.log(`  ${f}`);
process.exitCode = failures.length === 0 ? 0 : 1;
