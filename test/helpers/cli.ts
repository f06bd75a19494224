import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Io } from "../../src/cli/io.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = `${ROOT}bin/match-sim.js`;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the shipped launcher, as a user would run it. */
export function runCli(args: string[], opts: { input?: string; env?: Record<string, string>; cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? "",
    encoding: "utf8",
    // A dermatology run in JSON is about a megabyte: the default buffer would cut it off.
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An in-memory Io for calling main() in-process. */
export function captureIo(opts: { tty?: boolean; stdin?: string; env?: Record<string, string> } = {}): Io & {
  out: () => string;
  err: () => string;
} {
  let out = "";
  let err = "";
  return {
    stdout: { write: (s: string) => (out += s), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => (err += s), isTTY: opts.tty ?? false },
    stdin: (async function* () {
      if (opts.stdin) yield opts.stdin;
    })(),
    env: opts.env ?? {},
    out: () => out,
    err: () => err,
  };
}

export const hasStackTrace = (text: string): boolean => /^\s+at .+\(.*:\d+:\d+\)$/m.test(text) || /\n\s+at /.test(text);

/**
 * Runs the command line in this process (main() with captured streams), from `cwd`: the
 * same code as the launcher without a process's start-up, for the many checks of output
 * that need no process of their own. A few tests spawn the launcher itself.
 */
export async function runMain(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; tty?: boolean; columns?: number } = {},
): Promise<CliResult> {
  const { main } = await import("../../src/cli/main.js");
  const io = captureIo({ tty: opts.tty ?? false, env: { NO_COLOR: "1", ...opts.env } });
  if (opts.columns !== undefined) (io.stdout as { columns?: number }).columns = opts.columns;
  const before = process.cwd();
  if (opts.cwd) process.chdir(opts.cwd);
  try {
    const code = await main(args, io);
    return { code, stdout: io.out(), stderr: io.err() };
  } finally {
    process.chdir(before);
  }
}
