import type { Command } from "commander";
import { UsageError } from "../../errors.js";
import type { Proposer } from "../../match/deferred-acceptance.js";
import type { ParameterSetting } from "../../scenario/overrides.js";
import { scenarioLabel } from "../../scenario/load.js";
import { renderJson } from "../../report/json.js";
import type { RunResults } from "../../results/run-results.js";
import type { Io } from "../io.js";
import { interruptible } from "../interrupt.js";
import { groupByOption, outOption, proposerOption, runsOption, seedOption, opinionOption, setOption, settingsOf, shardOption, tableOption, workersOption } from "../options.js";
import { RUN_TABLES, type RunTable } from "../../report/tidy-tables.js";
import type { GroupBy } from "../../montecarlo/groups.js";
import { chooseFormat, formatOption, quietOption, refuseOverwritingInputs, wideOption, writeOutput } from "../output.js";
import { renderDocument } from "../render.js";
import { progressBar } from "../progress.js";
import { loadScenarioInput, requireId } from "../scenario-input.js";
import type { IndexedScenario } from "../../scenario/index-scenario.js";
import type { Accumulator } from "../../montecarlo/accumulator.js";
import type { SimulateOptions } from "../../montecarlo/simulate.js";

/** What run (and merge, which prints a run's results) can write. */
export const RUN_FORMATS = ["text", "json", "csv", "markdown", "html"] as const;
export type RunFormat = (typeof RUN_FORMATS)[number];

interface RunOptions {
  runs?: number;
  seed?: number;
  set?: ParameterSetting[];
  opinion?: ParameterSetting[];
  proposer: Proposer;
  format?: string;
  out?: string;
  wide?: boolean;
  focus?: string;
  color?: boolean;
  workers?: number;
  shard?: { index: number; count: number };
  quiet?: boolean;
  knowers?: boolean;
  table?: RunTable;
  groupBy?: GroupBy;
}

export const DEFAULT_RUNS = 1000;
export const DEFAULT_SEED = 1;

/** Renders run results in the format asked for. */
export async function renderResults(
  io: Io,
  results: RunResults,
  format: RunFormat,
  opts: { focus?: string | undefined; color?: boolean | undefined; out?: string | undefined; wide?: boolean | undefined; table?: RunTable | undefined },
): Promise<string> {
  if (opts.table !== undefined && format !== "csv") throw new UsageError(`--table ${opts.table} is a CSV table: add --format csv (or --out FILE.csv)`);
  if (format === "json") return renderJson(results);
  if (format === "html") {
    const { runReportHtml } = await import("../../report/html-report.js");
    return runReportHtml(results, opts.focus);
  }
  if (format === "csv") {
    const { runTable, withProvenance } = await import("../../report/tidy-tables.js");
    const { renderCsv } = await import("../../report/csv.js");
    const { head, rows } = withProvenance(results.provenance, runTable(results, opts.table ?? "applicants"));
    return renderCsv(head, rows);
  }
  const { runDocument } = await import("../../report/run-report.js");
  return renderDocument(io, runDocument(results, opts.focus), format, opts, results.scenario);
}

const EXAMPLES = `
Examples:
  $ match-sim run scenarios/classroom.yaml
  $ match-sim run scenarios/classroom.yaml --focus Ava --set effects.strong=10 --runs 500
  $ match-sim run scenarios/dermatology.yaml --runs 50 --out results.csv
  $ match-sim run scenarios/dermatology.yaml --runs 50 --group-by region --table groups --out groups.csv
`;

export function registerRun(program: Command, io: Io): void {
  program
    .command("run")
    .description("simulate many seasons and compare outcomes with and without backchannel calls")
    .argument("<file>", "scenario file (.yaml, .yml, .json, or - for standard input)")
    .addOption(runsOption())
    .addOption(seedOption())
    .addOption(setOption())
    .addOption(opinionOption())
    .addOption(proposerOption())
    .addOption(formatOption(RUN_FORMATS))
    .addOption(outOption())
    .option("--focus <id>", "the applicant whose matched-rank histogram is drawn")
    .option("--knowers", "with --focus: what each knower of the applicant says, and what their silence would change (as compare --knowers)")
    .addOption(groupByOption())
    .addOption(tableOption(RUN_TABLES))
    .addOption(workersOption())
    .addOption(shardOption())
    .addOption(wideOption())
    .addOption(quietOption())
    .option("--no-color", "never colour the output")
    .addHelpText("after", EXAMPLES)
    .action((file: string, opts: RunOptions) => interruptible((signal) => runCommand(io, file, opts, signal)));
}

