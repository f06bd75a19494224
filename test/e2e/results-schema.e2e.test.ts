import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { compare, loadScenario, match, simulate, sweep, trace } from "../../src/index.js";
import { ResultsSchema } from "../../src/results/results-schema.js";
import { ROOT, runMain } from "../helpers/cli.js";

// Every JSON a command prints is valid against the published JSON Schema of the results,
// the file the package ships and `match-sim schema --results` prints.

const schema = JSON.parse(readFileSync(join(ROOT, "schema/results.schema.json"), "utf8"));
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

function expectValid(what: string, value: unknown): void {
  const ok = validate(value);
  expect(ok ? [] : (validate.errors ?? []).slice(0, 5).map((e: { instancePath: string; message?: string }) => `${e.instancePath} ${e.message}`), what).toEqual([]);
  expect(ResultsSchema.safeParse(value).success, what).toBe(true);
}

const json = async (args: string[]) => {
  const r = await runMain([...args, "--format", "json"]);
  expect(r.stderr, args.join(" ")).toBe("");
  return JSON.parse(r.stdout) as unknown;
};

describe("the JSON Schema of the results", () => {
  it("is the file the package ships, and what `match-sim schema --results` prints", async () => {
    const printed = await runMain(["schema", "--results"]);
    expect(printed.stdout).toBe(readFileSync(join(ROOT, "schema/results.schema.json"), "utf8"));
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(pkg.exports["./schema/results.schema.json"]).toBe("./schema/results.schema.json");
  });

  it("accepts every JSON output of every command", async () => {
    const C = "scenarios/classroom.yaml";
    const outputs: [string, string[]][] = [
      ["run", ["run", C, "--runs", "60"]],
      ["run --group-by clout", ["run", "scenarios/dermatology.yaml", "--runs", "3", "--group-by", "clout", "--set", "calls.enabled=false"]],
      ["run with calls off", ["run", "scenarios/late-calls.yaml", "--runs", "30", "--set", "calls.enabled=false"]],
      ["sweep", ["sweep", C, "--set", "effects.strong=0,20", "--runs", "30", "--focus", "Ava"]],
      ["sweep --full", ["sweep", C, "--set", "effects.strong=0,20", "--runs", "30", "--full"]],
      ["compare", ["compare", C, "--opinion", "dr-lind:Ivan=strong", "--runs", "30"]],
      ["compare --knowers", ["compare", C, "--focus", "Ava", "--knowers", "--runs", "30"]],
      ["compare a file that adds", ["compare", C, "--set", "applicants+={id: Zed, paper: 0.9}", "--runs", "30"]],
      ["trace", ["trace", C, "--trial", "2"]],
      ["trace --find", ["trace", C, "--find", "Ava:rescued"]],
      ["match", ["match", "scenarios/nrmp-example.yaml"]],
    ];
    for (const [what, args] of outputs) expectValid(what, await json(args));
  });

  it("accepts merged shards, and what the library returns", async () => {
    const dir = mkdtempSync(join(tmpdir(), "schema-"));
    const parts = [1, 2].map((i) => join(dir, `part-${i}.json`));
    for (const [i, part] of parts.entries()) await runMain(["run", "scenarios/classroom.yaml", "--runs", "40", "--shard", `${i + 1}/2`, "--format", "json", "--out", part, "--quiet"]);
    expectValid("merge", await json(["merge", ...parts]));
    const s = await loadScenario("scenarios/classroom.yaml");
    expectValid("simulate", await simulate(s, { runs: 30 }));
    expectValid("sweep", await sweep(s, { axes: { "ripple.sameRegion": [0, 1] }, runs: 20 }));
    expectValid("compare", await compare(s, { runs: 20, variants: { x: { "referrers.dr-okafor.clout": 0 } } }));
    expectValid("trace", trace(s, { trial: 1 }));
    expectValid("match", match(await loadScenario("scenarios/nrmp-example.yaml")));
  });

  it("rejects what is not a result", () => {
    for (const bad of [{}, { kind: "run" }, { kind: "walk", provenance: {} }]) {
      expect(validate(bad)).toBe(false);
    }
  });
});
