import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { expect } from "vitest";

/**
 * Compares text with a golden file under test/golden. UPDATE_GOLDEN=1 rewrites the file:
 * do that only for a deliberate change of model or output, and review the diff.
 */
export function expectGolden(path: string, actual: string): void {
  const file = new URL(`../golden/${path}`, import.meta.url);
  if (process.env["UPDATE_GOLDEN"] === "1" || !existsSync(file)) {
    mkdirSync(dirname(file.pathname), { recursive: true });
    writeFileSync(file, actual);
    if (process.env["UPDATE_GOLDEN"] !== "1") throw new Error(`golden file ${path} was missing and has been written; run again`);
    return;
  }
  expect(actual).toBe(readFileSync(file, "utf8"));
}
