import type { Verdict } from "../scenario/schema.js";

/** Where in the season a call happened. */
export type CallPhase = "preInterview" | "rankList" | "late";

/** What a call is about: the key that identifies it across re-runs of the same season. */
export interface CallKey {
  readonly phase: CallPhase;
  readonly program: number;
  readonly applicant: number;
}

export function callKeyString(k: CallKey): string {
  return `${k.phase}:${k.program}:${k.applicant}`;
}

/**
 * The calls of a season and what they did, in order, for `trace` (the lists and the match
 * it reads from the season's buffers). Indices, not ids: the narrative turns them into
 * names. Emitted only when a listener is given, so normal runs build none.
 */
export type SeasonEvent =
  | {
      kind: "invite-call";
      call: CallKey;
      knower: number;
      trust: number;
      influence: number;
      thought: Verdict;
      said: Verdict;
      effect: "invited" | "uninvited" | "unchanged";
    }
  | {
      kind: "rank-call";
      call: CallKey;
      category: "top" | "borderline" | "redFlag";
      knower: number;
      trust: number;
      influence: number;
      thought: Verdict;
      said: Verdict;
      from: number;
      to: number; // -1 when dropped
    }
  | { kind: "ripple"; applicant: number; from: number; to: number; reason: "sameRegion" | "sameSpecialty" | "crossSpecialty"; knower: number }
  | { kind: "late-call"; call: CallKey; knower: number; relayed: boolean; from: number; to: number }
  | { kind: "insincerity-caught"; applicant: number; programs: number[]; moves: { program: number; from: number; to: number }[] };

export type EventListener = (event: SeasonEvent) => void;
