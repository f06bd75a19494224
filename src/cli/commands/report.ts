import type { Command } from "commander";
import { readFile } from "node:fs/promises";
import { UsageError, UserError } from "../../errors.js";
import type { Proposer } from "../../match/deferred-acceptance.js";
import type { SweepResults } from "../../results/sweep-results.js";
import type { RunResults } from "../../results/run-results.js";
import type { ParameterSetting } from "../../scenario/overrides.js";
import { scenarioLabel } from "../../scenario/load.js";
import { emit, type Io } from "../io.js";
import { interruptible } from "../interrupt.js";
import { outOption, proposerOption, runsOption, seedOption, setOption, workersOption } from "../options.js";
import { loadScenarioInput, requireId } from "../scenario-input.js";
import { DEFAULT_RUNS, DEFAULT_SEED, simulateWithProgress } from "./run.js";

interface ReportOptions {
  from?: string;
  runs?: number;
  seed?: number;
  set?: ParameterSetting[];
  proposer: Proposer;
  focus?: string;
  workers?: number;
  out?: string;
  quiet?: boolean;
}

const isRun = (x: unknown): x is RunResults =>
  typeof x === "object" && x !== null && Array.isArray((x as RunResults).applicants) && typeof (x as RunResults).summary === "object";
const isSweep = (x: unknown): x is SweepResults => typeof x === "object" && x !== null && Array.isArray((x as SweepResults).points) && Array.isArray((x as SweepResults).axes);

export function registerReport(program: Command, io: Io): void {
  program
    .command("report")
    .description("make a self-contained HTML report with charts, from a scenario or a saved run or sweep")
    .argument("[file]", "scenario file to simulate (or use --from)")
    .option("--from <result.json>", "a saved `run --format json` or `sweep --format json` result")
    .addOption(runsOption())
    .addOption(seedOption())
    .addOption(setOption())
    .addOption(proposerOption())
    .option("--focus <id>", "the applicant whose matched-rank distribution is drawn")
    .addOption(workersOption())
    .addOption(outOption())
    .option("-q, --quiet", "no progress bar")
    .action((file: string | undefined, opts: ReportOptions) =>
      interruptible(async (signal) => {
        const { runReportHtml, sweepReportHtml } = await import("../../report/html-report.js");
        if (opts.from !== undefined) {
          if (file !== undefined) throw new UsageError("report: give a scenario file or --from, not both");
          let data: unknown;
          try {
            data = JSON.parse(await readFile(opts.from, "utf8"));
          } catch (err) {
            throw new UserError(`${opts.from}: cannot read a result: ${(err as Error).message.split("\n")[0]}`);
          }
          if (isSweep(data)) return emit(io, sweepReportHtml(data), opts.out);
          if (!isRun(data)) throw new UserError(`${opts.from}: not the JSON of \`run\` or \`sweep\``);
          requireId("--focus", opts.focus, data.applicants.map((a) => a.id), opts.from);
          return emit(io, runReportHtml(data, opts.focus), opts.out);
        }
        if (file === undefined) throw new UsageError("report: give a scenario file, or --from result.json");
        const loaded = await loadScenarioInput(file, io, { settings: opts.set ?? [] });
        requireId("--focus", opts.focus, loaded.indexed.applicantIds, loaded.file);
        const { resultsContext, resultsOf } = await import("../../montecarlo/results-of.js");
        const runs = opts.runs ?? loaded.scenario.runs ?? DEFAULT_RUNS;
        const seed = opts.seed ?? loaded.scenario.seed ?? DEFAULT_SEED;
        const acc = await simulateWithProgress(
          io,
          loaded.indexed,
          { seed, runs, proposer: opts.proposer, workers: opts.workers, signal },
          { label: "report", quiet: opts.quiet === true },
        );
        const results = resultsOf(acc, resultsContext(loaded.indexed), { scenario: scenarioLabel(loaded), seed, proposer: opts.proposer });
        return emit(io, runReportHtml(results, opts.focus), opts.out);
      }),
    );
}
