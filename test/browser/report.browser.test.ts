import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { main } from "../../src/cli/main.js";
import { captureIo, ROOT } from "../helpers/cli.js";

// The HTML report opened in a real browser: Debian's Chromium driven by playwright-core
// (no browser download). .ci/run installs Chromium; without it these tests are skipped,
// saying so.
const CHROMIUM = process.env["CHROMIUM"] ?? "/usr/bin/chromium";
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
const ARTIFACTS = join(ROOT, "artifacts");

async function cli(args: string[]): Promise<string> {
  const io = captureIo();
  const code = await main([...args, "--quiet"], io);
  expect(io.err()).toBe("");
  expect(code).toBe(0);
  return io.out();
}

describe.skipIf(!haveBrowser)("the HTML report in Chromium", () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), "ms-report-"));
  const runArgs = ["scenarios/classroom.yaml", "--runs", "400", "--seed", "3"];
  let run: {
    summary: { calls: Record<string, number> };
    applicants: { id: string; pMatch: number; pMatchWithoutCalls: number; rankHistogram: number[] }[];
    programs: { id: string; fillRate: number }[];
  };

  beforeAll(async () => {
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    await cli(["report", ...runArgs, "--out", join(dir, "report.html")]);
    run = JSON.parse(await cli(["run", ...runArgs, "--format", "json"]));
  }, 60_000);
  afterAll(async () => browser?.close());

  async function open(file: string, viewport = { width: 1280, height: 720 }) {
    const page = await browser.newPage({ viewport });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`file://${file}`);
    return { page, requests };
  }

  it("makes no network request and draws every chart with the numbers of the JSON output", async () => {
    const { page, requests } = await open(join(dir, "report.html"));
    expect(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:"))).toEqual([]);
    for (const id of ["chart-pmatch", "chart-rank", "chart-phases", "chart-verdicts", "chart-fill"]) {
      const box = await page.locator(`#${id}`).boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.width * box!.height, id).toBeGreaterThan(10_000);
    }
    const drawn = await page.$$eval("#chart-pmatch g.row", (rows) =>
      rows.map((r) => ({ id: r.getAttribute("data-label"), with: Number(r.querySelector("circle.with")!.getAttribute("data-value")), without: Number(r.querySelector("rect.without")!.getAttribute("data-value")) })),
    );
    expect(drawn).toHaveLength(run.applicants.length);
    for (const d of drawn) {
      const a = run.applicants.find((x) => x.id === d.id)!;
      expect(d.with).toBe(a.pMatch);
      expect(d.without).toBe(a.pMatchWithoutCalls);
    }
    const phases = await page.$$eval("#chart-phases g.group rect.bar", (bars) => bars.map((b) => Number(b.getAttribute("data-value"))));
    expect(phases).toEqual([run.summary.calls["preInterview"], run.summary.calls["rankList"], run.summary.calls["late"]]);
    const fill = await page.$$eval("#chart-fill g.group rect.bar.s0", (bars) => bars.map((b) => Number(b.getAttribute("data-value"))));
    expect(fill).toEqual(run.programs.map((p) => p.fillRate));
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "report-classroom.png"), fullPage: true });
    await page.close();
  });

  it("passes the axe-core accessibility check, and every chart has a title and a text alternative", async () => {
    const { page } = await open(join(dir, "report.html"));
    const axe = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    await page.addScriptTag({ content: axe });
    const violations = await page.evaluate(async () => {
      const result = await (globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string }[] }> } }).axe.run();
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    const charts = await page.$$eval("svg.chart", (svgs) => svgs.map((s) => ({ title: s.querySelector("title")?.textContent ?? "", desc: s.querySelector("desc")?.textContent ?? "", labelled: s.getAttribute("aria-labelledby") ?? "" })));
    for (const c of charts) {
      expect(c.title.length).toBeGreaterThan(5);
      expect(c.desc.length).toBeGreaterThan(20);
      expect(c.labelled.split(" ")).toHaveLength(2);
    }
    await page.close();
  });

  it("fits a projector at 1280×720 and an A4 page without scrolling sideways", async () => {
    for (const viewport of [{ width: 1280, height: 720 }, { width: 794, height: 1123 }]) {
      const { page } = await open(join(dir, "report.html"), viewport);
      const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
      expect(width, `${viewport.width}`).toBeLessThanOrEqual(viewport.width);
      await page.close();
    }
  });

  it("draws a sweep's measures as lines against the swept parameter", async () => {
    const sweepJson = join(dir, "sweep.json");
    await cli(["sweep", "scenarios/classroom.yaml", "--set", "ripple.sameRegion=0:1:0.5", "--runs", "100", "--focus", "Gus", "--format", "json", "--out", sweepJson]);
    await cli(["report", "--from", sweepJson, "--out", join(dir, "sweep.html")]);
    const sweep = JSON.parse(readFileSync(sweepJson, "utf8"));
    const { page, requests } = await open(join(dir, "sweep.html"));
    expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
    const points = await page.$$eval('#chart-sweep-focus g.line[data-label="with calls"] g.point', (ps) => ps.map((p) => [Number(p.getAttribute("data-x")), Number(p.getAttribute("data-value"))]));
    expect(points).toEqual(sweep.points.map((p: { parameters: Record<string, number>; focus: { pMatch: number } }) => [p.parameters["ripple.sameRegion"], p.focus.pMatch]));
    await page.close();
  });
});
