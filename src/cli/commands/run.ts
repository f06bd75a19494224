import type { Command } from "commander";
import { basename } from "node:path";
import { UsageError } from "../../errors.js";
import type { Proposer } from "../../match/deferred-acceptance.js";
import type { ParameterSetting } from "../../scenario/overrides.js";
import { renderJson } from "../../report/json.js";
import { colors, emit, type Io } from "../io.js";
import { formatOption, outOption, proposerOption, runsOption, seedOption, setOption, type Format } from "../options.js";
import { loadScenarioInput } from "../scenario-input.js";

interface RunOptions {
  runs?: number;
  seed?: number;
  set?: ParameterSetting[];
  proposer: Proposer;
  format: Format;
  out?: string;
  focus?: string;
  color?: boolean;
}

export const DEFAULT_RUNS = 1000;
export const DEFAULT_SEED = 1;

export function registerRun(program: Command, io: Io): void {
  program
    .command("run")
    .description("simulate many seasons and compare outcomes with and without backchannel calls")
    .argument("<file>", "scenario file (.yaml, .yml, .json, or - for standard input)")
    .addOption(runsOption())
    .addOption(seedOption())
    .addOption(setOption())
    .addOption(proposerOption())
    .addOption(formatOption())
    .addOption(outOption())
    .option("--focus <id>", "the applicant whose matched-rank histogram is drawn")
    .option("--no-color", "never colour the output")
    .action(async (file: string, opts: RunOptions) => {
      const loaded = await loadScenarioInput(file, io, { settings: opts.set ?? [] });
      const s = loaded.indexed;
      if (opts.focus !== undefined && !s.applicantIds.includes(opts.focus)) {
        throw new UsageError(`--focus ${opts.focus}: no applicant with that id in ${loaded.file}`);
      }
      const runs = opts.runs ?? loaded.scenario.runs ?? DEFAULT_RUNS;
      const seed = opts.seed ?? loaded.scenario.seed ?? DEFAULT_SEED;
      const { simulateInline } = await import("../../montecarlo/run-trials.js");
      const { resultsOf } = await import("../../report/results-model.js");
      const acc = simulateInline(s, seed, runs, opts.proposer);
      const results = resultsOf(acc, s, {
        scenario: loaded.scenario.name ?? (loaded.file === "<stdin>" ? "<stdin>" : basename(loaded.file)),
        seed,
        proposer: opts.proposer,
      });
      let text: string;
      if (opts.format === "json") text = renderJson(results);
      else {
        const { runCsv, runTable } = await import("../../report/run-report.js");
        text = opts.format === "csv" ? runCsv(results) : runTable(results, await colors(io, opts), opts.focus);
      }
      await emit(io, text, opts.out);
    });
}
