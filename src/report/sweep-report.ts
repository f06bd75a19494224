import type { ChalkInstance } from "chalk";
import type { SweepResults } from "../results/sweep-results.js";
import { renderCsv } from "./csv.js";
import { newTable } from "./table.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pts = (d: number) => `${d > 0 ? "+" : d < 0 ? "−" : "±"}${Math.abs(d * 100).toFixed(1)}`;

function header(r: SweepResults): string[] {
  const focus = r.points[0]?.focus;
  return [
    ...r.axes.map((a) => a.path),
    "match with calls",
    "without",
    "Δ points",
    "calls/season",
    "invites shaped",
    "outcome changed",
    ...(focus ? [`P(match) ${focus.applicant}`, `95% CI`, "without", "Δ points"] : []),
  ];
}

export function sweepTable(r: SweepResults, c: ChalkInstance): string {
  const t = newTable(header(r), c);
  for (const p of r.points) {
    t.push([
      ...r.axes.map((a) => String(p.parameters[a.path])),
      pct(p.matchRate.withCalls),
      pct(p.matchRate.withoutCalls),
      pts(p.matchRate.difference),
      p.callsPerSeason.toFixed(2),
      pct(p.invitesShaped),
      pct(p.outcomeChanged),
      ...(p.focus ? [pct(p.focus.pMatch), `[${pct(p.focus.pMatchCi[0])}, ${pct(p.focus.pMatchCi[1])}]`, pct(p.focus.pMatchWithoutCalls), pts(p.focus.delta)] : []),
    ]);
  }
  const side = r.proposer === "applicant" ? "applicant-proposing" : "program-proposing";
  return `${c.bold(`${r.scenario}: sweep of ${r.points.length} points, ${r.runs} seasons each, seed ${r.seed}, ${side}`)}\n${t.toString()}\n`;
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
