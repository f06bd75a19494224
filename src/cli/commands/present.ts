import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import type { Proposer } from "../../match/deferred-acceptance.js";
import type { ParameterSetting } from "../../scenario/overrides.js";
import { fingerprintOf } from "../../scenario/hash.js";
import { scenarioLabel } from "../../scenario/load.js";
import { UsageError, UserError } from "../../errors.js";
import type { Io } from "../io.js";
import { outOption, opinionOption, proposerOption, runsOption, seedOption, setOption, settingsOf } from "../options.js";
import { quietOption, refuseOverwritingInputs, writeOutput } from "../output.js";
import { loadScenarioInputWithText } from "../scenario-input.js";
import { DEFAULT_RUNS, DEFAULT_SEED } from "./run.js";

interface PresentOptions {
  seed?: number;
  runs?: number;
  set?: ParameterSetting[];
  opinion?: ParameterSetting[];
  proposer: Proposer;
  out?: string;
  quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ match-sim present scenarios/classroom.yaml --out class.html
  $ match-sim present scenarios/nrmp-example.yaml --out nrmp.html
`;

/** The largest market the presenter takes: every person is drawn and every call told. */
const PRESENT_LIMIT = 300;

/** The browser build of the engine, beside this code once bundled, or in dist/bundle. */
function engineFile(): string {
  const candidates = [new URL("./present-engine.js", import.meta.url), new URL("../../../dist/bundle/present-engine.js", import.meta.url)];
  for (const url of candidates) if (url.protocol === "file:" && existsSync(fileURLToPath(url))) return fileURLToPath(url);
  throw new UserError("present: the browser engine is not built (npm run build)");
}

export function registerPresent(program: Command, io: Io): void {
  program
    .command("present")
    .description("write one offline HTML page that steps through a season, switches calls off and re-runs it live, for a class")
    .argument("<file>", "scenario file (.yaml, .yml, .json, or - for standard input)")
    .addOption(seedOption())
    .addOption(runsOption())
    .addOption(setOption())
    .addOption(opinionOption())
    .addOption(proposerOption())
    .addOption(outOption())
    .addOption(quietOption())
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, opts: PresentOptions) => {
      refuseOverwritingInputs(opts.out, [file]);
      const settings = settingsOf(opts);
      const { loaded, text } = await loadScenarioInputWithText(file, io, { settings });
      if (loaded.indexed.applicant.count > PRESENT_LIMIT) {
        throw new UsageError(
          `present: ${loaded.file} has ${loaded.indexed.applicant.count} applicants; the presenter tells every call of a season and draws everyone, which suits a class (at most ${PRESENT_LIMIT}). For a larger market: trace --applicant ID or --program ID, or report.`,
        );
      }
      const { presentHtml } = await import("../../present/page.js");
      const input = {
        text,
        file: loaded.file,
        seed: opts.seed ?? loaded.scenario.seed ?? DEFAULT_SEED,
        runs: opts.runs ?? loaded.scenario.runs ?? DEFAULT_RUNS,
        proposer: opts.proposer,
        settings: settings.map((x) => x.text),
        fingerprint: fingerprintOf(loaded),
      };
      const engine = await readFile(engineFile(), "utf8");
      const html = presentHtml(engine, input, { name: scenarioLabel(loaded), description: loaded.scenario.description ?? "", model: loaded.indexed.model as unknown as Record<string, unknown> });
      await writeOutput(io, html, opts.out, opts.quiet === true);
    });
}
