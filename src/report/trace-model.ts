import type { DaRound } from "../match/deferred-acceptance-rounds.js";
import type { IndexedScenario } from "../scenario/index-scenario.js";
import type { CallPhase, SeasonEvent } from "../season/events.js";
import type { TraceData } from "../season/trace.js";
import { round } from "../results/numbers.js";

// The trace in ids: what `trace --format json` prints and what the text and markdown
// narratives are rendered from, so the three formats cannot disagree.

export interface CallRef {
  phase: CallPhase;
  program: string;
  applicant: string;
}

export type TraceEvent =
  | {
      kind: "invite-call";
      call: CallRef;
      knower: string;
      /** The knower is the calling program's own director (they saw the applicant themself). */
      ownDirector: boolean;
      trust: number;
      influence: number;
      thought: string;
      said: string;
      effect: "invited" | "uninvited" | "unchanged";
    }
  | {
      kind: "rank-call";
      call: CallRef;
      category: "top" | "borderline" | "redFlag";
      knower: string;
      ownDirector: boolean;
      trust: number;
      influence: number;
      thought: string;
      said: string;
      from: number; // 1-based rank
      to: number | null; // null: dropped
    }
  | { kind: "ripple"; applicant: string; from: string; to: string; reason: "sameRegion" | "sameSpecialty" | "crossSpecialty"; knower: string }
  | { kind: "late-call"; call: CallRef; knower: string; relayed: boolean; from: number; to: number }
  | { kind: "insincerity-caught"; applicant: string; programs: string[]; moves: { program: string; from: number; to: number }[] };

// Every kind of season event has a form here: adding one to SeasonEvent fails to compile
// until it is converted below (and narrated in trace-narrative.ts).
type SameKinds<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const kindsAgree: SameKinds<TraceEvent["kind"], SeasonEvent["kind"]> = true;
void kindsAgree;

export interface TraceModel {
  scenario: string;
  seed: number;
  trial: number;
  proposer: "applicant" | "program";
  callsEnabled: boolean;
  size: { applicants: number; programs: number };
  invitations: {
    program: string;
    screened: boolean;
    applications: number;
    invited: string[];
    invitedWithoutCalls: string[];
    borderline: string[];
    cutoff: number | null;
  }[];
  interviews: { applicant: string; programs: string[] }[];
  events: TraceEvent[];
  rankLists: { program: string; positions: number; before: string[]; after: string[]; withoutCalls: string[] }[];
  applicantLists: { applicant: string; programs: string[] }[];
  rounds: { round: number; proposals: [string, string][]; unranked: [string, string][]; rejected: [string, string][]; held: [string, string][] }[];
  match: { applicant: string; withCalls: string | null; rankWithCalls: number | null; withoutCalls: string | null; rankWithoutCalls: number | null }[];
  attribution: { call: CallRef; changed: { applicant: string; withCall: string | null; withoutCall: string | null }[] }[];
  summary: {
    calls: number;
    callsThatChangedAMatch: number;
    callsThatChangedNothing: number;
    matchesChangedByCalls: number;
    blockingPairsVsUncalled: number;
  };
  blockingPairs: { applicant: string; program: string }[];
}

export function traceModel(d: TraceData, s: IndexedScenario, scenario: string): TraceModel {
  const A = (a: number) => s.applicantIds[a]!;
  const P = (q: number) => s.programIds[q]!;
  const R = (r: number) => s.referrerIds[r]!;
  const orNull = (q: number) => (q < 0 ? null : P(q));
  const call = (c: { phase: CallPhase; program: number; applicant: number }): CallRef => ({ phase: c.phase, program: P(c.program), applicant: A(c.applicant) });
  const pair = ([a, q]: [number, number]): [string, string] => [A(a), P(q)];

  const own = (e: { call: { program: number }; knower: number }) => s.program.director[e.call.program] === e.knower;
  const event = (e: SeasonEvent): TraceEvent => {
    switch (e.kind) {
      case "invite-call":
        return { ...e, call: call(e.call), knower: R(e.knower), ownDirector: own(e), trust: round(e.trust), influence: round(e.influence) };
      case "rank-call":
        return {
          ...e,
          call: call(e.call),
          knower: R(e.knower),
          ownDirector: own(e),
          trust: round(e.trust),
          influence: round(e.influence),
          from: e.from + 1,
          to: e.to < 0 ? null : e.to + 1,
        };
      case "ripple":
        return { ...e, applicant: A(e.applicant), from: P(e.from), to: P(e.to), knower: R(e.knower) };
      case "late-call":
        return { ...e, call: call(e.call), knower: R(e.knower), from: e.from + 1, to: e.to + 1 };
      case "insincerity-caught":
        return { ...e, applicant: A(e.applicant), programs: e.programs.map(P), moves: e.moves.map((m) => ({ program: P(m.program), from: m.from + 1, to: m.to + 1 })) };
    }
  };
  const rounds = d.rounds.map((r: DaRound, i) => ({
    round: i + 1,
    proposals: r.proposals.map(pair),
    unranked: r.unranked.map(pair),
    rejected: r.rejected.map(pair),
    held: r.held.map(pair),
  }));
  const changedCalls = d.attribution.filter((x) => x.changed.length > 0).length;
  let matchesChanged = 0;
  d.matchWith.program.forEach((q, a) => {
    if (q !== d.matchWithout.program[a]) matchesChanged++;
  });
  return {
    scenario,
    seed: d.seed,
    trial: d.trial,
    proposer: d.proposer,
    callsEnabled: d.callsEnabled,
    size: { applicants: s.applicant.count, programs: s.program.count },
    invitations: d.invitations.map((i) => ({
      program: P(i.program),
      screened: i.screened,
      applications: i.applications.length,
      invited: i.invited.map(A),
      invitedWithoutCalls: i.invitedWithoutCalls.map(A),
      borderline: i.borderline.map(A),
      cutoff: i.cutoff === null ? null : round(i.cutoff),
    })),
    interviews: d.interviews.map((ps, a) => ({ applicant: A(a), programs: ps.map(P) })),
    events: d.events.map(event),
    rankLists: d.listsBefore.map((before, q) => ({
      program: P(q),
      positions: s.program.positions[q]!,
      before: before.map(A),
      after: d.listsAfter[q]!.map(A),
      withoutCalls: d.listsWithoutCalls[q]!.map(A),
    })),
    applicantLists: d.applicantLists.map((ps, a) => ({ applicant: A(a), programs: ps.map(P) })),
    rounds,
    match: d.matchWith.program.map((q, a) => ({
      applicant: A(a),
      withCalls: orNull(q),
      rankWithCalls: q < 0 ? null : d.matchWith.rank[a]!,
      withoutCalls: orNull(d.matchWithout.program[a]!),
      rankWithoutCalls: d.matchWithout.program[a]! < 0 ? null : d.matchWithout.rank[a]!,
    })),
    attribution: d.attribution.map((x) => ({
      call: call(x.call),
      changed: x.changed.map((c) => ({ applicant: A(c.applicant), withCall: orNull(c.with), withoutCall: orNull(c.without) })),
    })),
    summary: {
      calls: d.attribution.length,
      callsThatChangedAMatch: changedCalls,
      callsThatChangedNothing: d.attribution.length - changedCalls,
      matchesChangedByCalls: matchesChanged,
      blockingPairsVsUncalled: d.blockingVsUncalled.length,
    },
    blockingPairs: d.blockingVsUncalled.map((b) => ({ applicant: A(b.applicant), program: P(b.program) })),
  };
}
