import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ARTIFACTS, cli, haveBrowser, launchChromium } from "../helpers/browser.js";

// The HTML report opened in a real browser: Debian's Chromium driven by playwright-core
// (no browser download). .ci/run installs Chromium; without it these tests are skipped,
// saying so.
type DOMRectLike = { left: number; right: number; top: number; bottom: number };

describe.skipIf(!haveBrowser)("the HTML report in Chromium", () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), "ms-report-"));
  const runArgs = ["scenarios/classroom.yaml", "--runs", "400", "--seed", "3"];
  let run: {
    summary: { calls: Record<string, number> };
    applicants: { id: string; pMatch: number; pMatchWithoutCalls: number; rankHistogram: number[]; rankHistogramWithoutCalls: number[] }[];
    programs: { id: string; fillRate: number; fillRateWithoutCalls: number }[];
  };

  beforeAll(async () => {
    browser = await launchChromium();
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
    for (const id of ["chart-pmatch", "chart-rank", "chart-phases", "chart-verdicts"]) {
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
    // The classroom's programs fill alike with and without calls: no chart, a sentence why.
    expect(run.programs.every((p) => p.fillRate === p.fillRateWithoutCalls)).toBe(true);
    expect(await page.locator("#chart-fill").count()).toBe(0);
    expect(await page.textContent("main")).toContain("Every program filled the same share of its positions with calls as without");
    // The focus histogram draws both worlds, with the numbers of the JSON output.
    const rankWith = await page.$$eval("#chart-rank rect.bar.s0[data-value]", (bars) => bars.map((b) => Number(b.getAttribute("data-value"))));
    const rankWithout = await page.$$eval("#chart-rank rect.bar.s1[data-value]", (bars) => bars.map((b) => Number(b.getAttribute("data-value"))));
    const title = (await page.textContent("#chart-rank title"))!;
    const subject = run.applicants.find((a) => title.includes(`of ${a.id},`))!;
    const total = subject.rankHistogram.reduce((x, y) => x + y, 0);
    expect(rankWith).toEqual(subject.rankHistogram.map((c) => c / total));
    expect(rankWithout).toEqual(subject.rankHistogramWithoutCalls.map((c) => c / total));
    expect(rankWith).not.toEqual(rankWithout);
    // Who called whom, per season, from traced seasons.
    expect(await page.locator("h3", { hasText: "Who called whom" }).count()).toBe(1);
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

  it("keeps legends apart and inside their chart, and axes on round ticks, even when series coincide", async () => {
    const sweepJson = join(dir, "sweep2.json");
    await cli(["sweep", "scenarios/classroom.yaml", "--set", "effects.strong=0,10,20", "--set", "rankList.callProbability.top=0.1,1", "--runs", "60", "--format", "json", "--out", sweepJson]);
    await cli(["report", "--from", sweepJson, "--out", join(dir, "sweep2.html")]);
    const { page } = await open(join(dir, "sweep2.html"));
    const boxes = await page.$$eval("svg.chart", (svgs) =>
      svgs.map((svg) => {
        const frame = svg.getBoundingClientRect();
        const entries = (Array.from(svg.querySelectorAll("g.legend text")) as unknown as { getBoundingClientRect: () => DOMRectLike }[]).map((t) => {
          const b = t.getBoundingClientRect();
          return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
        });
        return { id: svg.id, frame: { left: frame.left, right: frame.right }, entries };
      }),
    );
    for (const chart of boxes) {
      for (const [i, a] of chart.entries.entries()) {
        expect(a.left, chart.id).toBeGreaterThanOrEqual(chart.frame.left - 0.5);
        expect(a.right, chart.id).toBeLessThanOrEqual(chart.frame.right + 0.5);
        for (const b of chart.entries.slice(i + 1)) {
          const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
          expect(overlap, `${chart.id}: legend entries ${i} overlap`).toBe(false);
        }
      }
    }
    // Coinciding series are drawn once and named together.
    const labels = await page.$$eval("#chart-sweep-match g.line", (ls) => ls.map((l) => l.getAttribute("data-label") ?? ""));
    expect(labels.some((l) => l.includes(" = "))).toBe(true);
    // Ticks are round: each a whole multiple of a step of 1, 2, 2.5 or 5 times a power of ten.
    const ticks = await page.$$eval("#chart-sweep-calls text.tick[text-anchor=end]", (ts) => ts.map((t) => Number((t as unknown as { textContent: string }).textContent)));
    const step = ticks[1]! - ticks[0]!;
    const mantissa = step / 10 ** Math.floor(Math.log10(step));
    expect([1, 2, 2.5, 5].some((m) => Math.abs(m - mantissa) < 1e-9)).toBe(true);
    for (const t of ticks) expect(Math.abs(t / step - Math.round(t / step))).toBeLessThan(1e-6);
    await page.close();
  });

  it("leaves out charts with nothing to show, saying why (the NRMP example has no calls)", async () => {
    await cli(["report", "scenarios/nrmp-example.yaml", "--runs", "50", "--out", join(dir, "nrmp.html")]);
    const { page } = await open(join(dir, "nrmp.html"));
    for (const id of ["chart-phases", "chart-verdicts", "chart-rank", "chart-fill"]) expect(await page.locator(`#${id}`).count(), id).toBe(0);
    const text = (await page.textContent("main"))!;
    expect(text).toContain("No call was made in any of the 50 seasons");
    expect(text).toContain("No applicant's chance of matching moved measurably");
    expect(text).toContain("The published NRMP illustration");
    await page.close();
  });
});

