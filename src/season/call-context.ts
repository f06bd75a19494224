import type { IndexedScenario } from "../scenario/index-scenario.js";
import type { TrialStreams } from "../rng/streams.js";
import { callKeyString, type CallPhase, type EventListener } from "./events.js";
import { newContact, type Contact } from "./reach.js";
import type { World } from "./workspace.js";

/** Indices of the per-trial counters of the world with calls. */
export const COUNT = {
  /** 0..3: calls made, by phase (see PHASE_NUMBER). */
  calls: 0,
  verdicts: 4, // 4..8: strong, positive, fine, cautious, would-not-rank
  drops: 9,
  rippleDrops: 10,
  insincerityCaught: 11,
  invitesGained: 12,
  invitesLost: 13,
  /** 14..16: rank-list entries a director could call about (a knower in reach), by category. */
  reachable: 14,
  /** 17..19: rank-list calls made, by category (top, borderline, red flag). */
  callsByCategory: 17,
  /** Late calls that relayed a "#1", and pushed advocates' half-hearted "fine". */
  relayed: 20,
  halfHearted: 21,
  /** Programs that placed at least one late call. */
  lateCallers: 22,
  size: 23,
} as const;

export const CATEGORIES = ["top", "borderline", "redFlag"] as const;

/** The phases with calls, in the order of the season; their numbers index counters and draws. */
export const PHASES = ["preInterview", "rankList", "advocacy", "late"] as const;
export const PHASE_NUMBER: Record<CallPhase, number> = { preInterview: 0, rankList: 1, advocacy: 2, late: 3 };

/** What the phases with calls share while they edit the world with calls. */
export interface CallContext {
  readonly s: IndexedScenario;
  readonly streams: TrialStreams;
  readonly world: World;
  readonly counts: Int32Array;
  readonly contact: Contact;
  readonly emit: EventListener | undefined;
  /** Calls to leave out (keys from callKeyString); every other draw stays as it was. */
  readonly suppress: ReadonlySet<string> | undefined;
}

export function newCallContext(
  s: IndexedScenario,
  streams: TrialStreams,
  world: World,
  emit: EventListener | undefined,
  suppress: ReadonlySet<string> | undefined,
): CallContext {
  return { s, streams, world, counts: new Int32Array(COUNT.size), contact: newContact(), emit, suppress };
}

export function isSuppressed(ctx: CallContext, phase: CallPhase, program: number, applicant: number, caller?: number): boolean {
  return ctx.suppress !== undefined && ctx.suppress.has(callKeyString(caller === undefined ? { phase, program, applicant } : { phase, program, applicant, caller }));
}

/**
 * Books a call about applicant a in program q's name: made by its director, or taken by
 * its director from an advocate (advocacy).
 */
export function countCall(ctx: CallContext, phase: CallPhase, q: number, a: number): void {
  const f = PHASE_NUMBER[phase];
  ctx.counts[COUNT.calls + f]!++;
  ctx.world.callsAbout[a]!++;
  ctx.world.callsBy[q]!++;
  ctx.world.callsByPhase[4 * q + f]!++;
}

/** A probability scaled by a program's backchannel use, capped at 1. */
export const scaled = (p: number, use: number): number => Math.min(1, p * use);
