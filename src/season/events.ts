import type { Verdict } from "../scenario/schema.js";

/** Where in the season a call happened. */
export type CallPhase = "preInterview" | "rankList" | "advocacy" | "late";

/**
 * What a call is about: the key that identifies it across re-runs of the same season. An
 * advocate's call also names the advocate (`caller`), since several may call one program
 * about one applicant.
 */
export interface CallKey {
  readonly phase: CallPhase;
  readonly program: number;
  readonly applicant: number;
  readonly caller?: number;
}

export function callKeyString(k: CallKey): string {
  return `${k.phase}:${k.program}:${k.applicant}${k.caller === undefined ? "" : `:${k.caller}`}`;
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
      /** What the word did: won a slot, lost one, secured a slot held, vetoed one not held, or nothing. */
      effect: "invited" | "uninvited" | "secured" | "vetoed" | "unchanged";
      /** The applicant whose slot went to the one called about (-1 if none). */
      displaced: number;
      /** The applicant who got the slot the one called about lost (-1 if none). */
      promoted: number;
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
      /** Why a red flag: the applicant's flags, or paper and interview this far apart. */
      flags: number;
      gap: number;
      /** The drop was a home or away director's "we didn't rank them". */
      didNotRank: boolean;
    }
  | {
      kind: "advocate-call";
      call: CallKey;
      /** The advocate, who calls the program's director. */
      advocate: number;
      pushed: boolean;
      trust: number;
      influence: number;
      thought: Verdict;
      said: Verdict;
      from: number;
      to: number;
    }
  | { kind: "ripple"; applicant: number; from: number; to: number; reason: "sameRegion" | "sameSpecialty" | "crossSpecialty"; knower: number }
  | {
      kind: "late-call";
      call: CallKey;
      knower: number;
      trust: number;
      influence: number;
      /** Why the program is nervous. */
      reason: "short" | "topHeavy";
      /** A "#1" told to this program, relayed by someone from the applicant's home institution. */
      relayed: boolean;
      from: number;
      to: number;
    }
  | {
      kind: "insincerity-caught";
      call: CallKey;
      /** The other program the applicant also told "#1", whose director the knower is or is tied to. */
      other: number;
      from: number;
      to: number;
    };

export type EventListener = (event: SeasonEvent) => void;
