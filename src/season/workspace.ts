import type { MarketSides } from "../match/deferred-acceptance.js";
import { newMatchScratch, type MatchScratch } from "../match/match-scratch.js";
import type { EntryLists } from "../match/rank-table.js";
import { newSeasonKernel, type SeasonKernel, type SeasonKernelInput, type WorldViews } from "./kernel/season-kernel.js";
import { newContactCache, type ContactCache } from "./reach.js";
import { newSelectScratch, type SelectScratch } from "./select.js";
import type { SeasonPlan } from "./plan.js";

/**
 * One world of a trial: the season with calls, or the same season without them. Buffers
 * are allocated once per scenario and overwritten by every trial.
 */
export interface World {
  readonly invited: Uint8Array; // per application entry
  readonly interviewed: Uint8Array; // per application entry
  /** Program q's list: pList[pStart[q]] … pList[pStart[q] + pLen[q] - 1], best first. */
  readonly pStart: Int32Array;
  readonly pLen: Int32Array;
  readonly pList: Int32Array;
  /**
   * The program lists as they stood before any rank-list call. The world without calls
   * is never edited, so there these are pList and pLen themselves.
   */
  readonly baseLen: Int32Array;
  readonly baseList: Int32Array;
  /** Applicant a's list: aList[plan.aListOff[a]] … + aLen[a] - 1, best first. */
  readonly aLen: Int32Array;
  readonly aList: Int32Array;
  /**
   * Parallel to aList and pList: the application entry of each place, the pair it stands
   * for (-1 on a fixed list, for an applicant who did not apply there). The match reads
   * each pair's rank on the other side through it (see matchWorld).
   */
  readonly aEntry: Int32Array;
  readonly pEntry: Int32Array;
  /** The match: program of each applicant or -1, and its 1-based rank on their list (0 if none). */
  readonly programOf: Int32Array;
  readonly matchedRank: Int32Array;
  /** Calls received (per applicant) and made (per program) in this world. */
  readonly callsAbout: Int32Array;
  readonly callsBy: Int32Array;
  /** Calls made by program q in phase f (PHASE_NUMBER): callsByPhase[4q + f]. */
  readonly callsByPhase: Int32Array;
  /** Drops by a call and by ripple, at each program (the program that dropped). */
  readonly dropsAt: Int32Array;
  readonly rippleDropsAt: Int32Array;
  /** Each program's invitations that differ from the world without calls. */
  readonly invitesChangedAt: Int32Array;
  /**
   * The programs whose lists were edited since they were kept as base lists (flag and
   * list, see list-edits.ts): only these can differ from their lists before calls.
   */
  readonly edited: Uint8Array;
  readonly editedPrograms: Int32Array;
  editedCount: number;
}

