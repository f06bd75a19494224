/** Quickselect on values[0..n): the k-th largest (k from 1). Scrambles the order. */
function quickselect(values: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  const target = k - 1; // index in descending order
  while (lo < hi) {
    // Median of three as pivot, to stay linear on sorted input.
    const mid = (lo + hi) >> 1;
    const a = values[lo]!;
    const b = values[mid]!;
    const c = values[hi]!;
    const pivot = a > b ? (b > c ? b : a > c ? c : a) : a > c ? a : b > c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target]!;
  }
  return values[lo]!;
}

const BUCKETS = 64;

/**
 * The k-th largest of values[0..n) (k from 1), in place: the order of `values` is
 * scrambled. One pass counts values into buckets between the minimum and the maximum,
 * and only the bucket holding the k-th is searched, which is several times faster than
 * quickselect on the whole where every applicant and every program picks its best few
 * out of many each trial. `counts` is scratch of at least 64 entries.
 */
export function kthLargest(values: Float64Array, n: number, k: number, counts: Int32Array = new Int32Array(BUCKETS)): number {
  if (n <= BUCKETS) return quickselect(values, n, k);
  let min = values[0]!;
  let max = min;
  for (let i = 1; i < n; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  if (min === max) return min;
  const scale = (BUCKETS - 1e-9) / (max - min);
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
  return quickselect(values, m, k - above);
}

/**
 * The next trial's guess of a cutoff: a running average of the cutoffs seen (the first
 * taken as it is). A cutoff is a random quantity; its average lies closer to the next one
 * than the last value does, so a window around it misses less often.
 */
export function nextGuess(guess: number, cutoff: number): number {
  return Number.isNaN(guess) ? cutoff : guess + 0.25 * (cutoff - guess);
}
