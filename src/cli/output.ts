import { statSync } from "node:fs";
import { extname } from "node:path";
import { Option } from "commander";
import { UsageError } from "../errors.js";
import { writeFileAtomic, type Io } from "./io.js";

/** Every format a command can write. `text` is the plain-text form: tables, a story, a list. */
export type OutputFormat = "text" | "json" | "csv" | "markdown" | "html" | "yaml";

/** What a file name's extension says about its format. */
const BY_EXTENSION: Readonly<Record<string, OutputFormat>> = {
  ".txt": "text",
  ".text": "text",
  ".json": "json",
  ".csv": "csv",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".yaml": "yaml",
  ".yml": "yaml",
};

/** The names --format accepts; `table` is the older name of `text` and means the same. */
const ALIASES: Readonly<Record<string, OutputFormat>> = { table: "text" };

export function formatOfExtension(path: string): OutputFormat | undefined {
  return BY_EXTENSION[extname(path).toLowerCase()];
}

/**
 * The --format option of a command that writes `formats`. It has no default of its own:
 * the format comes from --format, else from --out's extension, else the first one listed.
 */
export function formatOption(formats: readonly OutputFormat[]): Option {
  const names = formats.flatMap((f) => (f === "text" && formats.includes("text") ? ["text", "table"] : [f]));
  return new Option("-f, --format <format>", `output format (default: from --out's extension, else ${formats[0]})`).choices(names);
}

/**
 * The format to write: --format if given, else the one --out's extension names, else the
 * command's first. A --format that contradicts the extension, or an extension whose format
 * the command cannot write, is a usage error rather than a file whose name lies.
 */
export function chooseFormat<F extends OutputFormat>(
  command: string,
  formats: readonly F[],
  given: string | undefined,
  out: string | undefined,
): F {
  const asked = given === undefined ? undefined : (ALIASES[given] ?? (given as OutputFormat));
  const named = out === undefined || out === "-" ? undefined : formatOfExtension(out);
  if (asked !== undefined && named !== undefined && asked !== named) {
    throw new UsageError(`--format ${given} and --out ${out} disagree (${extname(out!)} is ${named}): drop one of them`);
  }
  const format = asked ?? named ?? formats[0]!;
  if (!(formats as readonly OutputFormat[]).includes(format)) {
    throw new UsageError(`${command} cannot write ${format}${named === format ? ` (--out ${out})` : ""}; it writes ${formats.join(", ")}`);
  }
  return format as F;
}

/** The device and inode of a path, or undefined if there is nothing there. */
function identity(path: string): string | undefined {
  try {
    const info = statSync(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Refuses an --out that is one of the command's inputs, whatever the path says (a link, a
 * relative path, another spelling): the input would be gone before anyone noticed.
 */
export function refuseOverwritingInputs(out: string | undefined, inputs: readonly (string | undefined)[]): void {
  if (out === undefined || out === "-") return;
  const target = identity(out);
  if (target === undefined) return;
  for (const input of inputs) {
    if (input === undefined || input === "-") continue;
    if (identity(input) === target) {
      throw new UsageError(`--out ${out}: that is ${input === out ? "an input" : `the input ${input}`} of this command; refusing to write over it`);
    }
  }
}

const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`);

/**
 * Sends a fully rendered result to --out (atomically, then says where on stderr unless
 * quiet) or to standard output.
 */
export async function writeOutput(io: Io, text: string, out: string | undefined, quiet = false): Promise<void> {
  if (out === undefined || out === "-") {
    io.stdout.write(text);
    return;
  }
  await writeFileAtomic(out, text);
  if (!quiet) io.stderr.write(`wrote ${out} (${size(Buffer.byteLength(text))})\n`);
}

/** The width tables and text are fitted to: --wide none, else the terminal's, else 100. */
export function outputWidth(io: Io, opts: { wide?: boolean | undefined; out?: string | undefined }): number {
  if (opts.wide === true) return Infinity;
  const toFile = opts.out !== undefined && opts.out !== "-";
  const fromEnv = Number(io.env["COLUMNS"]);
  if (!toFile && io.stdout.isTTY === true && typeof io.stdout.columns === "number" && io.stdout.columns > 0) return io.stdout.columns;
  if (!toFile && Number.isInteger(fromEnv) && fromEnv >= 20) return fromEnv;
  return DEFAULT_WIDTH;
}

/** The width when the terminal's is unknown: what a projector shows legibly. */
export const DEFAULT_WIDTH = 100;

export const wideOption = () => new Option("--wide", "show every column, however wide the table");
export const quietOption = () => new Option("-q, --quiet", "no progress bar, and no note of the file written");
