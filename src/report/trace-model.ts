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
  /** The advocate, on an advocate's call. */
  caller?: string;
}

export type Verdict = "strong" | "positive" | "fine" | "cautious" | "would-not-rank";

export type TraceEvent =
  | {
      kind: "invite-call";
      call: CallRef;
      /** The program's director, who asked. */
      director: string;
      knower: string;
      trust: number;
      influence: number;
      thought: Verdict;
      said: Verdict;
      effect: "invited" | "uninvited" | "secured" | "vetoed" | "unchanged";
      /** Who lost their invitation to the applicant called about, and who got theirs. */
      displaced: string | null;
      promoted: string | null;
    }
  | {
      kind: "rank-call";
      call: CallRef;
      director: string;
      category: "top" | "borderline" | "redFlag";
      /** Why a red flag: the applicant's flags, and how far paper and interview were apart. */
      flags: number;
      gap: number;
      knower: string;
      trust: number;
      influence: number;
      thought: Verdict;
      said: Verdict;
      from: number; // 1-based rank
      to: number | null; // null: dropped
      /** A home or away director's would-not-rank: "we didn't rank them". */
      didNotRank: boolean;
    }
  | {
      kind: "advocate-call";
      call: CallRef;
      advocate: string;
      /** The program's director, who took the call. */
      director: string;
      pushed: boolean;
      trust: number;
      influence: number;
      thought: Verdict;
      said: Verdict;
      from: number;
      to: number | null;
    }
  | {
      kind: "ripple";
      applicant: string;
      from: string;
      to: string;
      reason: "sameRegion" | "sameSpecialty" | "crossSpecialty";
      /** What the two programs share, by the scenario's own names (null where it gives none). */
      region: string | null;
      specialty: string | null;
      knower: string;
    }
  | {
      kind: "late-call";
      call: CallRef;
      director: string;
      reason: "short" | "topHeavy";
      knower: string;
      trust: number;
      influence: number;
      relayed: boolean;
      from: number;
      to: number;
    }
  | { kind: "insincerity-caught"; call: CallRef; other: string; from: number; to: number };

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
  /** The trial `--find` chose, and the stories it was looking for. */
  found?: { trial: number; stories: { kind: string; applicant?: string }[] };
  /** How people are shown in the story: the file's names, where they differ from the ids. */
  labels: { applicants: Record<string, string>; programs: Record<string, string>; referrers: Record<string, string> };
}

/**
 * Ids to the labels people read: the name where the file gives one, made unique by the id
 * where two entities of a kind share a name. Only the labels that differ from ids are kept.
 */
export function labelTable(ids: readonly string[], labels: readonly string[]): Record<string, string> {
  const uses = new Map<string, number>();
  for (const l of labels) uses.set(l, (uses.get(l) ?? 0) + 1);
  const idSet = new Set(ids);
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  ids.forEach((id, i) => {
    const l = labels[i]!;
    if (l === id) return;
    // A name shared with another entity, or equal to another's id, would point at two people.
    out[id] = uses.get(l)! > 1 || idSet.has(l) ? `${l} (${id})` : l;
  });
  return out;
}

