import type { ChalkInstance } from "chalk";
import type { MatchOutcome } from "../match/match-outcome.js";
import { renderCsv } from "./csv.js";
import { newTable } from "./table.js";

export interface MatchView {
  readonly outcome: MatchOutcome;
  readonly programs: readonly { id: string; positions: number }[];
  readonly applicants: readonly string[];
  readonly file: string;
}

export function matchTable(view: MatchView, c: ChalkInstance): string {
  const { outcome } = view;
  const byProgram = new Map<string, string[]>();
  for (const m of outcome.matches) {
    const list = byProgram.get(m.program) ?? [];
    list.push(`${m.applicant} (${m.applicantRank}/${m.programRank})`);
    byProgram.set(m.program, list);
  }
  const table = newTable(
    ["program", "positions", "matched: applicant (their rank of it / its rank of them)", "open"],
    c,
    [null, null, 60, null],
  );
  for (const p of view.programs) {
    const matched = byProgram.get(p.id) ?? [];
    const open = p.positions - matched.length;
    table.push([p.id, String(p.positions), matched.join(", ") || c.dim("—"), open > 0 ? c.yellow(String(open)) : "0"]);
  }
  const side = outcome.proposer === "applicant" ? "applicant-proposing" : "program-proposing";
  const lines = [
    c.bold(`Match of ${view.file} (${side} deferred acceptance)`),
    table.toString(),
    `Matched: ${outcome.matches.length} of ${view.applicants.length} applicants; ` +
      `open positions: ${Object.values(outcome.unfilled).reduce((s, n) => s + n, 0)}`,
    `Unmatched: ${outcome.unmatchedApplicants.length > 0 ? outcome.unmatchedApplicants.join(", ") : "none"}`,
    outcome.stable
      ? c.green("Stable: yes, no applicant and program would both rather have each other")
      : c.red(
          `Stable: no, ${outcome.blockingPairs.length} blocking pair(s): ` +
            outcome.blockingPairs.map((b) => `${b.applicant}–${b.program}`).join(", "),
        ),
  ];
  return `${lines.join("\n")}\n`;
}

export function matchCsv(view: MatchView): string {
  const byApplicant = new Map(view.outcome.matches.map((m) => [m.applicant, m]));
  return renderCsv(
    ["applicant", "program", "applicantRank", "programRank"],
    view.applicants.map((a) => {
      const m = byApplicant.get(a);
      return m ? [a, m.program, m.applicantRank, m.programRank] : [a, null, null, null];
    }),
  );
}
