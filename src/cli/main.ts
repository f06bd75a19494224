import { VERSION } from "../version.js";
import { Command, CommanderError } from "commander";
import { Interrupted, ScenarioError, UsageError, UserError } from "../errors.js";
import { dropEarlyReads, readEarly } from "./early-read.js";
import { processIo, type Io } from "./io.js";

type Register = (program: Command, io: Io) => void;

/**
 * Each command's module, in the order help lists them, loaded only when needed: a command
 * named on the command line loads its own module alone (the whole CLI's code took half of
 * a `match` start-up), help and mistakes load them all.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  run: async () => (await import("./commands/run.js")).registerRun,
  compare: async () => (await import("./commands/compare.js")).registerCompare,
  trace: async () => (await import("./commands/trace.js")).registerTrace,
  present: async () => (await import("./commands/present.js")).registerPresent,
  sweep: async () => (await import("./commands/sweep.js")).registerSweep,
  report: async () => (await import("./commands/report.js")).registerReport,
  match: async () => (await import("./commands/match.js")).registerMatch,
  validate: async () => (await import("./commands/validate.js")).registerValidate,
  merge: async () => (await import("./commands/merge.js")).registerMerge,
  generate: async () => (await import("./commands/generate.js")).registerGenerate,
  schema: async () => (await import("./commands/schema.js")).registerSchema,
};

/** The start of every error message that is not a positioned scenario issue. */
export const PREFIX = "match-sim:";

export const EXIT = { ok: 0, badInput: 1, usage: 2, internal: 70, interrupted: 130 } as const;

/** The command line, with every command, or only `only` when it names one. */
export async function buildProgram(io: Io, only?: string): Promise<Command> {
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
  const names = only !== undefined && Object.hasOwn(COMMANDS, only) ? [only] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((name) => COMMANDS[name]!()));
  for (const register of registers) register(program, io);
  return program;
}

/** A message of one or more lines, each starting as every error line does. */
const prefixed = (message: string): string => `${message.split("\n").map((line) => `${PREFIX} ${line}`).join("\n")}\n`;

/** Runs the CLI and returns its exit code: the one place that decides it. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    readEarly(argv, io);
    return await runCommand(argv, io);
  } finally {
    dropEarlyReads();
  }
}

async function runCommand(argv: readonly string[], io: Io): Promise<number> {
  const program = await buildProgram(io, argv[0]);
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
