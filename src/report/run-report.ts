import type { ChalkInstance } from "chalk";
import { renderCsv } from "./csv.js";
import { textHistogram } from "./histogram.js";
import type { ApplicantResult, RunResults } from "../results/run-results.js";
import { newTable } from "./table.js";

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null, digits = 2) => (x === null ? "—" : x.toFixed(digits));
const points = (d: number) => {
  const tenths = Math.round(d * 1000);
  return `${tenths > 0 ? "+" : tenths < 0 ? "−" : "±"}${(Math.abs(tenths) / 10).toFixed(1)}`;
};

/** Rows shown in the tables before they are cut (all rows are in CSV and JSON). */
export const TABLE_ROWS = 25;

function signed(c: ChalkInstance, d: number): string {
  const text = points(d);
  return text.startsWith("+") ? c.green(text) : text.startsWith("−") ? c.red(text) : text;
}

/** The applicant the histogram is drawn for: the focus, else the one calls moved most. */
export function histogramSubject(r: RunResults, focus: string | undefined): ApplicantResult | undefined {
  if (focus !== undefined) return r.applicants.find((a) => a.id === focus);
  return mostMoved(r.applicants)[0];
}

/** Applicants, most moved by calls first: by the change in P(match), then in P(first choice). */
export function mostMoved(applicants: readonly ApplicantResult[]): ApplicantResult[] {
  const key = (a: ApplicantResult) => [Math.abs(a.delta), Math.abs(a.pFirstChoice - a.pFirstChoiceWithoutCalls)] as const;
  return [...applicants].sort((x, y) => key(y)[0] - key(x)[0] || key(y)[1] - key(x)[1]);
}

export function runTable(r: RunResults, c: ChalkInstance, focus?: string): string {
  const s = r.summary;
  const out: string[] = [];
  const side = r.proposer === "applicant" ? "applicant-proposing" : "program-proposing";
  out.push(c.bold(`${r.scenario}: ${r.runs} seasons, seed ${r.seed}, ${side}`));
  out.push(
    `Match rate       ${pct(s.matchRate.withCalls)} with calls, ${pct(s.matchRate.withoutCalls)} without ` +
      `(${signed(c, s.matchRate.withCalls - s.matchRate.withoutCalls)} points)`,
  );
  out.push(
    `Calls per season ${num(s.calls.preInterview)} before interviews, ${num(s.calls.rankList)} on rank lists, ` +
      `${num(s.calls.late)} late`,
  );
  out.push(
    `Verdicts/season  strong ${num(s.verdicts.strong)}, positive ${num(s.verdicts.positive)}, fine ${num(s.verdicts.fine)}, ` +
      `cautious ${num(s.verdicts.cautious)}, would not rank ${num(s.verdicts.wouldNotRank)}`,
  );
  out.push(
    `Drops per season ${num(s.drops)} by a call, ${num(s.rippleDrops)} by ripple; ` +
      `insincerity caught ${num(s.insincerityCaught)}`,
  );
  out.push(`Invites shaped   ${pct(s.invitesShaped)} of invitations differ from the season without calls`);
  out.push(`Outcome changed  ${pct(s.outcomeChanged)} of applicant-seasons end in a different match`);
  out.push(`Blocking pairs   ${num(s.blockingPairsVsUncalled)} per season against the lists before rank-list calls`);
  out.push("");
  const gt = newTable(["who the calls help", "applicants", "P(match)", "without calls", "Δ points"], c);
  const groupRows: [string, keyof RunResults["summary"]["groups"]][] = [
    ["home program or away rotation on their list", "homeOrAway"],
    ["neither", "neither"],
    ["a letter writer tied to a director", "tiedLetters"],
    ["no such letter writer", "untiedLetters"],
  ];
  for (const [label, key] of groupRows) {
    const x = s.groups[key];
    gt.push([label, num(x.applicants, 1), pct(x.pMatch), pct(x.pMatchWithoutCalls), x.difference === null ? "—" : signed(c, x.difference)]);
  }
  out.push(gt.toString());
  out.push("");

  const applicants = mostMoved(r.applicants);
  const at = newTable(
    ["applicant", "P(match) [95% CI]", "without calls", "Δ points", "P(1st choice)", "without", "mean rank", "calls/season"],
    c,
  );
  for (const a of applicants.slice(0, TABLE_ROWS)) {
    at.push([
      a.id,
      `${pct(a.pMatch)} [${pct(a.pMatchCi[0])}, ${pct(a.pMatchCi[1])}]`,
      pct(a.pMatchWithoutCalls),
      signed(c, a.delta),
      pct(a.pFirstChoice),
      pct(a.pFirstChoiceWithoutCalls),
      num(a.meanMatchedRank),
      num(a.meanCalls),
    ]);
  }
  out.push(c.bold("Applicants (most moved by calls first)"));
  out.push(at.toString());
  if (applicants.length > TABLE_ROWS) out.push(c.dim(`(${TABLE_ROWS} of ${applicants.length} applicants shown; --format csv or json lists all)`));
  out.push("");

  const pt = newTable(["program", "positions", "fill with calls", "without", "quality matched", "without", "calls made/season"], c);
  for (const p of r.programs.slice(0, TABLE_ROWS)) {
    pt.push([
      p.id,
      String(p.positions),
      pct(p.fillRate),
      pct(p.fillRateWithoutCalls),
      num(p.meanQualityMatched, 3),
      num(p.meanQualityMatchedWithoutCalls, 3),
      num(p.callsMade),
    ]);
  }
  out.push(c.bold("Programs"));
  out.push(pt.toString());
  if (r.programs.length > TABLE_ROWS) out.push(c.dim(`(${TABLE_ROWS} of ${r.programs.length} programs shown; --format json lists all)`));

  const subject = histogramSubject(r, focus);
  if (subject) {
    out.push("");
    out.push(c.bold(`Matched rank of ${subject.id}${focus === undefined ? " (the applicant calls moved most)" : ""}, with calls`));
    const total = subject.rankHistogram.reduce((x, y) => x + y, 0);
    const rows = subject.rankHistogram.map((count, i) => ({
      label: i === subject.rankHistogram.length - 1 ? "unmatched" : `rank ${i + 1}`,
      value: count,
      note: total === 0 ? "" : pct(count / total),
    }));
    out.push(textHistogram(rows));
  }
  return `${out.join("\n")}\n`;
}

export function runCsv(r: RunResults): string {
  return renderCsv(
    ["applicant", "pMatch", "pMatchLow", "pMatchHigh", "pMatchWithoutCalls", "delta", "pFirstChoice", "pFirstChoiceWithoutCalls", "meanMatchedRank", "meanCalls"],
    r.applicants.map((a) => [
      a.id,
      a.pMatch,
      a.pMatchCi[0],
      a.pMatchCi[1],
      a.pMatchWithoutCalls,
      a.delta,
      a.pFirstChoice,
      a.pFirstChoiceWithoutCalls,
      a.meanMatchedRank,
      a.meanCalls,
    ]),
  );
}
