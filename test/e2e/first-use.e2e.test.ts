import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { captureIo, ROOT, runMain } from "../helpers/cli.js";
import { words } from "../helpers/docs.js";

// What a first-time user meets: where output goes, what it looks like at a terminal's width,
// whether its figures add up, and what the errors say.

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), "ms-first-"));
  mkdirSync(join(dir, "o"));
  copyFileSync(`${ROOT}scenarios/classroom.yaml`, join(dir, "o", "c.yaml"));
  return dir;
}

const widest = (text: string) => Math.max(...text.split("\n").map((l) => [...l].length));

describe("--out", () => {
  it("refuses to write over the command's input, however the path is spelled, and leaves it whole", async () => {
    const dir = workdir();
    const input = join(dir, "o", "c.yaml");
    const before = readFileSync(input, "utf8");
    symlinkSync(input, join(dir, "link.yaml"));
    for (const out of ["o/c.yaml", "./o/../o/c.yaml", join(dir, "o", "c.yaml"), "link.yaml"]) {
      for (const command of [["run", "o/c.yaml", "--runs", "10"], ["trace", "o/c.yaml"], ["sweep", "o/c.yaml", "--set", "effects.strong=0,20", "--runs", "10"]]) {
        // In this process: the refusal comes before any work, and a spawn per case cost 5 s.
        const r = await runMain([...command, "--out", out], { cwd: dir });
        expect(r.code, `${command[0]} --out ${out}`).toBe(2);
        const lines = r.stderr.trimEnd().split("\n");
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^match-sim: --out .*: that is .*input.* of this command; refusing to write over it$/);
      }
    }
    expect(readFileSync(input, "utf8")).toBe(before);
  });

  it("refuses to write over a merge part or a report's saved result", async () => {
    const dir = workdir();
    expect((await runMain(["run", "o/c.yaml", "--runs", "10", "--shard", "1/1", "--out", "part.json", "-q"], { cwd: dir })).code).toBe(0);
    const part = readFileSync(join(dir, "part.json"), "utf8");
    const merge = await runMain(["merge", "part.json", "--out", "part.json"], { cwd: dir });
    expect(merge.code).toBe(2);
    expect(readFileSync(join(dir, "part.json"), "utf8")).toBe(part);
    expect((await runMain(["run", "o/c.yaml", "--runs", "10", "--out", "r.json", "-q"], { cwd: dir })).code).toBe(0);
    const report = await runMain(["report", "--from", "r.json", "--out", "r.json"], { cwd: dir });
    expect(report.code).toBe(2);
    expect(report.stderr).toContain("refusing to write over it");
  });

  it("takes the format from the file name, and names the file it wrote", async () => {
    const dir = workdir();
    const run = (out: string, extra: string[] = []) => runMain(["run", "o/c.yaml", "--runs", "50", "--out", out, ...extra], { cwd: dir });
    const json = await run("r.json");
    expect(json.code).toBe(0);
    expect(json.stderr).toMatch(/^wrote r\.json \(\d+ (B|KB)\)\n$/);
    expect(JSON.parse(readFileSync(join(dir, "r.json"), "utf8")).runs).toBe(50);
    expect((await run("r.csv")).code).toBe(0);
    const rows = parseCsv(readFileSync(join(dir, "r.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r["applicant"])).toContain("Ava");
    expect((await run("r.md")).code).toBe(0);
    expect(readFileSync(join(dir, "r.md"), "utf8")).toMatch(/^## Classroom backchannel demo/);
    expect(readFileSync(join(dir, "r.md"), "utf8")).toContain("| applicant |");
    expect((await run("r.html")).code).toBe(0);
    expect(readFileSync(join(dir, "r.html"), "utf8")).toMatch(/^<!doctype html>/);
    expect((await run("r.txt")).code).toBe(0);
    expect(readFileSync(join(dir, "r.txt"), "utf8")).toContain("Match rate");
    const quiet = await run("q.json", ["--quiet"]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
    const trace = await runMain(["trace", "o/c.yaml", "--out", "t.md"], { cwd: dir });
    expect(trace.stderr).toContain("wrote t.md");
    expect(readFileSync(join(dir, "t.md"), "utf8")).toMatch(/^# Trial 0 of/);
    const traceJson = await runMain(["trace", "o/c.yaml", "--out", "t.json", "-q"], { cwd: dir });
    expect(traceJson.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "t.json"), "utf8")).trial).toBe(0);
    for (const [args, file] of [
      [["match", `${ROOT}scenarios/nrmp-example.yaml`, "--out", "m.csv"], "m.csv"],
      [["generate", "--preset", "dermatology", "--scale", "0.05", "--out", "g.json"], "g.json"],
      [["schema", "--out", "s.json"], "s.json"],
      [["sweep", "o/c.yaml", "--set", "effects.strong=0,20", "--runs", "20", "--out", "w.csv"], "w.csv"],
      [["report", "o/c.yaml", "--runs", "20", "--out", "p.html"], "p.html"],
    ] as const) {
      const r = await runMain([...args], { cwd: dir });
      expect(r.code, args.join(" ")).toBe(0);
      expect(r.stderr, args.join(" ")).toContain(`wrote ${file} (`);
      expect(existsSync(join(dir, file))).toBe(true);
    }
  });

  it("refuses a --format that contradicts the file name, and a format the command cannot write", async () => {
    const dir = workdir();
    const clash = await runMain(["run", "o/c.yaml", "--format", "csv", "--out", "r.json"], { cwd: dir });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toBe("match-sim: --format csv and --out r.json disagree (.json is json): drop one of them\n");
    const csvTrace = await runMain(["trace", "o/c.yaml", "--out", "t.csv"], { cwd: dir });
    expect(csvTrace.code).toBe(2);
    expect(csvTrace.stderr).toMatch(/^match-sim: trace cannot write csv \(--out t\.csv\); it writes text, json, markdown, html\n$/);
    expect(existsSync(join(dir, "r.json"))).toBe(false);
    expect(existsSync(join(dir, "t.csv"))).toBe(false);
  });
});

describe("report without --out", () => {
  it("refuses on a terminal, saying what to do, and writes to a pipe", async () => {
    const tty = captureIo({ tty: true });
    expect(await main(["report", "scenarios/classroom.yaml", "--runs", "10"], tty)).toBe(2);
    expect(tty.err()).toMatch(/^match-sim: report writes an HTML page, which a terminal cannot show: add --out report\.html/);
    expect(tty.out()).toBe("");
    const piped = await runMain(["report", "scenarios/classroom.yaml", "--runs", "10"]);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toMatch(/^<!doctype html>/);
    expect((await runMain(["report", "--help"])).stdout).toContain("on a");
  });
});

describe("tables at the terminal's width", () => {
  it("fit 100 columns when the width is unknown, the terminal's when known, and all with --wide", async () => {
    const derm = ["run", "scenarios/dermatology.yaml", "--runs", "10"];
    const piped = await runMain(derm);
    expect(widest(piped.stdout)).toBeLessThanOrEqual(100);
    const narrow = await runMain(derm, { env: { COLUMNS: "80" } });
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(80);
    expect(narrow.stdout.replace(/\n/g, " ")).toMatch(/columns? left out to fit 80 characters: .*; --wide shows all/);
    const wide = await runMain([...derm, "--wide"]);
    expect(wide.stdout).not.toContain("left out");
    expect(wide.stdout).toContain("calls per");
    const sweep = await runMain(["sweep", "scenarios/classroom.yaml", "--set", "rankList.callProbability.borderline=0,0.5", "--set", "effects.strong=0,20", "--focus", "Ava", "--runs", "20"], {
      env: { COLUMNS: "80" },
    });
    expect(widest(sweep.stdout)).toBeLessThanOrEqual(80);
    const io = captureIo({ tty: true });
    (io.stdout as { columns?: number }).columns = 72;
    return main(["run", "scenarios/classroom.yaml", "--runs", "20", "--no-color"], io).then((code) => {
      expect(code).toBe(0);
      expect(widest(io.out())).toBeLessThanOrEqual(72 + 8); // a table that cannot fit keeps its figures whole
    });
  });
});

describe("figures that agree with each other", () => {
  let table = "";
  beforeAll(async () => {
    table = ((await runMain(["run", "scenarios/classroom.yaml"]))).stdout;
  });
  const tenths = (s: string) => Math.round(Number(s.replace("%", "").replace("−", "-")) * 10);

  it("prints each difference as the difference of the printed values", async () => {
    const rows = table.split("\n").filter((l) => /^│ \w+ +│ \d+\.\d%/.test(l));
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const cells = row.split("│").map((c) => c.trim());
      const [withCalls, without, delta] = [cells[2]!.split(" ")[0]!, cells[3]!, cells[4]!.split(" ")[0]!];
      expect(tenths(delta), row).toBe(tenths(withCalls) - tenths(without));
    }
  });

  it("makes the matched-rank shares add up to 100.0%", async () => {
    const shares = table.split("\n").filter((l) => /│█*\s+\d+\.\d%$/.test(l)).map((l) => tenths(/(\d+\.\d)%$/.exec(l)![1]!));
    expect(shares.length).toBeGreaterThan(1);
    expect(shares.reduce((s, x) => s + x, 0)).toBe(1000);
  });

  it("prints counts of applicants as whole numbers", async () => {
    const groupRows = table.split("\n").filter((l) => /^│ (a home|neither|a letter|no such)/.test(l));
    expect(groupRows).toHaveLength(4);
    for (const row of groupRows) expect(row.split("│")[2]!.trim()).toMatch(/^\d+$/);
  });
});

describe("errors a first-time user meets", () => {
  const scenario = (body: string) => {
    const dir = mkdtempSync(join(tmpdir(), "ms-err-"));
    writeFileSync(join(dir, "s.yaml"), body);
    return dir;
  };

  it("suggest the id meant, for every kind of entity, letter case first", async () => {
    const dir = scenario(
      [
        "programs:",
        "  - {id: Away, positions: 1, director: pd-away}",
        "  - {id: Home, positions: 1}",
        "applicants:",
        "  - {id: me, home: home, aways: [Awya], letters: [dr-smtih]}",
        "referrers:",
        "  - {id: pd-away}",
        "  - {id: dr-smith}",
        "opinions:",
        "  - {referrer: dr-smith, applicant: Me, verdict: be cautious}",
        "",
      ].join("\n"),
    );
    const r = await runMain(["validate", "s.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('s.yaml:5:20 applicants[0].home: unknown program "home" (did you mean "Home"?)');
    expect(r.stderr).toContain('s.yaml:5:34 applicants[0].aways[0]: unknown program "Awya" (did you mean "Away"?)');
    expect(r.stderr).toContain('s.yaml:5:51 applicants[0].letters[0]: unknown referrer "dr-smtih" (did you mean "dr-smith"?)');
    expect(r.stderr).toContain('s.yaml:10:37 opinions[0].applicant: unknown applicant "Me" (did you mean "me"?)');
    expect(r.stderr).toContain(
      's.yaml:10:50 opinions[0].verdict: expected one of strong, positive, fine, cautious, would-not-rank, got text "be cautious" (did you mean "cautious"?)',
    );
    const focus = await runMain(["run", `${ROOT}scenarios/classroom.yaml`, "--focus", "ava"]);
    expect(focus.code).toBe(2);
    expect(focus.stderr).toContain("(did you mean Ava?)");
  });

  it("all start the same way, and a result that is not JSON is said plainly", async () => {
    const unknownOption = await runMain(["run", "scenarios/classroom.yaml", "--frobnicate"]);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/^match-sim: unknown option '--frobnicate'/);
    const notJson = await runMain(["report", "--from", "scenarios/classroom.yaml", "--out", join(tmpdir(), "never.html")]);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toBe(
      "match-sim: scenarios/classroom.yaml: not JSON; --from takes what `run` or `sweep` writes with --format json; to report on a scenario, give it without --from\n",
    );
    expect(existsSync(join(tmpdir(), "never.html"))).toBe(false);
  });

  it("from the library name the option, not the command line, and a missing file is a missing file", async () => {
    const lib = await import("../../src/index.js");
    const s = await lib.loadScenario("scenarios/classroom.yaml");
    // @ts-expect-error a typo is a type error too
    await expect(lib.simulate(s, { runs: 5, set: { "ripple.sameRgion": 1 } })).rejects.toThrow(
      /^set\["ripple\.sameRgion"\]: unknown parameter "ripple\.sameRgion" \(did you mean "ripple\.sameRegion"\?\)$/,
    );
    await expect(lib.simulate(s, { runs: 5, set: { "ripple.sameRegion": 2 } })).rejects.toThrow(/^set\["ripple\.sameRegion"\]: /);
    await expect(lib.sweep(s, { axes: { "effects.strog": [1, 2] }, runs: 5 })).rejects.toThrow(/^axes\["effects\.strog"\]: unknown parameter/);
    await expect(lib.loadScenario("no-such-scenario.yaml")).rejects.toThrow("no-such-scenario.yaml: cannot read scenario: no such file");
    await expect(lib.loadScenario("programs: [{id: P, positions: 1}]")).resolves.toBeDefined();
  });
});

describe("match on a scenario without written lists", () => {
  it("says how many have none and which command simulates them", async () => {
    const r = await runMain(["match", "scenarios/dermatology.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ applicants of \d+ and 150 programs of 150 have no rank list in the file/);
    expect(r.stdout).toContain("match-sim run");
    expect(r.stdout).toContain("match-sim trace");
    expect((await runMain(["match", "scenarios/nrmp-example.yaml"])).stdout).not.toContain("have no rank list");
  });
});

describe("names where the file gives them", () => {
  it("tell the story in names and keep ids in JSON and CSV", async () => {
    const text = (await runMain(["trace", "scenarios/classroom.yaml", "--find", "Ava:rescued"])).stdout;
    expect(text).toContain("Dr. Okafor");
    expect(text).toContain("Lakeview Medical Center");
    expect(text).not.toContain("dr-okafor");
    const json = JSON.parse((await runMain(["trace", "scenarios/classroom.yaml", "--find", "Ava:rescued", "--format", "json"])).stdout);
    expect(JSON.stringify(json.events)).toContain("dr-okafor");
    expect(json.labels.referrers["dr-okafor"]).toBe("Dr. Okafor");
    const run = (await runMain(["run", "scenarios/classroom.yaml", "--runs", "20"])).stdout;
    expect(run).toContain("Northside University");
    const csv = (await runMain(["run", "scenarios/classroom.yaml", "--runs", "20", "--format", "csv"])).stdout;
    expect(csv).not.toContain("Northside University");
  });
});

describe("--help", () => {
  const commands = ["run", "compare", "trace", "sweep", "report", "match", "validate", "merge", "generate", "schema"];
  it.each(commands)("of %s ends with examples that run", async (command) => {
    const help = (await runMain([command, "--help"])).stdout;
    const examples = help.slice(help.lastIndexOf("Examples:"));
    const lines = examples.split("\n").filter((l) => l.trim().startsWith("$ match-sim"));
    expect(lines.length, help).toBeGreaterThanOrEqual(2);
    expect(help.trimEnd().endsWith(lines.at(-1)!.trimEnd())).toBe(true);
    // Each example works as written, from a folder with the shipped scenarios in it.
    const dir = mkdtempSync(join(tmpdir(), "ms-help-"));
    mkdirSync(join(dir, "scenarios"));
    for (const f of ["classroom.yaml", "nrmp-example.yaml", "dermatology.yaml"]) copyFileSync(`${ROOT}scenarios/${f}`, join(dir, "scenarios", f));
    for (const line of lines) {
      const parts = line.trim().slice(2).split(" && ");
      for (const part of parts) {
        if (/[|<>*]/.test(part)) continue; // shell plumbing is the shell's
        const args = words(part.trim()).slice(1);
        const r = await runMain([...args, ...(args.includes("--runs") || !["run", "sweep", "report", "compare"].includes(args[0]!) ? [] : ["--runs", "20"])], { cwd: dir });
        expect(r.code, `${part}\n${r.stderr}`).toBe(0);
      }
    }
  });
});
