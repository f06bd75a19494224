/** Fixed rounding, so printed figures do not depend on floating-point noise in the last digits. */
export const round = (x: number, digits = 4): number => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** The 97.5% point of the standard normal: two-sided 95% intervals. */
export const Z95 = 1.959963984540054;

/** Wilson score interval for x successes in n trials, 95%, unrounded. */
export function wilsonInterval(x: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const p = x / n;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (Z95 / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

/** Wilson score interval for x successes in n trials, 95%, as reports print it. */
export function wilson(x: number, n: number): [number, number] {
  const [lo, hi] = wilsonInterval(x, n);
  return [round(lo), round(hi)];
}


/** A share in tenths of a percent, the precision reports print it at (0.4915 → 491). */
export const tenths = (share: number): number => Math.round(share * 1000);

/**
 * Counts as shares of their total in tenths of a percent that add up to exactly 1000
 * (largest remainder): rounding each share on its own can print 61.0% + 39.1%.
 */
export function sharesInTenths(counts: readonly number[]): number[] {
  const total = counts.reduce((s, x) => s + x, 0);
  if (total <= 0) return counts.map(() => 0);
  const exact = counts.map((x) => (x * 1000) / total);
  const shares = exact.map(Math.floor);
  let left = 1000 - shares.reduce((s, x) => s + x, 0);
  // Ties go to the earlier entry, so the result does not depend on sort stability.
  const order = exact.map((_, i) => i).sort((i, j) => exact[j]! - shares[j]! - (exact[i]! - shares[i]!) || i - j);
  for (const i of order) {
    if (left <= 0) break;
    if (exact[i]! > shares[i]!) {
      shares[i]!++;
      left--;
    }
  }
  return shares;
}
