// Writes dist/bundle/cli.cache, the code cache bin/match-sim.js compiles the command line
// with (see src/cli/launch.ts): the bundle is run, in this process, on a few commands of
// the shipped scenarios, so that the cache holds the bytecode of what they run (loading,
// checking and indexing a scenario in YAML and in JSON, the match, a short simulation and
// the outputs), then V8's cache of everything compiled is written. Outputs go to a
// temporary directory, removed after.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileCli, writeCodeCache } from "../dist/cli/launch.js";

const out = mkdtempSync(join(tmpdir(), "match-sim-cache-"));
const cli = compileCli(undefined, false);
// A JSON scenario: the NRMP example's YAML, written out as JSON.
const yaml = createRequire(import.meta.url)("../dist/bundle/yaml.cjs");
writeFileSync(join(out, "nrmp-example.json"), JSON.stringify(yaml.parse(readFileSync("scenarios/nrmp-example.yaml", "utf8"))));
const commands = [
  ["validate", "scenarios/classroom.yaml"],
  ["match", "scenarios/nrmp-example.yaml", "--format", "json", "--out", join(out, "match.json"), "--quiet"],
  ["match", join(out, "nrmp-example.json"), "--format", "json", "--out", join(out, "match2.json"), "--quiet"],
  ["run", "scenarios/classroom.yaml", "--runs", "20", "--workers", "1", "--out", join(out, "run.json"), "--quiet"],
  ["run", "scenarios/classroom.yaml", "--runs", "20", "--workers", "1", "--out", join(out, "run.txt"), "--quiet"],
];
try {
  for (const argv of commands) {
    const code = await cli.main(argv);
    if (code !== 0) throw new Error(`code cache: match-sim ${argv.join(" ")} exited with ${code}`);
  }
  writeCodeCache(cli.createCachedData());
} finally {
  rmSync(out, { recursive: true, force: true });
}
