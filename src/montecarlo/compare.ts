import type { Proposer } from "../match/deferred-acceptance.js";
import { csrRow } from "../scenario/csr.js";
import { addPair, PAIR } from "./pair-cells.js";
import type { IndexedScenario } from "../scenario/index-scenario.js";
import { VERDICTS } from "../scenario/schema.js";
import type { SeasonEvent } from "../season/events.js";
import { makeSeasonPlan } from "../season/plan.js";
import { runTrial, type TrialResult } from "../season/season.js";
import { newWorkspace, type World, type Workspace } from "../season/workspace.js";

// What-ifs on the same seasons: a base scenario and its variants each run every trial on
// the same addressed draws (keyed by ids), and each applicant's outcome in a variant is
// paired with their outcome in the base, season by season, in the world with calls and in
// the world without. Counts are whole numbers, so merging is exact in any order.

export { PAIR } from "./pair-cells.js";

/** The two worlds of a season, in the order cells are kept. */
export const WORLDS = ["withCalls", "withoutCalls"] as const;

/** Per knower of a watched applicant: calls through them about the applicant, then calls by verdict said. */
export const KNOWER = { calls: 0, verdicts: 1, size: 6 } as const;

export interface CompareAccumulator {
  trials: number;
  /** One array per variant: cells[(a × 2 + world) × PAIR.size + cell], a the variant's applicant. */
  readonly variants: Float64Array[];
  /** The watched applicant's knowers in the base (in the order of the base's knower list). */
  readonly knowers: Float64Array;
}

/** How a variant's applicants line up with the base's: by id. */
export interface CompareAlignment {
  /** Per variant: for each of its applicants, the base applicant with the same id, or -1 (a new one). */
  readonly baseOf: Int32Array[];
  /** The watched applicant's index in the base, or -1. */
  readonly watch: number;
}

export function alignScenarios(base: IndexedScenario, variants: readonly IndexedScenario[], watch: string | undefined): CompareAlignment {
  const index = new Map(base.applicantIds.map((id, a) => [id, a]));
  return {
    baseOf: variants.map((v) => Int32Array.from(v.applicantIds, (id) => index.get(id) ?? -1)),
    watch: watch === undefined ? -1 : (index.get(watch) ?? -1),
  };
}

export function newCompareAccumulator(base: IndexedScenario, variants: readonly IndexedScenario[], alignment: CompareAlignment): CompareAccumulator {
  const knowers = alignment.watch < 0 ? 0 : csrRow(base.applicant.knowers, alignment.watch).length;
  return {
    trials: 0,
    variants: variants.map((v) => new Float64Array(v.applicant.count * 2 * PAIR.size)),
    knowers: new Float64Array(knowers * KNOWER.size),
  };
}

/** Adds one season's pairing of a variant world (X) with the same base world (Y). */
function addPairs(cells: Float64Array, world: number, x: World, y: World, baseOf: Int32Array): void {
  for (let a = 0; a < baseOf.length; a++) addPair(cells, (a * 2 + world) * PAIR.size, x, a, y, baseOf[a]!);
}

/** The workspaces of a comparison, built once and reused for every trial. */
export interface CompareWorkspaces {
  readonly base: Workspace;
  readonly variants: Workspace[];
}

export function compareWorkspaces(base: IndexedScenario, variants: readonly IndexedScenario[]): CompareWorkspaces {
  return { base: newWorkspace(makeSeasonPlan(base)), variants: variants.map((v) => newWorkspace(makeSeasonPlan(v))) };
}

/** Counts, for the watched applicant, each call about them by the knower it went through and what was said. */
function watcher(base: IndexedScenario, acc: CompareAccumulator, watch: number): ((e: SeasonEvent) => void) | undefined {
  if (watch < 0) return undefined;
  const knowers = Array.from(csrRow(base.applicant.knowers, watch));
  return (e) => {
    let knower = -1;
    let said: string | undefined;
    if ((e.kind === "invite-call" || e.kind === "rank-call") && e.call.applicant === watch) [knower, said] = [e.knower, e.said];
    else if (e.kind === "advocate-call" && e.call.applicant === watch) [knower, said] = [e.advocate, e.said];
    else if (e.kind === "late-call" && e.call.applicant === watch) knower = e.knower;
    const slot = knowers.indexOf(knower);
    if (slot < 0) return;
    acc.knowers[slot * KNOWER.size + KNOWER.calls]!++;
    if (said !== undefined) acc.knowers[slot * KNOWER.size + KNOWER.verdicts + VERDICTS.indexOf(said as (typeof VERDICTS)[number])]!++;
  };
}

