// Sweeps the same-region ripple rate on the classroom scenario and prints CSV: how much
// one cautious word at Harbor costs Gus as word spreads further.
//
//   npm run example          (after npm install)
import { loadScenario, sweep } from "match-sim";

const scenario = await loadScenario(new URL("../scenarios/classroom.yaml", import.meta.url).pathname);
const results = await sweep(scenario, {
  axes: { "ripple.sameRegion": "0:1:0.25" },
  runs: 400,
  focus: "Gus",
});

console.log("sameRegion,matchRateWithCalls,matchRateWithoutCalls,gusPMatch,gusDelta");
for (const p of results.points) {
  const gus = p.focus!;
  console.log([p.parameters["ripple.sameRegion"], p.matchRate.withCalls, p.matchRate.withoutCalls, gus.pMatch, gus.delta].join(","));
}
