import type { Command } from "commander";
import { deferredAcceptance, type Proposer } from "../../match/deferred-acceptance.js";
import { fixedListMarket } from "../../match/fixed-lists.js";
import { describeMatch, matchResults } from "../../match/match-outcome.js";
import { scenarioLabel } from "../../scenario/load.js";
import { renderJson } from "../../report/json.js";
import type { Io } from "../io.js";
import { outOption, proposerOption } from "../options.js";
import { chooseFormat, formatOption, quietOption, refuseOverwritingInputs, wideOption, writeOutput } from "../output.js";
import { renderDocument } from "../render.js";
import { loadScenarioInput } from "../scenario-input.js";
import { phaseTimer } from "../timings.js";

const MATCH_FORMATS = ["text", "json", "csv", "markdown", "html"] as const;

interface MatchOptions {
  proposer: Proposer;
  format?: string;
  out?: string;
  color?: boolean;
  timings?: boolean;
  wide?: boolean;
  quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ match-sim match scenarios/nrmp-example.yaml
  $ match-sim match scenarios/nrmp-example.yaml --proposer program
  $ match-sim match scenarios/nrmp-example.yaml --out match.csv
`;

export function registerMatch(program: Command, io: Io): void {
  program
    .command("match")
    .description("match the rank lists written in FILE, without simulation, and check stability")
    .argument("<file>", "scenario file (.yaml, .yml, .json, or - for standard input)")
    .addOption(proposerOption())
    .addOption(formatOption(MATCH_FORMATS))
    .addOption(outOption())
    .addOption(wideOption())
    .addOption(quietOption())
    .option("--no-color", "never colour the output")
    .option("--timings", "print the time of each phase and the peak memory to stderr")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, opts: MatchOptions) => {
      refuseOverwritingInputs(opts.out, [file]);
      const format = chooseFormat("match", MATCH_FORMATS, opts.format, opts.out);
      const timer = phaseTimer(opts.timings === true);
      const loaded = await loadScenarioInput(file, io, { onPhase: timer.mark });
      const s = loaded.scenario;
      // Only what is written with its provenance (JSON, CSV) pays for the fingerprint, and
      // so for the index it is hashed from: its id tables then serve here too.
      const indexed = format === "json" || format === "csv" ? loaded.indexed : undefined;
      if (indexed) timer.mark("index");
      const market = fixedListMarket(s, loaded.resolved);
      const ids = indexed
        ? { applicants: indexed.applicantIds, programs: indexed.programIds }
        : { applicants: s.applicants.map((a) => a.id), programs: s.programs.map((p) => p.id) };
      timer.mark("resolve");
      const programOf = deferredAcceptance(market, opts.proposer);
      timer.mark("match");
      const outcome = describeMatch(market, programOf, opts.proposer, ids);
      timer.mark("check");
      // Renderers load only for the format asked for; JSON needs none of them.
      let text: string;
      const withProvenance = async () => {
        const { fingerprintOf } = await import("../../scenario/hash.js");
        return matchResults(outcome, scenarioLabel(loaded), fingerprintOf(loaded), s.model);
      };
      if (format === "json") text = renderJson(await withProvenance());
      else {
        const view = {
          outcome,
          file: loaded.file,
          applicants: s.applicants.map((a) => ({ id: a.id, name: a.name, fixedList: a.rankList !== undefined || a.preferences !== undefined })),
          programs: s.programs.map((p) => ({ id: p.id, name: p.name, positions: p.positions, fixedList: p.rankList !== undefined })),
        };
        const { matchCsv, matchDocument } = await import("../../report/match-report.js");
        text = format === "csv" ? matchCsv(view, (await withProvenance()).provenance) : await renderDocument(io, matchDocument(view), format, opts, `Match of ${loaded.file}`);
      }
      await writeOutput(io, text, opts.out, opts.quiet === true);
      timer.mark("write");
      timer.report(io);
    });
}
