import {
  checkScenarioText,
  loadScenarioText,
  readScenarioText,
  type CheckedScenario,
  type LoadedScenario,
  type LoadOptions,
} from "../scenario/load.js";
import { readAll, type Io } from "./io.js";

export const STDIN_NAME = "<stdin>";

async function textOf(path: string, io: Io): Promise<{ text: string; file: string }> {
  if (path === "-") return { text: await readAll(io.stdin), file: STDIN_NAME };
  return { text: await readScenarioText(path), file: path };
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
