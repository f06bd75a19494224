import { sharesInTenths, tenths } from "../results/numbers.js";
import type { ApplicantResult, RunResults } from "../results/run-results.js";
import { renderCsv } from "./csv.js";
import type { Block, Line, Span } from "./document.js";
import { textHistogram } from "./histogram.js";

/** A share as printed: one decimal of a percent. */
export const pct = (x: number | null): string => (x === null ? "—" : `${(tenths(x) / 10).toFixed(1)}%`);
const num = (x: number | null, digits = 2) => (x === null ? "—" : x.toFixed(digits));

/**
 * The difference of two shares as printed: from their printed values, so that the three
 * figures on a line always agree (49.1% against 0.0% is +49.1, never +49.2).
 */
export function pointsBetween(x: number, y: number): string {
  const d = tenths(x) - tenths(y);
  return `${d > 0 ? "+" : d < 0 ? "−" : ""}${(Math.abs(d) / 10).toFixed(1)}`;
}

const toned = (text: string): Span => ({ text, tone: text.startsWith("+") ? "good" : text.startsWith("−") ? "bad" : "plain" });

/** Rows shown in the tables before they are cut (all rows are in CSV and JSON). */
export const TABLE_ROWS = 25;

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

/** How an entity is shown to people: its name where the file gives one. */
const label = (x: { id: string; name?: string | undefined }) => x.name ?? x.id;

/** Matched-rank shares of one applicant, adding up to 100.0%. */
export function rankShares(a: ApplicantResult): { label: string; count: number; share: string }[] {
  const shares = sharesInTenths(a.rankHistogram);
  return a.rankHistogram.map((count, i) => ({
    label: i === a.rankHistogram.length - 1 ? "unmatched" : `rank ${i + 1}`,
    count,
    share: `${(shares[i]! / 10).toFixed(1)}%`,
  }));
}

