import { rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { ChalkInstance } from "chalk";
import { UserError } from "../errors.js";

/** Everything the CLI touches of the outside world, injected so tests need no mocks. */
export interface Io {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stdin: AsyncIterable<string | Buffer>;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function processIo(): Io {
  // A reader that stops early (`| head`) closes the pipe: that is not an error of ours.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** Reads a whole stream as UTF-8 text, refusing more than `limit` bytes. */
export async function readAll(stream: AsyncIterable<string | Buffer>, limit = Infinity, name = "input"): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > limit) {
      throw new UserError(`${name}: more than ${(limit / 1048576).toFixed(0)} MB, the limit (set MATCH_SIM_MAX_FILE_MB to raise it)`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function describeWriteError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case "ENOENT":
      return "the directory does not exist";
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return "permission denied";
    case "ENOSPC":
      return "no space left on the device";
    case "EISDIR":
      return "it is a directory";
    default:
      return err.message;
  }
}

/** The file operations writeFileAtomic uses, replaceable in tests to simulate faults. */
export interface FileOps {
  readonly writeFile: typeof writeFile;
  readonly rename: typeof rename;
  readonly unlink: typeof unlink;
  readonly stat: typeof stat;
}

const realFileOps: FileOps = { writeFile, rename, unlink, stat };

/**
 * Writes a whole file or nothing: the text goes to a temporary file beside the target,
 * which is renamed over it only once complete. An existing file survives any failure.
 */
export async function writeFileAtomic(path: string, text: string, fs: FileOps = realFileOps): Promise<void> {
  const { writeFile, rename, unlink, stat } = fs;
  // A device or pipe (/dev/null, a FIFO) cannot be replaced by renaming: write into it.
  const existing = await stat(path).catch(() => undefined);
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    try {
      await writeFile(path, text);
      return;
    } catch (err) {
      throw new UserError(`cannot write ${path}: ${describeWriteError(err as NodeJS.ErrnoException)}`);
    }
  }
  // Loaded here, not with the module: every command starts with this file, and Node's
  // crypto module (about 5 ms) serves only this name.
  const { randomBytes } = await import("node:crypto");
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, text, { flag: "wx" });
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw new UserError(`cannot write ${path}: ${describeWriteError(err as NodeJS.ErrnoException)}`);
  }
}

/** Colour only on a terminal, never under NO_COLOR or --no-color, never into a file. */
export function wantsColor(io: Io, opts: { color?: boolean | undefined; out?: string | undefined }): boolean {
  if (opts.color === false) return false;
  if (io.env["NO_COLOR"] !== undefined && io.env["NO_COLOR"] !== "") return false;
  if (opts.out !== undefined && opts.out !== "-") return false;
  return io.stdout.isTTY === true;
}

/** A chalk instance for this output: colour only where wantsColor says so. */
export async function colors(io: Io, opts: { color?: boolean | undefined; out?: string | undefined }): Promise<ChalkInstance> {
  const { Chalk } = await import("chalk");
  return new Chalk({ level: wantsColor(io, opts) ? 1 : 0 });
}
