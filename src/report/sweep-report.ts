import type { SweepResults } from "../results/sweep-results.js";
import { renderCsv } from "./csv.js";
import type { Block } from "./document.js";
import { pct, pointsBetween } from "./run-report.js";

/** A long parameter path breaks at its dots, so an axis heading does not widen the table. */
const axisHeading = (path: string) => (path.length <= 10 ? path : path.split(".").join(".\n"));

/** The sweep as a document: one row per point of the grid. */
export function sweepDocument(r: SweepResults): Block[] {
  const focus = r.points[0]?.focus;
  const nAxes = r.axes.length;
  const side = r.proposer === "applicant" ? "applicant-proposing" : "program-proposing";
  const col = (k: number) => nAxes + k;
  return [
    { kind: "heading", level: 2, text: `${r.scenario}: sweep of ${r.points.length} points, ${r.runs} seasons each, seed ${r.seed}, ${side}` },
    {
      kind: "table",
      boxed: true,
      head: [
        ...r.axes.map((a) => axisHeading(a.path)),
        "match with\ncalls",
        "without",
        "Δ\npoints",
        "calls per\nseason",
        "invites\nshaped",
        "outcome\nchanged",
        ...(focus ? [`P(match)\n${focus.name ?? focus.applicant}`, "95% CI", "without", "Δ\npoints"] : []),
      ],
      numeric: Array.from({ length: 6 + (focus ? 4 : 0) }, (_, k) => col(k)),
      // The focus applicant is why it was asked for; the market's side figures go first.
      dropOrder: [col(5), col(4), col(3), ...(focus ? [col(7), col(1), col(2)] : [col(1)])],
      longHead: [...r.axes.map((a) => a.path), "match rate with calls", "match rate without calls", "", "", "", "", "", "", `P(match) of ${focus?.name ?? focus?.applicant ?? ""} without calls`, ""],
      rows: r.points.map((p) => [
        ...r.axes.map((a) => String(p.parameters[a.path])),
        pct(p.matchRate.withCalls),
        pct(p.matchRate.withoutCalls),
        pointsBetween(p.matchRate.withCalls, p.matchRate.withoutCalls),
        p.callsPerSeason.toFixed(2),
        pct(p.invitesShaped),
        pct(p.outcomeChanged),
        ...(p.focus
          ? [pct(p.focus.pMatch), `[${pct(p.focus.pMatchCi[0])}, ${pct(p.focus.pMatchCi[1])}]`, pct(p.focus.pMatchWithoutCalls), pointsBetween(p.focus.pMatch, p.focus.pMatchWithoutCalls)]
          : []),
      ]),
    },
  ];
}

export function sweepCsv(r: SweepResults): string {
  const focus = r.points[0]?.focus !== undefined;
  return renderCsv(
    [
      ...r.axes.map((a) => a.path),
      "matchRateWithCalls",
      "matchRateWithoutCalls",
      "difference",
      "callsPerSeason",
      "invitesShaped",
      "outcomeChanged",
      ...(focus ? ["focus", "pMatch", "pMatchLow", "pMatchHigh", "pMatchWithoutCalls", "delta"] : []),
    ],
    r.points.map((p) => [
      ...r.axes.map((a) => p.parameters[a.path]!),
      p.matchRate.withCalls,
      p.matchRate.withoutCalls,
      p.matchRate.difference,
      p.callsPerSeason,
      p.invitesShaped,
      p.outcomeChanged,
      ...(p.focus ? [p.focus.applicant, p.focus.pMatch, p.focus.pMatchCi[0], p.focus.pMatchCi[1], p.focus.pMatchWithoutCalls, p.focus.delta] : []),
    ]),
  );
}
