import type { MatchOutcome } from "../match/match-outcome.js";
import { renderCsv } from "./csv.js";
import type { Provenance } from "../results/provenance.js";
import { PROVENANCE_COLUMNS, provenanceCells } from "./tidy-tables.js";
import type { Block } from "./document.js";

export interface MatchView {
  readonly outcome: MatchOutcome;
  readonly programs: readonly { id: string; name?: string | undefined; positions: number; fixedList: boolean }[];
  readonly applicants: readonly { id: string; name?: string | undefined; fixedList: boolean }[];
  readonly file: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The match of the written lists as a document: who went where, what is open, stability. */
export function matchDocument(view: MatchView): Block[] {
  const { outcome } = view;
  const applicantLabel = new Map(view.applicants.map((a) => [a.id, a.name ?? a.id]));
  const programLabel = new Map(view.programs.map((p) => [p.id, p.name ?? p.id]));
  const byProgram = new Map<string, string[]>();
  for (const m of outcome.matches) {
    const list = byProgram.get(m.program) ?? [];
    list.push(`${applicantLabel.get(m.applicant)} (${m.applicantRank}/${m.programRank})`);
    byProgram.set(m.program, list);
  }
  const side = outcome.proposer === "applicant" ? "applicant-proposing" : "program-proposing";
  const blocks: Block[] = [{ kind: "heading", level: 2, text: `Match of ${view.file} (${side} deferred acceptance)` }];

  const programsWithout = view.programs.filter((p) => !p.fixedList).length;
  const applicantsWithout = view.applicants.filter((a) => !a.fixedList).length;
  if (programsWithout > 0 || applicantsWithout > 0) {
    // `match` only pairs the lists written down; a scenario without them is for simulation.
    blocks.push({
      kind: "note",
      text:
        `${plural(applicantsWithout, "applicant")} of ${view.applicants.length} and ${plural(programsWithout, "program")} of ${view.programs.length} ` +
        "have no rank list in the file (rankList, or preferences for applicants), so they rank nobody here. " +
        "To simulate their seasons — interviews, rank lists and calls — use `match-sim run` (many seasons) or `match-sim trace` (one, step by step).",
    });
  }
  blocks.push({
    kind: "table",
    boxed: true,
    head: ["program", "positions", "matched: applicant (their rank of it / its rank of them)", "open"],
    numeric: [1, 3],
    wrap: [2, 0],
    rows: view.programs.map((p) => {
      const matched = byProgram.get(p.id) ?? [];
      const open = p.positions - matched.length;
      return [programLabel.get(p.id)!, String(p.positions), matched.length > 0 ? matched.join(", ") : [{ text: "—", tone: "dim" }], open > 0 ? [{ text: String(open), tone: "bad" }] : "0"];
    }),
  });
  const open = Object.values(outcome.unfilled).reduce((s, n) => s + n, 0);
  blocks.push({ kind: "para", line: `Matched: ${outcome.matches.length} of ${plural(view.applicants.length, "applicant")}; open positions: ${open}` });
  blocks.push({
    kind: "para",
    line: `Unmatched: ${outcome.unmatchedApplicants.length > 0 ? outcome.unmatchedApplicants.map((a) => applicantLabel.get(a)!).join(", ") : "none"}`,
  });
  blocks.push({
    kind: "para",
    line: outcome.stable
      ? [{ text: "Stable: yes, no applicant and program would both rather have each other", tone: "good" }]
      : [
          {
            text:
              `Stable: no, ${plural(outcome.blockingPairs.length, "blocking pair")}: ` +
              outcome.blockingPairs.map((b) => `${applicantLabel.get(b.applicant)}–${programLabel.get(b.program)}`).join(", "),
            tone: "bad",
          },
        ],
  });
  return blocks;
}

/** One row per applicant, each with where it came from (the provenance columns of every CSV). */
export function matchCsv(view: MatchView, provenance: Provenance): string {
  const byApplicant = new Map(view.outcome.matches.map((m) => [m.applicant, m]));
  const lead = provenanceCells(provenance);
  return renderCsv(
    [...PROVENANCE_COLUMNS, "applicant", "program", "applicantRank", "programRank"],
    view.applicants.map(({ id }) => {
      const m = byApplicant.get(id);
      return [...lead, ...(m ? [id, m.program, m.applicantRank, m.programRank] : [id, null, null, null])];
    }),
  );
}
