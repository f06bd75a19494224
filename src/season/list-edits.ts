import type { World } from "./workspace.js";

// Edits of a program's rank list in place: the list is the slice
// pList[pStart[q]] … pList[pStart[q] + pLen[q] - 1], best first, with the entries of
// pEntry beside them. Each edit books the program in the world's edited list.

function markEdited(world: World, q: number): void {
  if (world.edited[q]) return;
  world.edited[q] = 1;
  world.editedPrograms[world.editedCount++] = q;
}

/**
 * Position (0-based) of applicant a on program q's list, or -1. `near` is where they
 * probably are (their place before edits): looked at first, since few edits move anyone.
 */
export function positionOn(world: World, q: number, a: number, near = 0): number {
  const list = world.pList;
  const start = world.pStart[q]!;
  const n = world.pLen[q]!;
  if (near < n && list[start + near] === a) return near;
  if (near > 0 && near - 1 < n && list[start + near - 1] === a) return near - 1;
  for (let i = 0; i < n; i++) if (list[start + i] === a) return i;
  return -1;
}

/**
 * Moves the entry at `from` to `to`, shifting those between; returns `to`. The shift is a
 * loop over both arrays at once: a move spans a few dozen places at most, where two calls
 * of copyWithin cost more than the copying.
 */
export function moveTo(world: World, q: number, from: number, to: number): number {
  const start = world.pStart[q]!;
  const { pList, pEntry } = world;
  const a = pList[start + from]!;
  const k = pEntry[start + from]!;
  markEdited(world, q);
  if (to < from) {
    for (let i = start + from; i > start + to; i--) {
      pList[i] = pList[i - 1]!;
      pEntry[i] = pEntry[i - 1]!;
    }
  } else {
    for (let i = start + from; i < start + to; i++) {
      pList[i] = pList[i + 1]!;
      pEntry[i] = pEntry[i + 1]!;
    }
  }
  pList[start + to] = a;
  pEntry[start + to] = k;
  return to;
}

/** Moves the entry at `from` up by `spots` (down if negative), kept within the list. */
export function moveBy(world: World, q: number, from: number, spots: number): number {
  const to = Math.min(Math.max(from - spots, 0), world.pLen[q]! - 1);
  return moveTo(world, q, from, to);
}

/** Removes the entry at `at` (the rest of the list shifted up, as in moveTo). */
export function removeAt(world: World, q: number, at: number): void {
  const start = world.pStart[q]!;
  const n = world.pLen[q]!;
  const { pList, pEntry } = world;
  markEdited(world, q);
  for (let i = start + at; i < start + n - 1; i++) {
    pList[i] = pList[i + 1]!;
    pEntry[i] = pEntry[i + 1]!;
  }
  world.pLen[q] = n - 1;
}

/** Half away from zero: a shift of −2.5 spots is −3, as +2.5 is +3. */
export const roundSpots = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));
