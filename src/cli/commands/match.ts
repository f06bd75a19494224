import type { Command } from "commander";
import { Chalk } from "chalk";
import { deferredAcceptance, type Proposer } from "../../match/deferred-acceptance.js";
import { fixedListMarket } from "../../match/fixed-lists.js";
import { describeMatch } from "../../match/match-outcome.js";
import { renderJson } from "../../report/json.js";
import { matchCsv, matchTable } from "../../report/match-report.js";
import { emit, wantsColor, type Io } from "../io.js";
import { formatOption, outOption, proposerOption, type Format } from "../options.js";
import { loadScenarioInput } from "../scenario-input.js";

interface MatchOptions {
  proposer: Proposer;
  format: Format;
  out?: string;
  color?: boolean;
}

export function registerMatch(program: Command, io: Io): void {
  program
    .command("match")
    .description("match the rank lists written in FILE, without simulation, and check stability")
    .argument("<file>", "scenario file (.yaml, .yml, .json, or - for standard input)")
    .addOption(proposerOption())
    .addOption(formatOption())
    .addOption(outOption())
    .option("--no-color", "never colour the output")
    .action(async (file: string, opts: MatchOptions) => {
      const loaded = await loadScenarioInput(file, io);
      const s = loaded.indexed;
      const market = fixedListMarket(s);
      const outcome = describeMatch(market, deferredAcceptance(market, opts.proposer), opts.proposer, {
        applicants: s.applicantIds,
        programs: s.programIds,
      });
      const view = {
        outcome,
        file: loaded.file,
        applicants: s.applicantIds,
        programs: s.programIds.map((id, p) => ({ id, positions: s.program.positions[p]! })),
      };
      const chalk = new Chalk({ level: wantsColor(io, opts) ? 1 : 0 });
      const text =
        opts.format === "json" ? renderJson(outcome) : opts.format === "csv" ? matchCsv(view) : matchTable(view, chalk);
      await emit(io, text, opts.out);
    });
}