/** The run's report as a document: summary, groups, applicants, programs, a histogram. */
export function runDocument(r: RunResults, focus?: string): Block[] {
  const s = r.summary;
  const side = r.proposer === "applicant" ? "applicant-proposing" : "program-proposing";
  const blocks: Block[] = [{ kind: "heading", level: 2, text: `${r.scenario}: ${r.runs} seasons, seed ${r.seed}, ${side}` }];
  if (r.settings) blocks.push({ kind: "note", text: `With ${r.settings.join("; ")}` });
  const matchLine: Line = [
    { text: `${pct(s.matchRate.withCalls)} with calls, ${pct(s.matchRate.withoutCalls)} without (change ` },
    toned(pointsBetween(s.matchRate.withCalls, s.matchRate.withoutCalls)),
    { text: " points)" },
  ];
  blocks.push({
    kind: "fields",
    rows: [
      ["Match rate", matchLine],
      [
        "Calls per season",
        `${num(s.calls.preInterview)} before interviews, ${num(s.calls.rankList)} on rank lists, ${num(s.calls.advocacy)} from advocates ` +
          `(${num(s.halfHearted)} half-hearted), ${num(s.calls.late)} late`,
      ],
      [
        "Verdicts/season",
        `strong ${num(s.verdicts.strong)}, positive ${num(s.verdicts.positive)}, fine ${num(s.verdicts.fine)}, ` +
          `cautious ${num(s.verdicts.cautious)}, would not rank ${num(s.verdicts.wouldNotRank)}`,
      ],
      ["Drops per season", `${num(s.drops)} by a call, ${num(s.rippleDrops)} by ripple`],
      ["Late calls", `"#1" relayed ${num(s.relayed)} per season; insincerity caught ${num(s.insincerityCaught)}`],
      ["Invites shaped", `${pct(s.invitesShaped)} of invitations differ from the season without calls`],
      ["Outcome changed", `${pct(s.outcomeChanged)} of applicant-seasons end in a different match`],
      ["Blocking pairs", `${num(s.blockingPairsVsUncalled)} per season against the lists before rank-list calls`],
    ],
  });

  const focused = focus === undefined ? undefined : r.applicants.find((a) => a.id === focus);
  if (focused) {
    // The one line a student came for, before the market's tables.
    blocks.push({ kind: "heading", level: 2, text: label(focused) });
    blocks.push({
      kind: "fields",
      rows: [
        [
          "P(match)",
          [
            { text: `${pct(focused.pMatch)} [95% CI ${pct(focused.pMatchCi[0])}, ${pct(focused.pMatchCi[1])}] with calls, ${pct(focused.pMatchWithoutCalls)} without (change ` },
            toned(pointsBetween(focused.pMatch, focused.pMatchWithoutCalls)),
            { text: " points)" },
          ],
        ],
        ["P(1st choice)", `${pct(focused.pFirstChoice)} with calls, ${pct(focused.pFirstChoiceWithoutCalls)} without`],
        ["Mean rank", focused.meanMatchedRank === null ? "never matched" : `${num(focused.meanMatchedRank)} when matched, with calls`],
        ["Calls", `${num(focused.meanCalls)} per season about ${label(focused)}`],
      ],
    });
    blocks.push({
      kind: "note",
      text: `What one call, one tie or one change would do for ${label(focused)}: match-sim compare FILE --focus ${focused.id} --set …; whose word matters: --knowers.`,
    });
  }

  const groupRows: [string, keyof RunResults["summary"]["groups"]][] = [
    ["a home program or an away rotation", "homeOrAway"],
    ["neither", "neither"],
    ["a letter writer tied to a director", "tiedLetters"],
    ["no such letter writer", "untiedLetters"],
  ];
  blocks.push({
    kind: "table",
    boxed: true,
    head: ["who the calls help", "applicants", "P(match)", "without\ncalls", "Δ\npoints"],
    numeric: [1, 2, 3, 4],
    wrap: [0],
    rows: groupRows.map(([name, key]) => {
      const x = s.groups[key];
      const size = Number.isInteger(x.applicants) ? String(x.applicants) : x.applicants.toFixed(1);
      return [name, size, pct(x.pMatch), pct(x.pMatchWithoutCalls), x.pMatch === null || x.pMatchWithoutCalls === null ? "—" : [toned(pointsBetween(x.pMatch, x.pMatchWithoutCalls))]];
    }),
  });

  const applicants = mostMoved(r.applicants);
  blocks.push({ kind: "heading", level: 2, text: "Applicants (most moved by calls first)" });
  blocks.push({
    kind: "table",
    boxed: true,
    head: ["applicant", "P(match) [95% CI]", "without\ncalls", "Δ\npoints", "P(1st\nchoice)", "without", "mean\nrank", "calls per\nseason"],
    longHead: ["", "", "", "", "P(1st choice)", "P(1st choice) without calls", "mean rank", "calls per season"],
    numeric: [1, 2, 3, 4, 5, 6, 7],
    // Least important first: what the calls cost in calls, then first choices, then rank.
    dropOrder: [7, 5, 4, 6],
    wrap: [0, 1],
    rows: applicants.slice(0, TABLE_ROWS).map((a) => [
      label(a),
      `${pct(a.pMatch)} [${pct(a.pMatchCi[0])}, ${pct(a.pMatchCi[1])}]`,
      pct(a.pMatchWithoutCalls),
      [toned(pointsBetween(a.pMatch, a.pMatchWithoutCalls))],
      pct(a.pFirstChoice),
      pct(a.pFirstChoiceWithoutCalls),
      num(a.meanMatchedRank),
      num(a.meanCalls),
    ]),
  });
  if (applicants.length > TABLE_ROWS) blocks.push({ kind: "note", text: `(${TABLE_ROWS} of ${applicants.length} applicants shown; --format csv or json lists all)` });
  blocks.push({
    kind: "note",
    text: "Δ is every call of the season together against none at all. To weigh one call, one tie or one field against its absence on the same seasons: match-sim compare FILE --set … (or --focus ID --knowers).",
  });

  blocks.push({ kind: "heading", level: 2, text: "Programs" });
  blocks.push({
    kind: "table",
    boxed: true,
    head: ["program", "positions", "fill with\ncalls", "without", "quality\nmatched", "without", "calls per\nseason", "drops:\ncall/ripple", "invites\nshaped"],
    longHead: ["", "", "", "", "quality matched", "quality matched without calls", "calls per season", "drops by a call and by ripple", "invites shaped"],
    numeric: [1, 2, 3, 4, 5, 6, 7, 8],
    dropOrder: [8, 7, 5, 4, 6],
    wrap: [0],
    rows: r.programs.slice(0, TABLE_ROWS).map((p) => [
      label(p),
      String(p.positions),
      pct(p.fillRate),
      pct(p.fillRateWithoutCalls),
      num(p.meanQualityMatched, 3),
      num(p.meanQualityMatchedWithoutCalls, 3),
      num(p.callsMade),
      `${num(p.drops)}/${num(p.rippleDrops)}`,
      pct(p.invitesShaped),
    ]),
  });
  if (r.programs.length > TABLE_ROWS) blocks.push({ kind: "note", text: `(${TABLE_ROWS} of ${r.programs.length} programs shown; --format csv or json lists all)` });

  const subject = histogramSubject(r, focus);
  if (subject) {
    blocks.push({
      kind: "heading",
      level: 2,
      text: `Matched rank of ${label(subject)}${focus === undefined ? " (the applicant calls moved most)" : ""}, with calls`,
    });
    blocks.push({ kind: "pre", text: textHistogram(rankShares(subject).map((x) => ({ label: x.label, value: x.count, note: x.share }))) });
  }
  return blocks;
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
