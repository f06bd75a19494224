/** Scratch for kthLargest: bucket counts, and room for as many values as it is given. */
export interface SelectScratch {
  readonly counts: Int32Array;
  readonly values: Float64Array;
}

const BUCKETS = 64;

export const newSelectScratch = (capacity: number): SelectScratch => ({
  counts: new Int32Array(BUCKETS),
  values: new Float64Array(capacity),
});

/**
 * Quickselect on values[0..n): the k-th largest (k from 1). Scrambles the order. Each
 * round splits the range three ways around a median-of-three pivot (which keeps it linear
 * on sorted input): greater to the front, smaller to the back, through scratch, with
 * stores that advance by 0 or 1 instead of branches. Which side a noisy score falls on
 * cannot be predicted, so the usual two-pointer partition's branches often go wrong.
 */
function quickselect(values: Float64Array, n: number, k: number, scratch: Float64Array): number {
  let lo = 0;
  let hi = n - 1;
  const target = k - 1; // index in descending order
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const a = values[lo]!;
    const b = values[mid]!;
    const c = values[hi]!;
    const pivot = a > b ? (b > c ? b : a > c ? c : a) : a > c ? a : b > c ? c : b;
    // After the pass, scratch[lo..g) holds the greater values and scratch(s..hi] the
    // smaller; the s - g + 1 places between stand for the values equal to the pivot.
    // (g ≤ s + 1 throughout, with equality only after the last value, so no store
    // overwrites a value already placed.)
    let g = lo;
    let s = hi;
    // Two values per pass: the engine checks both arrays once per pass (see applications.ts).
    let i = lo;
    for (; i < hi; i += 2) {
      const v = values[i]!;
      const w = values[i + 1]!;
      scratch[g] = v;
      g += +(v > pivot);
      scratch[s] = v;
      s -= +(v < pivot);
      scratch[g] = w;
      g += +(w > pivot);
      scratch[s] = w;
      s -= +(w < pivot);
    }
    if (i === hi) {
      const v = values[i]!;
      scratch[g] = v;
      g += +(v > pivot);
      scratch[s] = v;
      s -= +(v < pivot);
    }
    if (target < g) {
      for (let i = lo; i < g; i++) values[i] = scratch[i]!;
      hi = g - 1;
    } else if (target > s) {
      for (let i = s + 1; i <= hi; i++) values[i] = scratch[i]!;
      lo = s + 1;
    } else {
      return pivot;
    }
  }
  return values[lo]!;
}

/**
 * The k-th largest of values[0..n) (k from 1), in place: the order of `values` is
 * scrambled. One pass counts values into buckets between the minimum and the maximum,
 * and only the bucket holding the k-th is searched, which is several times faster than
 * quickselect on the whole where every applicant and every program picks its best few
 * out of many each trial. `scratch.values` needs room for n values.
 */
export function kthLargest(values: Float64Array, n: number, k: number, scratch: SelectScratch = newSelectScratch(n)): number {
  if (n <= BUCKETS) return quickselect(values, n, k, scratch.values);
  let min = values[0]!;
  let max = min;
  for (let i = 1; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  if (min === max) return min;
  const scale = (BUCKETS - 1e-9) / (max - min);
  const counts = scratch.counts;
  counts.fill(0, 0, BUCKETS);
  for (let i = 0; i < n; i++) counts[Math.floor((values[i]! - min) * scale)]!++;
  let above = 0;
  let bucket = BUCKETS - 1;
  while (above + counts[bucket]! < k) above += counts[bucket--]!;
  // Move the bucket's values to the front and select among them.
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Math.floor((v - min) * scale) === bucket) values[m++] = v;
  }
  return quickselect(values, m, k - above, scratch.values);
}

/**
 * The next trial's guess of a cutoff: a running average of the cutoffs seen (the first
 * taken as it is). A cutoff is a random quantity; its average lies closer to the next one
 * than the last value does, so a window around it misses less often.
 */
export function nextGuess(guess: number, cutoff: number): number {
  return Number.isNaN(guess) ? cutoff : guess + 0.25 * (cutoff - guess);
}
