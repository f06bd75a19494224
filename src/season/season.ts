import { proposeAsApplicants, proposeAsPrograms, type Proposer } from "../match/deferred-acceptance.js";
import type { Market } from "../match/market.js";
import { ranksBackByEntry } from "../match/rank-table.js";
import { trialStreams, type TrialStreams } from "../rng/streams.js";
import { chooseApplications } from "./applications.js";
import { COUNT, newCallContext } from "./call-context.js";
import type { EventListener } from "./events.js";
import { attendInterviews, attendInterviewsFrom } from "./interviews.js";
import { lateCalls } from "./late-calls.js";
import { rankListCalls } from "./rank-list-calls.js";
import { buildRankLists, buildRankListsFrom } from "./rank-lists.js";
import { preInterviewCalls, screen } from "./screening.js";
import { newMatchLists, type World, type Workspace } from "./workspace.js";

export interface SeasonOptions {
  readonly proposer: Proposer;
  /** Listener for the events of the world with calls (for `trace`); none in normal runs. */
  readonly emit?: EventListener;
  /** Calls to leave out of the world with calls, by callKeyString. */
  readonly suppress?: ReadonlySet<string>;
  /** Called as each step ends, with its name (for the benchmark's time per phase). */
  readonly onPhase?: ((phase: string) => void) | undefined;
}

/** One trial: the same season run without calls and with them, on the same random draws. */
export interface TrialResult {
  readonly withCalls: World;
  readonly withoutCalls: World;
  /** Counters of the world with calls (see COUNT); all zero when calls are off. */
  readonly counts: Int32Array;
  readonly streams: TrialStreams;
}

/**
 * The program lists and applicant lists of a world as one compact market: the final
 * program lists, or with `before` the programs' lists as they stood before rank-list calls.
 * Built in the workspace's market buffers: valid until the next call.
 */
export function marketOf(ws: Workspace, world: World, before = false): Market {
  const pLen = before ? world.baseLen : world.pLen;
  const pList = before ? world.baseList : world.pList;
  const { plan } = ws;
  const nA = plan.s.applicant.count;
  const nP = plan.s.program.count;
  const { aOff, aItems, pOff, pItems } = ws.market;
  // The arrays are read into locals once: a loop that reads world.aList afresh for every
  // entry pays for the property and its checks each time. (Copying each row with
  // set(subarray) was slower: a view per row.)
  const { aList, aLen, pStart } = world;
  const aListOff = plan.aListOff;
  let w = 0;
  for (let a = 0; a < nA; a++) {
    aOff[a] = w;
    const from = aListOff[a]!;
    const n = aLen[a]!;
    for (let i = from; i < from + n; i++) aItems[w++] = aList[i]!;
  }
  aOff[nA] = w;
  const aUsed = w;
  w = 0;
  for (let q = 0; q < nP; q++) {
    pOff[q] = w;
    const from = pStart[q]!;
    const n = pLen[q]!;
    for (let i = from; i < from + n; i++) pItems[w++] = pList[i]!;
  }
  pOff[nP] = w;
  return {
    applicants: nA,
    programs: nP,
    capacity: plan.s.program.positions,
    applicantLists: { offsets: aOff, items: aItems.subarray(0, aUsed) },
    programLists: { offsets: pOff, items: pItems.subarray(0, w) },
  };
}

/**
 * Step 9: deferred acceptance on the world's final lists, read where they lie. Each place
 * of a list names its application entry, so the rank the other side gives a pair is found
 * by that name (ranksBackByEntry) rather than by building a compact market and its
 * transpose, which took most of this step.
 */
function matchWorld(ws: Workspace, world: World, proposer: Proposer): void {
  const { plan } = ws;
  const nA = plan.s.applicant.count;
  const nP = plan.s.program.count;
  const { aList, aLen, pStart, pLen, matchedRank } = world;
  const kernel = ws.kernel;
  if (kernel && proposer === "applicant") {
    // The same in WebAssembly (kernel/season.wat), on the world's lists in its memory.
    kernel.matchApplicants(nA, nP, aList.byteOffset, world.aEntry.byteOffset, aLen.byteOffset, pStart.byteOffset, pLen.byteOffset, world.pEntry.byteOffset);
    world.programOf.set(kernel.programOf);
    matchedRank.set(kernel.matchedRank);
    return;
  }
  const aListOff = plan.aListOff;
  const lists = (ws.matchLists ??= newMatchLists(plan, ws.withCalls, ws.withoutCalls));
  const { aEnd, pEnd, entryMarks, rankBack, sides } = lists;
  const { applicants, programs } = world === ws.withCalls ? lists.withCalls : lists.withoutCalls;
  // A new stamp for this match's marks; after 2^31 matches, the marks start again from zero.
  if (lists.stamp === 0x7fffffff) {
    entryMarks.fill(0);
    lists.stamp = 0;
  }
  const stamp = ++lists.stamp;
  for (let a = 0; a < nA; a++) aEnd[a] = aListOff[a]! + aLen[a]!;
  for (let q = 0; q < nP; q++) pEnd[q] = pStart[q]! + pLen[q]!;
  const programOf = world.programOf;
  if (proposer === "applicant") {
    ranksBackByEntry(applicants, nA, programs, nP, entryMarks, stamp, rankBack);
    programOf.set(proposeAsApplicants(sides, applicants, programs, ws.matchScratch));
  } else {
    ranksBackByEntry(programs, nP, applicants, nA, entryMarks, stamp, rankBack);
    programOf.set(proposeAsPrograms(sides, programs, ws.matchScratch));
  }
  for (let a = 0; a < programOf.length; a++) {
    const q = programOf[a]!;
    let rank = 0;
    if (q >= 0) {
      const start = aListOff[a]!;
      const n = aLen[a]!;
      for (let i = 0; i < n; i++) {
        if (aList[start + i] === q) {
          rank = i + 1;
          break;
        }
      }
    }
    matchedRank[a] = rank;
  }
}

