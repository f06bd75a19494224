import { deferredAcceptanceRounds, type DaRound } from "../match/deferred-acceptance-rounds.js";
import type { Proposer } from "../match/deferred-acceptance.js";
import { blockingPairs } from "../match/stability.js";
import { GOLD, NO_SIGNAL } from "./applications.js";
import { callKeyString, type CallKey, type SeasonEvent } from "./events.js";
import type { SeasonPlan } from "./plan.js";
import type { StoryKind } from "./stories.js";
import { marketOf, runTrial, type TrialResult } from "./season.js";
import { newWorkspace, type World, type Workspace } from "./workspace.js";

/** One trial told in full, on indices: what `trace` narrates. */
export interface TraceData {
  readonly seed: number;
  readonly trial: number;
  readonly proposer: Proposer;
  readonly callsEnabled: boolean;
  /** Calls left out of the world with calls. */
  readonly without: readonly CallKey[];
  readonly invitations: {
    program: number;
    screened: boolean;
    applications: number[];
    invited: number[];
    invitedWithoutCalls: number[];
    borderline: number[];
    /** Applicants who signalled the program: in either tier, and gold. */
    signalled: number[];
    gold: number[];
    cutoff: number | null;
  }[];
  /** Programs each applicant interviewed at (with calls), in their order of preference. */
  readonly interviews: number[][];
  readonly events: SeasonEvent[];
  /** Program lists with calls: as the interviews left them, and final. */
  readonly listsBefore: number[][];
  readonly listsAfter: number[][];
  readonly listsWithoutCalls: number[][];
  readonly applicantLists: number[][];
  readonly rounds: DaRound[];
  /** Program of each applicant (-1 unmatched) and its 1-based rank on their list (0 if none). */
  readonly matchWith: { program: number[]; rank: number[] };
  readonly matchWithout: { program: number[]; rank: number[] };
  /** For each call, the applicants whose match differs when only that call is left out. */
  readonly attribution: { call: CallKey; changed: { applicant: number; with: number; without: number }[] }[];
  /** Pairs that block the final match under the lists as the interviews left them. */
  readonly blockingVsUncalled: { applicant: number; program: number }[];
}

function listsOf(world: World, nP: number, before: boolean): number[][] {
  const len = before ? world.baseLen : world.pLen;
  const list = before ? world.baseList : world.pList;
  return Array.from({ length: nP }, (_, q) => Array.from(list.subarray(world.pStart[q]!, world.pStart[q]! + len[q]!)));
}

function applicantLists(ws: Workspace, world: World): number[][] {
  const { plan } = ws;
  return Array.from({ length: plan.s.applicant.count }, (_, a) =>
    Array.from(world.aList.subarray(plan.aListOff[a]!, plan.aListOff[a]! + world.aLen[a]!)),
  );
}

function callKeys(events: readonly SeasonEvent[]): CallKey[] {
  const keys: CallKey[] = [];
  for (const e of events) if (e.kind === "invite-call" || e.kind === "rank-call" || e.kind === "late-call") keys.push(e.call);
  return keys;
}

/**
 * Runs trial `trial` exactly as `run` does and records everything a class needs to follow
 * it. Attribution re-runs the trial once per call with only that call left out; every
 * other random draw stays as it was, because draws are addressed, not sequential.
 */
