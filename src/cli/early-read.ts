import { maxScenarioBytes, readScenarioText } from "../scenario/read-scenario.js";
import type { Io } from "./io.js";

// A command's scenario file, read while the command's code loads. Loading the checks'
// code (zod, the loader) and reading a large file each take tens of milliseconds of a
// `match`; the file is read off the main thread, so the two overlap.

/** Commands whose first argument, when it is not an option, is a scenario file. */
const SCENARIO_FIRST = new Set(["run", "compare", "trace", "present", "sweep", "report", "match", "validate"]);

const started = new Map<string, Promise<string>>();
const keyOf = (path: string, limit: number): string => `${limit}\0${path}`;

/** Starts reading the scenario file the command line names first, if it names one. */
export function readEarly(argv: readonly string[], io: Io): void {
  const [command, file] = argv;
  if (command === undefined || file === undefined || !SCENARIO_FIRST.has(command) || file.startsWith("-")) return;
  const limit = maxScenarioBytes(io.env);
  const reading = readScenarioText(file, limit);
  // Its failure is reported by the command that takes it, if one does.
  reading.catch(() => undefined);
  started.set(keyOf(file, limit), reading);
}

/** The read started for this file and limit, handed over once; undefined if none was. */
export function takeEarlyRead(path: string, limit: number): Promise<string> | undefined {
  const key = keyOf(path, limit);
  const reading = started.get(key);
  started.delete(key);
  return reading;
}

/** Forgets reads no command took (a command line that failed before reading). */
export function dropEarlyReads(): void {
  started.clear();
}