/** Simulates with a progress bar on a terminal; an interrupt ends it with Interrupted. */
export async function simulateWithProgress(
  io: Io,
  s: IndexedScenario,
  options: Omit<SimulateOptions, "onProgress"> & { signal: AbortSignal },
  bar: { label: string; quiet: boolean },
): Promise<Accumulator> {
  const { simulate } = await import("../../montecarlo/simulate.js");
  const progress = await progressBar(io, bar);
  const acc = await simulate(s, { ...options, onProgress: (done, total) => progress.update(done, total) }).finally(() =>
    progress.stop(),
  );
  if (options.signal.aborted) throw options.signal.reason;
  return acc;
}

/** The run command; Ctrl-C anywhere in it ends it with nothing written. */
async function runCommand(io: Io, file: string, opts: RunOptions, signal: AbortSignal): Promise<void> {
  refuseOverwritingInputs(opts.out, [file]);
  const format = chooseFormat("run", RUN_FORMATS, opts.format, opts.out);
  const loaded = await loadScenarioInput(file, io, { settings: settingsOf(opts) });
  const s = loaded.indexed;
  requireId("--focus", opts.focus, s.applicantIds, loaded.file);
  if (opts.knowers) {
    // Whose word matters is a comparison of the base with each knower silent.
    const { compareCommand, COMPARE_FORMATS } = await import("./compare.js");
    if (!(COMPARE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--knowers cannot write ${format}`);
    const results = await compareCommand(io, loaded, undefined, { ...opts, knowers: true, set: [], opinion: [] }, signal);
    const { compareCsv, compareDocument } = await import("../../report/compare-report.js");
    const text =
      format === "json" ? renderJson(results) : format === "csv" ? compareCsv(results) : await renderDocument(io, compareDocument(results), format as "text" | "markdown" | "html", opts, results.scenario);
    await writeOutput(io, text, opts.out, opts.quiet === true);
    return;
  }
  if (opts.shard && format !== "json") {
    throw new UsageError("--shard writes a part for `match-sim merge`: add --format json (and --out part-i.json)");
  }
  const runs = opts.runs ?? loaded.scenario.runs ?? DEFAULT_RUNS;
  const seed = opts.seed ?? loaded.scenario.seed ?? DEFAULT_SEED;
  const { shardTrials } = await import("../../montecarlo/shard.js");
  const range = opts.shard ? shardTrials(runs, opts.shard) : { first: 0, count: runs };
  const groupBy = opts.groupBy ?? "access";
  const acc = await simulateWithProgress(io, s, { seed, runs, proposer: opts.proposer, workers: opts.workers, groupBy, ...range, signal }, {
    label: "run",
    quiet: opts.quiet === true,
  });

  const { resultsContext, resultsOf } = await import("../../montecarlo/results-of.js");
  const { fingerprintOf } = await import("../../scenario/hash.js");
  const scenarioFingerprint = fingerprintOf(loaded);
  const context = resultsContext(s, { groupBy, fingerprint: scenarioFingerprint });
  const meta = { scenario: scenarioLabel(loaded), seed, proposer: opts.proposer, settings: settingsOf(opts).map((x) => x.text) };
  let text: string;
  if (opts.shard) {
    const { shardFile } = await import("../../montecarlo/shard.js");
    text = renderJson(shardFile({ ...meta, scenarioHash: scenarioFingerprint, runs, shard: opts.shard, trials: range }, context, acc));
  } else {
    text = await renderResults(io, resultsOf(acc, context, meta), format, opts);
  }
  await writeOutput(io, text, opts.out, opts.quiet === true);
}
