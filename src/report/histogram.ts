/** A text bar chart: one labelled row per value, bars scaled to the largest. */
export function textHistogram(rows: readonly { label: string; value: number; note?: string }[], width = 40): string {
  const max = Math.max(0, ...rows.map((r) => r.value));
  const labelWidth = Math.max(...rows.map((r) => r.label.length));
  return rows
    .map((r) => {
      const n = max === 0 ? 0 : Math.round((r.value / max) * width);
      return `  ${r.label.padStart(labelWidth)} │${"█".repeat(n)}${" ".repeat(width - n)} ${r.note ?? ""}`.trimEnd();
    })
    .join("\n");
}
