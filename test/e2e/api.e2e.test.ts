import { readdirSync, readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { compare, generate, loadScenario, match, MatchSimError, presets, simulate, sweep, trace, validateScenario, type Settings } from "../../src/index.js";
import { scenarioJsonSchema } from "../../src/scenario/json-schema.js";
import { captureIo, ROOT, runCli } from "../helpers/cli.js";

const CLASSROOM = "scenarios/classroom.yaml";

async function cliJson(args: string[]): Promise<string> {
  const io = captureIo();
  expect(await main([...args, "--format", "json"], io)).toBe(0);
  return io.out();
}
const asJson = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;

describe("the library API", () => {
  it("simulate, match, trace and sweep return what the CLI prints as JSON", async () => {
    const s = await loadScenario(CLASSROOM);
    expect(asJson(await simulate(s, { runs: 200, set: { "ripple.sameRegion": 0.8 } }))).toBe(
      await cliJson(["run", CLASSROOM, "--runs", "200", "--set", "ripple.sameRegion=0.8"]),
    );
    const nrmp = await loadScenario("scenarios/nrmp-example.yaml");
    expect(asJson(match(nrmp, { proposer: "program" }))).toBe(await cliJson(["match", "scenarios/nrmp-example.yaml", "--proposer", "program"]));
    expect(asJson(trace(s, { trial: 3 }))).toBe(await cliJson(["trace", CLASSROOM, "--trial", "3"]));
    expect(asJson(await sweep(s, { axes: { "ripple.sameRegion": [0, 0.5] }, runs: 100, focus: "Gus" }))).toBe(
      await cliJson(["sweep", CLASSROOM, "--set", "ripple.sameRegion=0,0.5", "--runs", "100", "--focus", "Gus", "--full"]),
    );
  });

  it("loads text as well as paths, and throws one error class carrying positioned issues", async () => {
    const s = await loadScenario("programs: [{id: P, positions: 1}]\napplicants: [{id: a}]\n");
    expect(s.indexed.applicantIds).toEqual(["a"]);
    const err = await loadScenario("programs:\n  - id: P\n    postions: 1\n", { name: "mine.yaml" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MatchSimError);
    expect((err as MatchSimError & { issues: unknown[] }).issues).toEqual([
      { file: "mine.yaml", line: 2, col: 5, path: ["programs", 0, "positions"], message: "missing: expected a whole number from 0 to 1,000,000" },
      { file: "mine.yaml", line: 3, col: 5, path: ["programs", 0, "postions"], message: 'unknown key "postions" (did you mean "positions"?)' },
    ]);
    // A typo is a type error in TypeScript, and at run time (from JavaScript) a MatchSimError.
    // @ts-expect-error "ripple.nope" is not a parameter
    await expect(simulate(s, { set: { "ripple.nope": 1 } })).rejects.toBeInstanceOf(MatchSimError);
    const v = await validateScenario("programs: [{id: P}]\n");
    expect(v.valid).toBe(false);
    expect(v.errors[0]!.path).toEqual(["programs", 0, "positions"]);
  });

  it("compare, and what-ifs on scenario fields everywhere, return what the CLI prints as JSON", async () => {
    const s = await loadScenario(CLASSROOM);
    expect(
      asJson(await compare(s, { runs: 150, focus: "Ivan", variants: { genuine: { "opinions.dr-lind~Ivan": "positive" }, "no tie": { "relationships.dr-lind~pd-harbor.trust": 0 } } })),
    ).toBe(
      await cliJson([
        "compare", CLASSROOM, "--runs", "150", "--focus", "Ivan",
        "--variant", "genuine: --set opinions.dr-lind~Ivan=positive", "--variant", "no tie: --set relationships.dr-lind~pd-harbor.trust=0",
      ]),
    );
    expect(asJson(await compare(s, { runs: 150, focus: "Ava", knowers: true }))).toBe(await cliJson(["compare", CLASSROOM, "--runs", "150", "--focus", "Ava", "--knowers"]));
    const other = await loadScenario(CLASSROOM);
    const same = await compare(s, { runs: 50, files: { copy: other } });
    expect(same.variants[0]!.applicants.every((a) => a.withCalls.pMatch.change!.interval === null && a.withoutCalls.pMatch.change!.interval === null)).toBe(true);
    expect(asJson(await simulate(s, { runs: 100, set: { "applicants.Ivan.advocates": [] } }))).toBe(
      await cliJson(["run", CLASSROOM, "--runs", "100", "--set", "applicants.Ivan.advocates=[]"]),
    );
    expect(asJson(await sweep(s, { axes: { "opinions.dr-lind~Ivan": ["strong", "fine"] }, runs: 100, focus: "Ivan" }))).toBe(
      await cliJson(["sweep", CLASSROOM, "--set", "opinions.dr-lind~Ivan=strong,fine", "--runs", "100", "--focus", "Ivan", "--full"]),
    );
    const found = trace(s, { find: ["Ava:rescued", "Ben:drop", "ripple"] });
    expect(asJson(found)).toBe(await cliJson(["trace", CLASSROOM, "--find", "Ava:rescued,Ben:drop,ripple"]));
    expect(found.found!.stories).toEqual([{ kind: "rescued", applicant: "Ava" }, { kind: "drop", applicant: "Ben" }, { kind: "ripple" }]);
    await expect(compare(s, { variants: { x: { "applicants.Iven.paper": 0.5 } } })).rejects.toThrow(/variants\["x"\]\["applicants.Iven.paper"\]: no applicant "Iven" \(did you mean "Ivan"\?\)/);
    await expect(compare(s, {})).rejects.toBeInstanceOf(MatchSimError);
  });

  it("generate() gives what `generate --format json` writes, ready to load, group and run", async () => {
    const data = generate({ preset: "dermatology", scale: 0.05, seed: 4 });
    const printed = await runCli(["generate", "--preset", "dermatology", "--scale", "0.05", "--seed", "4", "--format", "json"]);
    expect(data).toEqual(JSON.parse(printed.stdout));
    const s = await loadScenario(data);
    const r = await simulate(s, { runs: 5, groupBy: "region", set: { "ripple.sameRegion": 0.5, "model.effects.strong": 10 } });
    expect(r.groups.by).toBe("region");
    expect(r.provenance.model.effects.strong).toBe(10);
    expect(presets().map((p) => p.name)).toContain("nrmp");
    expect(() => generate({ preset: "dermatolgy" })).toThrow(MatchSimError);
  });

  it("types settings: a model parameter's path and value are checked by the compiler", () => {
    const ok: Settings = { "ripple.sameRegion": 0.8, "calls.enabled": false, "applicants.me.aways+": ["P7"], "applicants+": { id: "x" }, "opinions.a~b": "strong", seed: 3 };
    // @ts-expect-error a misspelt parameter
    const typo: Settings = { "ripple.sameRgion": 0.8 };
    // @ts-expect-error a parameter's value of the wrong type
    const wrong: Settings = { "ripple.sameRegion": "high" };
    // @ts-expect-error a list that does not exist
    const list: Settings = { "aplicants.me.paper": 1 };
    expect([ok, typo, wrong, list]).toHaveLength(4);
  });

  it("sweep points are paired: the same seasons at every point", async () => {
    // A parameter that cannot matter here (no one flagged, no conflicts) leaves every
    // point's numbers identical only if every point runs on the same random draws.
    const s = await loadScenario(CLASSROOM);
    const r = await sweep(s, { axes: { "late.insincerity.shift": [-15, -5, 0] }, runs: 150 });
    const rows = r.points.map((p) => JSON.stringify({ summary: p.results!.summary, applicants: p.results!.applicants }));
    expect(new Set(rows).size).toBe(1);
    // Paired with the baseline: no season differed at any point.
    for (const p of r.points.slice(1)) expect(p.vsBaseline!.matchRateWithCalls).toEqual({ estimate: 0, interval: null });
    expect(r.sharedWorldWithoutCalls).toBe(true);
  });
});

describe("the JSON Schema of scenario files", () => {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  const validate = ajv.compile(scenarioJsonSchema());

  it("accepts every shipped scenario", () => {
    for (const file of readdirSync(`${ROOT}scenarios`)) {
      const ok = validate(parse(readFileSync(`${ROOT}scenarios/${file}`, "utf8")));
      expect(ok, `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it("rejects a broken one", () => {
    expect(validate({ programs: [{ id: "P", postions: 2 }] })).toBe(false);
    expect(validate({ applicants: [{ id: "a", paper: 1.5 }] })).toBe(false);
    expect(validate({ model: { ripple: { sameRegion: "high" } } })).toBe(false);
  });

  it("is the file the package ships, and what `match-sim schema` prints", async () => {
    const shipped = readFileSync(`${ROOT}schema/scenario.schema.json`, "utf8");
    expect(shipped).toBe(asJson(scenarioJsonSchema()));
    const io = captureIo();
    await main(["schema"], io);
    expect(io.out()).toBe(shipped);
  });
});
