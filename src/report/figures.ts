import type { Difference, Estimate, Interval } from "../results/estimates.js";
import { tenths } from "../results/numbers.js";
import type { Line, Span } from "./document.js";

// How figures are printed, the same in every report: shares as percentages with one
// decimal, changes as signed points, every difference with its 95% interval.

/** A share as printed: one decimal of a percent. */
export const pct = (x: number | null): string => (x === null ? "—" : `${(tenths(x) / 10).toFixed(1)}%`);

/** A number as printed, or a dash. */
export const num = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined ? "—" : x.toFixed(digits));

/** A signed number as printed: the sign of the rounded value, so −0.001 is 0.00, not −0.00. */
export function signed(x: number, digits = 2): string {
  const text = Math.abs(x).toFixed(digits);
  return `${Number(text) === 0 ? "" : x > 0 ? "+" : "−"}${text}`;
}

/** A share's change in signed percentage points. */
export const points = (x: number, digits = 1): string => signed(x * 100, digits);

/**
 * The difference of two shares as printed: from their printed values, so that the three
 * figures on a line always agree (49.1% against 0.0% is +49.1, never +49.2).
 */
export function pointsBetween(x: number, y: number): string {
  const d = tenths(x) - tenths(y);
  return `${d > 0 ? "+" : d < 0 ? "−" : ""}${(Math.abs(d) / 10).toFixed(1)}`;
}

/** A change coloured by its sign, where it is worth colouring. */
export const toned = (text: string, significant = true): Span => ({
  text,
  tone: !significant ? "plain" : text.startsWith("+") ? "good" : text.startsWith("−") ? "bad" : "plain",
});

const excludesZero = (i: Interval): boolean => i !== null && (i[0] > 0 || i[1] < 0);

/**
 * A difference with its 95% interval, as `+0.65 [+0.63, +0.67]`, coloured only when the
 * interval leaves out 0; "identical" when no season differed. `format` prints one figure
 * (points of a share by default); `estimate` overrides the printed estimate (to agree with
 * printed shares).
 */
export function changeLine(d: Difference | null, format: (x: number) => string = (x) => points(x), estimate?: string): Line {
  if (d === null) return "—";
  const shown = estimate ?? format(d.estimate);
  if (d.interval === null) return [{ text: d.estimate === 0 ? `${shown} identical` : `${shown} (too few seasons)`, tone: "dim" }];
  return [toned(`${shown} [${format(d.interval[0])}, ${format(d.interval[1])}]`, excludesZero(d.interval))];
}

/** An estimate with its interval, as `5.69 [5.60, 5.78]`. */
export function estimateText(e: Estimate, format: (x: number) => string): string {
  return e.interval === null ? format(e.estimate) : `${format(e.estimate)} [${format(e.interval[0])}, ${format(e.interval[1])}]`;
}
