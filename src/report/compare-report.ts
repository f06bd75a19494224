import type { ApplicantComparison, CompareResults, KnowerResult, OutcomeComparison, VariantResult } from "../results/compare-results.js";
import type { PairedDifference } from "../results/paired.js";
import { renderCsv } from "./csv.js";
import { PROVENANCE_COLUMNS, provenanceCells } from "./tidy-tables.js";
import type { Block, Line, Span } from "./document.js";
import { pct, pointsBetween, TABLE_ROWS } from "./run-report.js";

/** A signed number of points from a share, one decimal: +11.3, −0.4, 0.0. */
const points = (x: number) => {
  const tenths = Math.round(x * 1000);
  return `${tenths > 0 ? "+" : tenths < 0 ? "−" : ""}${(Math.abs(tenths) / 10).toFixed(1)}`;
};
/** A signed number as printed: the sign of the rounded value, so −0.001 is 0.00, not −0.00. */
const signed = (x: number, digits = 2) => {
  const text = Math.abs(x).toFixed(digits);
  return `${Number(text) === 0 ? "" : x > 0 ? "+" : "−"}${text}`;
};

const toned = (text: string, significant: boolean): Span => ({
  text,
  tone: !significant ? "plain" : text.startsWith("+") ? "good" : text.startsWith("−") ? "bad" : "plain",
});

/**
 * A change with its 95% interval, or "no season differed". A change of shares is printed
 * from the shares as printed, so the three figures on a line agree (5.9% to 100.0% is
 * +94.1, never +94.2); a change of means is printed as it is.
 */
function changeOf(d: PairedDifference | null, shares?: OutcomeComparison): Line {
  if (d === null) return "—";
  const fmt = (x: number) => (shares ? points(x) : signed(x));
  const estimate = shares && shares.base !== null ? pointsBetween(shares.variant, shares.base) : fmt(d.estimate);
  // No interval: no season differed, or (a mean rank) fewer than two seasons to judge by.
  if (d.interval === null) return [{ text: d.estimate === 0 ? `${estimate} identical` : `${estimate} (too few seasons)`, tone: "dim" }];
  const [lo, hi] = d.interval;
  const excludesZero = lo > 0 || hi < 0;
  return [toned(`${estimate} [${fmt(lo)}, ${fmt(hi)}]`, excludesZero)];
}

/** The change of a share, with its interval. */
const shareChange = (o: OutcomeComparison): Line => changeOf(o.change, o);

const share = (x: number | null) => (x === null ? "—" : pct(x));
const rank = (x: number | null) => (x === null ? "—" : x.toFixed(2));
const label = (a: { id: string; name?: string | undefined }) => a.name ?? a.id;

/**
 * One applicant in one world: the base, then a row per variant with each measure and its
 * change. Rows rather than columns per variant, so any number of what-ifs fits the width.
 */
function focusTable(r: CompareResults, world: "withCalls" | "withoutCalls"): Block {
  const base = r.variants[0]!.applicants[0]![world];
  return {
    kind: "table",
    boxed: true,
    head: ["", "P(match)", "change\n[95% CI]", "P(1st\nchoice)", "change\n[95% CI]", "mean\nrank", "change\n[95% CI]"],
    longHead: ["", "", "", "", "change in P(1st choice)", "", "change in mean matched rank"],
    numeric: [1, 2, 3, 4, 5, 6],
    dropOrder: [6, 4],
    wrap: [0],
    rows: [
      ["base", share(base.pMatch.base), "", share(base.pFirstChoice.base), "", rank(base.meanMatchedRank.base), ""],
      ...r.variants.map((v) => {
        const w = v.applicants[0]![world];
        return [
          v.name,
          share(w.pMatch.variant),
          shareChange(w.pMatch),
          share(w.pFirstChoice.variant),
          shareChange(w.pFirstChoice),
          rank(w.meanMatchedRank.variant),
          changeOf(w.meanMatchedRank.change),
        ];
      }),
    ],
  };
}

/** One variant's applicants, the most changed first (by the change in P(match) with calls). */
function applicantsTable(v: VariantResult): Block[] {
  const size = (a: ApplicantComparison) => Math.abs(a.withCalls.pMatch.change?.estimate ?? 0) + Math.abs(a.withoutCalls.pMatch.change?.estimate ?? 0) / 2;
  const sorted = [...v.applicants].sort((x, y) => size(y) - size(x) || (x.id < y.id ? -1 : 1));
  const blocks: Block[] = [
    {
      kind: "table",
      boxed: true,
      head: ["applicant", "P(match)\nbase", v.name, "change\n[95% CI]", "calls off:\nchange", "P(1st choice)\nchange", "mean rank\nchange"],
      longHead: ["", "", "", "", "change in P(match) with calls off", "change in P(1st choice)", "change in mean matched rank"],
      numeric: [1, 2, 3, 4, 5, 6],
      dropOrder: [6, 5, 4],
      wrap: [0],
      rows: sorted.slice(0, TABLE_ROWS).map((a) => [
        `${label(a)}${a.added ? " (added)" : ""}`,
        share(a.withCalls.pMatch.base),
        share(a.withCalls.pMatch.variant),
        shareChange(a.withCalls.pMatch),
        shareChange(a.withoutCalls.pMatch),
        shareChange(a.withCalls.pFirstChoice),
        changeOf(a.withCalls.meanMatchedRank.change),
      ]),
    },
  ];
  if (sorted.length > TABLE_ROWS) blocks.push({ kind: "note", text: `(${TABLE_ROWS} of ${sorted.length} applicants shown; --format csv or json lists all)` });
  return blocks;
}

