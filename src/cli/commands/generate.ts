import { Option, type Command } from "commander";
import { UsageError } from "../../errors.js";
import type { Io } from "../io.js";
import { outOption, wholeNumber } from "../options.js";
import { chooseFormat, formatOption, quietOption, writeOutput } from "../output.js";

interface GenerateOptions {
  preset?: string;
  seed: number;
  scale: number;
  list?: boolean;
  out?: string;
  format?: string;
  quiet?: boolean;
}

const EXAMPLES = `
Examples:
  $ match-sim generate --list
  $ match-sim generate --preset dermatology --out derm.yaml
  $ match-sim generate --preset nrmp --scale 0.1 --out nrmp-tenth.json
`;

export function registerGenerate(program: Command, io: Io): void {
  program
    .command("generate")
    .description("write a synthetic scenario the size of a real specialty (or of the whole NRMP)")
    .option("-p, --preset <name>", "which market (see --list)")
    .option("--list", "list the presets with their sizes and sources")
    .addOption(new Option("-s, --seed <n>", "random seed").argParser(wholeNumber(0, Number.MAX_SAFE_INTEGER)).default(1))
    .addOption(
      new Option("--scale <factor>", "scale programs, positions and applicants (0.01 to 10)")
        .argParser((v: string) => {
          const f = Number(v);
          if (!Number.isFinite(f) || f < 0.01 || f > 10) throw new UsageError(`--scale ${v}: expected a number from 0.01 to 10`);
          return f;
        })
        .default(1),
    )
    .addOption(formatOption(["yaml", "json"]))
    .addOption(outOption())
    .addOption(quietOption())
    .addHelpText("after", EXAMPLES)
    .action(async (opts: GenerateOptions) => {
      const format = chooseFormat("generate", ["yaml", "json"] as const, opts.format, opts.out);
      const { PRESETS, presetNamed, presetScenario, scaled } = await import("../../generate/presets.js");
      if (opts.list) {
        const lines = PRESETS.map((p) => `${p.name.padEnd(20)} ${p.title}\n${" ".repeat(21)}${p.sizes}`);
        io.stdout.write(`${lines.join("\n")}\n`);
        return;
      }
      if (opts.preset === undefined) throw new UsageError("generate: name a market with --preset (see --list)");
      const preset = presetNamed(opts.preset);
      if (!preset) throw new UsageError(`--preset ${opts.preset}: no such preset (${PRESETS.map((p) => p.name).join(", ")})`);
      const { scenarioText } = await import("../../generate/scenario-text.js");
      const shape = scaled(preset.shape, opts.scale);
      const header =
        `${preset.title}: a synthetic market made by \`match-sim generate --preset ${preset.name} --seed ${opts.seed}` +
        `${opts.scale === 1 ? "" : ` --scale ${opts.scale}`}\`.\n` +
        `Sizes: ${preset.sizes}.\n` +
        `${shape.programs} programs, ${shape.positions} positions, ${shape.applicants} applicants.`;
      await writeOutput(io, scenarioText(presetScenario(preset, opts.scale, opts.seed), format, header), opts.out, opts.quiet === true);
    });
}