/** Buffers shared by both worlds of a trial (what calls cannot change). */
export interface Workspace {
  readonly plan: SeasonPlan;
  readonly appProgram: Int32Array;
  readonly appPref: Float64Array;
  /** Per application entry: the signal it carries (NO_SIGNAL, SILVER, GOLD; see applications.ts). */
  readonly entrySignal: Uint8Array;
  /** 1 where the applicant sent any signal this trial. */
  readonly signalled: Uint8Array;
  /** Per application entry: what screening adds to the applicant's paper there (home, away, signal). */
  readonly entryBonus: Float64Array;
  /** Screening score of each application entry. */
  readonly screenScore: Float64Array;
  /**
   * Screening's applications by program (see screen): program q's are
   * screenByProgram[start] … screenByProgram[screenTally[2q + 1] - 1], from start =
   * plan.programAppStart[q], in the program's order of applications: those inside its
   * window (which holds them all while the program has had no cutoff), or all of them
   * where needsAll[q] is 1.
   */
  readonly screenByProgram: Int32Array;
  /** Parallel to screenByProgram: the score of the entry filed there (read in the program's order, not scattered over all entries). */
  readonly screenFiledScore: Float64Array;
  /** Screening's scratch: the entries inside their program's window, in entry order, before they are filed by program. */
  readonly screenStaged: Int32Array;
  /** 1 where a program's window missed this trial, so that all its applications are filed. */
  readonly needsAll: Uint8Array;
  /** 1 where screening files all of a program's applications this trial (few more than its slots last trial). */
  readonly screenFileAll: Uint8Array;
  /** Each program's screening window width, in units of the default (widened after a miss). */
  readonly screenWidth: Float64Array;
  /** Program q's window around its guessed cutoff: screenWindow[2q] (low) … screenWindow[2q+1] (high). */
  readonly screenWindow: Float64Array;
  /** screenTally[2q]: how many of program q's scored above its window; screenTally[2q+1]: the end of its filed applications. */
  readonly screenTally: Int32Array;
  /**
   * The most applicants program q can interview this trial in either world: its
   * invitations without calls, and the borderline applicants calls could invite. Its
   * rank list has this much room (a fixed list has its own length).
   */
  readonly listRoom: Int32Array;
  readonly baseInvited: Uint8Array;
  /** How many entries screening invited (the invitations of the season without calls), in all and by program. */
  baseInviteCount: number;
  readonly invitesAt: Int32Array;
  /** Each program's screening cutoff (score of the last invited), NaN where all were invited. */
  readonly cutoff: Float64Array;
  /** Each program's guess of its screening cutoff, a running average of past trials' (see screen). */
  readonly screeningCutoff: Float64Array;
  readonly borderline: Uint8Array;
  /** Applicants whose invitations calls changed this trial (flag and list), see preInterviewCalls. */
  readonly applicantChanged: Uint8Array;
  readonly changedApplicants: Int32Array;
  changedApplicantCount: number;
  /** Programs whose interviewees differ between the worlds this trial (flag and list). */
  readonly programChanged: Uint8Array;
  readonly changedPrograms: Int32Array;
  changedProgramCount: number;
  /** Entries interviewed in the world with calls but not in the one without (see attendInterviewsFrom). */
  readonly gainedInterviews: Int32Array;
  gainedInterviewCount: number;
  /** The borderline entries, program by program: borderlineEntries[0 … borderlineCount-1]. */
  readonly borderlineEntries: Int32Array;
  /** The applicant of each borderline entry, beside it (read in order, not looked up by entry). */
  readonly borderlineApplicant: Int32Array;
  borderlineCount: number;
  /** Program q's borderline entries are borderlineEntries[borderlineFrom[q]] … [borderlineFrom[q+1] - 1]. */
  readonly borderlineFrom: Int32Array;
  /** Marks of the pre-interview calls, per entry: secured by a good word, vetoed by a bad one. */
  readonly secured: Uint8Array;
  readonly vetoed: Uint8Array;
  /** Scratch for ordering one applicant's entries. */
  readonly entryOrder: Int32Array;
  /**
   * The interviews of the world without calls by program, in applicant order: program
   * q's are interviewees[start] … interviewees[start + intervieweeCount[q] - 1], from
   * start = plan.programAppStart[q].
   */
  readonly intervieweeCount: Int32Array;
  readonly interviewees: Int32Array;
  /**
   * Parallel to interviewees: the applicant, and the program's ranking score of them, kept
   * as each interview is filed so that ranking reads them in order rather than looking
   * up each entry, scattered over all applications, again.
   */
  readonly intervieweeApplicant: Int32Array;
  readonly intervieweeKey: Float64Array;
  /**
   * The season's bulk steps in WebAssembly where it runs (see kernel/season-kernel.ts): the
   * applications, screening, and the interviews and programs' lists of the world without
   * calls. Their arrays above are views of its memory.
   */
  readonly kernel: SeasonKernel | undefined;
  /** Scratch for choosing and ordering an applicant's applications. */
  readonly candScore: Float64Array;
  /** Scratch for windowed selection (see chooseApplications): one entry per candidate. */
  readonly aboveScratch: Int32Array;
  readonly insideScratch: Int32Array;
  /** Scratch flags per candidate place, zero between uses (see keepMustApply). */
  readonly candFlag: Uint8Array;
  /** Scratch per candidate place: the entry a kept candidate was written to (see chooseApplications). */
  readonly entryOfPlace: Int32Array;
  /**
   * Each applicant's guess of their cutoff of applications, a running average of the first
   * trials' (NaN before the first), then fixed (see SETTLING_TRIALS): it makes the next
   * trial's choice faster, never a change to it.
   */
  readonly applicationCutoff: Float64Array;
  /**
   * How many trials have screened with this workspace (see SETTLING_TRIALS: applications,
   * chosen before screening, read it before the trial counts), and the screening windows'
   * state once settled (see screen).
   */
  trialsScreened: number;
  settledScreening: { readonly guess: Float64Array; readonly width: Float64Array; readonly fileAll: Uint8Array } | undefined;
  /** The noise the kernel's screening bounds were written for (NaN before), see settleScreening. */
  screenBoundsNoise: number;
  /** The noise the kernel's bounds were written for (NaN before), see settleWindows. */
  boundsNoise: number;
  /**
   * 1 once the applications are written where they are the same every trial (the plan's
   * programEntries): later trials write only the preferences, and signals where they
   * follow the preferences (see chooseApplications).
   */
  entriesWritten: number;
  /** Scratch for selecting the best few out of many (see select.ts). */
  readonly select: SelectScratch;
  /** Whom each program's director reaches about each applicant, as found (see reach.ts). */
  readonly contacts: ContactCache;
  /** Scratch keys: a list being ordered, or the scores a cutoff is chosen among. */
  readonly sortKey: Float64Array;
  readonly sortIdx: Int32Array;
  readonly withCalls: World;
  readonly withoutCalls: World;
  /** Arrays the match reuses from trial to trial. */
  readonly matchScratch: MatchScratch;
  /** Buffers of the compact market that marketOf builds (for trace). */
  readonly market: { readonly aOff: Int32Array; readonly aItems: Int32Array; readonly pOff: Int32Array; readonly pItems: Int32Array };
  /**
   * The match's scratch on the world's own lists: where each row ends, two marks per
   * application entry and the stamp of the last match that wrote them (see
   * ranksBackByEntry), the rank the other side gives each place of the proposers' lists,
   * and each world's lists as the match reads them. Made on the first match in JavaScript
   * (with the kernel, only programs proposing): the marks alone are megabytes.
   */
  matchLists: MatchLists | undefined;
}

