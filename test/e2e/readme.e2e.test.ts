import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../../src/scenario/load.js";
import { runCli } from "../helpers/cli.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("its complete scenario example is valid", () => {
    const block = /A complete example:\s+```yaml\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    const { scenario } = loadScenarioText(block![1]!, "README.md");
    expect(scenario.applicants.map((a) => a.id)).toEqual(["Ann", "Ben", "Cat"]);
  });

  it("shows the match table the CLI prints", () => {
    const shown = /\$ npx match-sim match scenarios\/nrmp-example.yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const printed = runCli(["match", "scenarios/nrmp-example.yaml"]).stdout;
    expect(printed).toBe(shown);
  });
});
