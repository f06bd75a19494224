import { Option, type Command } from "commander";
import type { Proposer } from "../../match/deferred-acceptance.js";
import { renderJson } from "../../report/json.js";
import { colors, emit, type Io } from "../io.js";
import { interruptible } from "../interrupt.js";
import { formatOption, outOption, proposerOption, runsOption, seedOption, workersOption, type Format } from "../options.js";
import { progressBar } from "../progress.js";
import { loadScenarioInput, requireId } from "../scenario-input.js";
import { scenarioLabel } from "../../scenario/load.js";
import { DEFAULT_RUNS, DEFAULT_SEED } from "./run.js";

interface SweepCliOptions {
  set: string[];
  runs?: number;
  seed?: number;
  proposer: Proposer;
  focus?: string;
  workers?: number;
  format: Format;
  out?: string;
  quiet?: boolean;
  color?: boolean;
}

export function registerSweep(program: Command, io: Io): void {
  program
    .command("sweep")
    .description("run a grid of parameter values, one row per point, every point on the same seasons")
    .argument("<file>", "scenario file (.yaml, .yml, .json, or - for standard input)")
    .addOption(
      new Option("--set <path=values>", "an axis: path=v1,v2,… or path=from:to:step (repeatable; the grid is their product)")
        .argParser((v: string, prev: string[] = []) => [...prev, v])
        .makeOptionMandatory(),
    )
    .addOption(runsOption())
    .addOption(seedOption())
    .addOption(proposerOption())
    .option("--focus <id>", "add this applicant's P(match), interval and change to every row")
    .addOption(workersOption())
    .addOption(formatOption())
    .addOption(outOption())
    .option("-q, --quiet", "no progress bar")
    .option("--no-color", "never colour the output")
    .action((file: string, opts: SweepCliOptions) =>
      interruptible(async (signal) => {
        const loaded = await loadScenarioInput(file, io);
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
        if (opts.format === "json") text = renderJson(results);
        else {
          const { sweepCsv, sweepTable } = await import("../../report/sweep-report.js");
          text = opts.format === "csv" ? sweepCsv(results) : sweepTable(results, await colors(io, opts));
        }
        await emit(io, text, opts.out);
      }),
    );
}
