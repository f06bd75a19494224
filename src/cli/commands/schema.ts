import type { Command } from "commander";
import { renderJson } from "../../report/json.js";
import type { Io } from "../io.js";
import { outOption } from "../options.js";
import { chooseFormat, quietOption, writeOutput } from "../output.js";

const EXAMPLES = `
Examples:
  $ match-sim schema --out scenario.schema.json
  $ match-sim schema | head
`;

export function registerSchema(program: Command, io: Io): void {
  program
    .command("schema")
    .description("print the JSON Schema of scenario files (for editors and other tools)")
    .addOption(outOption())
    .addOption(quietOption())
    .addHelpText("after", EXAMPLES)
    .action(async (opts: { out?: string; quiet?: boolean }) => {
      chooseFormat("schema", ["json"], undefined, opts.out);
      const { scenarioJsonSchema } = await import("../../scenario/json-schema.js");
      await writeOutput(io, renderJson(scenarioJsonSchema()), opts.out, opts.quiet === true);
    });
}
