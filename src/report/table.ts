import Table from "cli-table3";
import type { ChalkInstance } from "chalk";

/** Visible length of a cell: colour codes take no room. */
export const visibleLength = (s: string): number => s.replace(/\x1b\[[0-9;]*m/g, "").length;

/** How wide a table is, given its column widths, in the boxed or the plain style. */
export function tableWidth(widths: readonly number[], boxed: boolean): number {
  if (widths.length === 0) return 0;
  const cells = widths.reduce((s, w) => s + w, 0);
  // Boxed: one space of padding each side and a rule between and around columns.
  return boxed ? cells + 2 * widths.length + widths.length + 1 : cells + 2 * (widths.length - 1);
}

export interface FittedColumns {
  /** Indices of the columns kept, in their order. */
  readonly kept: number[];
  /** Indices of the columns left out to fit, in the order they were dropped. */
  readonly dropped: number[];
  /** Width of each kept column (parallel to kept); a column narrower than its cells wraps. */
  readonly widths: number[];
}

/**
 * Fits columns of the given natural widths into `budget` characters: first leaves out
 * columns in `dropOrder` (least important first) until the table fits, then narrows the
 * widest column that may wrap. A table that cannot fit keeps its first column whole.
 */
export function fitColumns(
  natural: readonly number[],
  budget: number,
  boxed: boolean,
  dropOrder: readonly number[] = [],
  wrappable: readonly number[] = [],
): FittedColumns {
  const kept = natural.map((_, i) => i);
  const dropped: number[] = [];
  const widthOf = () => tableWidth(kept.map((i) => natural[i]!), boxed);
  for (const column of dropOrder) {
    if (widthOf() <= budget) break;
    const at = kept.indexOf(column);
    if (at < 0 || kept.length <= 1) continue;
    kept.splice(at, 1);
    dropped.push(column);
  }
  const widths = kept.map((i) => natural[i]!);
  let excess = tableWidth(widths, boxed) - budget;
  if (excess > 0) {
    for (const column of [...wrappable].sort((x, y) => natural[y]! - natural[x]!)) {
      const at = kept.indexOf(column);
      if (at < 0) continue;
      const narrowed = Math.max(MIN_WRAPPED, widths[at]! - excess);
      excess -= widths[at]! - narrowed;
      widths[at] = narrowed;
      if (excess <= 0) break;
    }
  }
  return { kept, dropped, widths };
}

/** A wrapped column keeps at least this many characters a line. */
const MIN_WRAPPED = 12;

/** Breaks a cell into lines of at most `width` visible characters, at spaces where it can. */
export function wrapCell(text: string, width: number): string[] {
  if (visibleLength(text) <= width) return [text];
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    let w = word;
    while (visibleLength(w) > width) {
      // A word longer than the column is cut; colour codes are rare in long words.
      if (current !== "") {
        lines.push(current);
        current = "";
      }
      lines.push(w.slice(0, width));
      w = w.slice(width);
    }
    if (current === "") current = w;
    else if (visibleLength(current) + 1 + visibleLength(w) <= width) current += ` ${w}`;
    else {
      lines.push(current);
      current = w;
    }
  }
  if (current !== "") lines.push(current);
  return lines;
}

/** A cell's lines: its own line breaks, then wrapping to the column. */
const linesOf = (cell: string, width: number) => cell.split("\n").flatMap((l) => wrapCell(l, width));

/**
 * A boxed table with bold headings and no rules between rows: the one user of cli-table3.
 * Cells arrive already coloured; `widths` are content widths (padding excluded).
 */
export function boxedTable(head: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[], c: ChalkInstance): string {
  const table = new Table({
    head: head.map((h, i) => linesOf(h, widths[i]!).map((line) => c.bold(line)).join("\n")),
    style: { head: [], border: [] },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    colWidths: widths.map((w) => w + 2),
    wordWrap: false,
  });
  for (const row of rows) table.push(row.map((cell, i) => linesOf(cell, widths[i]!).join("\n")));
  return table.toString();
}
