import { Option, type Command } from "commander";
import type { Proposer } from "../../match/deferred-acceptance.js";
import type { ParameterSetting } from "../../scenario/overrides.js";
import { renderJson } from "../../report/json.js";
import type { Io } from "../io.js";
import { outOption, proposerOption, seedOption, opinionOption, setOption, settingsOf, wholeNumber } from "../options.js";
import { chooseFormat, formatOption, quietOption, refuseOverwritingInputs, wideOption, writeOutput } from "../output.js";
import { renderDocument } from "../render.js";
import { loadScenarioInput, requireId } from "../scenario-input.js";
import { scenarioLabel } from "../../scenario/load.js";
import { fingerprintOf } from "../../scenario/hash.js";
import { DEFAULT_RUNS, DEFAULT_SEED } from "./run.js";
import { UsageError, UserError } from "../../errors.js";
import { parseStories, storyInWords, STORY_KINDS, type Story } from "../../season/stories.js";

const TRACE_FORMATS = ["text", "json", "markdown", "html"] as const;

interface TraceOptions {
  seed?: number;
  trial: number;
  set?: ParameterSetting[];
  opinion?: ParameterSetting[];
  proposer: Proposer;
  program?: string;
  applicant?: string;
  format?: string;
  out?: string;
  color?: boolean;
  wide?: boolean;
  quiet?: boolean;
  find?: string | true;
  within?: number;
  without?: string[];
}

const EXAMPLES = `
Examples:
  $ match-sim trace scenarios/classroom.yaml --trial 1 --applicant Ava
  $ match-sim trace scenarios/classroom.yaml --find Ava:rescued,Ben:drop,Gus:ripple,Ivan:half-hearted
  $ match-sim trace scenarios/classroom.yaml --trial 1 --out handout.md
  $ match-sim trace scenarios/classroom.yaml --trial 5 --without rankList:Northside:Ben
`;

export function registerTrace(program: Command, io: Io): void {
  program
    .command("trace")
    .description("tell one season step by step: who called whom, what was said, each list, the match, and what each call changed")
    .argument("<file>", "scenario file (.yaml, .yml, .json, or - for standard input)")
    .addOption(seedOption())
    .addOption(new Option("-t, --trial <k>", "which trial of `run` to tell (0 is the first)").argParser(wholeNumber(0, 1e12)).default(0))
    .addOption(setOption())
    .addOption(opinionOption())
    .addOption(proposerOption())
    .option("--program <id>", "only what concerns this program")
    .option("--applicant <id>", "only what concerns this applicant")
    .option(
      "--find [stories]",
      `tell the first trial where all these happen: ${STORY_KINDS.join(", ")}, comma-separated, each to anyone or to one applicant (Ben:drop); with --applicant, to them (default: changed)`,
    )
    .option("--without <call>", "leave this call out of the season, by the id trace prints (phase:program:applicant[:advocate]); repeatable", (v: string, acc: string[] = []) => [...acc, v])
    .addOption(new Option("--within <n>", "how many trials --find looks through (default: the file's runs, else 1000)").argParser(wholeNumber(1, 10_000_000)))
    .addOption(formatOption(TRACE_FORMATS))
    .addOption(outOption())
    .addOption(wideOption())
    .addOption(quietOption())
    .option("--no-color", "never colour the output")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, opts: TraceOptions) => {
      refuseOverwritingInputs(opts.out, [file]);
      const format = chooseFormat("trace", TRACE_FORMATS, opts.format, opts.out);
      const loaded = await loadScenarioInput(file, io, { settings: settingsOf(opts) });
      const s = loaded.indexed;
      requireId("--program", opts.program, s.programIds, loaded.file, "program");
      requireId("--applicant", opts.applicant, s.applicantIds, loaded.file);
      const seed = opts.seed ?? loaded.scenario.seed ?? DEFAULT_SEED;
      const { makeSeasonPlan } = await import("../../season/plan.js");
      const { findTrial, traceTrial } = await import("../../season/trace.js");
      const { traceModel } = await import("../../report/trace-model.js");
      const plan = makeSeasonPlan(s);
      let trial = opts.trial;
      let found: { trial: number; stories: Story[] } | undefined;
      if (opts.find !== undefined) {
        const stories = parseStories(opts.find === true ? "" : opts.find, s.applicantIds, opts.applicant);
        const within = opts.within ?? loaded.scenario.runs ?? DEFAULT_RUNS;
        const wanted = stories.map((x) => ({ kind: x.kind, applicant: x.applicant === undefined ? undefined : s.applicantIds.indexOf(x.applicant) }));
        const at = findTrial(plan, seed, opts.proposer, wanted, within);
        if (at === undefined) {
          throw new UserError(`--find ${opts.find === true ? "" : opts.find}: none of the first ${within} trials has ${stories.map((x) => storyInWords(x)).join(" and ")} (--within looks further)`);
        }
        trial = at;
        found = { trial: at, stories };
      }
      const { parseCallId } = await import("../../report/trace-model.js");
      const without = (opts.without ?? []).map((id) => {
        const parsed = parseCallId(id, s);
        if ("error" in parsed) throw new UsageError(`--without ${parsed.error}`);
        return parsed.call;
      });
      const origin = { fingerprint: fingerprintOf(loaded), settings: settingsOf(opts).map((x) => x.text) };
      const model = { ...traceModel(traceTrial(plan, seed, trial, opts.proposer, without), s, scenarioLabel(loaded), origin), ...(found ? { found } : {}) };
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