/** One side of a world's lists as the match reads them: rows, names of pairs, ranks back. */
export interface MatchSide extends EntryLists {
  readonly items: Int32Array;
  readonly rankBack: Int32Array;
}

/**
 * The match's scratch, and each world's lists as the match reads them (made once: a match
 * every trial of a small scenario made its garbage most of the season's).
 */
export interface MatchLists {
  readonly aEnd: Int32Array;
  readonly pEnd: Int32Array;
  readonly entryMarks: Int32Array;
  stamp: number;
  readonly rankBack: Int32Array;
  readonly sides: MarketSides;
  readonly withCalls: { readonly applicants: MatchSide; readonly programs: MatchSide };
  readonly withoutCalls: { readonly applicants: MatchSide; readonly programs: MatchSide };
}

export function newMatchLists(plan: SeasonPlan, withCalls: World, withoutCalls: World): MatchLists {
  const nA = plan.s.applicant.count;
  const nP = plan.s.program.count;
  const aEnd = new Int32Array(nA);
  const pEnd = new Int32Array(nP);
  const rankBack = new Int32Array(Math.max(plan.aListOff[nA]!, plan.programListCapacity));
  const viewsOf = (w: World) => ({
    applicants: { start: plan.aListOff, end: aEnd, items: w.aList, entry: w.aEntry, rankBack },
    programs: { start: w.pStart, end: pEnd, items: w.pList, entry: w.pEntry, rankBack },
  });
  return {
    aEnd,
    pEnd,
    entryMarks: new Int32Array(2 * plan.totalApps),
    stamp: 0,
    rankBack,
    sides: { applicants: nA, programs: nP, capacity: plan.s.program.positions },
    withCalls: viewsOf(withCalls),
    withoutCalls: viewsOf(withoutCalls),
  };
}

