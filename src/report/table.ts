import Table from "cli-table3";
import type { ChalkInstance } from "chalk";

/** A compact table (no rules between rows) with bold headings; the one user of cli-table3. */
export function newTable(head: readonly string[], c: ChalkInstance, colWidths?: (number | null)[]): Table.Table {
  return new Table({
    head: head.map((h) => c.bold(h)),
    style: { head: [], border: [] },
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    ...(colWidths ? { colWidths, wordWrap: true } : {}),
  });
}
