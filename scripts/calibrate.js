// `npm run calibrate`: generates every preset's market, runs it in batches of seasons and
// prints each target with the measured value, its 95% interval (batch means) and pass or
// fail. Exits 1 if any target fails. The README's calibration table is this output.
//
//   npm run calibrate                               every preset, Markdown tables
//   npm run calibrate -- --preset dermatology       one preset
//   npm run calibrate -- --format json              the measurements as JSON
//   npm run calibrate -- --scale 0.2 --batches 4    a quick, smaller look
import { parseArgs } from "node:util";
import { PRESETS, presetNamed } from "../dist/generate/presets.js";
import { calibrate } from "../dist/calibration/calibrate.js";

// Seasons per batch: enough for a tight interval on each preset within a minute or so.
const SEASONS = { dermatology: 30, "orthopaedic-surgery": 20, "emergency-medicine": 10, "internal-medicine": 3, nrmp: 1 };

const { values } = parseArgs({
  options: {
    preset: { type: "string", multiple: true },
    format: { type: "string", default: "md" },
    batches: { type: "string", default: "10" },
    seasons: { type: "string" },
    scale: { type: "string", default: "1" },
    seed: { type: "string", default: "1" },
  },
});
const names = values.preset ?? PRESETS.map((p) => p.name);
const presets = names.map((n) => {
  const p = presetNamed(n);
  if (!p) {
    process.stderr.write(`calibrate: no preset ${n} (${PRESETS.map((x) => x.name).join(", ")})\n`);
    process.exit(2);
  }
  return p;
});

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const show = (name, x) => (!Number.isFinite(x) ? "—" : name.includes("calls per season") || name.startsWith("rank-list minus") ? x.toFixed(1) : name.startsWith("interview rate") ? x.toFixed(2) : pct(x));
const interval = (name, m) => (m.interval === null ? "" : ` [${show(name, m.interval[0])}, ${show(name, m.interval[1])}]`);

const out = [];
let failed = 0;
for (const preset of presets) {
  const started = Date.now();
  const c = await calibrate(preset, {
    batches: Number(values.batches),
    seasonsPerBatch: Number(values.seasons ?? SEASONS[preset.name] ?? 10),
    seed: Number(values.seed),
    scale: Number(values.scale),
  });
  failed += c.targets.filter((t) => t.pass === false).length;
  out.push(c);
  process.stderr.write(`${preset.name}: ${c.seasons} seasons in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (values.format === "json") continue;
  console.log(`\n### ${preset.title} (\`${preset.name}\`, ${c.seasons} seasons in ${c.batches} batches)\n`);
  console.log("| target | wanted | measured [95% interval] | result | source |");
  console.log("|---|---|---|---|---|");
  for (const t of c.targets) {
    const result = t.pass === null ? "reported" : t.pass ? "pass" : "**FAIL**";
    console.log(`| ${t.target} | ${t.wanted} | ${show(t.target, t.measured.estimate)}${interval(t.target, t.measured)} | ${result} | ${t.source} |`);
  }
}
if (values.format === "json") console.log(JSON.stringify(out, null, 1));
else console.log(`\ntargets: ${out.reduce((s, c) => s + c.targets.filter((t) => t.pass !== null).length, 0) - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
