import { stringify } from "csv-stringify/sync";

/** Rows of plain values to CSV with a header line (RFC 4180 quoting). */
export function renderCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return stringify([header as string[], ...rows.map((r) => r.map((v) => (v === null ? "" : v)))], {
    record_delimiter: "\n",
    cast: { boolean: (v) => (v ? "true" : "false") },
  });
}
