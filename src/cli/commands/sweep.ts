import { Option, type Command } from "commander";
import type { Proposer } from "../../match/deferred-acceptance.js";
import { renderJson } from "../../report/json.js";
import type { Io } from "../io.js";
import { interruptible } from "../interrupt.js";
import { groupByOption, opinionOption, outOption, proposerOption, runsOption, seedOption, settingsOf, tableOption, workersOption } from "../options.js";
import { UsageError } from "../../errors.js";
import type { GroupBy } from "../../montecarlo/groups.js";
import { SWEEP_TABLES, type SweepTable } from "../../report/tidy-tables.js";
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
  baseline?: string;
  full?: boolean;
  table?: SweepTable;
  groupBy?: GroupBy;
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
  $ match-sim sweep scenarios/classroom.yaml --set effects.strong=0,10,20 --baseline effects.strong=20 --full --table applicants --out points.csv
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
    .option("--baseline <point>", "the point every other is compared with: its number (1 is the first, the default) or its settings, path=value,…")
    .option("--full", "keep every point's full results (JSON: under each point; CSV: with --table applicants, programs, groups or summary)")
    .addOption(tableOption(SWEEP_TABLES))
    .addOption(groupByOption())
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
        if (opts.table !== undefined && opts.table !== "points" && !opts.full) throw new UsageError(`--table ${opts.table} holds every point's full results: add --full`);
        if (opts.table !== undefined && format !== "csv") throw new UsageError(`--table ${opts.table} is a CSV table: add --format csv (or --out FILE.csv)`);
        const baseline = opts.baseline === undefined ? undefined : /^\d+$/.test(opts.baseline) ? Number(opts.baseline) : opts.baseline;
        const results = await runSweep(loaded, {
          axes,
          baseline,
          full: opts.full === true,
          groupBy: opts.groupBy,
          settings: settingsOf({ opinion: opts.opinion }).map((x) => x.text),
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
          text = format === "csv" ? sweepCsv(results, opts.table) : await renderDocument(io, sweepDocument(results), format, opts, results.scenario);
        }
        await writeOutput(io, text, opts.out, opts.quiet === true);
      }),
    );
}
