import { checkScenarioText, loadScenarioText, type CheckedScenario, type LoadedScenario, type LoadOptions } from "../scenario/load.js";
import { maxScenarioBytes, readScenarioText } from "../scenario/read-scenario.js";
import { UsageError } from "../errors.js";
import { didYouMean } from "../scenario/did-you-mean.js";
import { takeEarlyRead } from "./early-read.js";
import { readAll, type Io } from "./io.js";

export const STDIN_NAME = "<stdin>";

async function textOf(path: string, io: Io): Promise<{ text: string; file: string }> {
  const limit = maxScenarioBytes(io.env);
  if (path === "-") return { text: await readAll(io.stdin, limit, STDIN_NAME), file: STDIN_NAME };
  return { text: await (takeEarlyRead(path, limit) ?? readScenarioText(path, limit)), file: path };
}

/** Reads FILE (or standard input for "-") and loads it, keeping the text it read (for the presenter). */
export async function loadScenarioInputWithText(path: string, io: Io, options: LoadOptions = {}): Promise<{ loaded: LoadedScenario; text: string }> {
  const { text, file } = await textOf(path, io);
  return { loaded: loadScenarioText(text, file, options), text };
}

/** Reads FILE (or standard input for "-") and loads it, throwing on any problem. */
export async function loadScenarioInput(path: string, io: Io, options: LoadOptions = {}): Promise<LoadedScenario> {
  const { text, file } = await textOf(path, io);
  options.onPhase?.("read");
  return loadScenarioText(text, file, options);
}

/** Reads FILE (or standard input for "-") and reports its problems without throwing on them. */
export async function checkScenarioInput(path: string, io: Io): Promise<CheckedScenario> {
  const { text, file } = await textOf(path, io);
  return checkScenarioText(text, file);
}

/** Checks an option naming an applicant (or program): exit 2 naming it, with the nearest id, if there is none such. */
export function requireId(flag: string, id: string | undefined, ids: readonly string[], where: string, kind = "applicant"): void {
  if (id === undefined || ids.includes(id)) return;
  const guess = didYouMean(id, ids);
  throw new UsageError(`${flag} ${id}: no ${kind} with that id in ${where}${guess === undefined ? "" : ` (did you mean ${guess}?)`}`);
}
