import { Option, type Command } from "commander";
import type { Proposer } from "../../match/deferred-acceptance.js";
import type { ParameterSetting } from "../../scenario/overrides.js";
import { renderJson } from "../../report/json.js";
import type { Io } from "../io.js";
import { outOption, proposerOption, seedOption, setOption, wholeNumber } from "../options.js";
import { chooseFormat, formatOption, quietOption, refuseOverwritingInputs, wideOption, writeOutput } from "../output.js";
import { renderDocument } from "../render.js";
import { loadScenarioInput, requireId } from "../scenario-input.js";
import { scenarioLabel } from "../../scenario/load.js";
import { DEFAULT_SEED } from "./run.js";

const TRACE_FORMATS = ["text", "json", "markdown", "html"] as const;

interface TraceOptions {
  seed?: number;
  trial: number;
  set?: ParameterSetting[];
  proposer: Proposer;
  program?: string;
  applicant?: string;
  format?: string;
  out?: string;
  color?: boolean;
  wide?: boolean;
  quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ match-sim trace scenarios/classroom.yaml --trial 1
  $ match-sim trace scenarios/classroom.yaml --trial 1 --applicant Ava
  $ match-sim trace scenarios/classroom.yaml --trial 1 --out handout.md
`;

export function registerTrace(program: Command, io: Io): void {
  program
    .command("trace")
    .description("tell one season step by step: who called whom, what was said, each list, the match, and what each call changed")
    .argument("<file>", "scenario file (.yaml, .yml, .json, or - for standard input)")
    .addOption(seedOption())
    .addOption(new Option("-t, --trial <k>", "which trial of `run` to tell (0 is the first)").argParser(wholeNumber(0, 1e12)).default(0))
    .addOption(setOption())
    .addOption(proposerOption())
    .option("--program <id>", "only what concerns this program")
    .option("--applicant <id>", "only what concerns this applicant")
    .addOption(formatOption(TRACE_FORMATS))
    .addOption(outOption())
    .addOption(wideOption())
    .addOption(quietOption())
    .option("--no-color", "never colour the output")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, opts: TraceOptions) => {
      refuseOverwritingInputs(opts.out, [file]);
      const format = chooseFormat("trace", TRACE_FORMATS, opts.format, opts.out);
      const loaded = await loadScenarioInput(file, io, { settings: opts.set ?? [] });
      const s = loaded.indexed;
      requireId("--program", opts.program, s.programIds, loaded.file, "program");
      requireId("--applicant", opts.applicant, s.applicantIds, loaded.file);
      const seed = opts.seed ?? loaded.scenario.seed ?? DEFAULT_SEED;
      const { makeSeasonPlan } = await import("../../season/plan.js");
      const { traceTrial } = await import("../../season/trace.js");
      const { traceModel } = await import("../../report/trace-model.js");
      const model = traceModel(traceTrial(makeSeasonPlan(s), seed, opts.trial, opts.proposer), s, scenarioLabel(loaded));
      let text: string;
      if (format === "json") text = renderJson(model);
      else {
        const { traceDocument } = await import("../../report/trace-narrative.js");
        const doc = traceDocument(model, { program: opts.program, applicant: opts.applicant });
        text = await renderDocument(io, doc, format, opts, `Trial ${model.trial} of ${model.scenario}`);
      }
      await writeOutput(io, text, opts.out, opts.quiet === true);
    });
}