export function traceModel(d: TraceData, s: IndexedScenario, scenario: string): TraceModel {
  const A = (a: number) => s.applicantIds[a]!;
  const P = (q: number) => s.programIds[q]!;
  const R = (r: number) => s.referrerIds[r]!;
  const orNull = (q: number) => (q < 0 ? null : P(q));
  const call = (c: { phase: CallPhase; program: number; applicant: number; caller?: number }): CallRef =>
    c.caller === undefined ? { phase: c.phase, program: P(c.program), applicant: A(c.applicant) } : { phase: c.phase, program: P(c.program), applicant: A(c.applicant), caller: R(c.caller) };
  const pair = ([a, q]: [number, number]): [string, string] => [A(a), P(q)];

  const D = (q: number) => R(s.program.director[q]!);
  const rank = (x: number) => (x < 0 ? null : x + 1);
  const event = (e: SeasonEvent): TraceEvent => {
    switch (e.kind) {
      case "invite-call":
        return {
          ...e,
          call: call(e.call),
          director: D(e.call.program),
          knower: R(e.knower),
          trust: round(e.trust),
          influence: round(e.influence),
          displaced: e.displaced < 0 ? null : A(e.displaced),
          promoted: e.promoted < 0 ? null : A(e.promoted),
        };
      case "rank-call":
        return {
          ...e,
          call: call(e.call),
          director: D(e.call.program),
          knower: R(e.knower),
          trust: round(e.trust),
          influence: round(e.influence),
          gap: round(e.gap),
          from: e.from + 1,
          to: rank(e.to),
        };
      case "advocate-call":
        return {
          ...e,
          call: call(e.call),
          advocate: R(e.advocate),
          director: D(e.call.program),
          trust: round(e.trust),
          influence: round(e.influence),
          from: e.from + 1,
          to: rank(e.to),
        };
      case "ripple": {
        const region = s.program.region[e.from]!;
        const specialty = s.specialties[s.program.specialty[e.from]!] ?? "";
        return {
          ...e,
          applicant: A(e.applicant),
          from: P(e.from),
          to: P(e.to),
          knower: R(e.knower),
          region: e.reason === "sameRegion" && region >= 0 ? s.regions[region]! : null,
          specialty: specialty === "" ? null : specialty,
        };
      }
      case "late-call":
        return { ...e, call: call(e.call), director: D(e.call.program), knower: R(e.knower), trust: round(e.trust), influence: round(e.influence), from: e.from + 1, to: e.to + 1 };
      case "insincerity-caught":
        return { ...e, call: call(e.call), other: P(e.other), from: e.from + 1, to: e.to + 1 };
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
    labels: {
      applicants: labelTable(s.applicantIds, s.applicantLabels),
      programs: labelTable(s.programIds, s.programLabels),
      referrers: labelTable(s.referrerIds, s.referrerLabels),
    },
  };
}

/**
 * The same trace with every id replaced by its label, for the narrative: the story reads
 * "Dr. Okafor", the JSON keeps "dr-okafor".
 */
export function labelled(m: TraceModel): TraceModel {
  const L = m.labels;
  const A = (id: string) => L.applicants[id] ?? id;
  const P = (id: string) => L.programs[id] ?? id;
  const R = (id: string) => L.referrers[id] ?? id;
  const Pn = (id: string | null) => (id === null ? null : P(id));
  const call = (c: CallRef): CallRef => ({ ...c, program: P(c.program), applicant: A(c.applicant), ...(c.caller === undefined ? {} : { caller: R(c.caller) }) });
  const pair = ([a, q]: [string, string]): [string, string] => [A(a), P(q)];
  const event = (e: TraceEvent): TraceEvent => {
    switch (e.kind) {
      case "invite-call":
        return { ...e, call: call(e.call), director: R(e.director), knower: R(e.knower), displaced: e.displaced === null ? null : A(e.displaced), promoted: e.promoted === null ? null : A(e.promoted) };
      case "rank-call":
      case "late-call":
        return { ...e, call: call(e.call), director: R(e.director), knower: R(e.knower) };
      case "advocate-call":
        return { ...e, call: call(e.call), advocate: R(e.advocate), director: R(e.director) };
      case "ripple":
        return { ...e, applicant: A(e.applicant), from: P(e.from), to: P(e.to), knower: R(e.knower) };
      case "insincerity-caught":
        return { ...e, call: call(e.call), other: P(e.other) };
    }
  };
  return {
    ...m,
    invitations: m.invitations.map((i) => ({
      ...i,
      program: P(i.program),
      invited: i.invited.map(A),
      invitedWithoutCalls: i.invitedWithoutCalls.map(A),
      borderline: i.borderline.map(A),
    })),
    interviews: m.interviews.map((i) => ({ applicant: A(i.applicant), programs: i.programs.map(P) })),
    events: m.events.map(event),
    rankLists: m.rankLists.map((l) => ({ ...l, program: P(l.program), before: l.before.map(A), after: l.after.map(A), withoutCalls: l.withoutCalls.map(A) })),
    applicantLists: m.applicantLists.map((l) => ({ applicant: A(l.applicant), programs: l.programs.map(P) })),
    rounds: m.rounds.map((r) => ({ ...r, proposals: r.proposals.map(pair), unranked: r.unranked.map(pair), rejected: r.rejected.map(pair), held: r.held.map(pair) })),
    match: m.match.map((x) => ({ ...x, applicant: A(x.applicant), withCalls: Pn(x.withCalls), withoutCalls: Pn(x.withoutCalls) })),
    attribution: m.attribution.map((x) => ({
      call: call(x.call),
      changed: x.changed.map((c) => ({ applicant: A(c.applicant), withCall: Pn(c.withCall), withoutCall: Pn(c.withoutCall) })),
    })),
    blockingPairs: m.blockingPairs.map((b) => ({ applicant: A(b.applicant), program: P(b.program) })),
  };
}
