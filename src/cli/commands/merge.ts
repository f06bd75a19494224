import type { Command } from "commander";
import { UserError } from "../../errors.js";
import type { ShardFile } from "../../montecarlo/shard-schema.js";
import type { Io } from "../io.js";
import { readJsonFile } from "../read-json.js";
import { outOption, tableOption } from "../options.js";
import { RUN_TABLES, type RunTable } from "../../report/tidy-tables.js";
import { chooseFormat, formatOption, quietOption, refuseOverwritingInputs, wideOption, writeOutput } from "../output.js";
import { renderResults, RUN_FORMATS } from "./run.js";

interface MergeOptions {
  format?: string;
  table?: RunTable;
  out?: string;
  focus?: string;
  color?: boolean;
  wide?: boolean;
  quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ match-sim run scenarios/dermatology.yaml --shard 1/2 --out part-1.json
  $ match-sim run scenarios/dermatology.yaml --shard 2/2 --out part-2.json
  $ match-sim merge part-1.json part-2.json --out results.json
`;

async function readPart(file: string): Promise<{ file: string; shard: ShardFile }> {
  const data = await readJsonFile(file, "a part is what run --shard i/n --format json writes");
  const { ShardFileSchema } = await import("../../montecarlo/shard-schema.js");
  const checked = ShardFileSchema.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new UserError(`${file}: not a match-sim shard part (${issue.path.join(".") || "top level"}: ${issue.message})`);
  }
  return { file, shard: checked.data };
}

export function registerMerge(program: Command, io: Io): void {
  program
    .command("merge")
    .description("combine the parts of a sharded run (run --shard i/n --format json) into its results")
    .argument("<parts...>", "shard part files")
    .addOption(formatOption(RUN_FORMATS))
    .addOption(outOption())
    .option("--focus <id>", "the applicant whose matched-rank histogram is drawn")
    .addOption(tableOption(RUN_TABLES))
    .addOption(wideOption())
    .addOption(quietOption())
    .option("--no-color", "never colour the output")
    .addHelpText("after", EXAMPLES)
    .action(async (files: string[], opts: MergeOptions) => {
      refuseOverwritingInputs(opts.out, files);
      const format = chooseFormat("merge", RUN_FORMATS, opts.format, opts.out);
      const parts = await Promise.all(files.map(readPart));
      const { mergeShards } = await import("../../montecarlo/shard.js");
      const { resultsOf } = await import("../../montecarlo/results-of.js");
      const { acc, context, first } = mergeShards(parts);
      const results = resultsOf(acc, context, { scenario: first.scenario, seed: first.seed, proposer: first.proposer, settings: first.settings });
      await writeOutput(io, await renderResults(io, results, format, opts), opts.out, opts.quiet === true);
    });
}
