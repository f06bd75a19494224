import type { IndexedScenario } from "../scenario/index-scenario.js";
import type { TrialStreams } from "../rng/streams.js";
import { callKeyString, type CallPhase, type EventListener } from "./events.js";
import { newContact, type Contact } from "./reach.js";
import type { World } from "./workspace.js";

/** Indices of the per-trial counters of the world with calls. */
export const COUNT = {
  preInterviewCalls: 0,
  rankListCalls: 1,
  lateCalls: 2,
  verdicts: 3, // 3..7: strong, positive, fine, cautious, would-not-rank
  drops: 8,
  rippleDrops: 9,
  insincerityCaught: 10,
  invitesGained: 11,
  invitesLost: 12,
  /** 13..15: rank-list entries a director could call about (a knower in reach), by category. */
  reachable: 13,
  /** 16..18: rank-list calls made, by category (top, borderline, red flag). */
  callsByCategory: 16,
  size: 19,
} as const;

export const CATEGORIES = ["top", "borderline", "redFlag"] as const;

export const PHASE_NUMBER: Record<CallPhase, number> = { preInterview: 0, rankList: 1, late: 2 };

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

export function isSuppressed(ctx: CallContext, phase: CallPhase, program: number, applicant: number): boolean {
  return ctx.suppress !== undefined && ctx.suppress.has(callKeyString({ phase, program, applicant }));
}

/** Books a call made by program q about applicant a. */
export function countCall(ctx: CallContext, counter: number, q: number, a: number): void {
  ctx.counts[counter]!++;
  ctx.world.callsAbout[a]!++;
  ctx.world.callsBy[q]!++;
}

/** A probability scaled by a program's backchannel use, capped at 1. */
export const scaled = (p: number, use: number): number => Math.min(1, p * use);