export interface CompareRange {
  readonly seed: number;
  readonly first: number;
  readonly count: number;
  readonly proposer: Proposer;
}

/** Runs trials first … first+count-1 of the base and of every variant, and adds their pairings. */
export function runCompareRange(acc: CompareAccumulator, ws: CompareWorkspaces, alignment: CompareAlignment, range: CompareRange): CompareAccumulator {
  const emit = watcher(ws.base.plan.s, acc, alignment.watch);
  for (let t = range.first; t < range.first + range.count; t++) {
    const base: TrialResult = runTrial(ws.base, range.seed, t, emit === undefined ? { proposer: range.proposer } : { proposer: range.proposer, emit });
    ws.variants.forEach((vws, v) => {
      const r = runTrial(vws, range.seed, t, { proposer: range.proposer });
      const cells = acc.variants[v]!;
      addPairs(cells, 0, r.withCalls, base.withCalls, alignment.baseOf[v]!);
      addPairs(cells, 1, r.withoutCalls, base.withoutCalls, alignment.baseOf[v]!);
    });
    acc.trials++;
  }
  return acc;
}

/** Adds `other` into `into` (whole numbers: any order, any split). */
export function mergeCompare(into: CompareAccumulator, other: CompareAccumulator): void {
  into.trials += other.trials;
  into.variants.forEach((cells, v) => {
    const add = other.variants[v]!;
    for (let i = 0; i < cells.length; i++) cells[i]! += add[i]!;
  });
  for (let i = 0; i < into.knowers.length; i++) into.knowers[i]! += other.knowers[i]!;
}

/** An accumulator as plain data, for workers to send back. */
export interface CompareData {
  trials: number;
  variants: Float64Array[];
  knowers: Float64Array;
}

export const compareFromData = (d: CompareData): CompareAccumulator => ({
  trials: d.trials,
  variants: d.variants.map((x) => Float64Array.from(x)),
  knowers: Float64Array.from(d.knowers),
});

/**
 * The base with one knower silent about one applicant: removed from that applicant's
 * knowers and advocates, so that no call reaches them about the applicant and a director
 * asks whoever else they reach. Nothing else changes: the same seasons, the same draws.
 */
export function silenceKnower(s: IndexedScenario, applicant: number, knower: number): IndexedScenario {
  const a = s.applicant;
  const keepKnower = (row: number, j: number) => row !== applicant || a.knowers.items[j] !== knower;
  const knowers = filterCsr(a.knowers, keepKnower);
  const viaAway = Uint8Array.from(a.knowerViaAway.filter((_, j) => keepKnower(rowOf(a.knowers.offsets, j), j)));
  const keepAdvocate = (row: number, j: number) => row !== applicant || a.advocates.items[j] !== knower;
  const advocateRows = Array.from(a.advocates.items, (_, j) => rowOf(a.advocates.offsets, j));
  const kept = advocateRows.map((row, j) => keepAdvocate(row, j));
  const programs: number[][] = [];
  for (let j = 0; j < kept.length; j++) if (kept[j]) programs.push(Array.from(csrRow(a.advocatePrograms, j)));
  const programOffsets = new Int32Array(programs.length + 1);
  programs.forEach((p, i) => (programOffsets[i + 1] = programOffsets[i]! + p.length));
  return {
    ...s,
    applicant: {
      ...a,
      knowers,
      knowerViaAway: viaAway,
      advocates: filterCsr(a.advocates, keepAdvocate),
      advocatePushed: a.advocatePushed.filter((_, j) => kept[j]),
      advocateHasPrograms: a.advocateHasPrograms.filter((_, j) => kept[j]),
      advocatePrograms: { offsets: programOffsets, items: Int32Array.from(programs.flat()) },
    },
  };
}

function rowOf(offsets: Int32Array, j: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= j) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function filterCsr(csr: { offsets: Int32Array; items: Int32Array }, keep: (row: number, j: number) => boolean): { offsets: Int32Array; items: Int32Array } {
  const rows = csr.offsets.length - 1;
  const offsets = new Int32Array(rows + 1);
  const items: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let j = csr.offsets[r]!; j < csr.offsets[r + 1]!; j++) if (keep(r, j)) items.push(csr.items[j]!);
    offsets[r + 1] = items.length;
  }
  return { offsets, items: Int32Array.from(items) };
}
