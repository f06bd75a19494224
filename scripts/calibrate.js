// `npm run calibrate`: runs every preset and prints its match and fill rates beside the
// published figures, dermatology's share of invitations shaped by calls beside the
// article's 10–15%, and the measured rank-list call rate of each category beside its
// parameter. The README's calibration table is this script's output.
import { PRESETS } from "../dist/generate/presets.js";
import { specialtyMarket } from "../dist/generate/specialty-market.js";
import { loadScenarioText } from "../dist/scenario/load.js";
import { simulate } from "../dist/montecarlo/simulate.js";
import { resultsContext, resultsOf } from "../dist/montecarlo/results-of.js";

const RUNS = { dermatology: 200, "orthopaedic-surgery": 200, "emergency-medicine": 100, "internal-medicine": 20, nrmp: 4 };
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const pts = (a, b) => `${a >= b ? "+" : "−"}${Math.abs((a - b) * 100).toFixed(1)}`;

const rows = [];
for (const preset of PRESETS) {
  const started = Date.now();
  const loaded = loadScenarioText(JSON.stringify(specialtyMarket(preset.shape, 1)), `${preset.name}.json`);
  const runs = RUNS[preset.name] ?? 50;
  const acc = await simulate(loaded.indexed, { seed: 1, runs, proposer: "applicant" });
  const r = resultsOf(acc, resultsContext(loaded.indexed), { scenario: preset.name, seed: 1, proposer: "applicant" });
  const positions = r.programs.reduce((s, p) => s + p.positions, 0);
  const fill = r.programs.reduce((s, p) => s + (p.fillRate ?? 0) * p.positions, 0) / positions;
  const match = r.summary.matchRate.withCalls;
  const rates = Object.entries(r.summary.callRates).map(([k, v]) => `${k} ${v.measured === null ? "—" : v.measured.toFixed(2)} (${v.parameter})`).join(", ");
  rows.push(
    `| ${preset.title} | ${runs} | ${pct(match)} | ${pct(preset.matchRate.value)} | ${pts(match, preset.matchRate.value)} | ` +
      `${pct(fill)} | ${pct(preset.fillRate.value)} | ${pts(fill, preset.fillRate.value)} | ` +
      `${preset.name === "dermatology" ? `${pct(r.summary.invitesShaped)} (article: 10–15%)` : pct(r.summary.invitesShaped)} | ${rates} |`,
  );
  process.stderr.write(`${preset.name}: ${runs} seasons in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
console.log("| preset | seasons | match rate | published | Δ points | fill rate | published | Δ points | invites shaped | rank-list call rate measured (parameter) |");
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const row of rows) console.log(row);
