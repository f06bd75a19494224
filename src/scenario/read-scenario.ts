import { open, stat } from "node:fs/promises";
import { UserError } from "../errors.js";

// Reading a scenario file, apart from checking it: this module loads none of the checks'
// code, so the command line can start reading while that code loads (cli/early-read.ts).

/**
 * The largest scenario file read, in bytes (MATCH_SIM_MAX_FILE_MB overrides it): parsing a
 * text and its checks take several times its size in memory, and a clear refusal beats
 * running out of memory halfway.
 */
export function maxScenarioBytes(env: Readonly<Record<string, string | undefined>> = {}): number {
  const mb = Number(env["MATCH_SIM_MAX_FILE_MB"] ?? 256);
  return (Number.isFinite(mb) && mb > 0 ? mb : 256) * 1024 * 1024;
}

export async function readScenarioText(path: string, limit = maxScenarioBytes()): Promise<string> {
  try {
    // Only a regular file is read: a FIFO or a device could block forever or never end.
    const info = await stat(path);
    if (info.isDirectory()) throw new UserError(`${path}: cannot read scenario: is a directory, not a scenario file`);
    if (!info.isFile()) throw new UserError(`${path}: cannot read scenario: not a regular file (to read a pipe, use - for standard input)`);
    if (info.size > limit) {
      throw new UserError(
        `${path}: cannot read scenario: ${(info.size / 1048576).toFixed(1)} MB is over the limit of ${(limit / 1048576).toFixed(1)} MB ` +
          "(set MATCH_SIM_MAX_FILE_MB to raise it)",
      );
    }
    return (await readWhole(path, info.size)).toString("utf8");
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" :
      code === "EISDIR" ? "is a directory, not a scenario file" :
      code === "EACCES" || code === "EPERM" ? "permission denied" :
      (err as Error).message;
    throw new UserError(`${path}: cannot read scenario: ${why}`);
  }
}

/**
 * The file's bytes in as few reads as it takes (one, for a regular file): readFile reads in
 * chunks of half a megabyte, each waiting for a turn of the event loop, so a read started
 * while modules load finished only after them.
 */
async function readWhole(path: string, size: number): Promise<Buffer> {
  const file = await open(path, "r");
  try {
    const bytes = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await file.read(bytes, at, size - at, at);
      if (bytesRead === 0) break; // the file shrank since it was measured
      at += bytesRead;
    }
    return bytes.subarray(0, at);
  } finally {
    await file.close();
  }
}
