import { readFile } from "node:fs/promises";
import { UserError } from "../errors.js";

/**
 * Reads a JSON file a command takes as input (a saved result, a shard part), refusing in one
 * line a file that is missing, a folder, or not JSON; `notJson` says what was expected.
 */
export async function readJsonFile(path: string, notJson: string): Promise<unknown> {
  let text: string;
  try {
    text = (await readFile(path)).toString("utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`${path}: cannot read: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (err as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UserError(`${path}: not JSON; ${notJson}`);
  }
}
