import { mix } from "./mix.js";
import { keyOf } from "./rng.js";

// Randomness addressed by coordinates rather than drawn in sequence. Every random quantity
// of a season (the screening noise of applicant a at program p, the draw that decides
// whether p calls about a, …) is a pure function of (seed, trial, purpose, coordinates).
// So a trial can run on any worker in any order, the season with calls and the season
// without them see the same noise for every pair (common random numbers), and removing
// one call leaves every other draw of the season unchanged, which `trace` needs to say
// what that one call did. seedrandom turns each (seed, trial) into a 32-bit key; the
// purpose, then the coordinates, are mixed into it with an integer finaliser (mix.ts; one
// seedrandom generator per trial: building one per purpose made up most of the time and
// the garbage of a trial on a small scenario).

export const PURPOSES = [
  "preferences",
  "screening",
  "interviews",
  "opinions",
  "preInterviewCall",
  "rankListCall",
  "candor",
  "drop",
  "ripple",
  "lateCall",
  "insincerity",
  "preInterviewEffect",
  "advocacyCall",
  "advocacyCandor",
] as const;
export type Purpose = (typeof PURPOSES)[number];

export type TrialStreams = Readonly<Record<Purpose, number>>;

/** The keys of every purpose's stream for one trial. */
export function trialStreams(seed: number, trial: number): TrialStreams {
  const root = keyOf(`${seed}/${trial}`);
  // mix is one-to-one and so is the multiplication by an odd constant: the purposes' keys
  // differ. Written as one literal, in PURPOSES' order, so every trial's object has the same
  // shape: objects built key by key took several shapes, and the season's hottest
  // functions, which read them, kept being compiled again.
  const k = (i: number) => mix(root ^ Math.imul(i + 1, 0x165667b1));
  return {
    preferences: k(0),
    screening: k(1),
    interviews: k(2),
    opinions: k(3),
    preInterviewCall: k(4),
    rankListCall: k(5),
    candor: k(6),
    drop: k(7),
    ripple: k(8),
    lateCall: k(9),
    insincerity: k(10),
    preInterviewEffect: k(11),
    advocacyCall: k(12),
    advocacyCandor: k(13),
  };
}

function hash2(key: number, a: number, b: number): number {
  return pairHash(pairRow(key, a), b);
}

/** hash2(key, a, b) given pairRow(key, a). */
function pairHash(row: number, b: number): number {
  return mix(row ^ Math.imul(b + 1, 0x85ebca77));
}

function hash(key: number, a: number, b: number, c: number): number {
  return mix(hash2(key, a, b) ^ Math.imul(c + 1, 0xc2b2ae3d));
}

/** Uniform in [0, 1), the same for the same stream key and coordinates. */
export function uniform(key: number, a: number, b = 0, c = 0): number {
  const hi = hash(key, a, b, c);
  const lo = mix(hi ^ 0x27d4eb2f);
  return (hi * 2097152 + (lo >>> 11)) / 9007199254740992; // 53 bits
}

/** Acklam's rational approximation of the inverse normal distribution function. */
function inverseNormal(p: number): number {
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628274631];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const tail = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 0.97575) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

const TABLE_BITS = 11;
const FRACTION_BITS = 32 - TABLE_BITS;

/**
 * Normal quantiles at 2^11 + 1 evenly spaced probabilities, interpolated at run time: a
 * normal draw then costs one hash and one lookup in a table small enough to stay in the
 * processor's nearest cache. Read-only after it is built. Draws are limited to about ±3.7
 * standard deviations (the table's end points are the quantiles at 1/10^4 and 1 - 1/10^4),
 * which no season's noise needs to exceed.
 */
export const QUANTILES: Float64Array = (() => {
  const n = 1 << TABLE_BITS;
  const table = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) table[i] = inverseNormal(Math.min(Math.max(i / n, 1e-4), 1 - 1e-4));
  return table;
})();

/**
 * A bound on the top 16 bits of a hash below which its normal (normalOf) is below z, by a
 * margin far above rounding: the start of the first interval of the table that can reach
 * z. The normal never falls as the hash rises, and its interval is the hash's top 11 bits,
 * so every hash below the bound draws below z. 0 where every interval can reach z (or z is
 * NaN); 0xffff where none can (only the hashes of that last 16-bit step pass, to be drawn
 * and found below).
 */
export function hashBoundBelow(z: number): number {
  const below = z - 1e-9 * (1 + Math.abs(z));
  const last = QUANTILES.length - 1;
  // The last table entry below `below` (-1 if none; NaN compares false throughout).
  let lower = -1;
  let upper = last + 1;
  while (upper - lower > 1) {
    const mid = (lower + upper) >> 1;
    if (QUANTILES[mid]! < below) lower = mid;
    else upper = mid;
  }
  // Intervals before `lower` hold normals up to QUANTILES[lower] at most.
  return lower <= 0 ? 0 : lower > last - 1 ? 0xffff : lower << (16 - TABLE_BITS);
}

/** Standard normal at the given coordinates, the same for the same stream key and coordinates. */
export function normal(key: number, a: number, b = 0): number {
  return normalOf(hash2(key, a, b));
}

/**
 * The part of normal(key, a, b) that depends on `a` alone: a loop drawing normal(key, a, b)
 * for one `a` and many `b` computes it once and calls pairNormal (the same bits, one
 * mix fewer per draw).
 */
export function pairRow(key: number, a: number): number {
  return mix(key ^ Math.imul(a + 1, 0x9e3779b1));
}

/** normal(key, a, b), given pairRow(key, a). */
export function pairNormal(row: number, b: number): number {
  return normalOf(pairHash(row, b));
}

/**
 * The key of row `a` of a stream, for drawing many values along one row cheaply with
 * rowNormal: a splitmix-style counter, one mix per draw instead of a full hash.
 */
export function rowKey(key: number, a: number): number {
  return hash2(key, a, 0x3fffffff);
}

/** Standard normal at column j of a row (see rowKey). */
export function rowNormal(row: number, j: number): number {
  return rowNormalAt(row, columnOf(j));
}

/** What column j adds to a row's key: kept by a caller that draws the same columns often. */
export function columnOf(j: number): number {
  return Math.imul(j + 1, 0x9e3779b9);
}

/** rowNormal at a column given by columnOf. */
export function rowNormalAt(row: number, column: number): number {
  return normalOf(mix((row + column) >>> 0));
}

/** The standard normal of a 32-bit hash: its top 11 bits pick an interval of the table, the rest the place in it. */
export function normalOf(h: number): number {
  const i = h >>> FRACTION_BITS;
  const f = (h & ((1 << FRACTION_BITS) - 1)) / (1 << FRACTION_BITS);
  const lo = QUANTILES[i]!;
  return lo + f * (QUANTILES[i + 1]! - lo);
}
