import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { captureIo } from "../helpers/cli.js";
import { ACCEPTABLE_ERROR, type FuzzCase } from "./mutations.js";

/** What went wrong with one case, or undefined if it ended as it should. */
export async function runCase(c: FuzzCase, timeoutMs = 10_000): Promise<string | undefined> {
  const dir = mkdtempSync(join(tmpdir(), "ms-fuzz-"));
  const file = join(dir, c.name);
  const out = join(dir, "out.json");
  writeFileSync(file, c.text);
  const io = captureIo();
  try {
    const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), timeoutMs).unref());
    const code = await Promise.race([main(["run", file, "--runs", "2", "--workers", "1", "--format", "json", "--out", out, "--quiet"], io), timer]);
    if (code === "timeout") return `no answer within ${timeoutMs} ms`;
    const err = io.err();
    if (code === 0) return err === "" ? undefined : `exit 0 but stderr: ${err.slice(0, 200)}`;
    if (code !== 1) return `exit ${code}: ${err.slice(0, 400)}`;
    const lines = err.trimEnd().split("\n");
    const bad = lines.find((l) => !ACCEPTABLE_ERROR.test(l));
    if (bad !== undefined) return `unexpected stderr line: ${bad.slice(0, 200)}`;
    if (/internal error|\n\s+at /.test(err)) return `stack or internal error: ${err.slice(0, 400)}`;
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
