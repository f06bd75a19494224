import { bestContact, type Contact } from "./reach.js";
import type { Workspace } from "./workspace.js";

/** The best contacts found so far, per candidate pair (plan.candidates), for one workspace. */
export interface ContactCache {
  /** Knower index, -1 for none, or NOT_YET. */
  readonly knower: Int32Array;
  readonly slot: Int32Array;
  readonly trust: Float64Array;
  readonly influence: Float64Array;
}

const NOT_YET = -2;

export function newContactCache(candidatePairs: number): ContactCache {
  return {
    knower: new Int32Array(candidatePairs).fill(NOT_YET),
    slot: new Int32Array(candidatePairs),
    trust: new Float64Array(candidatePairs),
    influence: new Float64Array(candidatePairs),
  };
}

/**
 * bestContact for the director of program q and applicant a, whose application is entry
 * k (-1 if none). Who a director reaches depends on the scenario alone, not on the trial,
 * so the answer is kept per candidate pair and looked up in later trials.
 */
export function contactFor(ws: Workspace, q: number, a: number, k: number, out: Contact): boolean {
  const { s } = ws.plan;
  const director = s.program.director[q]!;
  if (k < 0) return bestContact(s, director, a, out);
  const c = ws.appCandidate[k]!;
  const cache = ws.contacts;
  if (cache.knower[c] === NOT_YET) {
    bestContact(s, director, a, out);
    cache.knower[c] = out.knower;
    cache.slot[c] = out.slot;
    cache.trust[c] = out.trust;
    cache.influence[c] = out.influence;
  } else {
    out.knower = cache.knower[c]!;
    out.slot = cache.slot[c]!;
    out.trust = cache.trust[c]!;
    out.influence = cache.influence[c]!;
  }
  return out.knower >= 0;
}
