import { round, wilsonInterval, Z95 } from "./numbers.js";

// Differences between two worlds run on the same seasons (with and without calls, or a
// what-if and its base) are estimated from the pairs of seasons, not as two independent
// figures: the pairing makes the interval far narrower. All from whole-number counts and
// sums, so that they can be rebuilt from merged accumulators exactly.

/** A difference with its 95% interval; `interval` null when no season differed at all. */
export interface PairedDifference {
  estimate: number;
  interval: [number, number] | null;
}


/**
 * The difference of two paired proportions, P(X) − P(Y), from the seasons' four cells:
 * n11 (both), n10 (X only), n01 (Y only), n00 (neither). Newcombe's hybrid score interval
 * (1998, method 10): the Wilson intervals of the two margins, combined with the
 * correlation of the pairs. When no season differed (n10 = n01 = 0) the difference is
 * exactly 0 in every season run, and no interval is given rather than a zero-width one.
 */
export function pairedProportions(n11: number, n10: number, n01: number, n00: number): PairedDifference {
  const n = n11 + n10 + n01 + n00;
  if (n === 0) return { estimate: 0, interval: null };
  const estimate = (n10 - n01) / n;
  if (n10 === 0 && n01 === 0) return { estimate: 0, interval: null };
  const x = n11 + n10; // X happened
  const y = n11 + n01; // Y happened
  const p1 = x / n;
  const p2 = y / n;
  const [l1, u1] = wilsonInterval(x, n);
  const [l2, u2] = wilsonInterval(y, n);
  const margins = (n11 + n10) * (n01 + n00) * (n11 + n01) * (n10 + n00);
  const phi = margins === 0 ? 0 : (n11 * n00 - n10 * n01) / Math.sqrt(margins);
  const lower = Math.sqrt(Math.max(0, (p1 - l1) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) ** 2));
  const upper = Math.sqrt(Math.max(0, (u1 - p1) ** 2 - 2 * phi * (u1 - p1) * (p2 - l2) + (p2 - l2) ** 2));
  return { estimate: round(estimate), interval: [round(Math.max(-1, estimate - lower)), round(Math.min(1, estimate + upper))] };
}

/**
 * Two-sided p-value of the exact McNemar test: n10 of the n10 + n01 discordant seasons,
 * against a fair coin. Summed in logs, so that thousands of discordant seasons are fine.
 */
export function mcnemarP(n10: number, n01: number): number {
  const m = n10 + n01;
  if (m === 0) return 1;
  const k = Math.min(n10, n01);
  let logTerm = -m * Math.LN2; // C(m, 0) / 2^m
  let tail = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log((m - i + 1) / i);
    tail += Math.exp(logTerm);
  }
  return Math.min(1, 2 * tail);
}

/** Continued fraction of the regularized incomplete beta function (Lentz's method). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-14) break;
  }
  return h;
}

/** ln Γ(x), Lanczos approximation. */
function logGamma(x: number): number {
  const g = [676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = 0.9999999999998099;
  for (let i = 0; i < g.length; i++) sum += g[i]! / (z + i + 1);
  const t = z + g.length - 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The regularized incomplete beta function I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
function studentCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

// t975 by degrees of freedom: every applicant's and program's interval over the same
// seasons asks for the same quantile, and each bisection costs a hundred incomplete beta
// functions (on an NRMP-size market, a second of a run's results).
const t975Known = new Map<number, number>();

/** The 97.5% quantile of Student's t with `df` degrees of freedom (bisection on the CDF). */
export function t975(df: number): number {
  let t = t975Known.get(df);
  if (t === undefined) t975Known.set(df, (t = t975Bisected(df)));
  return t;
}

function t975Bisected(df: number): number {
  if (df >= 1e6) return Z95;
  let lo = 0;
  let hi = 20;
  while (studentCdf(hi, df) < 0.975) hi *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (studentCdf(mid, df) < 0.975) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The mean of a per-season difference d with its 95% t interval, from the number of
 * seasons it is defined in, Σd and Σd². No interval for fewer than two seasons; none when
 * every difference was 0 either.
 */
export function pairedMean(seasons: number, sum: number, sumOfSquares: number): PairedDifference | null {
  const d = meanInterval(seasons, sum, sumOfSquares);
  return d === null ? null : { estimate: round(d.estimate), interval: d.interval === null ? null : [round(d.interval[0]), round(d.interval[1])] };
}

/**
 * The mean of a per-season quantity over `seasons` seasons, from its sum and sum of
 * squares, with the t interval (unrounded); the interval is null when every season was 0
 * (for a difference: none differed) or there is only one season.
 */
export function meanInterval(seasons: number, sum: number, sumOfSquares: number): PairedDifference | null {
  if (seasons === 0) return null;
  const mean = sum / seasons;
  if (seasons < 2) return { estimate: mean, interval: null };
  const variance = Math.max(0, (sumOfSquares - seasons * mean * mean) / (seasons - 1));
  // Every season the same: no interval when that is 0 (nothing differed), else the value itself.
  if (variance === 0) return { estimate: mean, interval: sum === 0 && sumOfSquares === 0 ? null : [mean, mean] };
  const half = t975(seasons - 1) * Math.sqrt(variance / seasons);
  return { estimate: mean, interval: [mean - half, mean + half] };
}

/**
 * Benjamini–Hochberg at false discovery rate q: which of the p-values stand as
 * discoveries (true at their index).
 */
export function benjaminiHochberg(pValues: readonly number[], q = 0.05): boolean[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let k = 0;
  order.forEach(([p], rank) => {
    if (p <= ((rank + 1) * q) / m) k = rank + 1;
  });
  const out = new Array<boolean>(m).fill(false);
  for (let r = 0; r < k; r++) out[order[r]![1]] = true;
  return out;
}
