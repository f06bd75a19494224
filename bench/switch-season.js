// `node bench/switch-season.js SWITCH [SCENARIO]`: the season with a switch of the code on
// and off, in one process, in short blocks of trials taken in turn (off, on, on, off, …),
// and per side the 10th, 25th and 50th percentile of the blocks' time per trial, for the
// whole trial and for the phase the switch concerns, with the ratio on / off.
//
// Switches: `bounded` and `screening` (the kernel's bounded draws of applications and of
// screening, on one workspace), `shared`
// (the kernel's one shared row of candidates, one workspace each) and `wasm` (the season
// kernel against the JavaScript steps, one workspace each).
//
// Why: this machine's speed changes within a second, so two processes (even side by side)
// can disagree by a fifth with the same code; blocks of a few trials in turn in one
// process meet the same moments, and the same compiled code runs both sides.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const [which = "bounded", file = `${ROOT}scenarios/dermatology.yaml`] = process.argv.slice(2);
const from = (path) => import(`${ROOT}dist/${path}`);
const { loadScenarioText } = await from("scenario/load.js");
const { makeSeasonPlan } = await from("season/plan.js");
const { newWorkspace } = await from("season/workspace.js");
const { runTrial } = await from("season/season.js");
const { useBoundedDraws } = await from("season/applications.js");
const { useBoundedScreening } = await from("season/screening.js");
const { useSharedRow, useWasmKernel } = await from("season/kernel/season-kernel.js");

// A switch read per trial runs both sides on one workspace; one read when a workspace is
// made gets a workspace per side, made with it off and then on.
const perTrial = (phase, use) => ({ phase, sides: (plan) => { const ws = newWorkspace(plan); return [ws, ws]; }, set: use });
const perWorkspace = (phase, use) => ({
  phase,
  sides: (plan) => {
    use(false);
    const off = newWorkspace(plan);
    use(true);
    return [off, newWorkspace(plan)];
  },
  set: () => {},
});
const SWITCHES = {
  bounded: perTrial("applications", useBoundedDraws),
  screening: perTrial("screening", useBoundedScreening),
  wasm: perWorkspace("applications", useWasmKernel),
  shared: perWorkspace("applications", useSharedRow),
};
const sw = SWITCHES[which];
if (!sw) throw new Error(`unknown switch ${which}: one of ${Object.keys(SWITCHES).join(", ")}`);

const text = readFileSync(file, "utf8");
const plan = makeSeasonPlan(loadScenarioText(text, file).indexed);
const sides = sw.sides(plan);
const big = text.length > 5_000_000;
const BLOCKS = Number(process.env.BLOCKS ?? (big ? 40 : 600));
const PER = Number(process.env.PER ?? (big ? 1 : 4));

let t = 0;
for (const ws of new Set(sides)) for (let i = 0; i < (big ? 4 : 60); i++) runTrial(ws, 1, t++, { proposer: "applicant" });
const trial = [[], []];
const phase = [[], []];
for (let b = 0; b < BLOCKS; b++) {
  const on = (b ^ (b >> 1)) & 1;
  sw.set(on === 1);
  let inPhase = 0;
  const start = performance.now();
  for (let i = 0; i < PER; i++, t++) {
    let last = performance.now();
    runTrial(sides[on], 1, t, {
      proposer: "applicant",
      onPhase: (name) => {
        const now = performance.now();
        if (name === sw.phase) inPhase += now - last;
        last = now;
      },
    });
  }
  trial[on].push((performance.now() - start) / PER);
  phase[on].push(inPhase / PER);
}
sw.set(true);

const at = (xs, f) => [...xs].sort((x, y) => x - y)[Math.floor(f * (xs.length - 1))];
console.log(`${which} off / on, ms per trial (${BLOCKS / 2} blocks of ${PER} each side)`);
for (const f of [0.1, 0.25, 0.5]) {
  const row = (xs) => `${at(xs[0], f).toFixed(3)} / ${at(xs[1], f).toFixed(3)} (×${(at(xs[1], f) / at(xs[0], f)).toFixed(3)})`;
  console.log(`  p${String(f * 100).padEnd(3)} trial ${row(trial)}   ${sw.phase} ${row(phase)}`);
}