/**
 * A world's buffers; `edited`: whether calls edit its lists, so that it keeps a copy from
 * before them. With the kernel, the world's lists (and, without calls, its interviews) are
 * views of the kernel's memory, where its steps write them and its match reads them.
 */
function newWorld(plan: SeasonPlan, edited: boolean, kernel?: WorldViews): World {
  const nA = plan.s.applicant.count;
  const nP = plan.s.program.count;
  const pLen = kernel?.pLen ?? new Int32Array(nP);
  const pList = kernel?.pList ?? new Int32Array(plan.programListCapacity);
  return {
    invited: new Uint8Array(plan.totalApps),
    interviewed: kernel?.interviewed ?? new Uint8Array(plan.totalApps),
    pStart: kernel?.pStart ?? new Int32Array(nP + 1),
    pLen,
    pList,
    baseLen: edited ? new Int32Array(nP) : pLen,
    baseList: edited ? new Int32Array(plan.programListCapacity) : pList,
    aLen: kernel?.aLen ?? new Int32Array(nA),
    aList: kernel?.aList ?? new Int32Array(plan.aListOff[nA]!),
    aEntry: kernel?.aEntry ?? new Int32Array(plan.aListOff[nA]!),
    pEntry: kernel?.pEntry ?? new Int32Array(plan.programListCapacity),
    programOf: new Int32Array(nA),
    matchedRank: new Int32Array(nA),
    callsAbout: new Int32Array(nA),
    callsBy: new Int32Array(nP),
    callsByPhase: new Int32Array(4 * nP),
    dropsAt: new Int32Array(nP),
    rippleDropsAt: new Int32Array(nP),
    invitesChangedAt: new Int32Array(nP),
    edited: new Uint8Array(nP),
    editedPrograms: new Int32Array(nP),
    editedCount: 0,
  };
}

function maxEntries(plan: SeasonPlan): number {
  let max = 0;
  for (let a = 0; a < plan.s.applicant.count; a++) max = Math.max(max, plan.appOff[a + 1]! - plan.appOff[a]!);
  return max;
}

/**
 * What the season's kernel reads of the plan. Its application step leaves to the JavaScript
 * the applicants who do not choose (a given order, no more candidates than applications, or
 * none to make) and those whose signals the file lists (their signals are read by candidate
 * place, as they are kept).
 */
function kernelInput(plan: SeasonPlan, maxCandidates: number, entries: number): SeasonKernelInput {
  const nA = plan.s.applicant.count;
  const { paperWeight, flagPenalty } = plan.s.model.ranking;
  const special = new Uint8Array(nA);
  let anyChooses = false;
  for (let a = 0; a < nA; a++) {
    const take = plan.appOff[a + 1]! - plan.appOff[a]!;
    const n = plan.candidates.offsets[a + 1]! - plan.candidates.offsets[a]!;
    special[a] = plan.orderGiven[a] || take >= n || take === 0 || plan.s.applicant.explicitSignals[a] ? 1 : 0;
    if (!plan.orderGiven[a] && take < n) anyChooses = true;
  }
  return {
    appeal: plan.selectAppeal,
    column: plan.candidateColumn,
    program: plan.candidates.items,
    candidateOffsets: plan.candidates.offsets,
    appOff: plan.appOff,
    applicantKey: plan.s.applicant.key,
    special,
    mustOffsets: plan.mustApply.offsets,
    mustPlaces: plan.mustApply.items,
    mustScreenBonus: plan.mustScreenBonus,
    mustAppeal: plan.mustAppeal,
    mustColumn: plan.mustColumn,
    maxCandidates,
    anyChooses,
    programKey: plan.s.program.key,
    programStart: plan.programAppStart,
    aListOff: plan.aListOff,
    maxInterviews: plan.s.applicant.maxInterviews,
    ownList: plan.s.applicant.hasRankList,
    paperPart: plan.s.applicant.paper.map((p) => paperWeight * p),
    flagPart: Float64Array.from(plan.s.applicant.flagCount, (f) => (f > 0 ? flagPenalty : 0)),
    quality: plan.s.applicant.quality,
    maxEntries: entries,
    pHasRankList: plan.s.program.hasRankList,
    listCapacity: plan.programListCapacity,
    interviewSlots: plan.s.program.interviewSlots,
    positions: plan.s.program.positions,
    entryApplicant: plan.entryApplicant,
  };
}