function knowersTable(knowers: readonly KnowerResult[]): Block {
  const said = (k: KnowerResult) =>
    Object.entries(k.said)
      .filter(([, x]) => x > 0)
      .map(([verdict, x]) => `${verdict === "wouldNotRank" ? "would not rank" : verdict} ${x < 0.005 ? "<0.01" : x.toFixed(2)}`)
      .join(", ") || "—";
  return {
    kind: "table",
    boxed: true,
    head: ["knower", "calls per\nseason", "what they said\n(per season)", "P(match) if\nthey said nothing", "change\n[95% CI]"],
    numeric: [1, 3, 4],
    wrap: [0, 2],
    rows: knowers.map((k) => [label(k), k.callsPerSeason.toFixed(2), said(k), share(k.ifSilent.variant), shareChange(k.ifSilent)]),
  };
}

/** A comparison as a document: what was changed, then the applicants (or the focus), then the knowers. */
export function compareDocument(r: CompareResults): Block[] {
  const side = r.proposer === "applicant" ? "applicant-proposing" : "program-proposing";
  const what = r.knowers ? `whose word about ${r.focus} matters` : r.variants.length === 1 ? `what-if "${r.variants[0]!.name}"` : `${r.variants.length} what-ifs`;
  const blocks: Block[] = [{ kind: "heading", level: 2, text: `${r.scenario}: ${what}, against the base on the same ${r.runs} seasons (seed ${r.seed}, ${side})` }];
  if (!r.knowers) {
    blocks.push({
      kind: "bullets",
      items: r.variants.map((v) => `${v.name}: ${[...(v.file === undefined ? [] : [`the file ${v.file}`]), ...v.settings].join("; ") || "as the base"}`),
    });
  }
  blocks.push({
    kind: "para",
    line:
      "Each change is the variant's figure less the base's, from the same seasons paired one by one, with a 95% interval " +
      '("identical": not one season differed). "Calls off" is the same comparison with no calls in either: what the change does on paper alone.',
  });
  if (r.knowers) {
    blocks.push({ kind: "heading", level: 2, text: `The knowers of ${r.focus}` });
    const base = r.knowers[0]?.ifSilent.base ?? null;
    blocks.push({
      kind: "para",
      line: `${r.focus} matches in ${share(base)} of seasons as things are. Each row is the same seasons with one knower saying nothing about ${r.focus}: no call through them, no advocacy, no ripple of their word.`,
    });
    blocks.push(knowersTable(r.knowers));
    return blocks;
  }
  if (r.focus !== undefined) {
    const focus = r.variants[0]!.applicants[0]!;
    const who = `${label(focus)}${focus.added ? " (added by the what-if)" : ""}`;
    blocks.push({ kind: "heading", level: 2, text: `${who}, with calls` });
    blocks.push(focusTable(r, "withCalls"));
    blocks.push({ kind: "heading", level: 2, text: `${who}, calls off: on paper alone` });
    blocks.push(focusTable(r, "withoutCalls"));
    return blocks;
  }
  for (const v of r.variants) {
    blocks.push({ kind: "heading", level: 2, text: `${v.name}: applicants, the most changed first` });
    blocks.push(...applicantsTable(v));
  }
  return blocks;
}

/** One row per variant, applicant and world: the tidy form of a comparison. */
export function compareCsv(r: CompareResults): string {
  const cell = (x: PairedDifference | null | undefined, k: 0 | 1) => (x?.interval ? x.interval[k] : null);
  const rows: (string | number | boolean | null)[][] = [];
  for (const v of r.variants) {
    for (const a of v.applicants) {
      for (const world of ["withCalls", "withoutCalls"] as const) {
        const w = a[world];
        rows.push([
          ...provenanceCells(r.provenance),
          v.name,
          a.id,
          world,
          a.added,
          w.pMatch.base,
          w.pMatch.variant,
          w.pMatch.change?.estimate ?? null,
          cell(w.pMatch.change, 0),
          cell(w.pMatch.change, 1),
          w.pMatch.change?.pValue ?? null,
          w.pFirstChoice.base,
          w.pFirstChoice.variant,
          w.pFirstChoice.change?.estimate ?? null,
          cell(w.pFirstChoice.change, 0),
          cell(w.pFirstChoice.change, 1),
          w.meanMatchedRank.base,
          w.meanMatchedRank.variant,
          w.meanMatchedRank.change?.estimate ?? null,
          cell(w.meanMatchedRank.change, 0),
          cell(w.meanMatchedRank.change, 1),
        ]);
      }
    }
  }
  return renderCsv(
    [
      ...PROVENANCE_COLUMNS,
      "variant", "applicant", "world", "added",
      "pMatchBase", "pMatchVariant", "pMatchChange", "pMatchChangeLow", "pMatchChangeHigh", "pMatchChangeP",
      "pFirstChoiceBase", "pFirstChoiceVariant", "pFirstChoiceChange", "pFirstChoiceChangeLow", "pFirstChoiceChangeHigh",
      "meanRankBase", "meanRankVariant", "meanRankChange", "meanRankChangeLow", "meanRankChangeHigh",
    ],
    rows,
  );
}
