import type { IndexedScenario } from "../scenario/index-scenario.js";

/** The person a director calls about an applicant, and the weight of what they will say. */
export interface Contact {
  /** Referrer index of the knower, or -1 when the director reaches no one who knows them. */
  knower: number;
  /** Position of the knower in the applicant's knower list (for knowerViaAway). */
  slot: number;
  trust: number;
  influence: number;
}

export const newContact = (): Contact => ({ knower: -1, slot: -1, trust: 0, influence: 0 });

/**
 * The trust of a call from referrer d to referrer k, or -1 if d cannot reach k. A colleague
 * at the same institution is reached at trust 1, anyone else through the tie between them,
 * if there is one. Never oneself: what a director saw first-hand is not a call. Never the
 * director of a program that uses no backchannel: they take no call.
 */
export function trustBetween(s: IndexedScenario, d: number, k: number): number {
  const r = s.referrer;
  if (d === k || r.silent[k] === 1 || r.silent[d] === 1) return -1;
  return tieTrust(s, d, k);
}

/** The trust between two different referrers: 1 at the same institution, else their tie's, else -1. */
function tieTrust(s: IndexedScenario, d: number, k: number): number {
  const r = s.referrer;
  const inst = r.institution[d]!;
  if (inst >= 0 && inst === r.institution[k]) return 1;
  const { offsets, items } = r.ties;
  const end = offsets[d + 1]!;
  for (let t = offsets[d]!; t < end; t++) if (items[t] === k) return r.tieTrust[t]!;
  return -1;
}

/** Whether k is d, or tied to d: the same institution, or a relationship. */
export function isOrTiedTo(s: IndexedScenario, k: number, d: number): boolean {
  return k === d || tieTrust(s, d, k) >= 0;
}

/**
 * Fills `out` with the reachable knower of applicant a with the highest influence
 * (clout × trust); the first such knower on a tie. Returns false if there is none.
 */
export function bestContact(s: IndexedScenario, director: number, a: number, out: Contact): boolean {
  out.knower = -1;
  out.slot = -1;
  out.trust = 0;
  out.influence = -1;
  if (director < 0) return false;
  const { offsets, items } = s.applicant.knowers;
  const clout = s.referrer.clout;
  const end = offsets[a + 1]!;
  for (let j = offsets[a]!; j < end; j++) {
    const k = items[j]!;
    const trust = trustBetween(s, director, k);
    if (trust < 0) continue;
    const influence = clout[k]! * trust;
    if (influence > out.influence) {
      out.knower = k;
      out.slot = j;
      out.trust = trust;
      out.influence = influence;
    }
  }
  return out.knower >= 0;
}

/**
 * Whether program q's director reaches anyone who knows an applicant never changes within
 * a scenario, and most directors reach no one who knows most applicants: so it is worked
 * out once for every (program, applicant), one bit each, program by program (a program's
 * list is walked applicant by applicant, whose bits then lie in a few kilobytes). A market
 * too large for that (over MAX_BITS pairs) works each pair out as it comes.
 */
export interface ContactCache {
  /** Bit a of program q's row (words q·rowWords …): q's director reaches someone who knows a. */
  readonly reach: Uint32Array | undefined;
  readonly rowWords: number;
}

/** 2^29 pairs: 64 MB of bits a workspace. The NRMP preset has 287 million (36 MB). */
const MAX_BITS = 2 ** 29;

/**
 * Every pair (q, a) where bestContact(director of q, a) finds someone, from the other end:
 * each knower k of a is reached by the directors at k's institution and those tied to k
 * (trustBetween: never oneself, never a silent director or knower), and a director reaches
 * a through k for every program they direct.
 */
export function newContactCache(s: IndexedScenario): ContactCache {
  const nA = s.applicant.count;
  const nP = s.program.count;
  const rowWords = (nA + 31) >>> 5;
  if (nP * rowWords * 32 > MAX_BITS) return { reach: undefined, rowWords };
  const reach = new Uint32Array(nP * rowWords);
  const r = s.referrer;
  // Programs by director, and directors by institution.
  const directs: number[][] = Array.from({ length: r.count }, () => []);
  for (let q = 0; q < nP; q++) if (s.program.director[q]! >= 0) directs[s.program.director[q]!]!.push(q);
  const directorsAt = new Map<number, number[]>();
  for (let d = 0; d < r.count; d++) {
    if (directs[d]!.length === 0 || r.institution[d]! < 0) continue;
    const at = directorsAt.get(r.institution[d]!);
    if (at) at.push(d);
    else directorsAt.set(r.institution[d]!, [d]);
  }
  const mark = (d: number, k: number, a: number) => {
    if (d === k || r.silent[d] === 1) return;
    for (const q of directs[d]!) reach[q * rowWords + (a >>> 5)]! |= 1 << (a & 31);
  };
  const { offsets, items } = s.applicant.knowers;
  for (let a = 0; a < nA; a++) {
    for (let j = offsets[a]!; j < offsets[a + 1]!; j++) {
      const k = items[j]!;
      if (r.silent[k] === 1) continue;
      const inst = r.institution[k]!;
      if (inst >= 0) for (const d of directorsAt.get(inst) ?? []) mark(d, k, a);
      for (let t = r.ties.offsets[k]!; t < r.ties.offsets[k + 1]!; t++) if (directs[r.ties.items[t]!]!.length > 0) mark(r.ties.items[t]!, k, a);
    }
  }
  return { reach, rowWords };
}

const probe = newContact();

/**
 * Whether program q's director reaches anyone who knows applicant a: one bit, where
 * bestContactOf also works out whom. A cheap test to make before a random draw that a
 * call needs.
 */
export function reachesAnyone(s: IndexedScenario, cache: ContactCache, q: number, a: number): boolean {
  const reach = cache.reach;
  if (reach === undefined) return bestContact(s, s.program.director[q]!, a, probe);
  return ((reach[q * cache.rowWords + (a >>> 5)]! >>> (a & 31)) & 1) === 1;
}

/** bestContact for program q's director, skipping the pairs that reach no one. */
export function bestContactOf(s: IndexedScenario, cache: ContactCache, q: number, a: number, out: Contact): boolean {
  // A pair that reaches no one: bestContact without a director only clears `out`. Without
  // the bits, bestContact works it out once.
  const director = s.program.director[q]!;
  return bestContact(s, cache.reach === undefined || reachesAnyone(s, cache, q, a) ? director : -1, a, out);
}
