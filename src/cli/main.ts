import { VERSION } from "../version.js";
import { Command, CommanderError } from "commander";
import { Interrupted, ScenarioError, UsageError, UserError } from "../errors.js";
import { processIo, type Io } from "./io.js";
import { registerMatch } from "./commands/match.js";
import { registerRun } from "./commands/run.js";
import { registerCompare } from "./commands/compare.js";
import { registerMerge } from "./commands/merge.js";
import { registerTrace } from "./commands/trace.js";
import { registerPresent } from "./commands/present.js";
import { registerSchema } from "./commands/schema.js";
import { registerSweep } from "./commands/sweep.js";
import { registerGenerate } from "./commands/generate.js";
import { registerReport } from "./commands/report.js";
import { registerValidate } from "./commands/validate.js";

/** The start of every error message that is not a positioned scenario issue. */
export const PREFIX = "match-sim:";

export const EXIT = { ok: 0, badInput: 1, usage: 2, internal: 70, interrupted: 130 } as const;

export function buildProgram(io: Io): Command {
  const program = new Command("match-sim")
    .description("Simulate residency-match outcomes with and without backchannel calls")
    .version(VERSION)
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      // Every error line starts the same way, whoever found the problem.
      outputError: (s, write) => write(s.replace(/^error: /, `${PREFIX} `)),
    });
  program.addHelpText(
    "after",
    `
Examples:
  $ match-sim run scenarios/classroom.yaml
  $ match-sim trace scenarios/classroom.yaml --trial 1
  $ match-sim sweep scenarios/classroom.yaml --set effects.strong=0,10,20 --runs 500

Every command takes --help. The guides are in docs/ (start with docs/scenario-format.md).
`,
  );
  registerRun(program, io);
  registerCompare(program, io);
  registerTrace(program, io);
  registerPresent(program, io);
  registerSweep(program, io);
  registerReport(program, io);
  registerMatch(program, io);
  registerValidate(program, io);
  registerMerge(program, io);
  registerGenerate(program, io);
  registerSchema(program, io);
  return program;
}

/** A message of one or more lines, each starting as every error line does. */
const prefixed = (message: string): string => `${message.split("\n").map((line) => `${PREFIX} ${line}`).join("\n")}\n`;

/** Runs the CLI and returns its exit code: the one place that decides it. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv as string[], { from: "user" });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage; // commander has printed its message
    }
    if (err instanceof Interrupted) {
      io.stderr.write(`${PREFIX} ${err.message}\n`);
      return EXIT.interrupted;
    }
    if (err instanceof UsageError) {
      io.stderr.write(prefixed(err.message));
      return EXIT.usage;
    }
    if (err instanceof ScenarioError) {
      io.stderr.write(`${err.message}\n`);
      return EXIT.badInput;
    }
    if (err instanceof UserError) {
      io.stderr.write(prefixed(err.message));
      return EXIT.badInput;
    }
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    io.stderr.write(`${PREFIX} internal error, please report it with the command you ran:\n${detail}\n`);
    return EXIT.internal;
  }
}
