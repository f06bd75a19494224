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
 * out once per (program, applicant) and kept, in two bits (0: not yet known, 1: no one,
 * 2: someone), small enough to stay in the processor's cache between lookups (a whole
 * contact per pair was not: its lookups cost as much as working it out). Kept only up to
 * MAX_CACHED pairs; a larger market works each one out afresh.
 */
export interface ContactCache {
  readonly states: Uint8Array | undefined;
  readonly applicants: number;
}

const MAX_CACHED = 1 << 24;
const UNREACHABLE = 1;
const REACHABLE = 2;

export function newContactCache(s: IndexedScenario): ContactCache {
  const pairs = s.program.count * s.applicant.count;
  return { states: pairs <= MAX_CACHED ? new Uint8Array((pairs + 3) >> 2) : undefined, applicants: s.applicant.count };
}

const probe = newContact();

/** The cached state of the pair (q, a): 0 (not yet known), UNREACHABLE or REACHABLE. */
function stateOf(states: Uint8Array, cache: ContactCache, q: number, a: number): number {
  const at = q * cache.applicants + a;
  return (states[at >> 2]! >> ((at & 3) << 1)) & 3;
}

/**
 * Whether program q's director reaches anyone who knows applicant a: a lookup in the
 * cache (filled here on first sight), where bestContactOf also works out whom. A cheap
 * test to make before a random draw that a call needs.
 */
export function reachesAnyone(s: IndexedScenario, cache: ContactCache, q: number, a: number): boolean {
  const states = cache.states;
  const state = states === undefined ? 0 : stateOf(states, cache, q, a);
  return state === 0 ? bestContactOf(s, cache, q, a, probe) : state === REACHABLE;
}

/** bestContact for program q's director, skipping the pairs known to reach no one. */
export function bestContactOf(s: IndexedScenario, cache: ContactCache, q: number, a: number, out: Contact): boolean {
  const director = s.program.director[q]!;
  const states = cache.states;
  if (states === undefined) return bestContact(s, director, a, out);
  const state = stateOf(states, cache, q, a);
  // A pair known to reach no one: bestContact without a director only clears `out`.
  if (state === UNREACHABLE) return bestContact(s, -1, a, out);
  const found = bestContact(s, director, a, out);
  if (state === 0) {
    const at = q * cache.applicants + a;
    states[at >> 2]! |= (found ? REACHABLE : UNREACHABLE) << ((at & 3) << 1);
  }
  return found;
}
