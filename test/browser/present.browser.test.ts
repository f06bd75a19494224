import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ROOT } from "../helpers/cli.js";
import { ARTIFACTS, cli, haveBrowser, launchChromium } from "../helpers/browser.js";

// The classroom presenter opened in Debian's Chromium (playwright-core, no download). It
// must show what the command line shows: the same trace with a call switched off, the same
// P(match) for a slider's setting.

type TraceJson = { events: { kind: string; call?: { id: string } }[]; match: unknown[]; rankLists: unknown[]; without: string[] };

describe.skipIf(!haveBrowser)("the classroom presenter in Chromium", () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), "ms-present-"));
  const classroom = join(dir, "class.html");
  const nrmp = join(dir, "nrmp.html");

  beforeAll(async () => {
    browser = await launchChromium();
    await cli(["present", "scenarios/classroom.yaml", "--out", classroom]);
    await cli(["present", "scenarios/nrmp-example.yaml", "--out", nrmp]);
  }, 60_000);
  afterAll(async () => browser?.close());

  async function open(file: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => (globalThis as unknown as { presenter?: unknown }).presenter !== undefined);
    return { page, requests, errors };
  }
  const traceOf = (page: Page) => page.evaluate(() => (globalThis as unknown as { presenter: { trace: () => unknown } }).presenter.trace()) as Promise<TraceJson>;

  it("makes no network request and steps through every phase of the season with the keyboard", async () => {
    const { page, requests, errors } = await open(classroom);
    await page.evaluate(() => (globalThis as unknown as { presenter: { showTrial: (t: number) => void } }).presenter.showTrial(5));
    const trace = await traceOf(page);
    const seen: string[] = [];
    for (let i = 0; i < 200; i++) {
      seen.push((await page.getAttribute("#step", "data-phase"))!);
      if (await page.isDisabled("#next")) break;
      await page.keyboard.press("ArrowRight");
    }
    for (const phase of ["invitations", "interviews", "lists", "lists-after", "round", "match", ...trace.events.map((e) => e.kind)]) expect(seen, phase).toContain(phase);
    await page.keyboard.press("ArrowLeft");
    expect(await page.getAttribute("#step", "data-phase")).toBe(seen.at(-2));
    expect(requests.filter((u) => !/^(file|data|blob):/.test(u))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a call switched off gives the match trace --without gives", async () => {
    const { page } = await open(classroom);
    await page.evaluate(() => (globalThis as unknown as { presenter: { showTrial: (t: number) => void } }).presenter.showTrial(5));
    const before = await traceOf(page);
    const ids = before.events.filter((e) => e.call !== undefined && e.kind !== "ripple" && e.kind !== "insincerity-caught").map((e) => e.call!.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      await page.evaluate(() => (globalThis as unknown as { presenter: { showTrial: (t: number) => void } }).presenter.showTrial(5));
      await page.check(`#calls input[data-call="${id}"]`);
      await page.uncheck(`#calls input[data-call="${id}"]`);
      const shown = await traceOf(page);
      const fromCli = JSON.parse(await cli(["trace", "scenarios/classroom.yaml", "--trial", "5", "--without", id, "--format", "json"])) as TraceJson;
      expect(shown.without).toEqual([id]);
      expect(shown.match).toEqual(fromCli.match);
      expect(shown.rankLists).toEqual(fromCli.rankLists);
      expect(shown.events).toEqual(fromCli.events);
    }
    await page.close();
  });

  it("jumps to the next trial where a call changes a match, and none before it does", async () => {
    const { page } = await open(classroom);
    await page.click("#next-changed");
    const trial = Number(await page.inputValue("#trial"));
    expect(trial).toBeGreaterThan(0);
    const changed = (t: TraceJson) => (t.match as { withCalls: string | null; withoutCalls: string | null }[]).some((x) => x.withCalls !== x.withoutCalls);
    expect(changed(await traceOf(page))).toBe(true);
    for (let t = 1; t < trial; t++) {
      expect(changed(JSON.parse(await cli(["trace", "scenarios/classroom.yaml", "--trial", String(t), "--format", "json"])) as TraceJson), `trial ${t}`).toBe(false);
    }
    await page.close();
  });

  it("a slider's run gives the P(match) run gives with that --set, seed and runs", async () => {
    const { page } = await open(classroom);
    await page.fill("#runs", "120");
    await page.$eval("#slider-effects-strong", (el) => {
      (el as unknown as { value: string }).value = "8";
      el.dispatchEvent(new Event("input"));
    });
    await page.click("#run");
    await page.waitForFunction(() => (globalThis as unknown as { presenter: { lastRun: unknown } }).presenter.lastRun !== null, null, { timeout: 30_000 });
    const shown = (await page.evaluate(() => (globalThis as unknown as { presenter: { lastRun: unknown } }).presenter.lastRun)) as {
      settings: string[];
      applicants: { id: string; pMatch: number; pMatchWithoutCalls: number }[];
    };
    expect(shown.settings).toEqual(["effects.strong=8"]);
    const run = JSON.parse(await cli(["run", "scenarios/classroom.yaml", "--set", "effects.strong=8", "--runs", "120", "--format", "json"])) as {
      applicants: { id: string; pMatch: number; pMatchWithoutCalls: number }[];
    };
    expect(shown.applicants).toEqual(run.applicants.map((a) => ({ id: a.id, label: a.id, pMatch: a.pMatch, pMatchWithoutCalls: a.pMatchWithoutCalls })));
    expect(await page.$$eval("#pmatch tr[data-applicant]", (rows) => rows.length)).toBe(run.applicants.length);
    expect(await page.getAttribute("#progress", "value")).toBe("1");
    await page.close();
  });

  it("passes axe-core, and the screenshots of the classroom and the NRMP example are kept in docs/", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const [file, name] of [
      [classroom, "present-classroom.png"],
      [nrmp, "present-nrmp.png"],
    ] as const) {
      const { page, errors } = await open(file);
      if (file === classroom) await page.evaluate(() => (globalThis as unknown as { presenter: { showTrial: (t: number) => void } }).presenter.showTrial(5));
      for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
      const axe = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const result = await (globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }).axe.run();
        return result.violations.map((v) => v.id);
      });
      expect(violations, name).toEqual([]);
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, name) });
      // The docs keep a screenshot of each; the test checks they exist, the artifacts are fresh.
      expect(existsSync(join(ROOT, "docs", name)), name).toBe(true);
      await page.close();
    }
  });
});
