import type { Command } from "commander";
import { UsageError, UserError } from "../../errors.js";
import type { Proposer } from "../../match/deferred-acceptance.js";
import type { SweepResults } from "../../results/sweep-results.js";
import type { RunResults } from "../../results/run-results.js";
import type { ParameterSetting } from "../../scenario/overrides.js";
import { scenarioLabel, type LoadedScenario } from "../../scenario/load.js";
import type { ReportExtras } from "../../report/html-report.js";
import { fingerprintOf } from "../../scenario/hash.js";
import type { GroupBy } from "../../montecarlo/groups.js";
import type { Io } from "../io.js";
import { readJsonFile } from "../read-json.js";
import { interruptible } from "../interrupt.js";
import { groupByOption, outOption, proposerOption, runsOption, seedOption, opinionOption, setOption, settingsOf, workersOption } from "../options.js";
import { chooseFormat, quietOption, refuseOverwritingInputs, writeOutput } from "../output.js";
import { loadScenarioInput, requireId } from "../scenario-input.js";
import { DEFAULT_RUNS, DEFAULT_SEED, simulateWithProgress } from "./run.js";

interface ReportOptions {
  from?: string;
  runs?: number;
  seed?: number;
  set?: ParameterSetting[];
  opinion?: ParameterSetting[];
  proposer: Proposer;
  focus?: string;
  workers?: number;
  out?: string;
  quiet?: boolean;
  groupBy?: GroupBy;
}

const isSweep = (x: RunResults | SweepResults): x is SweepResults => x.kind === "sweep";

const EXAMPLES = `
Without --out the page goes to standard output when that is a file or a pipe; on a
terminal, report refuses (an HTML page is not for reading there) and asks for --out.

Examples:
  $ match-sim report scenarios/classroom.yaml --out report.html
  $ match-sim run scenarios/classroom.yaml --out result.json && match-sim report --from result.json --out report.html
  $ match-sim report scenarios/classroom.yaml --focus Ava > report.html
`;

/** Reads a saved result, saying plainly what is wrong with a file that is not one. */
async function readResult(path: string): Promise<RunResults | SweepResults> {
  const hint = /\.(ya?ml)$/i.test(path) ? "; to report on a scenario, give it without --from" : "";
  const data = await readJsonFile(path, `--from takes what \`run\` or \`sweep\` writes with --format json${hint}`);
  const { RunResultsSchema } = await import("../../results/run-results.js");
  const { SweepResultsSchema } = await import("../../results/sweep-results.js");
  const kind = typeof data === "object" && data !== null ? (data as { kind?: unknown }).kind : undefined;
  const checked = (kind === "sweep" ? SweepResultsSchema : RunResultsSchema).safeParse(data);
  if (checked.success) return checked.data;
  if (kind !== "run" && kind !== "sweep") throw new UserError(`${path}: not the JSON of \`run\` or \`sweep\` of this version of match-sim (made with --format json)`);
  const issue = checked.error.issues[0]!;
  throw new UserError(`${path}: not a ${kind} result this version of match-sim can read (${issue.path.join(".") || "top level"}: ${issue.message}); make it again`);
}

export function registerReport(program: Command, io: Io): void {
  program
    .command("report")
    .description("make a self-contained HTML report with charts, from a scenario or a saved run or sweep")
    .argument("[file]", "scenario file to simulate (or use --from)")
    .option("--from <result.json>", "a saved `run --format json` or `sweep --format json` result")
    .addOption(runsOption())
    .addOption(seedOption())
    .addOption(setOption())
    .addOption(opinionOption())
    .addOption(proposerOption())
    .option("--focus <id>", "the applicant whose matched-rank distribution is drawn")
    .addOption(groupByOption())
    .addOption(workersOption())
    .addOption(outOption())
    .addOption(quietOption())
    .addHelpText("after", EXAMPLES)
    .action((file: string | undefined, opts: ReportOptions) =>
      interruptible(async (signal) => {
        refuseOverwritingInputs(opts.out, [file, opts.from]);
        chooseFormat("report", ["html"], undefined, opts.out);
        if ((opts.out === undefined || opts.out === "-") && io.stdout.isTTY === true) {
          throw new UsageError("report writes an HTML page, which a terminal cannot show: add --out report.html (or redirect: > report.html)");
        }
        const { runReportHtml, sweepReportHtml } = await import("../../report/html-report.js");
        if (opts.from !== undefined) {
          if (file !== undefined) throw new UsageError("report: give a scenario file or --from, not both");
          const data = await readResult(opts.from);
          if (isSweep(data)) return writeOutput(io, sweepReportHtml(data), opts.out, opts.quiet === true);
          requireId("--focus", opts.focus, data.applicants.map((a) => a.id), opts.from);
          return writeOutput(io, runReportHtml(data, opts.focus), opts.out, opts.quiet === true);
        }
        if (file === undefined) throw new UsageError("report: give a scenario file, or --from result.json");
        const loaded = await loadScenarioInput(file, io, { settings: settingsOf(opts) });
        requireId("--focus", opts.focus, loaded.indexed.applicantIds, loaded.file);
        const { resultsContext, resultsOf } = await import("../../montecarlo/results-of.js");
        const runs = opts.runs ?? loaded.scenario.runs ?? DEFAULT_RUNS;
        const seed = opts.seed ?? loaded.scenario.seed ?? DEFAULT_SEED;
        const acc = await simulateWithProgress(
          io,
          loaded.indexed,
          { seed, runs, proposer: opts.proposer, workers: opts.workers, groupBy: opts.groupBy, signal },
          { label: "report", quiet: opts.quiet === true },
        );
        const settings = settingsOf(opts).map((x) => x.text);
        const context = resultsContext(loaded.indexed, { groupBy: opts.groupBy, fingerprint: fingerprintOf(loaded) });
        const results = resultsOf(acc, context, { scenario: scenarioLabel(loaded), seed, proposer: opts.proposer, settings });
        return writeOutput(io, runReportHtml(results, opts.focus, await reportExtras(loaded, seed, runs, opts.proposer, settings)), opts.out, opts.quiet === true);
      }),
    );
}

/** Seasons traced for the who-called-whom table, and the largest market traced for it. */
const TRACED_SEASONS = 100;
const TRACED_APPLICANTS = 500;

/** The scenario's description, and who called whom over the first seasons (small markets only). */
async function reportExtras(loaded: LoadedScenario, seed: number, runs: number, proposer: Proposer, settings: string[]): Promise<ReportExtras> {
  const s = loaded.indexed;
  const description = loaded.scenario.description;
  if (s.applicant.count > TRACED_APPLICANTS) return { description };
  const { makeSeasonPlan } = await import("../../season/plan.js");
  const { traceTrial } = await import("../../season/trace.js");
  const { traceModel } = await import("../../report/trace-model.js");
  const { whoCalledWhomOf } = await import("../../report/who-called-whom.js");
  const plan = makeSeasonPlan(s);
  const seasons = Math.min(runs, TRACED_SEASONS);
  const traces = Array.from({ length: seasons }, (_, t) => traceModel(traceTrial(plan, seed, t, proposer), s, scenarioLabel(loaded), { fingerprint: "", settings }));
  return { description, whoCalledWhom: { seasons, rows: whoCalledWhomOf(traces) } };
}

