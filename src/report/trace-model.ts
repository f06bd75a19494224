import type { DaRound } from "../match/deferred-acceptance-rounds.js";
import type { IndexedScenario } from "../scenario/index-scenario.js";
import type { CallKey, CallPhase, SeasonEvent } from "../season/events.js";
import { PHASES } from "../season/call-context.js";
import type { TraceData } from "../season/trace.js";
import { round } from "../results/numbers.js";
import type { CallRef, TraceEvent, TraceModel } from "../results/trace-results.js";
import type { ModelParams } from "../scenario/model-params.js";
import { VERSION } from "../version.js";

// The trace in ids: what `trace --format json` prints and what the text and markdown
// narratives are rendered from, so the three formats cannot disagree.

export type { CallRef, TraceEvent, TraceModel, Verdict } from "../results/trace-results.js";

type SameKinds<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const kindsAgree: SameKinds<TraceEvent["kind"], SeasonEvent["kind"]> = true;
void kindsAgree;

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

/** Where a traced season comes from: the scenario's fingerprint and the settings it was read with. */
export interface TraceOrigin {
  readonly fingerprint: string;
  readonly settings: readonly string[];
}

/** A call's id by the scenario's ids: phase:program:applicant, and :caller for an advocate's call. */
export function callId(c: { phase: CallPhase; program: number; applicant: number; caller?: number }, s: IndexedScenario): string {
  const base = `${c.phase}:${s.programIds[c.program]}:${s.applicantIds[c.applicant]}`;
  return c.caller === undefined ? base : `${base}:${s.referrerIds[c.caller]}`;
}

/**
 * A call from its id (see callId), or why the id names no call. Ids may hold colons, so
 * each program id the text could start with is tried.
 */
export function parseCallId(text: string, s: IndexedScenario): { call: CallKey } | { error: string } {
  const colon = text.indexOf(":");
  const phase = text.slice(0, colon) as CallPhase;
  if (colon < 0 || !PHASES.includes(phase)) return { error: `${text}: a call id is phase:program:applicant (phase: ${PHASES.join(", ")})` };
  const rest = text.slice(colon + 1);
  const applicants = new Map(s.applicantIds.map((id, a) => [id, a]));
  const referrers = new Map(s.referrerIds.map((id, r) => [id, r]));
  for (let q = 0; q < s.programIds.length; q++) {
    const p = s.programIds[q]!;
    if (!rest.startsWith(`${p}:`)) continue;
    const tail = rest.slice(p.length + 1);
    const a = applicants.get(tail);
    if (a !== undefined && phase !== "advocacy") return { call: { phase, program: q, applicant: a } };
    if (phase !== "advocacy") continue;
    for (let cut = tail.indexOf(":"); cut >= 0; cut = tail.indexOf(":", cut + 1)) {
      const who = applicants.get(tail.slice(0, cut));
      const caller = referrers.get(tail.slice(cut + 1));
      if (who !== undefined && caller !== undefined) return { call: { phase, program: q, applicant: who, caller } };
    }
  }
  return { error: `${text}: no such program and applicant${phase === "advocacy" ? " and advocate" : ""} in this scenario (trace prints each call's id under "What each call did")` };
}

export function traceModel(d: TraceData, s: IndexedScenario, scenario: string, origin: TraceOrigin = { fingerprint: "unknown", settings: [] }): TraceModel {
  const A = (a: number) => s.applicantIds[a]!;
  const P = (q: number) => s.programIds[q]!;
  const R = (r: number) => s.referrerIds[r]!;
  const orNull = (q: number) => (q < 0 ? null : P(q));
  const call = (c: { phase: CallPhase; program: number; applicant: number; caller?: number }): CallRef => {
    const id = callId(c, s);
    return c.caller === undefined
      ? { phase: c.phase, program: P(c.program), applicant: A(c.applicant), id }
      : { phase: c.phase, program: P(c.program), applicant: A(c.applicant), caller: R(c.caller), id };
  };
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
  const model: ModelParams = s.model;
  return {
    kind: "trace",
    provenance: {
      tool: "match-sim",
      version: VERSION,
      scenario: { name: scenario, fingerprint: origin.fingerprint },
      seed: d.seed,
      runs: null,
      proposer: d.proposer,
      settings: [...origin.settings],
      model,
    },
    scenario,
    seed: d.seed,
    trial: d.trial,
    proposer: d.proposer,
    callsEnabled: d.callsEnabled,
    without: d.without.map((c) => callId(c, s)),
    size: { applicants: s.applicant.count, programs: s.program.count },
    invitations: d.invitations.map((i) => ({
      program: P(i.program),
      screened: i.screened,
      applications: i.applications.length,
      invited: i.invited.map(A),
      invitedWithoutCalls: i.invitedWithoutCalls.map(A),
      borderline: i.borderline.map(A),
      signalled: i.signalled.map(A),
      gold: i.gold.map(A),
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
      signalled: i.signalled.map(A),
      gold: i.gold.map(A),
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
