/** A mean over independent batches and its 95% t interval (null with fewer than two batches). */
export interface BatchEstimate {
  readonly estimate: number;
  readonly interval: readonly [number, number] | null;
  readonly batches: number;
}

// Two-sided 97.5% quantiles of Student's t for 1 … 30 degrees of freedom.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069,
  2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The t quantile for a 95% interval with `df` degrees of freedom (1.96 beyond 30). */
export function tQuantile(df: number): number {
  return df >= 1 && df <= T975.length ? T975[df - 1]! : 1.96;
}

/**
 * The mean of per-batch values and its interval. Batches whose value is undefined (NaN:
 * nothing to measure in them) are left out.
 */
export function batchMeans(values: readonly number[]): BatchEstimate {
  const xs = values.filter((x) => Number.isFinite(x));
  const n = xs.length;
  if (n === 0) return { estimate: NaN, interval: null, batches: 0 };
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return { estimate: mean, interval: null, batches: n };
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const half = tQuantile(n - 1) * Math.sqrt(variance / n);
  return { estimate: mean, interval: [mean - half, mean + half], batches: n };
}
