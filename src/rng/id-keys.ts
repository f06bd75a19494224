import { mix } from "./mix.js";

// Apart from streams.ts, which reads a trial's seed through seedrandom: indexing a scenario
// needs only these keys, and a command that never runs a season (match, validate) then
// loads no generator.

/**
 * The coordinate an entity's draws are addressed by: a 30-bit hash of its kind and id, so
 * that adding, removing or reordering other entities leaves its draws as they were. 30
 * bits keep every key a small integer to the engine: with 32, half the keys were not, and
 * the arithmetic on them in the season's hottest loops fell back to floating point.
 */
export function idKey(kind: string, id: string): number {
  return keyAfter(kindState(kind), id);
}

/**
 * idKey of each id, for many ids of one kind: FNV-1a runs over `kind`, a NUL and the id,
 * so the state after the kind and the NUL is worked out once (no string is built per id),
 * in one loop over the ids (a closure per kind, called per id, took half again as long in
 * a command that indexes a large market once).
 */
export function idKeys(kind: string, ids: readonly string[]): Int32Array {
  const state = kindState(kind);
  const keys = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) keys[i] = keyAfter(state, ids[i]!);
  return keys;
}

/** FNV-1a's state after `kind` and a NUL. */
function kindState(kind: string): number {
  let h = 0x811c9dc5;
  const head = `${kind}\u0000`;
  for (let i = 0; i < head.length; i++) {
    h ^= head.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** The key of an id, from the state after its kind. */
function keyAfter(state: number, id: string): number {
  let h = state;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix(h >>> 0) >>> 2;
}