/**
 * Runs trial `trial` of a scenario: steps 1–9 of the season model, first without calls,
 * then (if `model.calls.enabled`) with them. Both worlds read the same addressed random
 * draws, so their difference is the effect of the calls alone.
 */
export function runTrial(ws: Workspace, seed: number, trial: number, options: SeasonOptions): TrialResult {
  const streams = trialStreams(seed, trial);
  runUncalled(ws, streams, options);
  return runCalled(ws, streams, options);
}

/** Steps 1–9 without calls: applications, screening, interviews, lists and the match. */
export function runUncalled(ws: Workspace, streams: TrialStreams, options: SeasonOptions): void {
  const mark = options.onPhase ?? (() => undefined);
  chooseApplications(ws, streams);
  mark("applications");
  screen(ws, streams);
  mark("screening");
  const without = ws.withoutCalls;
  without.invited.set(ws.baseInvited);
  without.callsAbout.fill(0);
  without.callsBy.fill(0);
  attendInterviews(ws, without, streams);
  mark("interviews");
  buildRankLists(ws, without);
  mark("rank lists");
  matchWorld(ws, without, options.proposer);
  mark("match");
}

/**
 * The world with calls, built on the world without them that runUncalled left in the
 * workspace (or that copyUncalled brought from another workspace of the same market).
 */
export function runCalled(ws: Workspace, streams: TrialStreams, options: SeasonOptions): TrialResult {
  const s = ws.plan.s;
  const mark = options.onPhase ?? (() => undefined);
  const without = ws.withoutCalls;
  if (!s.model.calls.enabled) {
    return { withCalls: without, withoutCalls: without, counts: new Int32Array(COUNT.size), streams };
  }
  const world = ws.withCalls;
  world.callsAbout.fill(0);
  world.callsBy.fill(0);
  world.callsByPhase.fill(0);
  world.dropsAt.fill(0);
  world.rippleDropsAt.fill(0);
  world.invitesChangedAt.fill(0);
  const ctx = newCallContext(s, streams, world, options.emit, options.suppress);
  preInterviewCalls(ws, ctx);
  mark("pre-interview calls");
  attendInterviewsFrom(ws, world, without);
  mark("interviews");
  buildRankListsFrom(ws, world, without, streams);
  mark("rank lists");
  rankListCalls(ws, ctx);
  mark("rank-list calls");
  lateCalls(ws, ctx);
  mark("late calls");
  matchWorld(ws, world, options.proposer);
  mark("match");
  return { withCalls: world, withoutCalls: without, counts: ctx.counts, streams };
}

/**
 * How many pairs block the final match of the world with calls under the programs' lists
 * as the interviews left them, before any rank-list call: how far the calls bent the match
 * away from what the interviews alone said. Only programs whose lists calls edited are
 * looked at: the match is stable on the final lists, and the applicants' lists are the
 * same before and after, so a pair with a program whose list is unchanged would block
 * the final match too. (The tests count every program's pairs with blockingPairs.)
 */
export function blockingPairsVsUncalled(ws: Workspace, r: TrialResult): number {
  const world = r.withCalls;
  if (world === r.withoutCalls) return 0;
  const { programOf, baseList, baseLen, pStart, aList, aLen, editedPrograms } = world;
  const aListOff = ws.plan.aListOff;
  const positions = ws.plan.s.program.positions;
  let pairs = 0;
  for (let i = 0; i < world.editedCount; i++) {
    const q = editedPrograms[i]!;
    const start = pStart[q]!;
    const n = baseLen[q]!;
    // Those the program holds are all on its list before calls (edits only move and remove).
    let held = 0;
    let worst = -1;
    for (let r = 0; r < n; r++) {
      if (programOf[baseList[start + r]!] === q) {
        held++;
        worst = r;
      }
    }
    const open = held < positions[q]!;
    if (!open && positions[q]! <= 0) continue;
    // Everyone the program ranks above its worst held (everyone, with a position open) who
    // ranks it above their own match.
    const limit = open ? n : worst;
    for (let r = 0; r < limit; r++) {
      const a = baseList[start + r]!;
      const own = programOf[a]!;
      if (own === q) continue;
      const from = aListOff[a]!;
      const to = from + aLen[a]!;
      for (let k = from; k < to; k++) {
        const p = aList[k]!;
        if (p === own) break;
        if (p === q) {
          pairs++;
          break;
        }
      }
    }
  }
  return pairs;
}
