import type { Command } from "commander";
import { renderJson } from "../../report/json.js";
import { emit, type Io } from "../io.js";
import { outOption } from "../options.js";

export function registerSchema(program: Command, io: Io): void {
  program
    .command("schema")
    .description("print the JSON Schema of scenario files (for editors and other tools)")
    .addOption(outOption())
    .action(async (opts: { out?: string }) => {
      const { scenarioJsonSchema } = await import("../../scenario/json-schema.js");
      await emit(io, renderJson(scenarioJsonSchema()), opts.out);
    });
}
