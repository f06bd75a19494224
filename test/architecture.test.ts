import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The core stays pure: no filesystem, terminal or process in these folders.
const CORE = ["src/match", "src/season", "src/montecarlo", "src/rng"];
const FORBIDDEN = [/from "node:fs/, /from "commander"/, /from "chalk"/, /from "cli-table3"/, /\bprocess\./];

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = join(dir, e);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("architecture", () => {
  const files = CORE.flatMap(filesUnder);
  it("finds the core files", () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(`${file} does not touch the filesystem, terminal or process`, () => {
      const text = readFileSync(file, "utf8");
      for (const pattern of FORBIDDEN) expect(text, String(pattern)).not.toMatch(pattern);
    });
  }
  it("only report/table.ts imports cli-table3", () => {
    const users = filesUnder("src").filter((f) => /from "cli-table3"/.test(readFileSync(f, "utf8")));
    expect(users).toEqual([join("src", "report", "table.ts")]);
  });
});
