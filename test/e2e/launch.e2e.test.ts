import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

// The launcher (src/cli/launch.ts) runs the bundled command line with the code cache the
// build wrote: these spawn Node on the built files, as bin/match-sim.js does.
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const LAUNCH = join(ROOT, "dist/cli/launch.js");

/** In a fresh Node: compile the bundle in dir (dist/bundle by default), run argv, print whether the cache was taken. */
function launchIn(dir: string | undefined, argv: string[]) {
  const code = `const { compileCli } = await import(${JSON.stringify(LAUNCH)});
const cli = compileCli(${dir === undefined ? "undefined" : JSON.stringify(dir)});
const exit = await cli.main(${JSON.stringify(argv)});
process.stderr.write("cache " + cli.cacheUsed + " exit " + exit + "\\n");`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** A copy of the bundle with its cache and yaml beside it, in a new directory. */
function bundleCopy(): string {
  const dir = `${mkdtempSync(join(tmpdir(), "match-sim-bundle-"))}/`;
  for (const f of ["cli.cjs", "cli.cache", "yaml.cjs", "worker.js"]) copyFileSync(join(ROOT, "dist/bundle", f), dir + f);
  // A time of writing other than the one the cache was stamped with.
  const before = new Date(Date.now() - 60_000);
  utimesSync(`${dir}cli.cjs`, before, before);
  return dir;
}

describe("the launcher and its code cache", () => {
  it("takes the cache the build wrote, and the command runs from it", () => {
    const r = launchIn(undefined, ["match", "scenarios/nrmp-example.yaml", "--format", "json"]);
    expect(r.stderr).toContain("cache true exit 0");
    expect(JSON.parse(r.stdout).matches).toHaveLength(6);
  });

  it("leaves a cache made for another bundle unused, and gives the same output without it", () => {
    const dir = bundleCopy();
    const r = launchIn(dir, ["match", "scenarios/nrmp-example.yaml", "--format", "json"]);
    expect(r.stderr).toContain("cache false exit 0");
    expect(r.stdout).toBe(runCli(["match", "scenarios/nrmp-example.yaml", "--format", "json"]).stdout);
  });

  it("leaves a damaged cache file unused", () => {
    const dir = bundleCopy();
    for (const bytes of [Buffer.alloc(0), Buffer.from([255, 255, 255, 255, 1]), Buffer.concat([Buffer.from([2, 0, 0, 0]), Buffer.from("{}"), readFileSync(join(ROOT, "dist/bundle/cli.cache"))])]) {
      writeFileSync(`${dir}cli.cache`, bytes);
      const r = launchIn(dir, ["--version"]);
      expect(r.stderr).toContain("cache false exit 0");
      expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});
