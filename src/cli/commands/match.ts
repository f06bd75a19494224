import type { Command } from "commander";
import { deferredAcceptance, type Proposer } from "../../match/deferred-acceptance.js";
import { fixedListMarket } from "../../match/fixed-lists.js";
import { describeMatch } from "../../match/match-outcome.js";
import { renderJson } from "../../report/json.js";
import { colors, emit, type Io } from "../io.js";
import { formatOption, outOption, proposerOption, type Format } from "../options.js";
import { loadScenarioInput } from "../scenario-input.js";
import { phaseTimer } from "../timings.js";

interface MatchOptions {
  proposer: Proposer;
  format: Format;
  out?: string;
  color?: boolean;
  timings?: boolean;
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
    .option("--timings", "print the time of each phase and the peak memory to stderr")
    .action(async (file: string, opts: MatchOptions) => {
      const timer = phaseTimer(opts.timings === true);
      const loaded = await loadScenarioInput(file, io, { onPhase: timer.mark });
      const s = loaded.scenario;
      const market = fixedListMarket(s, loaded.resolved);
      const ids = { applicants: s.applicants.map((a) => a.id), programs: s.programs.map((p) => p.id) };
      timer.mark("resolve");
      const programOf = deferredAcceptance(market, opts.proposer);
      timer.mark("match");
      const outcome = describeMatch(market, programOf, opts.proposer, ids);
      timer.mark("check");
      const view = {
        outcome,
        file: loaded.file,
        applicants: ids.applicants,
        programs: s.programs.map((p) => ({ id: p.id, positions: p.positions })),
      };
      // Renderers load only for the format asked for; JSON needs none of them.
      let text: string;
      if (opts.format === "json") text = renderJson(outcome);
      else {
        const { matchCsv, matchTable } = await import("../../report/match-report.js");
        text = opts.format === "csv" ? matchCsv(view) : matchTable(view, await colors(io, opts));
      }
      await emit(io, text, opts.out);
      timer.mark("write");
      timer.report(io);
    });
}
