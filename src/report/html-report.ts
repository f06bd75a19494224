import type { SweepResults } from "../results/sweep-results.js";
import type { RunResults } from "../results/run-results.js";
import { histogramSubject, mostMoved, pct as shareText, pointsBetween } from "./run-report.js";
import { estimateText, points } from "./figures.js";
import type { Difference } from "../results/estimates.js";

/** A difference with its interval as plain text: `+0.65 [+0.63, +0.67]`. */
function intervalText(d: Difference, format: (x: number) => string, estimate?: string): string {
  const shown = estimate ?? format(d.estimate);
  return d.interval === null ? `${shown} (no season differed)` : `${shown} [${format(d.interval[0])}, ${format(d.interval[1])}]`;
}
import { barChart, dotPlot, lineChart } from "./svg-charts.js";

// One self-contained HTML page: inline style, inline SVG, no script and no request to
// anywhere, so it opens offline, projects at 1280×720 and prints on A4.

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const pct = shareText;
const num = (x: number) => x.toFixed(2);
const ROWS = 40;

const STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #555d66; --with: #0b5394; --without: #b45309; --grid: #d0d4d9; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fff; }
main { margin: 0 auto; padding: 24px 32px 48px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; } h2 { font-size: 1.25rem; margin: 32px 0 8px; border-bottom: 1px solid var(--grid); padding-bottom: 4px; }
.meta { color: var(--muted); margin: 0 0 16px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 0; padding: 0; list-style: none; }
.cards li { border: 1px solid var(--grid); border-radius: 6px; padding: 10px 12px; }
.cards strong { display: block; font-size: 1.35rem; }
figure { margin: 12px 0 20px; } .chart-title { font-weight: 600; margin: 0 0 4px; } figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 4px; }
svg.chart { width: 100%; max-width: 1600px; display: block; }
.lead { max-width: 70em; white-space: pre-wrap; } .empty { color: var(--muted); font-style: italic; }
svg .axis { stroke: var(--ink); stroke-width: 1; } svg .grid { stroke: var(--grid); stroke-width: 1; }
svg .tick, svg .value { font-size: 15px; fill: var(--ink); } svg .label { font-size: 15px; fill: var(--ink); }
svg .axis-label { font-size: 15px; fill: var(--muted); }
svg .interval { stroke: var(--with); stroke-width: 2; opacity: 0.55; }
svg circle.with { fill: var(--with); } svg rect.without { fill: #fff; stroke: var(--without); stroke-width: 2.5; }
svg .bar.s0 { fill: var(--with); } svg .bar.s1 { fill: #fff; stroke: var(--without); stroke-width: 2; }
svg .line path { fill: none; stroke-width: 2.5; } svg .stroke.s0 { stroke: var(--with); } svg .stroke.s1 { stroke: var(--without); stroke-dasharray: 7 4; }
svg .stroke.s2 { stroke: #2f6f3e; stroke-dasharray: 2 3; } svg .stroke.s3 { stroke: #6b21a8; stroke-dasharray: 10 3 2 3; }
svg .line.s0 circle, svg .line.s0 rect, svg .line.s0 polygon { fill: var(--with); }
svg .line.s1 circle, svg .line.s1 rect, svg .line.s1 polygon { fill: #fff; stroke: var(--without); stroke-width: 2; }
svg .line.s2 polygon, svg .line.s2 rect, svg .line.s2 circle { fill: #2f6f3e; } svg .line.s3 polygon, svg .line.s3 rect, svg .line.s3 circle { fill: #6b21a8; }
details { margin: 4px 0 16px; } summary { cursor: pointer; color: var(--muted); }
table { border-collapse: collapse; font-size: 0.9rem; margin-top: 6px; } th, td { border: 1px solid var(--grid); padding: 3px 8px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
@media print { @page { size: A4; margin: 14mm; } body { font-size: 11pt; } main { padding: 0; max-width: none; }
  h2 { break-after: avoid; } figure { break-inside: avoid; } details { display: none; } }
`;

function page(title: string, meta: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
<p class="meta">${meta}</p>
${body}
</main>
</body>
</html>
`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join("")}</tr>`)
    .join("")}</tbody></table>`;
}

/** A chart with its visible title, a caption, and its numbers as a table (the text alternative in full). */
function figure(chart: string, caption: string, data: string): string {
  const title = /<title id="[^"]*">([^<]*)<\/title>/.exec(chart)?.[1] ?? "";
  return (
    `<figure><p class="chart-title">${title}</p>${chart}<figcaption>${esc(caption)}</figcaption></figure>` +
    `<details><summary>The numbers behind the chart</summary>${data}</details>`
  );
}

/** What a report adds to the results when the scenario is at hand: its description, and who called whom. */
export interface ReportExtras {
  readonly description?: string | undefined;
  /** Calls per season by caller and the person asked, over the first `seasons` seasons. */
  readonly whoCalledWhom?: { readonly seasons: number; readonly rows: readonly { caller: string; asked: string; phase: string; perSeason: number }[] } | undefined;
}

/** Who called whom, per season: a table, or a sentence saying why there is none. */
function whoCalledWhom(w: ReportExtras["whoCalledWhom"]): string {
  if (w === undefined) return "";
  if (w.rows.length === 0) return `<h3>Who called whom</h3><p class="empty">No call in the first ${w.seasons} seasons.</p>`;
  return (
    `<h3>Who called whom</h3><p>Calls per season over the first ${w.seasons} seasons, by the person who called and the person asked (an advocate calls a director).</p>` +
    table(["caller", "asked", "when", "calls per season"], w.rows.map((x) => [x.caller, x.asked, x.phase, x.perSeason.toFixed(2)]))
  );
}

/** The report of a `run`: summary, P(match) for every applicant, matched rank, calls, fill rates. */
export function runReportHtml(r: RunResults, focus?: string, extras: ReportExtras = {}): string {
  const s = r.summary;
  const side = r.proposer === "applicant" ? "applicant-proposing" : "program-proposing";
  const cards = [
    ["Match rate with calls", pct(s.matchRate.withCalls)],
    ["Match rate without calls", pct(s.matchRate.withoutCalls)],
    ["Change in match rate (points, 95% CI)", intervalText(s.matchRate.difference, (x) => points(x, 2))],
    ["Calls per season", num(s.calls.preInterview + s.calls.rankList + s.calls.late)],
    ["Invitations shaped by calls", pct(s.invitesShaped)],
    ["Applicant-seasons with a different match", estimateText(s.outcomeChanged, pct)],
    ["Drops per season (by a call / by ripple)", `${num(s.drops)} / ${num(s.rippleDrops)}`],
    ...(s.signals?.pInterviewSignal.withCalls && s.signals.pInterviewNoSignal.withCalls
      ? [
          ["P(interview) with a signal / without", `${pct(s.signals.pInterviewSignal.withCalls.estimate)} / ${pct(s.signals.pInterviewNoSignal.withCalls.estimate)}`],
          ["Matches at a signalled program", s.signals.matchesAtSignal.withCalls ? pct(s.signals.matchesAtSignal.withCalls.estimate) : "—"],
        ]
      : []),
  ];
  const moved = mostMoved(r.applicants).slice(0, ROWS);
  const dots = moved.map((a) => ({ label: a.name ?? a.id, with: a.pMatch, lo: a.pMatchCi[0], hi: a.pMatchCi[1], without: a.pMatchWithoutCalls }));
  const subject = histogramSubject(r, focus);
  const sections: string[] = [];
  if (extras.description) sections.push(`<p class="lead">${esc(extras.description)}</p>`);
  sections.push(`<h2>Summary</h2><ul class="cards">${cards.map(([k, v]) => `<li>${esc(k!)}<strong>${esc(v!)}</strong></li>`).join("")}</ul>`);
  sections.push(
    `<h2>Each applicant's chance of matching</h2>` +
      figure(
        dotPlot("chart-pmatch", "Probability of matching, with and without calls", dots),
        `Circles: with calls, with the 95% interval as a line; squares: the same seasons without calls.${r.applicants.length > ROWS ? ` The ${ROWS} applicants calls moved most of ${r.applicants.length}.` : ""}`,
        table(
          ["applicant", "with calls", "95% interval", "without calls", "change (points, 95% CI)", "stands after correction"],
          moved.map((a) => [
            a.name ?? a.id,
            pct(a.pMatch),
            `${pct(a.pMatchCi[0])}–${pct(a.pMatchCi[1])}`,
            pct(a.pMatchWithoutCalls),
            intervalText({ estimate: a.delta, interval: a.deltaCi }, (x) => points(x), pointsBetween(a.pMatch, a.pMatchWithoutCalls)),
            a.stands ? "yes" : "no",
          ]),
        ),
      ),
  );
  if (subject) {
    const total = subject.rankHistogram.reduce((x, y) => x + y, 0) || 1;
    const without = subject.rankHistogramWithoutCalls;
    const bars = subject.rankHistogram.map((c, i) => ({ label: i === subject.rankHistogram.length - 1 ? "unmatched" : `rank ${i + 1}`, values: [c / total, (without[i] ?? 0) / total] }));
    const who = subject.name ?? subject.id;
    sections.push(
      `<h2>Where ${esc(who)} matched</h2>` +
        figure(
          barChart("chart-rank", `Matched rank of ${who}, with and without calls`, "share of seasons (%)", ["with calls", "without calls"], bars, pct, 1),
          `Share of the ${r.runs} seasons in which ${who} matched at each rank of their own list, with calls (filled) and in the same seasons without (outlined)${focus === undefined ? `: the applicant the calls moved most (P(match) ${pct(subject.pMatchWithoutCalls)} → ${pct(subject.pMatch)})` : ""}.`,
          table(["outcome", "seasons with calls", "share", "seasons without calls", "share"], bars.map((b, i) => [b.label, String(subject.rankHistogram[i]), pct(b.values[0]!), String(without[i] ?? 0), pct(b.values[1]!)])),
        ),
    );
  } else if (focus === undefined) {
    sections.push(`<h2>Where one applicant matched</h2><p class="empty">No applicant's chance of matching moved measurably with the calls (none stands after the correction for many comparisons), so there is no one to follow here; --focus ID shows anyone.</p>`);
  }
  const phases = [
    { label: "before invitations", values: [s.calls.preInterview] },
    { label: "on rank lists", values: [s.calls.rankList] },
    { label: "late", values: [s.calls.late] },
  ];
  const verdicts = [
    { label: "strong", values: [s.verdicts.strong] },
    { label: "positive", values: [s.verdicts.positive] },
    { label: "fine", values: [s.verdicts.fine] },
    { label: "cautious", values: [s.verdicts.cautious] },
    { label: "would not rank", values: [s.verdicts.wouldNotRank] },
  ];
  const anyCalls = phases.some((p) => p.values[0]! > 0);
  const anyVerdicts = verdicts.some((v) => v.values[0]! > 0);
  sections.push(
    `<h2>Calls</h2>` +
      (anyCalls
        ? figure(barChart("chart-phases", "Calls per season, by phase", "calls per season", ["calls"], phases, num), "Mean number of calls per season in each phase.", table(["phase", "calls per season"], phases.map((p) => [p.label, num(p.values[0]!)])))
        : `<p class="empty">No call was made in any of the ${r.runs} seasons (nobody a director could reach, or calls switched off), so there are no calls to chart.</p>`) +
      (anyVerdicts
        ? figure(barChart("chart-verdicts", "What was said, per season", "calls per season", ["verdicts"], verdicts, num), "Mean number of calls per season ending in each verdict.", table(["verdict", "per season"], verdicts.map((v) => [v.label, num(v.values[0]!)])))
        : "") +
      whoCalledWhom(extras.whoCalledWhom),
  );
  const programs = r.programs.filter((p) => p.fillRate !== null).slice(0, ROWS);
  const fill = programs.map((p) => ({ label: p.name ?? p.id, values: [p.fillRate ?? 0, p.fillRateWithoutCalls ?? 0] }));
  const sameFill = programs.every((p) => p.fillRate === p.fillRateWithoutCalls);
  const fillTable = table(["program", "positions", "filled with calls", "without"], programs.map((p) => [p.name ?? p.id, String(p.positions), pct(p.fillRate), pct(p.fillRateWithoutCalls)]));
  if (sameFill) {
    const rates = [...new Set(programs.map((p) => pct(p.fillRate)))];
    sections.push(
      `<h2>Programs</h2><p class="empty">Every program filled the same share of its positions with calls as without (${rates.length === 1 ? `all ${rates[0]}` : "see the table"}): the calls changed who filled them, not how many, so there is no difference to chart.</p>` +
        `<details><summary>Each program's fill</summary>${fillTable}</details>`,
    );
  } else sections.push(
    `<h2>Programs</h2>` +
      figure(
        barChart("chart-fill", "Share of positions filled, with and without calls", "positions filled (%)", ["with calls", "without calls"], fill, pct, 1),
        `Filled bars: with calls; outlined bars: without.${r.programs.length > ROWS ? ` The first ${ROWS} of ${r.programs.length} programs.` : ""}`,
        fillTable,
      ),
  );
  return page(
    `${r.scenario}: what the calls did`,
    `${r.runs} seasons, seed ${r.seed}, ${side} match${r.settings ? `, with ${r.settings.join("; ")}` : ""}. Every season is run twice on the same random draws, with calls and without, so the difference is the calls' alone.`,
    sections.join("\n"),
  );
}

/** The report of a `sweep`: each measure against the swept parameter. */
export function sweepReportHtml(r: SweepResults): string {
  const axis = r.axes[0]!;
  const others = r.axes.slice(1);
  const groupKey = (p: SweepResults["points"][number]) => others.map((a) => `${a.path}=${p.parameters[a.path]}`).join(", ");
  const groups = [...new Set(r.points.map(groupKey))];
  const xOf = (p: SweepResults["points"][number]) => Number(p.parameters[axis.path]);
  const measure = (id: string, title: string, yLabel: string, series: [string, (p: SweepResults["points"][number]) => number][], format: (v: number) => string) => {
    const lines = groups.flatMap((g) =>
      series.map(([name, f]) => ({ label: groups.length > 1 ? `${name} (${g})` : name, points: r.points.filter((p) => groupKey(p) === g).map((p) => [xOf(p), f(p)] as const) })),
    );
    const data = table([axis.path, ...lines.map((l) => l.label)], lines[0]!.points.map((pt, i) => [String(pt[0]), ...lines.map((l) => format(l.points[i]?.[1] ?? NaN))]));
    return figure(lineChart(id, title, axis.path, yLabel, lines, format), `${title} against ${axis.path}.`, data);
  };
  const body = [
    `<h2>Match rate</h2>` + measure("chart-sweep-match", "Match rate with and without calls", "applicants matched (%)", [["with calls", (p) => p.matchRate.withCalls], ["without calls", (p) => p.matchRate.withoutCalls]], pct),
    `<h2>The calls' effect</h2>` + measure("chart-sweep-outcome", "Applicant-seasons whose match the calls changed", "share of applicant-seasons (%)", [["outcome changed", (p) => p.outcomeChanged.estimate]], pct),
    `<h2>Calls</h2>` + measure("chart-sweep-calls", "Calls per season", "calls per season", [["calls", (p) => p.callsPerSeason]], num),
    ...(r.points[0]?.focus
      ? [`<h2>${esc(r.points[0].focus.applicant)}</h2>` + measure("chart-sweep-focus", `Probability that ${r.points[0].focus.applicant} matches`, "probability (%)", [["with calls", (p) => p.focus!.pMatch], ["without calls", (p) => p.focus!.pMatchWithoutCalls]], pct)]
      : []),
  ];
  return page(
    `${r.scenario}: sweep of ${r.axes.map((a) => a.path).join(" × ")}`,
    `${r.points.length} points, ${r.runs} seasons each on the same random draws, seed ${r.seed}.`,
    body.join("\n"),
  );
}