export function newWorkspace(plan: SeasonPlan): Workspace {
  const nP = plan.s.program.count;
  let maxCandidates = 0;
  for (let a = 0; a < plan.s.applicant.count; a++) {
    maxCandidates = Math.max(maxCandidates, plan.candidates.offsets[a + 1]! - plan.candidates.offsets[a]!);
  }
  const maxProgramList = plan.programListCapacity;
  const entries = Math.max(1, maxEntries(plan));
  const kernel = newSeasonKernel(kernelInput(plan, maxCandidates, entries));
  if (kernel) {
    // Each applicant's paper as every program's screening sees it: a red flag is on paper.
    const { paper, flagCount } = plan.s.applicant;
    const { flagPenalty } = plan.s.model.screening;
    for (let a = 0; a < paper.length; a++) kernel.screenPaper[a] = paper[a]! - (flagCount[a]! > 0 ? flagPenalty : 0);
  }
  const withCalls = newWorld(plan, true, kernel?.calledWorld);
  const withoutCalls = newWorld(plan, false, kernel);
  return {
    plan,
    // With the WebAssembly kernel, the steps' arrays are read where it writes them.
    appProgram: kernel?.appProgram ?? new Int32Array(plan.totalApps),
    appPref: kernel?.appPref ?? new Float64Array(plan.totalApps),
    entrySignal: new Uint8Array(plan.totalApps),
    signalled: new Uint8Array(plan.s.applicant.count),
    entryBonus: kernel?.entryBonus ?? new Float64Array(plan.totalApps),
    screenScore: kernel?.screenScore ?? new Float64Array(plan.totalApps),
    screenByProgram: kernel?.screenByProgram ?? new Int32Array(plan.programAppStart[nP]!),
    screenFiledScore: kernel?.screenFiledScore ?? new Float64Array(plan.programAppStart[nP]!),
    screenStaged: kernel?.screenStaged ?? new Int32Array(plan.totalApps),
    needsAll: kernel?.needsAll ?? new Uint8Array(nP),
    screenFileAll: kernel?.screenFileAll ?? new Uint8Array(nP),
    screenWidth: kernel?.screenWidth ?? new Float64Array(nP).fill(1),
    screenWindow: kernel?.screenWindow ?? new Float64Array(2 * nP),
    screenTally: kernel?.screenTally ?? new Int32Array(2 * nP),
    listRoom: kernel?.listRoom ?? new Int32Array(nP),
    baseInvited: kernel?.baseInvited ?? new Uint8Array(plan.totalApps),
    baseInviteCount: 0,
    invitesAt: kernel?.invitesAt ?? new Int32Array(nP),
    cutoff: kernel?.cutoff ?? new Float64Array(nP),
    screeningCutoff: kernel?.screeningCutoff ?? new Float64Array(nP).fill(NaN),
    borderline: kernel?.borderline ?? new Uint8Array(plan.totalApps),
    applicantChanged: new Uint8Array(plan.s.applicant.count),
    changedApplicants: new Int32Array(plan.s.applicant.count),
    changedApplicantCount: 0,
    programChanged: new Uint8Array(nP),
    changedPrograms: new Int32Array(nP),
    changedProgramCount: 0,
    gainedInterviews: new Int32Array(plan.totalApps),
    gainedInterviewCount: 0,
    borderlineEntries: kernel?.borderlineEntries ?? new Int32Array(plan.totalApps),
    borderlineApplicant: kernel?.borderlineApplicant ?? new Int32Array(plan.totalApps),
    borderlineCount: 0,
    borderlineFrom: kernel?.borderlineFrom ?? new Int32Array(nP + 1),
    secured: new Uint8Array(plan.totalApps),
    vetoed: new Uint8Array(plan.totalApps),
    entryOrder: new Int32Array(entries),
    intervieweeCount: kernel?.intervieweeCount ?? new Int32Array(nP),
    interviewees: kernel?.interviewees ?? new Int32Array(plan.programAppStart[nP]!),
    intervieweeApplicant: kernel?.intervieweeApplicant ?? new Int32Array(plan.programAppStart[nP]!),
    intervieweeKey: kernel?.intervieweeKey ?? new Float64Array(plan.programAppStart[nP]!),
    kernel,
    // With the WebAssembly draws, the scores and places are read where the kernel writes them.
    candScore: kernel?.score ?? new Float64Array(maxCandidates),
    aboveScratch: kernel?.kept ?? new Int32Array(maxCandidates),
    insideScratch: kernel?.inside ?? new Int32Array(maxCandidates),
    candFlag: new Uint8Array(maxCandidates),
    entryOfPlace: new Int32Array(maxCandidates),
    applicationCutoff: kernel?.applicationCutoff ?? new Float64Array(plan.s.applicant.count).fill(NaN),
    entriesWritten: 0,
    trialsScreened: 0,
    settledScreening: undefined,
    screenBoundsNoise: NaN,
    boundsNoise: NaN,
    select: newSelectScratch(Math.max(maxProgramList, maxCandidates)),
    contacts: newContactCache(plan.s),
    sortKey: new Float64Array(Math.max(maxProgramList, maxCandidates)),
    sortIdx: new Int32Array(maxProgramList),
    withCalls,
    withoutCalls,
    matchScratch: newMatchScratch(),
    market: {
      aOff: new Int32Array(plan.s.applicant.count + 1),
      aItems: new Int32Array(plan.aListOff[plan.s.applicant.count]!),
      pOff: new Int32Array(nP + 1),
      pItems: new Int32Array(plan.programListCapacity),
    },
    matchLists: undefined,
  };
}

