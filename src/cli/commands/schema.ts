import type { Command } from "commander";
import { renderJson } from "../../report/json.js";
import type { Io } from "../io.js";
import { outOption } from "../options.js";
import { chooseFormat, quietOption, writeOutput } from "../output.js";

const EXAMPLES = `
Examples:
  $ match-sim schema --out scenario.schema.json
  $ match-sim schema --results --out results.schema.json
  $ match-sim schema | head
`;

export function registerSchema(program: Command, io: Io): void {
  program
    .command("schema")
    .description("print the JSON Schema of scenario files (for editors and other tools), or with --results of every JSON result")
    .option("--results", "the JSON Schema of what run, merge, sweep, compare, trace and match print with --format json")
    .addOption(outOption())
    .addOption(quietOption())
    .addHelpText("after", EXAMPLES)
    .action(async (opts: { out?: string; quiet?: boolean; results?: boolean }) => {
      chooseFormat("schema", ["json"], undefined, opts.out);
      if (opts.results) {
        const { resultsJsonSchema } = await import("../../results/results-schema.js");
        return writeOutput(io, renderJson(resultsJsonSchema()), opts.out, opts.quiet === true);
      }
      const { scenarioJsonSchema } = await import("../../scenario/json-schema.js");
      await writeOutput(io, renderJson(scenarioJsonSchema()), opts.out, opts.quiet === true);
    });
}
