import { csrFromLists } from "../../src/scenario/csr.js";
import type { Assignment, Market } from "../../src/match/market.js";

/** A market written with names, as the worked examples are. */
export interface NamedMarket {
  applicants: Record<string, string[]>;
  programs: Record<string, { positions: number; ranks: string[] }>;
}

export interface BuiltMarket {
  market: Market;
  applicantNames: string[];
  programNames: string[];
}

export function buildMarket(named: NamedMarket): BuiltMarket {
  const applicantNames = Object.keys(named.applicants);
  const programNames = Object.keys(named.programs);
  const a = new Map(applicantNames.map((n, i) => [n, i]));
  const p = new Map(programNames.map((n, i) => [n, i]));
  return {
    applicantNames,
    programNames,
    market: {
      applicants: applicantNames.length,
      programs: programNames.length,
      capacity: Int32Array.from(programNames, (n) => named.programs[n]!.positions),
      applicantLists: csrFromLists(applicantNames.map((n) => named.applicants[n]!.map((q) => p.get(q)!))),
      programLists: csrFromLists(programNames.map((n) => named.programs[n]!.ranks.map((q) => a.get(q)!))),
    },
  };
}

/** program name → sorted applicant names, with every program present. */
export function byProgram(built: BuiltMarket, programOf: Assignment): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of built.programNames) out[name] = [];
  programOf.forEach((p, a) => {
    if (p >= 0) out[built.programNames[p]!]!.push(built.applicantNames[a]!);
  });
  for (const k of Object.keys(out)) out[k]!.sort();
  return out;
}

/** Market lists as plain arrays, for the reference implementations below. */
export function listsOf(m: Market): { a: number[][]; p: number[][] } {
  const rows = (c: Market["applicantLists"], n: number) =>
    Array.from({ length: n }, (_, i) => Array.from(c.items.subarray(c.offsets[i]!, c.offsets[i + 1]!)));
  return { a: rows(m.applicantLists, m.applicants), p: rows(m.programLists, m.programs) };
}

function acceptable(lists: { a: number[][]; p: number[][] }, a: number, p: number): boolean {
  return lists.a[a]!.includes(p) && lists.p[p]!.includes(a);
}

function isStableBrute(m: Market, lists: { a: number[][]; p: number[][] }, programOf: number[]): boolean {
  for (let a = 0; a < m.applicants; a++) {
    for (const p of lists.a[a]!) {
      const mine = programOf[a]!;
      if (mine === p) continue;
      if (mine >= 0 && lists.a[a]!.indexOf(mine) < lists.a[a]!.indexOf(p)) continue;
      if (!acceptable(lists, a, p)) continue;
      const held = programOf.flatMap((q, b) => (q === p ? [b] : []));
      if (held.length < m.capacity[p]!) return false;
      if (held.some((b) => lists.p[p]!.indexOf(b) > lists.p[p]!.indexOf(a))) return false;
    }
  }
  return true;
}

/** Every stable matching of a small market, by exhaustive enumeration. */
export function allStableMatchings(m: Market): number[][] {
  const lists = listsOf(m);
  const options = lists.a.map((l, a) => [-1, ...l.filter((p) => acceptable(lists, a, p))]);
  const load = new Array<number>(m.programs).fill(0);
  const current = new Array<number>(m.applicants).fill(-1);
  const found: number[][] = [];
  const walk = (a: number) => {
    if (a === m.applicants) {
      if (isStableBrute(m, lists, current)) found.push([...current]);
      return;
    }
    for (const p of options[a]!) {
      if (p >= 0 && load[p]! >= m.capacity[p]!) continue;
      current[a] = p;
      if (p >= 0) load[p]!++;
      walk(a + 1);
      if (p >= 0) load[p]!--;
    }
    current[a] = -1;
  };
  walk(0);
  return found;
}

/**
 * Deferred acceptance in simultaneous rounds, as textbooks tell it: every free applicant
 * proposes at once, every program keeps its best up to capacity. Written independently of
 * src/match so the two can be compared on random markets.
 */
export function roundsDeferredAcceptance(m: Market): number[] {
  const lists = listsOf(m);
  const next = new Array<number>(m.applicants).fill(0);
  const held: number[][] = Array.from({ length: m.programs }, () => []);
  let free = Array.from({ length: m.applicants }, (_, a) => a);
  while (free.length > 0) {
    const proposals: number[][] = Array.from({ length: m.programs }, () => []);
    const stillFree: number[] = [];
    for (const a of free) {
      if (next[a]! >= lists.a[a]!.length) continue;
      const p = lists.a[a]![next[a]!++]!;
      if (lists.p[p]!.includes(a)) proposals[p]!.push(a);
      else stillFree.push(a);
    }
    for (let p = 0; p < m.programs; p++) {
      if (proposals[p]!.length === 0) continue;
      const pool = [...held[p]!, ...proposals[p]!].sort((x, y) => lists.p[p]!.indexOf(x) - lists.p[p]!.indexOf(y));
      held[p] = pool.slice(0, m.capacity[p]!);
      stillFree.push(...pool.slice(m.capacity[p]!));
    }
    free = stillFree;
  }
  const programOf = new Array<number>(m.applicants).fill(-1);
  held.forEach((as, p) => as.forEach((a) => (programOf[a] = p)));
  return programOf;
}
