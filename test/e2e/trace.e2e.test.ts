import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { simulate } from "../../src/montecarlo/simulate.js";
import { APPLICANT } from "../../src/montecarlo/accumulator.js";
import { makeSeasonPlan } from "../../src/season/plan.js";
import { traceTrial } from "../../src/season/trace.js";
import { captureIo, runCli } from "../helpers/cli.js";
import { expectGolden } from "../helpers/golden.js";
import { scenarioOf } from "../helpers/season.js";
import { loadScenarioText } from "../../src/scenario/load.js";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { specialtyMarket } from "../../src/generate/specialty-market.js";
import { presetNamed } from "../../src/generate/presets.js";

const CLASSROOM = "scenarios/classroom.yaml";

async function trace(args: string[]) {
  const io = captureIo();
  const code = await main(["trace", ...args], io);
  expect(io.err()).toBe("");
  expect(code).toBe(0);
  return io.out();
}

describe("match-sim trace", () => {
  it("matches the golden story of the classroom scenario in text, markdown and JSON", async () => {
    expectGolden("classroom.trace.txt", await trace([CLASSROOM, "--no-color"]));
    expectGolden("classroom.trace.md", await trace([CLASSROOM, "--format", "markdown"]));
    expectGolden("classroom.trace.json", await trace([CLASSROOM, "--format", "json"]));
  });

  it("fits a projector: no line over 100 columns", async () => {
    for (const file of [CLASSROOM, "scenarios/pre-interview.yaml", "scenarios/late-calls.yaml"]) {
      for (const line of (await trace([file, "--no-color", "--trial", "2"])).split("\n")) expect(line.length, line).toBeLessThanOrEqual(100);
    }
  });

  it("the traced season of trial K is the very season run counts as trial K", async () => {
    const text = readFileSync(CLASSROOM, "utf8");
    const { indexed } = loadScenarioText(text, "classroom.yaml");
    const plan = makeSeasonPlan(indexed);
    for (const k of [0, 7, 123]) {
      const t = traceTrial(plan, 2026, k, "applicant");
      const acc = await simulate(indexed, { seed: 2026, runs: k + 1, first: k, count: 1, proposer: "applicant", workers: 1 });
      const cell = (a: number, k: number) => acc.applicant[a * APPLICANT.size + k]!;
      t.matchWith.program.forEach((q, a) => {
        expect(cell(a, APPLICANT.match11) + cell(a, APPLICANT.match10)).toBe(q >= 0 ? 1 : 0);
        expect(cell(a, APPLICANT.rankSumX)).toBe(q >= 0 ? t.matchWith.rank[a] : 0);
      });
      t.matchWithout.program.forEach((q, a) => expect(cell(a, APPLICANT.match11) + cell(a, APPLICANT.match01)).toBe(q >= 0 ? 1 : 0));
    }
    // And through the CLI: trial 5's JSON agrees with a one-trial shard run of trial 5.
    const json = JSON.parse(await trace([CLASSROOM, "--trial", "5", "--format", "json"]));
    expect(json.trial).toBe(5);
  });

  it("attributes an outcome to the call that decided it, and nothing to a call that changed nothing", () => {
    // P has one position and ranks b above a. The director hears strong things about a
    // (deciding the match) and fine things about c, at the bottom (changing nothing).
    const s = scenarioOf({
      programs: [{ id: "P", positions: 1, director: "pd", rankList: ["b", "a", "c"] }],
      applicants: [
        { id: "a", knownBy: ["w"], rankList: ["P"] },
        { id: "b", rankList: ["P"] },
        { id: "c", knownBy: ["w"], rankList: ["P"] },
      ],
      // The director's colleague (same institution) knows a and c.
      referrers: [{ id: "pd", institution: "U" }, { id: "w", institution: "U" }],
      opinions: [
        { referrer: "w", applicant: "a", verdict: "strong" },
        { referrer: "w", applicant: "c", verdict: "fine" },
      ],
      model: { rankList: { callProbability: { top: 1, borderline: 1, redFlag: 1 } } },
    });
    const t = traceTrial(makeSeasonPlan(s), 1, 0, "applicant");
    const byApplicant = new Map(t.attribution.map((x) => [s.applicantIds[x.call.applicant], x.changed]));
    expect(byApplicant.get("a")).toEqual([
      { applicant: 0, with: 0, without: -1 },
      { applicant: 1, with: -1, without: 0 },
    ]);
    expect(byApplicant.get("c")).toEqual([]);
  });

  it("counts the pairs that block the final match under the lists before the calls", () => {
    // Without calls b matches P. The strong word lifts a over b: (b, P) then blocks under
    // the lists before calls, where P ranked b first.
    const s = scenarioOf({
      programs: [{ id: "P", positions: 1, director: "pd", rankList: ["b", "a"] }, { id: "Q", positions: 1, rankList: ["b"] }],
      applicants: [
        { id: "a", knownBy: ["w"], rankList: ["P"] },
        { id: "b", rankList: ["P", "Q"] },
      ],
      referrers: [{ id: "pd", institution: "U" }, { id: "w", institution: "U" }],
      opinions: [{ referrer: "w", applicant: "a", verdict: "strong" }],
      model: { rankList: { callProbability: { top: 1, borderline: 1, redFlag: 1 } } },
    });
    const t = traceTrial(makeSeasonPlan(s), 1, 0, "applicant");
    expect(t.matchWith.program).toEqual([0, 1]);
    expect(t.blockingVsUncalled).toEqual([{ applicant: 1, program: 0 }]);
  });

  it("filters to one applicant or one program, and names a bad id with exit 2", async () => {
    const ava = await trace([CLASSROOM, "--applicant", "Ava", "--no-color"]);
    expect(ava).toContain("Showing only what concerns Ava.");
    expect(ava).not.toContain("about Ben");
    const harbor = await trace([CLASSROOM, "--program", "Harbor", "--no-color"]);
    expect(harbor).not.toMatch(/^• Northside University's director/m);
    const bad = runCli(["trace", CLASSROOM, "--applicant", "Zed"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--applicant Zed: no applicant with that id");
  });

  it("the classroom's suggested trace finds a season with all four of its stories, and says how to tell it again", async () => {
    // The command is read from the scenario's own header, so the file and the test agree.
    const command = /^#\s+npx match-sim (trace .*)$/m.exec(readFileSync(CLASSROOM, "utf8"))![1]!.split(/\s+/);
    expect(command).toContain("--find");
    const text = await trace([...command.slice(1), "--no-color"]);
    const trial = Number(/Found: trial (\d+) is the first with/.exec(text)![1]);
    const flat = text.replace(/\n\s*/g, " ");
    expect(flat).toContain("Ava matched only thanks to calls, a drop (Ben), a ripple (Gus) and a pushed advocate's half-hearted word (Ivan)");
    expect(flat).toMatch(/asked Dr\. Okafor \(trust [\d.]+\) about Ava \([^)]*\), influence [\d.]+; thinks "strong", said "strong" → moved up/);
    expect(flat).toMatch(/about Ben \([^)]*\)\)?, influence [\d.]+; thinks "cautious", said "cautious" → dropped from the list/);
    expect(flat).toMatch(/ripple: Southgate Health, in the same region \(south\) as Harbor Community, dropped Gus/);
    expect(flat).toMatch(/Dr\. Lind, pushed to call, called its director Dr\. Hale .* about Ivan .* said "fine" \(half-hearted\)/);
    expect(flat).toMatch(/Ava\s+Lakeview Medical Center \(#1\)\s+unmatched\s+gained/);
    // --trial K tells the same season, without the line about finding it.
    const again = await trace([CLASSROOM, "--trial", String(trial), "--no-color"]);
    expect(again.replace(/\nFound: [^]*?--trial \d+\.\n/, "\n").replace(/^Trial \d+/, "")).toBe(text.replace(/\nFound: [^]*?--trial \d+\.\n/, "\n").replace(/^Trial \d+/, ""));
    // And no earlier trial has them all.
    const json = JSON.parse(await trace([CLASSROOM, "--find", "Ava:rescued,Ben:drop,Gus:ripple,Ivan:half-hearted", "--format", "json"]));
    expect(json.found).toEqual({ trial, stories: [{ kind: "rescued", applicant: "Ava" }, { kind: "drop", applicant: "Ben" }, { kind: "ripple", applicant: "Gus" }, { kind: "half-hearted", applicant: "Ivan" }] });
    // Read from each season's events and match, no earlier trial has all four.
    interface Event { kind: string; applicant?: string; call?: { applicant: string }; to?: number | null; pushed?: boolean; said?: string }
    const hasAll = (season: { events: Event[]; match: { applicant: string; withCalls: string | null; withoutCalls: string | null }[] }) =>
      season.match.some((m) => m.applicant === "Ava" && m.withCalls !== null && m.withoutCalls === null) &&
      season.events.some((e) => e.kind === "rank-call" && e.call!.applicant === "Ben" && e.to === null) &&
      season.events.some((e) => e.kind === "ripple" && e.applicant === "Gus") &&
      season.events.some((e) => e.kind === "advocate-call" && e.call!.applicant === "Ivan" && e.pushed === true && e.said === "fine");
    expect(hasAll(json)).toBe(true);
    for (let t = 0; t < trial; t++) {
      expect(hasAll(JSON.parse(await trace([CLASSROOM, "--trial", String(t), "--format", "json"]))), `trial ${t}`).toBe(false);
    }
  });

  it("--find looks for stories of the --applicant, and says plainly when none of the trials has them", async () => {
    const ivan = await trace([CLASSROOM, "--find", "lost", "--applicant", "Ivan", "--no-color"]);
    expect(ivan).toMatch(/Found: trial \d+ is the first with Ivan unmatched by calls\./);
    const cases: [string[], RegExp][] = [
      [["test/fixtures/what-if/one-word.yaml", "--find", "ripple"], /--find ripple: none of the first 200 trials has a ripple \(--within looks further\)/],
      [[CLASSROOM, "--find", "drop,rescud"], /"rescud" is not a story \(did you mean "rescued"\?\)/],
      [[CLASSROOM, "--find", "Iven:lost"], /no applicant "Iven" \(did you mean "Ivan"\?\)/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(["trace", ...args]);
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(message);
    }
  });

  it("tells a market of more than 50 applicants in summary, within 100 columns", async () => {
    const input = specialtyMarket({ ...presetNamed("dermatology")!.shape, programs: 12, positions: 30, applicants: 80, applicationsPerApplicant: 8, schools: 5 }, 3);
    const file = join(mkdtempSync(join(tmpdir(), "ms-trace-")), "market.json");
    writeFileSync(file, JSON.stringify(input));
    const text = await trace([file, "--no-color"]);
    expect(text).toMatch(/\d+ rounds, \d+ proposals \(rounds are shown in full up to 50 applicants\)/);
    expect(text).toMatch(/\d+ interviews in all/);
    expect(text).toContain("10. How far the calls bent the match");
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });

  it("--without leaves calls out by the id the trace prints: the match is what that call's attribution said", async () => {
    const full = JSON.parse(await trace(["scenarios/classroom.yaml", "--trial", "5", "--format", "json"])) as {
      match: { applicant: string; withCalls: string | null }[];
      attribution: { call: { id: string }; changed: { applicant: string; withCall: string | null; withoutCall: string | null }[] }[];
      events: { kind: string; call?: { id: string; phase: string; caller?: string } }[];
    };
    expect(full.attribution.length).toBeGreaterThan(1);
    for (const { call, changed } of full.attribution) {
      const less = JSON.parse(await trace(["scenarios/classroom.yaml", "--trial", "5", "--without", call.id, "--format", "json"])) as typeof full & { without: string[] };
      expect(less.without).toEqual([call.id]);
      expect(less.events.some((e) => e.call?.id === call.id && e.kind !== "ripple")).toBe(false);
      for (const m of less.match) {
        const moved = changed.find((c) => c.applicant === m.applicant);
        const before = full.match.find((x) => x.applicant === m.applicant)!.withCalls;
        expect(m.withCalls, `${call.id}: ${m.applicant}`).toBe(moved ? moved.withoutCall : before);
      }
    }
    // An advocate's call carries the advocate in its id, and leaves out with it.
    const advocate = full.events.find((e) => e.kind === "advocate-call")!.call!;
    expect(advocate.id.split(":")).toHaveLength(4);
    const text = await trace(["scenarios/classroom.yaml", "--trial", "5", "--without", advocate.id]);
    expect(text).toContain(`Left out of this season: ${advocate.id}.`);
    expect(text).toContain(`--without ${full.attribution[0]!.call.id}`);
  });

  it("--without names a call that is not one with exit 2, and says what an id looks like", async () => {
    for (const bad of ["rankList:Nowhere:Ben", "rankList:Northside", "calls:Northside:Ben"]) {
      const r = await runCli(["trace", "scenarios/classroom.yaml", "--without", bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(/--without .*(phase:program:applicant|no such program and applicant)/);
      expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    }
  });
});


describe("match-sim present", () => {
  it("writes one page with the engine and the scenario inside, and refuses a market too large for a class", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ms-present-"));
    const out = join(dir, "class.html");
    const ok = await runCli(["present", CLASSROOM, "--out", out, "--quiet"]);
    expect(ok.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("MatchSimEngine");
    // Nothing loaded from elsewhere (the browser tests watch the requests themselves).
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src=/);
    const input = JSON.parse(/<script type="application\/json" id="present-input">(.*?)<\/script>/s.exec(html)![1]!) as { text: string; seed: number };
    expect(input.text).toBe(readFileSync(CLASSROOM, "utf8"));
    expect(input.seed).toBe(2026);
    const big = await runCli(["present", "scenarios/dermatology.yaml", "--out", join(dir, "derm.html")]);
    expect(big.code).toBe(2);
    expect(big.stderr).toContain("900 applicants");
  });
});