export function traceTrial(plan: SeasonPlan, seed: number, trial: number, proposer: Proposer, without: readonly CallKey[] = []): TraceData {
  const { s } = plan;
  const ws = newWorkspace(plan);
  const events: SeasonEvent[] = [];
  const left = without.map(callKeyString);
  const r: TrialResult = runTrial(ws, seed, trial, { proposer, emit: (e) => events.push(e), ...(left.length > 0 ? { suppress: new Set(left) } : {}) });
  const world = r.withCalls;
  const nP = s.program.count;

  // Each program's applications, in its order of applications (the order of entries).
  const applications: number[][] = Array.from({ length: nP }, () => []);
  for (let k = 0; k < plan.totalApps; k++) applications[ws.appProgram[k]!]!.push(k);
  const invitations = Array.from({ length: nP }, (_, q) => {
    const entries = applications[q]!;
    const who = (keep: (k: number) => boolean) => entries.filter(keep).map((k) => plan.entryApplicant[k]!);
    const cutoff = ws.cutoff[q]!;
    return {
      program: q,
      screened: s.program.hasRankList[q] === 0,
      applications: who(() => true),
      invited: who((k) => world.invited[k] === 1),
      invitedWithoutCalls: who((k) => ws.baseInvited[k] === 1),
      borderline: who((k) => ws.borderline[k] === 1),
      signalled: who((k) => ws.entrySignal[k] !== NO_SIGNAL),
      gold: who((k) => ws.entrySignal[k] === GOLD),
      cutoff: Number.isNaN(cutoff) ? null : cutoff,
    };
  });
  const interviews = Array.from({ length: s.applicant.count }, (_, a) => {
    const entries: number[] = [];
    for (let k = plan.appOff[a]!; k < plan.appOff[a + 1]!; k++) if (world.interviewed[k]) entries.push(k);
    return entries.sort((x, y) => ws.appPref[y]! - ws.appPref[x]! || x - y).map((k) => ws.appProgram[k]!);
  });
  const matchOf = (w: World) => ({ program: Array.from(w.programOf), rank: Array.from(w.matchedRank) });
  const data = {
    seed,
    trial,
    proposer,
    callsEnabled: s.model.calls.enabled,
    without: [...without],
    invitations,
    interviews,
    events,
    listsBefore: listsOf(world, nP, true),
    listsAfter: listsOf(world, nP, false),
    listsWithoutCalls: listsOf(r.withoutCalls, nP, false),
    applicantLists: applicantLists(ws, world),
    rounds: deferredAcceptanceRounds(marketOf(ws, world), proposer).rounds,
    matchWith: matchOf(world),
    matchWithout: matchOf(r.withoutCalls),
    blockingVsUncalled:
      r.withCalls === r.withoutCalls ? [] : blockingPairs(marketOf(ws, world, true), world.programOf).map((b) => ({ ...b })),
    attribution: [] as TraceData["attribution"],
  };

  // The buffers above are copied: re-running now may overwrite the workspace.
  const again = newWorkspace(plan);
  for (const call of callKeys(events)) {
    const lessOne = runTrial(again, seed, trial, { proposer, suppress: new Set([...left, callKeyString(call)]) }).withCalls;
    const changed: { applicant: number; with: number; without: number }[] = [];
    for (let a = 0; a < s.applicant.count; a++) {
      if (lessOne.programOf[a] !== data.matchWith.program[a]) {
        changed.push({ applicant: a, with: data.matchWith.program[a]!, without: lessOne.programOf[a]! });
      }
    }
    data.attribution.push({ call, changed });
  }
  return data;
}

/**
 * The first trial (from 0, fewer than `limit`) in which every story asked for happens:
 * a match changed by calls, someone matched only with calls or only without, a drop, a
 * ripple, a pushed advocate's half-hearted word, insincerity caught, a "#1" relayed;
 * each to anyone, or to the applicant it names. Undefined if none.
 */
export function findTrial(plan: SeasonPlan, seed: number, proposer: Proposer, wanted: readonly { kind: StoryKind; applicant: number | undefined }[], limit: number): number | undefined {
  const ws = newWorkspace(plan);
  const nA = plan.s.applicant.count;
  // seen[kind] holds every applicant the story happened to this season.
  const seen = new Map<StoryKind, Set<number>>();
  const saw = (kind: StoryKind, a: number) => {
    let who = seen.get(kind);
    if (!who) seen.set(kind, (who = new Set()));
    who.add(a);
  };
  for (let t = 0; t < limit; t++) {
    seen.clear();
    const r = runTrial(ws, seed, t, {
      proposer,
      emit: (e) => {
        if (e.kind === "rank-call" && e.to < 0) saw("drop", e.call.applicant);
        else if (e.kind === "ripple") saw("ripple", e.applicant);
        else if (e.kind === "advocate-call" && e.pushed && e.said === "fine") saw("half-hearted", e.call.applicant);
        else if (e.kind === "insincerity-caught") saw("insincerity", e.call.applicant);
        else if (e.kind === "late-call" && e.relayed) saw("relayed", e.call.applicant);
      },
    });
    for (let a = 0; a < nA; a++) {
      const q = r.withCalls.programOf[a]!;
      const q0 = r.withoutCalls.programOf[a]!;
      if (q !== q0) saw("changed", a);
      if (q >= 0 && q0 < 0) saw("rescued", a);
      if (q < 0 && q0 >= 0) saw("lost", a);
    }
    const happened = ({ kind, applicant }: { kind: StoryKind; applicant: number | undefined }) => {
      const who = seen.get(kind);
      return who !== undefined && (applicant === undefined || who.has(applicant));
    };
    if (wanted.every(happened)) return t;
  }
  return undefined;
}
