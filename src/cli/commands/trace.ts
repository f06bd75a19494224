import { Option, type Command } from "commander";
import type { Proposer } from "../../match/deferred-acceptance.js";
import type { ParameterSetting } from "../../scenario/overrides.js";
import { renderJson } from "../../report/json.js";
import { colors, emit, type Io } from "../io.js";
import { outOption, proposerOption, seedOption, setOption, wholeNumber } from "../options.js";
import { loadScenarioInput, requireId } from "../scenario-input.js";
import { scenarioLabel } from "../../scenario/load.js";
import { DEFAULT_SEED } from "./run.js";

interface TraceOptions {
  seed?: number;
  trial: number;
  set?: ParameterSetting[];
  proposer: Proposer;
  program?: string;
  applicant?: string;
  format: "text" | "markdown" | "json";
  out?: string;
  color?: boolean;
}

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
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "markdown", "json"]).default("text"))
    .addOption(outOption())
    .option("--no-color", "never colour the output")
    .action(async (file: string, opts: TraceOptions) => {
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
      if (opts.format === "json") text = renderJson(model);
      else {
        const { traceDocument } = await import("../../report/trace-narrative.js");
        const { renderMarkdown, renderText } = await import("../../report/document.js");
        const doc = traceDocument(model, { program: opts.program, applicant: opts.applicant });
        text = opts.format === "markdown" ? renderMarkdown(doc) : renderText(doc, await colors(io, opts));
      }
      await emit(io, text, opts.out);
    });
}
