import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenarioText } from "../../src/scenario/load.js";
import { parameterPaths } from "../../src/scenario/overrides.js";
import { runCli } from "../helpers/cli.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("its complete scenario example is valid", () => {
    const block = /A complete example:\s+```yaml\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    const { scenario } = loadScenarioText(block![1]!, "README.md");
    expect(scenario.applicants.map((a) => a.id)).toEqual(["Ann", "Ben", "Cat"]);
  });

  it("shows the run output the CLI prints for the classroom scenario", () => {
    const shown = /\$ npx match-sim run scenarios\/classroom.yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(runCli(["run", "scenarios/classroom.yaml"]).stdout).toBe(shown);
  });

  it("documents every model parameter", () => {
    for (const path of parameterPaths()) {
      const leaf = path.startsWith("opinions.thresholds.") ? "opinions.thresholds.strong" : path;
      expect(readme, path).toContain(`\`${leaf}`);
    }
  });

  it("shows the match table the CLI prints", () => {
    const shown = /\$ npx match-sim match scenarios\/nrmp-example.yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const printed = runCli(["match", "scenarios/nrmp-example.yaml"]).stdout;
    expect(printed).toBe(shown);
  });
});
