import { sharesInTenths } from "../results/numbers.js";
import type { ApplicantResult, RunResults, Signals } from "../results/run-results.js";
import type { WorldsShare, WorldsStatistic } from "../results/estimates.js";
import type { Block, Line } from "./document.js";
import { changeLine, estimateText, num, pct, points, pointsBetween, signed } from "./figures.js";
import { textHistogram } from "./histogram.js";

export { pct, pointsBetween } from "./figures.js";

/** Rows shown in the tables before they are cut (all rows are in CSV and JSON). */
export const TABLE_ROWS = 25;

/**
 * The applicant the histogram is drawn for: the focus, else the one calls moved most among
 * those whose change stands after the correction for many comparisons (none if none does).
 */
export function histogramSubject(r: RunResults, focus: string | undefined): ApplicantResult | undefined {
  if (focus !== undefined) return r.applicants.find((a) => a.id === focus);
  return mostMoved(r.applicants).find((a) => a.stands);
}

/** Applicants, most moved by calls first: by the change in P(match), then in P(first choice). */
export function mostMoved(applicants: readonly ApplicantResult[]): ApplicantResult[] {
  const key = (a: ApplicantResult) => [Math.abs(a.delta), Math.abs(a.firstChoiceDelta.estimate)] as const;
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

/** A share in both worlds and its change, as one line: `70.0% with calls, 69.4% without: +0.65 points [+0.63, +0.67]`. */
function worldsLine(x: WorldsShare): Line {
  if (x.difference.interval === null && x.difference.estimate === 0) return `${pct(x.withCalls)} with calls, ${pct(x.withoutCalls)} without: the same in every season`;
  return [
    { text: `${pct(x.withCalls)} with calls, ${pct(x.withoutCalls)} without: change ` },
    ...asSpans(changeLine(x.difference, (v) => points(v, 2))),
    { text: " points" },
  ];
}

const asSpans = (line: Line) => (typeof line === "string" ? [{ text: line }] : line);

/** A per-season statistic in both worlds and its change, as a table row. */
function statisticRow(name: string, x: WorldsStatistic, digits: number): Line[] {
  const f = (v: number) => signed(v, digits);
  return [name, num(x.withCalls?.estimate, digits), num(x.withoutCalls?.estimate, digits), changeLine(x.difference, f)];
}

/** What signals did, in the world with calls: P(interview) with and without one, and matches at signalled programs. */
function signalRows(x: Signals): [string, string][] {
  const w = (st: WorldsStatistic, f: (v: number) => string) => (st.withCalls === null ? "—" : estimateText(st.withCalls, f));
  return [
    ["Signals", `P(interview | signal) ${w(x.pInterviewSignal, pct)}, without a signal ${w(x.pInterviewNoSignal, pct)}: ${w(x.ratio, (v) => `${v.toFixed(2)}×`)}`],
    ["Signalled matches", `${w(x.matchesAtSignal, pct)} of matches are at a program the applicant signalled`],
  ];
}

/** The run's report as a document: summary, efficiency, groups, applicants, programs, a histogram. */
export function runDocument(r: RunResults, focus?: string): Block[] {
  const s = r.summary;
  const side = r.proposer === "applicant" ? "applicant-proposing" : "program-proposing";
  const blocks: Block[] = [{ kind: "heading", level: 2, text: `${r.scenario}: ${r.runs} seasons, seed ${r.seed}, ${side}` }];
  if (r.settings) blocks.push({ kind: "note", text: `With ${r.settings.join("; ")}` });
  blocks.push({
    kind: "fields",
    rows: [
      ["Match rate", worldsLine(s.matchRate)],
      ["First choice", worldsLine(s.firstChoiceRate)],
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
      ...(s.signals === null ? [] : signalRows(s.signals)),
      ...(s.homeInterviews?.withCalls ? [["Home interviews", `${estimateText(s.homeInterviews.withCalls, pct)} of applicants with a home program interview there`] as [string, string]] : []),
      ["Outcome changed", `${estimateText(s.outcomeChanged, pct)} of applicant-seasons end in a different match`],
      ["Blocking pairs", `${estimateText(s.blockingPairsVsUncalled, (v) => num(v))} per season against the lists before rank-list calls`],
    ],
  });
  blocks.push({ kind: "note", text: "Intervals are 95%, from the seasons paired one by one (see docs/outputs.md)." });

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
            { text: `${pct(focused.pMatch)} [${pct(focused.pMatchCi[0])}, ${pct(focused.pMatchCi[1])}] with calls, ${pct(focused.pMatchWithoutCalls)} without: ` },
            ...asSpans(changeLine({ estimate: focused.delta, interval: focused.deltaCi }, (v) => points(v), pointsBetween(focused.pMatch, focused.pMatchWithoutCalls))),
            { text: " points" },
          ],
        ],
        [
          "P(1st choice)",
          [
            { text: `${pct(focused.pFirstChoice)} with calls, ${pct(focused.pFirstChoiceWithoutCalls)} without: ` },
            ...asSpans(changeLine(focused.firstChoiceDelta, (v) => points(v), pointsBetween(focused.pFirstChoice, focused.pFirstChoiceWithoutCalls))),
            { text: " points" },
          ],
        ],
        ["Mean rank", focused.meanMatchedRank === null ? "never matched" : `${num(focused.meanMatchedRank)} when matched, with calls`],
        ["Calls", `${num(focused.meanCalls)} per season about ${label(focused)}`],
      ],
    });
    blocks.push({
      kind: "note",
      text: `What one call, one tie or one change would do for ${label(focused)}: match-sim compare FILE --focus ${focused.id} --set …; whose word matters: --knowers.`,
    });
  }

  const e = s.efficiency;
  blocks.push({ kind: "heading", level: 2, text: "Who matches where: information or noise?" });
  blocks.push({
    kind: "table",
    boxed: true,
    head: ["per season", "with calls", "without", "change [95% CI]"],
    numeric: [1, 2, 3],
    wrap: [0],
    rows: [
      // Four decimals: in a large market the calls move these by thousandths.
      statisticRow("rank correlation of quality and program prestige", e.qualityPrestigeCorrelation, 4),
      statisticRow("mean quality of the matched", e.meanQualityMatched, 4),
      statisticRow("mean quality of the unmatched", e.meanQualityUnmatched, 4),
      statisticRow("mean matched rank", e.meanMatchedRank, 2),
    ],
  });

  blocks.push({
    kind: "table",
    boxed: true,
    head: [r.groups.by === "access" ? "who the calls help" : `by ${r.groups.by}`, "applicants", "P(match)", "without\ncalls", "change, points\n[95% CI]"],
    numeric: [1, 2, 3, 4],
    wrap: [0],
    rows: r.groups.groups.map((g) => [
      g.label,
      String(g.applicants),
      pct(g.pMatch.withCalls),
      pct(g.pMatch.withoutCalls),
      changeLine(g.pMatch.difference, (v) => points(v, 2)),
    ]),
  });

  const applicants = mostMoved(r.applicants);
  blocks.push({ kind: "heading", level: 2, text: "Applicants (most moved by calls first)" });
  blocks.push({
    kind: "table",
    boxed: true,
    head: ["applicant", "P(match) [95% CI]", "without\ncalls", "change, points\n[95% CI]", "P(1st\nchoice)", "without", "mean\nrank", "calls per\nseason"],
    longHead: ["", "", "", "", "P(1st choice)", "P(1st choice) without calls", "mean rank", "calls per season"],
    numeric: [1, 2, 3, 4, 5, 6, 7],
    // Least important first: what the calls cost in calls, then first choices, then rank.
    dropOrder: [7, 5, 4, 6],
    wrap: [0, 1],
    rows: applicants.slice(0, TABLE_ROWS).map((a) => [
      label(a),
      `${pct(a.pMatch)} [${pct(a.pMatchCi[0])}, ${pct(a.pMatchCi[1])}]`,
      pct(a.pMatchWithoutCalls),
      [...asSpans(changeLine({ estimate: a.delta, interval: a.deltaCi }, (v) => points(v), pointsBetween(a.pMatch, a.pMatchWithoutCalls))), { text: a.stands ? " *" : "" }],
      pct(a.pFirstChoice),
      pct(a.pFirstChoiceWithoutCalls),
      num(a.meanMatchedRank),
      num(a.meanCalls),
    ]),
  });
  if (applicants.length > TABLE_ROWS) blocks.push({ kind: "note", text: `(${TABLE_ROWS} of ${applicants.length} applicants shown; --format csv or json lists all)` });
  const moved = s.applicantsMoved;
  blocks.push({
    kind: "note",
    text:
      `* stands after a Benjamini–Hochberg correction for ${moved.tested} applicants at a false discovery rate of ${moved.falseDiscoveryRate * 100}%: ` +
      `${moved.standing} of ${moved.tested}. The change is every call of the season together against none at all; to weigh one call, one tie or one field ` +
      "against its absence on the same seasons: match-sim compare FILE --set … (or --focus ID --knowers).",
  });

  blocks.push({ kind: "heading", level: 2, text: "Programs" });
  blocks.push({
    kind: "table",
    boxed: true,
    head: ["program", "positions", "fill with\ncalls", "without", "change, points\n[95% CI]", "quality\nmatched", "without", "change\n[95% CI]", "calls per\nseason", "drops:\ncall/ripple", "invites\nshaped"],
    longHead: ["", "", "", "", "change in fill", "quality matched", "quality matched without calls", "change in quality matched", "calls per season", "drops by a call and by ripple", "invites shaped"],
    numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    dropOrder: [10, 9, 7, 6, 5, 8, 4],
    wrap: [0],
    rows: r.programs.slice(0, TABLE_ROWS).map((p) => [
      label(p),
      String(p.positions),
      pct(p.fillRate),
      pct(p.fillRateWithoutCalls),
      changeLine(p.fillDifference, (v) => points(v)),
      num(p.meanQualityMatched, 3),
      num(p.meanQualityMatchedWithoutCalls, 3),
      changeLine(p.qualityDifference, (v) => signed(v, 3)),
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
  } else if (focus === undefined) {
    blocks.push({ kind: "note", text: "No applicant's change stands after the correction, so no histogram is drawn (--focus ID draws one)." });
  }
  return blocks;
}

