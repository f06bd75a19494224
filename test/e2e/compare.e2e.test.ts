import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseYaml, stringify as toYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { hasStackTrace, ROOT, runCli, runMain } from "../helpers/cli.js";

const ONE_WORD = "test/fixtures/what-if/one-word.yaml";
const CLASSROOM = "scenarios/classroom.yaml";

interface Outcome {
  base: number | null;
  variant: number;
  change: { estimate: number; interval: [number, number] | null; variantOnly: number; baseOnly: number; pValue: number } | null;
}
interface Applicant {
  id: string;
  added: boolean;
  withCalls: { pMatch: Outcome; pFirstChoice: Outcome; meanMatchedRank: { change: unknown } };
  withoutCalls: { pMatch: Outcome; pFirstChoice: Outcome };
}
interface Compared {
  runs: number;
  focus?: string;
  variants: { name: string; settings: string[]; file?: string; applicants: Applicant[] }[];
  knowers?: { id: string; name?: string; callsPerSeason: number; said: Record<string, number>; ifSilent: Outcome }[];
}

async function compareJson(args: string[]): Promise<Compared> {
  const r = await runMain(["compare", ...args, "--format", "json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Compared;
}

const applicant = (c: Compared, id: string, variant = 0) => c.variants[variant]!.applicants.find((a) => a.id === id)!;

/** The scenario file with `edit` applied to its data, written to a fresh directory. */
function editedCopy(file: string, edit: (data: Record<string, unknown[]>) => void): string {
  const data = parseYaml(readFileSync(join(ROOT, file), "utf8")) as Record<string, unknown[]>;
  edit(data);
  const out = join(mkdtempSync(join(tmpdir(), "compare-")), "variant.yaml");
  writeFileSync(out, toYaml(data));
  return out;
}

describe("match-sim compare", () => {
  it("a fixed strong word moves one applicant from certainly unmatched to certainly matched, and changes nothing on paper", async () => {
    const c = await compareJson([ONE_WORD, "--opinion", "writer:me=strong"]);
    expect(c.runs).toBe(200);
    const me = applicant(c, "me");
    expect(me.withCalls.pMatch).toMatchObject({ base: 0, variant: 1, change: { estimate: 1, variantOnly: 200, baseOnly: 0 } });
    expect(me.withCalls.pMatch.change!.interval![0]).toBeGreaterThan(0.95);
    expect(me.withCalls.pMatch.change!.pValue).toBeGreaterThan(0);
    expect(me.withCalls.pMatch.change!.pValue).toBeLessThan(1e-50);
    expect(applicant(c, "rival").withCalls.pMatch).toMatchObject({ base: 1, variant: 0, change: { estimate: -1 } });
    // A verdict is only ever heard on a call: with calls off nothing may differ.
    for (const a of c.variants[0]!.applicants) {
      expect(a.withoutCalls.pMatch.change).toMatchObject({ estimate: 0, interval: null, variantOnly: 0, baseOnly: 0 });
      expect(a.withoutCalls.pFirstChoice.change).toMatchObject({ variantOnly: 0, baseOnly: 0 });
    }
  });

  it("--set on an opinion is the same what-if as --opinion, on the same seasons", async () => {
    const a = await compareJson([ONE_WORD, "--opinion", "writer:me=positive", "--runs", "50"]);
    const b = await compareJson([ONE_WORD, "--set", "opinions.writer~me=positive", "--runs", "50"]);
    expect(b.variants[0]!.applicants).toEqual(a.variants[0]!.applicants);
    expect(b.variants[0]!.settings).toEqual(["opinions.writer~me=positive"]);
  });

  it("a tie's trust of 0 takes away the word's weight: back to the no-call outcome", async () => {
    const c = await compareJson([ONE_WORD, "--opinion", "writer:me=strong", "--set", "relationships.pd~writer.trust=0"]);
    expect(applicant(c, "me").withCalls.pMatch).toMatchObject({ base: 0, variant: 0 });
  });

  it("a second file that adds an applicant leaves everyone else's no-call outcome unchanged, season by season", async () => {
    const variant = editedCopy(CLASSROOM, (data) => {
      // A newcomer in the middle of the list, who applies where no one looks at them.
      data["applicants"]!.splice(3, 0, { id: "Newcomer", paper: 0.9, quality: 0.9, region: "north", preferences: ["Northside"] });
    });
    const c = await compareJson([CLASSROOM, variant, "--runs", "300"]);
    expect(c.variants[0]!.file).toBe(variant);
    const added = applicant(c, "Newcomer");
    expect(added.added).toBe(true);
    expect(added.withCalls.pMatch.base).toBeNull();
    expect(added.withCalls.pMatch.change).toBeNull();
    for (const a of c.variants[0]!.applicants.filter((x) => !x.added)) {
      expect(a.withoutCalls.pMatch.change, a.id).toMatchObject({ variantOnly: 0, baseOnly: 0 });
      expect(a.withoutCalls.pFirstChoice.change, a.id).toMatchObject({ variantOnly: 0, baseOnly: 0 });
    }
  });

  it("an added applicant who competes is compared with a base that never had them", async () => {
    const c = await compareJson([ONE_WORD, "--set", "applicants+={id: zed, paper: 0.9, preferences: [P]}", "--set", "programs.P.rankList=[zed, rival, me]"]);
    const zed = applicant(c, "zed");
    expect(zed).toMatchObject({ added: true });
    expect(zed.withoutCalls.pMatch).toMatchObject({ base: null, variant: 1, change: null });
    // The one position goes to zed: the rival, matched in every base season, never is.
    expect(applicant(c, "rival").withoutCalls.pMatch).toMatchObject({ base: 1, variant: 0, change: { estimate: -1, baseOnly: 200 } });
  });

  it("names each variant's column, in the order given, and a focus shows every measure with calls and without", async () => {
    const r = await runMain([
      "compare", CLASSROOM, "--focus", "Ivan", "--runs", "300",
      "--variant", "genuine: --opinion dr-lind:Ivan=positive",
      "--variant", "no tie: --set relationships.dr-lind~pd-harbor.trust=0",
    ]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/• genuine: opinions\.dr-lind~Ivan=positive\n• no tie: relationships\.dr-lind~pd-harbor\.trust=0/);
    // A row per what-if, after the base, in each world.
    const rows = r.stdout.split("\n").filter((l) => /^│ (base|genuine|no tie) /.test(l)).map((l) => /^│ (\S+)/.exec(l)![1]);
    expect(rows).toEqual(["base", "genuine", "no", "base", "genuine", "no"]);
    expect(r.stdout).toContain("Ivan, with calls\n");
    expect(r.stdout).toContain("Ivan, calls off: on paper alone\n");
    for (const line of r.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    const c = await compareJson([CLASSROOM, "--focus", "Ivan", "--runs", "300", "--variant", "genuine: --opinion dr-lind:Ivan=positive", "--variant", "no tie: --set relationships.dr-lind~pd-harbor.trust=0"]);
    expect(c.focus).toBe("Ivan");
    expect(c.variants.map((v) => v.name)).toEqual(["genuine", "no tie"]);
    for (const v of c.variants) {
      expect(v.applicants.map((a) => a.id)).toEqual(["Ivan"]);
      // Ivan loses Harbor to his own advocate's half-hearted word; either edit gives it back.
      expect(v.applicants[0]!.withCalls.pMatch.change!.interval![0]).toBeGreaterThan(0.5);
    }
  });

  it("the text's change agrees with the shares it is printed beside", async () => {
    const r = await runMain(["compare", CLASSROOM, "--opinion", "dr-lind:Ivan=strong", "--runs", "500"]);
    const rows = r.stdout.split("\n").filter((l) => /^│ [A-Z][a-z]+ /.test(l));
    expect(rows.length).toBe(10);
    for (const row of rows) {
      const [, base, variant, change] = /│ \S+\s+│ ([\d.]+)%\s+│ ([\d.]+)%\s+│ ([+−]?[\d.]+)/.exec(row)!;
      const printed = Number(change!.replace("−", "-"));
      expect(printed, row).toBeCloseTo(Number(variant) - Number(base), 5);
    }
  });

  it("writes CSV, one row per variant, applicant and world, and --out by its extension", async () => {
    const dir = mkdtempSync(join(tmpdir(), "compare-out-"));
    const out = join(dir, "what-if.csv");
    const r = await runMain(["compare", CLASSROOM, "--runs", "100", "--variant", "a: --opinion dr-lind:Ivan=strong", "--variant", "b: --set referrers.dr-okafor.clout=0", "--out", out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toMatch(/^scenario,fingerprint,version,seed,runs,proposer,variant,applicant,world,added,pMatchBase,pMatchVariant,pMatchChange,pMatchChangeLow,pMatchChangeHigh,pMatchChangeP,/);
    expect(lines.length).toBe(1 + 2 * 10 * 2);
    expect(lines.filter((l) => l.includes(",b,Ava,withCalls,false,")).length).toBe(1);
    const md = join(dir, "what-if.md");
    expect((await runMain(["compare", CLASSROOM, "--runs", "100", "--opinion", "dr-lind:Ivan=strong", "--out", md])).code).toBe(0);
    expect(readFileSync(md, "utf8")).toMatch(/^## Classroom backchannel demo: what-if "what-if"/);
  });

  it("gives the same bytes whatever the worker count", () => {
    const args = ["compare", CLASSROOM, "--runs", "200", "--opinion", "dr-lind:Ivan=strong", "--format", "json"];
    const one = runCli([...args, "--workers", "1"]);
    const two = runCli([...args, "--workers", "2"]);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it("refuses what it cannot do, with the setting or option at fault and no stack trace", async () => {
    const cases: [string[], RegExp][] = [
      [[CLASSROOM, "--set", "applicants.Iven.paper=0.5"], /--set applicants\.Iven\.paper=0\.5: no applicant "Iven" \(did you mean "Ivan"\?\)/],
      [[CLASSROOM, "--set", "applicants.Ivan.papr=0.5"], /applicant "Ivan" has no field "papr" \(did you mean "paper"\?\)/],
      [[CLASSROOM, "--set", "referrers.dr-okafor.clout=2"], /--set referrers\.dr-okafor\.clout=2: .*clout.*0 to 1/],
      [[CLASSROOM, "--set", "applicants.Ivan.aways=[Harbour]"], /--set applicants\.Ivan\.aways=\[Harbour\]: .*Harbour.*did you mean "Harbor"/],
      [[CLASSROOM, "--opinion", "dr-lind:Ivan=great"], /great/],
      [[CLASSROOM], /give a what-if/],
      [[CLASSROOM, "--knowers"], /--knowers needs --focus/],
      [[CLASSROOM, "--focus", "Ava", "--knowers", "--set", "referrers.dr-okafor.clout=0"], /give no other what-if/],
      [[CLASSROOM, "--variant", "no colon here"], /--variant no colon here: expected NAME: --set/],
      [[CLASSROOM, "--variant", "x: --set seed=1", "--variant", "x: --set seed=2"], /--variant x: that name is given twice/],
      [[CLASSROOM, "--focus", "Eli", "--knowers"], /nobody knows Eli/],
      [[CLASSROOM, "--set", "applicants+={id: me, paper: 0.6}", "--focus", "me"], /--focus me: not in the base, only in a what-if; .* --base-set/],
    ];
    for (const [args, message] of cases) {
      const r = await runMain(["compare", ...args, "--runs", "10"]);
      expect(r.code, args.join(" ")).not.toBe(0);
      expect(r.stdout, args.join(" ")).toBe("");
      expect(r.stderr, args.join(" ")).toMatch(message);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });
});

describe("whose word about me matters", () => {
  it("names each knower, their calls and verdicts, and what their silence changes, on the same seasons", async () => {
    const c = await compareJson([CLASSROOM, "--focus", "Ava", "--knowers", "--runs", "400"]);
    expect(c.knowers!.map((k) => k.id)).toEqual(["dr-okafor"]);
    const okafor = c.knowers![0]!;
    expect(okafor.name).toBe("Dr. Okafor");
    expect(okafor.callsPerSeason).toBeGreaterThan(0.3);
    expect(okafor.said["strong"]).toBeCloseTo(okafor.callsPerSeason, 6);
    // Ava is unmatched without calls: silence her only champion and she never matches.
    expect(okafor.ifSilent.variant).toBe(0);
    expect(okafor.ifSilent.change!.interval![1]).toBeLessThan(0);
  });

  it("a half-hearted advocate's silence helps", async () => {
    const c = await compareJson([CLASSROOM, "--focus", "Ivan", "--knowers", "--runs", "400"]);
    const lind = c.knowers!.find((k) => k.id === "dr-lind")!;
    expect(lind.said["fine"]).toBeGreaterThan(0.9);
    expect(lind.ifSilent.change!.interval![0]).toBeGreaterThan(0);
  });

  it("run --focus ID --knowers is the same comparison", async () => {
    const a = await runMain(["run", CLASSROOM, "--focus", "Ava", "--knowers", "--runs", "200"]);
    const b = await runMain(["compare", CLASSROOM, "--focus", "Ava", "--knowers", "--runs", "200"]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain("Ava matches in");
    expect(a.stdout).toContain("Dr. Okafor");
    for (const line of a.stdout.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });
});

describe("--set on the fields of a scenario, in every command", () => {
  it("run shows the settings it ran with, in text and JSON", async () => {
    const r = await runMain(["run", CLASSROOM, "--runs", "50", "--set", "referrers.dr-okafor.clout=0.5", "--opinion", "dr-lind:Ivan=strong"]);
    expect(r.stdout).toContain("With referrers.dr-okafor.clout=0.5; opinions.dr-lind~Ivan=strong");
    const j = JSON.parse((await runMain(["run", CLASSROOM, "--runs", "50", "--set", "referrers.dr-okafor.clout=0.5", "--format", "json"])).stdout);
    expect(j.settings).toEqual(["referrers.dr-okafor.clout=0.5"]);
  });

  it("run with a fixed verdict agrees with compare's variant column", async () => {
    const c = await compareJson([ONE_WORD, "--opinion", "writer:me=strong", "--runs", "100"]);
    const r = JSON.parse((await runMain(["run", ONE_WORD, "--opinion", "writer:me=strong", "--runs", "100", "--format", "json"])).stdout);
    const me = r.applicants.find((a: { id: string }) => a.id === "me");
    expect(me.pMatch).toBe(applicant(c, "me").withCalls.pMatch.variant);
    expect(me.pMatchWithoutCalls).toBe(applicant(c, "me").withoutCalls.pMatch.variant);
  });

  it("sweep takes a scenario field as an axis, and --opinion fixes a verdict at every point", async () => {
    const r = await runMain(["sweep", ONE_WORD, "--set", "referrers.writer.clout=0,1", "--opinion", "writer:me=strong", "--runs", "50", "--focus", "me", "--format", "json"]);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.points.map((p: { parameters: object }) => p.parameters)).toEqual([{ "referrers.writer.clout": 0 }, { "referrers.writer.clout": 1 }]);
    // A writer without clout moves no one; a fully trusted strong word always does.
    expect(out.points.map((p: { focus: { pMatch: number } }) => p.focus.pMatch)).toEqual([0, 1]);
    const verdicts = await runMain(["sweep", ONE_WORD, "--set", "opinions.writer~me=strong,fine", "--runs", "50", "--focus", "me", "--format", "json"]);
    expect(JSON.parse(verdicts.stdout).points.map((p: { focus: { pMatch: number } }) => p.focus.pMatch)).toEqual([1, 0]);
  });

  it("trace tells the what-if's season", async () => {
    const r = await runMain(["trace", ONE_WORD, "--opinion", "writer:me=strong", "--format", "json"]);
    const t = JSON.parse(r.stdout);
    expect(t.match.find((m: { applicant: string }) => m.applicant === "me")).toMatchObject({ withCalls: "P", withoutCalls: null });
  });

  it("report runs the what-if and says so on the page", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "report-")), "r.html");
    const r = await runMain(["report", ONE_WORD, "--opinion", "writer:me=strong", "--runs", "50", "--out", out, "--quiet"]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("with opinions.writer~me=strong.");
  });

  it("writes nothing when a setting is wrong", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "set-")), "r.json");
    const r = await runMain(["run", CLASSROOM, "--set", "programs.Harbor.positions=-1", "--out", out]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--set programs\.Harbor\.positions=-1: programs\.Harbor\.positions/);
    expect(existsSync(out)).toBe(false);
  });
});
