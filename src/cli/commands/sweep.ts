import { Option, type Command } from "commander";
import type { Proposer } from "../../match/deferred-acceptance.js";
import { renderJson } from "../../report/json.js";
import type { Io } from "../io.js";
import { interruptible } from "../interrupt.js";
import { opinionOption, outOption, proposerOption, runsOption, seedOption, settingsOf, workersOption } from "../options.js";
import type { ParameterSetting } from "../../scenario/overrides.js";
import { chooseFormat, formatOption, quietOption, refuseOverwritingInputs, wideOption, writeOutput } from "../output.js";
import { renderDocument } from "../render.js";
import { progressBar } from "../progress.js";
import { loadScenarioInput, requireId } from "../scenario-input.js";
import { scenarioLabel } from "../../scenario/load.js";
import { DEFAULT_RUNS, DEFAULT_SEED } from "./run.js";

interface SweepCliOptions {
  set: string[];
  opinion?: ParameterSetting[];
  runs?: number;
  seed?: number;
  proposer: Proposer;
  focus?: string;
  workers?: number;
  format?: string;
  out?: string;
  quiet?: boolean;
  color?: boolean;
  wide?: boolean;
}

const SWEEP_FORMATS = ["text", "json", "csv", "markdown", "html"] as const;

const EXAMPLES = `
Examples:
  $ match-sim sweep scenarios/classroom.yaml --set effects.strong=0,10,20,30 --runs 500
  $ match-sim sweep scenarios/classroom.yaml --set ripple.sameRegion=0:1:0.25 --focus Ava --runs 500
  $ match-sim sweep scenarios/classroom.yaml --set effects.strong=0,20 --set ripple.sameRegion=0,0.6 --runs 500 --out sweep.csv
  $ match-sim sweep scenarios/classroom.yaml --set referrers.dr-okafor.clout=0:1:0.25 --focus Ava --runs 500
  $ match-sim sweep scenarios/classroom.yaml --set opinions.dr-lind~Ivan=strong,positive,fine --focus Ivan --runs 500
`;

export function registerSweep(program: Command, io: Io): void {
  program
    .command("sweep")
    .description("run a grid of parameter values, one row per point, every point on the same seasons")
    .argument("<file>", "scenario file (.yaml, .yml, .json, or - for standard input)")
    .addOption(
      new Option("--set <path=values>", "an axis: a model parameter or a scenario field, path=v1,v2,… or path=from:to:step (repeatable; the grid is their product; one value fixes it)")
        .argParser((v: string, prev: string[] = []) => [...prev, v])
        .makeOptionMandatory(),
    )
    .addOption(opinionOption())
    .addOption(runsOption())
    .addOption(seedOption())
    .addOption(proposerOption())
    .option("--focus <id>", "add this applicant's P(match), interval and change to every row")
    .addOption(workersOption())
    .addOption(formatOption(SWEEP_FORMATS))
    .addOption(outOption())
    .addOption(wideOption())
    .addOption(quietOption())
    .option("--no-color", "never colour the output")
    .addHelpText("after", EXAMPLES)
    .action((file: string, opts: SweepCliOptions) =>
      interruptible(async (signal) => {
        refuseOverwritingInputs(opts.out, [file]);
        const format = chooseFormat("sweep", SWEEP_FORMATS, opts.format, opts.out);
        // --opinion fixes a verdict at every point of the grid.
        const loaded = await loadScenarioInput(file, io, { settings: settingsOf({ opinion: opts.opinion }) });
        requireId("--focus", opts.focus, loaded.indexed.applicantIds, loaded.file);
        const { parseAxis } = await import("../../montecarlo/sweep.js");
        const { runSweep } = await import("../../montecarlo/run-sweep.js");
        const axes = opts.set.map((text) => parseAxis(text));
        const bar = await progressBar(io, { quiet: opts.quiet === true, label: "sweep" });
        const results = await runSweep(loaded, {
          axes,
          runs: opts.runs ?? loaded.scenario.runs ?? DEFAULT_RUNS,
          seed: opts.seed ?? loaded.scenario.seed ?? DEFAULT_SEED,
          proposer: opts.proposer,
          label: scenarioLabel(loaded),
          focus: opts.focus,
          workers: opts.workers,
          signal,
          onProgress: (done, total) => bar.update(done, total),
        }).finally(() => bar.stop());
        if (signal.aborted) throw signal.reason;
        let text: string;
        if (format === "json") text = renderJson(results);
        else if (format === "html") {
          const { sweepReportHtml } = await import("../../report/html-report.js");
          text = sweepReportHtml(results);
        } else {
          const { sweepCsv, sweepDocument } = await import("../../report/sweep-report.js");
          text = format === "csv" ? sweepCsv(results) : await renderDocument(io, sweepDocument(results), format, opts, results.scenario);
        }
        await writeOutput(io, text, opts.out, opts.quiet === true);
      }),
    );
}
