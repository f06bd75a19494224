import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

// The core stays pure: no filesystem, terminal or process in these folders.
const CORE = ["src/match", "src/season", "src/montecarlo", "src/rng", "src/results", "src/calibration", "src/present"];
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

// Each folder may import only from its own level or below: the engine never reaches up into
// what renders it, and the results model sits below both.
const LAYERS: Record<string, number> = {
  "errors.ts": 1,
  "version.ts": 1,
  scenario: 1,
  rng: 1,
  results: 2,
  match: 2,
  season: 3,
  montecarlo: 4,
  generate: 4,
  calibration: 5,
  present: 5,
  report: 5,
  cli: 6,
  "index.ts": 7,
  "settings-paths.ts": 7,
};
const layerOf = (pathUnderSrc: string): string => pathUnderSrc.split("/")[0]!;

function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\()\s*"(\.[^"]+)"/g)) found.push(m[1]!);
  return found;
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
  it("every folder under src/ has a layer", () => {
    for (const f of filesUnder("src")) expect(LAYERS, f).toHaveProperty([layerOf(f.slice(4))]);
  });
  it("no import runs up the layers", () => {
    const upward: string[] = [];
    for (const f of filesUnder("src")) {
      const from = f.slice(4);
      for (const spec of importsOf(readFileSync(f, "utf8"))) {
        const target = join(dirname(from), spec).replace(/\\/g, "/");
        if (target.startsWith("..")) continue;
        if (LAYERS[layerOf(target)]! > LAYERS[layerOf(from)]!) upward.push(`${from} → ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });
  it("the layer check sees an upward import", () => {
    // The check itself must be able to fail: an engine file importing a renderer is upward.
    const from = "montecarlo/x.ts";
    const target = join(dirname(from), "../report/run-report.js");
    expect(LAYERS[layerOf(target)]! > LAYERS[layerOf(from)]!).toBe(true);
  });
  it("only report/table.ts imports cli-table3", () => {
    const users = filesUnder("src").filter((f) => /from "cli-table3"/.test(readFileSync(f, "utf8")));
    expect(users).toEqual([join("src", "report", "table.ts")]);
  });
});
