import type { SweepPoint, SweepResults } from "../results/sweep-results.js";
import { renderCsv } from "./csv.js";
import type { Block } from "./document.js";
import { changeLine, estimateText, pct, points, pointsBetween } from "./figures.js";
import { PROVENANCE_COLUMNS, provenanceCells, runTable, type Cell, type RunTable, type SweepTable } from "./tidy-tables.js";

/** A long parameter path breaks at its dots, so an axis heading does not widen the table. */
const axisHeading = (path: string) => (path.length <= 10 ? path : path.split(".").join(".\n"));

/** The sweep as a document: one row per point of the grid, each against the baseline point. */
export function sweepDocument(r: SweepResults): Block[] {
  const focus = r.points[0]?.focus;
  const nAxes = r.axes.length;
  const side = r.proposer === "applicant" ? "applicant-proposing" : "program-proposing";
  const col = (k: number) => nAxes + k;
  const base = r.points[r.baseline]!;
  const baseName = r.axes.map((a) => `${a.path}=${base.parameters[a.path]}`).join(", ");
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: `${r.scenario}: sweep of ${r.points.length} points, ${r.runs} seasons each, seed ${r.seed}, ${side}` },
    {
      kind: "table",
      boxed: true,
      head: [
        ...r.axes.map((a) => axisHeading(a.path)),
        "match with\ncalls",
        "without",
        "change, points\n[95% CI]",
        "with calls vs\nbaseline, points",
        "outcome\nchanged",
        "calls per\nseason",
        "invites\nshaped",
        ...(focus ? [`P(match)\n${focus.name ?? focus.applicant}`, "without", "change, points\n[95% CI]", "vs baseline,\npoints"] : []),
      ],
      longHead: [
        ...r.axes.map((a) => a.path),
        "match rate with calls",
        "match rate without calls",
        "change in match rate",
        "match rate with calls against the baseline point",
        "outcome changed",
        "calls per season",
        "invites shaped",
        "",
        `P(match) of ${focus?.name ?? focus?.applicant ?? ""} without calls`,
        "",
        "",
      ],
      numeric: Array.from({ length: 7 + (focus ? 4 : 0) }, (_, k) => col(k)),
      // The focus applicant is why it was asked for; the market's side figures go first.
      dropOrder: [col(6), col(5), col(4), col(1), ...(focus ? [col(8), col(2), col(3), col(0)] : [col(3)])],
      // An interval may go under its estimate rather than widen the table.
      wrap: [col(2), col(3), ...(focus ? [col(9), col(10)] : [])],
      rows: r.points.map((p, i) => [
        ...r.axes.map((a) => String(p.parameters[a.path])),
        pct(p.matchRate.withCalls),
        pct(p.matchRate.withoutCalls),
        changeLine(p.matchRate.difference, (v) => points(v, 2)),
        i === r.baseline ? "baseline" : changeLine(p.vsBaseline!.matchRateWithCalls, (v) => points(v, 2)),
        estimateText(p.outcomeChanged, pct),
        p.callsPerSeason.toFixed(2),
        pct(p.invitesShaped),
        ...(p.focus
          ? [
              pct(p.focus.pMatch),
              pct(p.focus.pMatchWithoutCalls),
              changeLine({ estimate: p.focus.delta, interval: p.focus.deltaCi }, (v) => points(v), pointsBetween(p.focus.pMatch, p.focus.pMatchWithoutCalls)),
              i === r.baseline ? "baseline" : changeLine(p.focus.vsBaseline, (v) => points(v)),
            ]
          : []),
      ]),
    },
    {
      kind: "note",
      text:
        `Every point runs the same seasons; "vs baseline" is the point less the baseline (${baseName}), paired season by season, with its 95% interval.` +
        (r.sharedWorldWithoutCalls ? " No axis can change the season without calls, so it was run once per season for every point." : ""),
    },
  ];
  return blocks;
}

const low = (i: [number, number] | null | undefined): number | null => i?.[0] ?? null;
const high = (i: [number, number] | null | undefined): number | null => i?.[1] ?? null;

/** The columns of the points table: the same whatever the axes' values or the focus. */
const POINT_COLUMNS = [
  "isBaseline",
  "matchRateWithCalls", "matchRateWithoutCalls", "matchRateChange", "matchRateChangeLow", "matchRateChangeHigh",
  "vsBaselineWithCalls", "vsBaselineWithCallsLow", "vsBaselineWithCallsHigh",
  "vsBaselineWithoutCalls", "vsBaselineWithoutCallsLow", "vsBaselineWithoutCallsHigh",
  "outcomeChanged", "outcomeChangedLow", "outcomeChangedHigh", "callsPerSeason", "invitesShaped",
  "focus", "focusPMatch", "focusPMatchLow", "focusPMatchHigh", "focusPMatchWithoutCalls", "focusChange", "focusChangeLow", "focusChangeHigh",
  "focusVsBaseline", "focusVsBaselineLow", "focusVsBaselineHigh",
];

function pointCells(p: SweepPoint, isBaseline: boolean): Cell[] {
  const vs = p.vsBaseline;
  const f = p.focus;
  return [
    isBaseline,
    p.matchRate.withCalls, p.matchRate.withoutCalls, p.matchRate.difference.estimate, low(p.matchRate.difference.interval), high(p.matchRate.difference.interval),
    vs?.matchRateWithCalls.estimate ?? null, low(vs?.matchRateWithCalls.interval), high(vs?.matchRateWithCalls.interval),
    vs?.matchRateWithoutCalls.estimate ?? null, low(vs?.matchRateWithoutCalls.interval), high(vs?.matchRateWithoutCalls.interval),
    p.outcomeChanged.estimate, low(p.outcomeChanged.interval), high(p.outcomeChanged.interval), p.callsPerSeason, p.invitesShaped,
    f?.applicant ?? null, f?.pMatch ?? null, f?.pMatchCi[0] ?? null, f?.pMatchCi[1] ?? null, f?.pMatchWithoutCalls ?? null, f?.delta ?? null, low(f?.deltaCi), high(f?.deltaCi),
    f?.vsBaseline?.estimate ?? null, low(f?.vsBaseline?.interval), high(f?.vsBaseline?.interval),
  ];
}

/**
 * A sweep as CSV: one row per point (`points`, the default), or with the points' full
 * results (--full) one of a run's tables with each point's axis values in front.
 */
export function sweepCsv(r: SweepResults, table: SweepTable = "points"): string {
  const axes = r.axes.map((a) => a.path);
  const lead = (p: SweepPoint): Cell[] => [...provenanceCells(r.provenance), ...axes.map((a) => p.parameters[a]!)];
  if (table === "points") {
    return renderCsv([...PROVENANCE_COLUMNS, ...axes, ...POINT_COLUMNS], r.points.map((p, i) => [...lead(p), ...pointCells(p, i === r.baseline)]));
  }
  const first = r.points[0]?.results;
  if (!first) throw new Error("sweep: a points' table needs the full results of every point (--full)");
  const head = runTable(first, table as RunTable).head;
  return renderCsv([...PROVENANCE_COLUMNS, ...axes, ...head], r.points.flatMap((p) => runTable(p.results!, table as RunTable).rows.map((row) => [...lead(p), ...row])));
}