/**
 * Sorts idx[0..n) and key[0..n) together (key[i] belongs to idx[i]) so that keys descend,
 * ties by idx ascending. Insertion sort on keys held beside their indices: the lists sorted
 * (an applicant's invitations, a program's interviewees) are short.
 */
export function sortPairsDescending(idx: Int32Array, key: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = idx[i]!;
    const kv = key[i]!;
    let j = i - 1;
    while (j >= 0) {
      const ku = key[j]!;
      if (ku > kv || (ku === kv && idx[j]! < v)) break;
      idx[j + 1] = idx[j]!;
      key[j + 1] = ku;
      j--;
    }
    idx[j + 1] = v;
    key[j + 1] = kv;
  }
}

/** The parts of a workspace that belong to the world with calls (or to no world): never copied. */
const NOT_UNCALLED = new Set([
  "plan",
  "withCalls",
  "contacts",
  "select",
  "matchScratch",
  "market",
  "matchLists",
  "screenStaged",
  "secured",
  "vetoed",
  "applicantChanged",
  "changedApplicants",
  "changedApplicantCount",
  "programChanged",
  "changedPrograms",
  "changedProgramCount",
  "gainedInterviews",
  "gainedInterviewCount",
]);

/**
 * Copies what runUncalled left in `from` (the season without calls, screening's state
 * and the running guesses), before `from` runs its calls, into `to`, a workspace of the
 * same market whose settings cannot change that season: `to` then runs only its calls.
 * Every typed array and count but the calls' own is copied, scratch included, so that
 * nothing the world with calls reads is left out.
 */
export function copyUncalled(from: Workspace, to: Workspace): void {
  const source = from as unknown as Record<string, unknown>;
  const target = to as unknown as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    if (NOT_UNCALLED.has(key)) continue;
    const value = source[key];
    if (ArrayBuffer.isView(value)) (target[key] as Uint8Array).set(value as Uint8Array);
    else if (typeof value === "number") target[key] = value;
    else if (key === "withoutCalls") copyWorld(value as World, target[key] as World);
  }
}

function copyWorld(from: World, to: World): void {
  const source = from as unknown as Record<string, unknown>;
  const target = to as unknown as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (ArrayBuffer.isView(value)) (target[key] as Uint8Array).set(value as Uint8Array);
    else if (typeof value === "number") target[key] = value;
  }
}
