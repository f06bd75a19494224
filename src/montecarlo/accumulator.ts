import { COUNT } from "../season/call-context.js";
import type { SeasonPlan } from "../season/plan.js";
import type { TrialResult } from "../season/season.js";
import type { Workspace, World } from "../season/workspace.js";
import { EFFICIENCY, efficiencyOf, efficiencyPlan, type EfficiencyPlan } from "./efficiency.js";
import type { Grouping } from "./groups.js";
import { addPair, PAIR } from "./pair-cells.js";

// Outcome counts over many trials. Every cell holds a whole number (kept in a Float64Array,
// exact up to 2^53), so merging is plain addition and gives the same bytes in any order
// and any split; means and intervals are computed only when the results are rendered.
// Each difference between the world with calls (X) and the one without (Y) is kept so that
// its paired interval can be rebuilt: for a yes/no outcome the seasons where only one world
// had it; for a per-season quantity the sum of its per-season differences and of their
// squares.

/**
 * One per-season statistic in both worlds: sums (and sums of squares) in each, the seasons
 * it was defined in each, and over the seasons defined in both, the count and the sum and
 * sum of squares of the difference X − Y.
 */
export const STAT = { sumX: 0, sqX: 1, nX: 2, sumY: 3, sqY: 4, nY: 5, both: 6, diff: 7, diffSq: 8, size: 9 } as const;

/** Global cells: the counters of COUNT, then these. */
export const GLOBAL = {
  ...COUNT,
  /** Applicant-seasons matched in each world, and the sum over seasons of (matched X − matched Y)². */
  matchedWith: COUNT.size,
  matchedWithout: COUNT.size + 1,
  matchedDiffSq: COUNT.size + 2,
  firstWith: COUNT.size + 3,
  firstWithout: COUNT.size + 4,
  firstDiffSq: COUNT.size + 5,
  /** Applicant-seasons whose match differs between the worlds, and the sum of squares of the per-season count. */
  outcomeChanged: COUNT.size + 6,
  outcomeChangedSq: COUNT.size + 7,
  invitesWithout: COUNT.size + 8,
  blockingPairsVsUncalled: COUNT.size + 9,
  blockingPairsSq: COUNT.size + 10,
  /** A STAT block per EFFICIENCY statistic. */
  efficiency: COUNT.size + 11,
  /**
   * Signals: applications (of programs that screen) with a signal of either tier, gold, and
   * none, and of each how many were invited with calls (X) and without (Y); matches at a
   * program the applicant signalled, in each world; then a STAT block per SIGNAL_STATS.
   */
  signalApps: COUNT.size + 11 + EFFICIENCY.length * STAT.size,
  signalInvitedX: COUNT.size + 12 + EFFICIENCY.length * STAT.size,
  signalInvitedY: COUNT.size + 13 + EFFICIENCY.length * STAT.size,
  goldApps: COUNT.size + 14 + EFFICIENCY.length * STAT.size,
  goldInvitedX: COUNT.size + 15 + EFFICIENCY.length * STAT.size,
  goldInvitedY: COUNT.size + 16 + EFFICIENCY.length * STAT.size,
  plainApps: COUNT.size + 17 + EFFICIENCY.length * STAT.size,
  plainInvitedX: COUNT.size + 18 + EFFICIENCY.length * STAT.size,
  plainInvitedY: COUNT.size + 19 + EFFICIENCY.length * STAT.size,
  matchedAtSignalX: COUNT.size + 20 + EFFICIENCY.length * STAT.size,
  matchedAtSignalY: COUNT.size + 21 + EFFICIENCY.length * STAT.size,
  signalStats: COUNT.size + 22 + EFFICIENCY.length * STAT.size,
  /** A STAT block: the share of applicants with a home program who are invited there (1/10,000). */
  homeInterviews: COUNT.size + 22 + (EFFICIENCY.length + 4) * STAT.size,
  size: COUNT.size + 22 + (EFFICIENCY.length + 5) * STAT.size,
} as const;

/**
 * Per-season signal statistics, each a STAT block (X with calls, Y without): P(invited |
 * signal), P(invited | no signal), their ratio, and the share of matches at a signalled
 * program. In units of 1/10,000 (the ratio 1/1,000).
 */
export const SIGNAL_STATS = ["pInviteSignal", "pInviteNoSignal", "inviteRatio", "matchesAtSignal"] as const;
export const SIGNAL_UNIT: readonly number[] = [1e4, 1e4, 1e3, 1e4];

/** Per-applicant cells: the pairing of the world with calls (X) with the one without (Y), then calls about them. */
export const APPLICANT = { ...PAIR, calls: PAIR.size, size: PAIR.size + 1 } as const;

/**
 * Per-program cells: positions filled in each world and the sum of squares of the
 * per-season difference; a STAT block of the season's mean quality matched (in units of
 * 1/10,000); calls in the program's name by phase; drops; invitations.
 */
export const PROGRAM = {
  filledWith: 0,
  filledWithout: 1,
  filledDiffSq: 2,
  quality: 3,
  /** 12..15: calls in the program's name, by phase (PHASE_NUMBER). */
  calls: 3 + STAT.size,
  drops: 7 + STAT.size,
  rippleDrops: 8 + STAT.size,
  /** Invitations that differ from the world without calls, and invitations without calls. */
  invitesChanged: 9 + STAT.size,
  invitations: 10 + STAT.size,
  /** Applications with a signal and without, each with the number invited (with calls); matches at the program by applicants who signalled it (with calls). */
  signalApps: 11 + STAT.size,
  signalInvited: 12 + STAT.size,
  plainApps: 13 + STAT.size,
  plainInvited: 14 + STAT.size,
  matchedAtSignal: 15 + STAT.size,
  size: 16 + STAT.size,
} as const;

/** Units per 1 of a program's mean quality matched. */
export const QUALITY_UNIT = 1e4;

/** Per-group cells: applicant-seasons, matched in each world and the sum of squares of the per-season difference, the same at first choice. */
export const GROUP = { seasons: 0, matchedWith: 1, matchedWithout: 2, matchedDiffSq: 3, firstWith: 4, firstWithout: 5, firstDiffSq: 6, size: 7 } as const;

export interface Accumulator {
  trials: number;
  readonly global: Float64Array;
  readonly applicant: Float64Array;
  /**
   * Per applicant and world (with calls, then without), histogramWidth cells: matched at
   * rank 1 … histogramWidth-1, then a last cell for unmatched. Laid out rank by rank: the
   * cell of (world, rank, applicant) is at (world × histogramWidth + rank) × applicants +
   * applicant (see histogramAt). A season adds one cell per applicant and world, nearly
   * all at the first few ranks, so its adds walk a few rows in order; laid out applicant by
   * applicant, each add jumped a whole row of cells, and in a market the size of the NRMP
   * (tens of megabytes of histogram) those jumps took about half of the step's loop over
   * applicants. Shard files keep the applicant-by-applicant order (histogramByApplicant).
   */
  readonly histogram: Float64Array;
  readonly histogramWidth: number;
  readonly program: Float64Array;
  readonly group: Float64Array;
}

export function newAccumulator(applicants: number, programs: number, groups: number, histogramWidth: number): Accumulator {
  return {
    trials: 0,
    global: new Float64Array(GLOBAL.size),
    applicant: new Float64Array(applicants * APPLICANT.size),
    histogram: new Float64Array(applicants * 2 * histogramWidth),
    histogramWidth,
    program: new Float64Array(programs * PROGRAM.size),
    group: new Float64Array(groups * GROUP.size),
  };
}

/**
 * An accumulator's arrays in memory that threads share: a worker thread adds its blocks'
 * trials into one such set for the whole run, and the main thread adds the sets up at the
 * end (the counts are whole numbers: the same total in any order). Nothing is copied per
 * block: in a market the size of the NRMP, copying and adding tens of megabytes of counts
 * per block took the main thread a fifth of a season, on a core the workers needed.
 */
export interface SharedCounts {
  readonly histogramWidth: number;
  readonly global: SharedArrayBuffer;
  readonly applicant: SharedArrayBuffer;
  readonly histogram: SharedArrayBuffer;
  readonly program: SharedArrayBuffer;
  readonly group: SharedArrayBuffer;
}

/** Zeroed shared arrays the size of `like`'s. */
export function sharedCountsLike(like: Accumulator): SharedCounts {
  const shared = (a: Float64Array) => new SharedArrayBuffer(a.byteLength);
  return {
    histogramWidth: like.histogramWidth,
    global: shared(like.global),
    applicant: shared(like.applicant),
    histogram: shared(like.histogram),
    program: shared(like.program),
    group: shared(like.group),
  };
}

/** An accumulator adding into shared arrays (its trials counted apart, from 0). */
export function accumulatorOver(shared: SharedCounts): Accumulator {
  return {
    trials: 0,
    histogramWidth: shared.histogramWidth,
    global: new Float64Array(shared.global),
    applicant: new Float64Array(shared.applicant),
    histogram: new Float64Array(shared.histogram),
    program: new Float64Array(shared.program),
    group: new Float64Array(shared.group),
  };
}

/** What adding a trial needs besides the counts: the grouping and scratch, one per thread. */
export interface Tally {
  readonly grouping: Grouping;
  readonly efficiency: EfficiencyPlan;
  /** Per group this season: matched with, without, at first choice with, without. */
  readonly groupSeason: Int32Array;
  /** Per program this season: quality matched and positions filled, in each world. */
  readonly qualityWith: Float64Array;
  readonly qualityWithout: Float64Array;
  readonly filledWith: Int32Array;
  readonly filledWithout: Int32Array;
  readonly statWith: Float64Array;
  readonly statWithout: Float64Array;
  /** Whether anyone can send a signal (else the signal counts are all zero and skipped). */
  readonly signalling: boolean;
  /** Per program this season, SIGNAL_COUNTS each: applications with a signal, of them invited, without a signal, of them invited, matches at a signalled program (with calls). */
  readonly signalCounts: Int32Array;
  /**
   * Where the applications and their signals are the same every trial (see signalsFixed):
   * the signalled entries at programs that screen, listed at the first season, so that the
   * signal tallies pass over them alone. Undefined until then, or where they change.
   */
  signalEntries: Int32Array | undefined;
}

const SIGNAL_COUNTS = 5;

export function newTally(plan: SeasonPlan, grouping: Grouping): Tally {
  const nP = plan.s.program.count;
  return {
    grouping,
    efficiency: efficiencyPlan(plan.s),
    groupSeason: new Int32Array(4 * grouping.keys.length),
    qualityWith: new Float64Array(nP),
    qualityWithout: new Float64Array(nP),
    filledWith: new Int32Array(nP),
    filledWithout: new Int32Array(nP),
    statWith: new Float64Array(EFFICIENCY.length),
    statWithout: new Float64Array(EFFICIENCY.length),
    signalling: plan.anyExplicitSignals || plan.s.model.signals.perApplicant + plan.s.model.signals.gold.perApplicant > 0,
    signalCounts: new Int32Array(SIGNAL_COUNTS * nP),
    signalEntries: undefined,
  };
}

let listedSignals = true;

/** Turns the signal tallies over the listed signalled entries on or off (tests compare the two ways). */
export function useSignalList(on: boolean): void {
  listedSignals = on;
}

/**
 * Whether the entries and their signals are the same every trial: everyone applies to all
 * their candidates (the plan's programEntries), and no one's signals follow the trial's
 * preferences (the model sends none, or everyone's are in the file).
 */
function signalsFixed(plan: SeasonPlan): boolean {
  if (plan.programEntries === undefined) return false;
  const { perApplicant, gold } = plan.s.model.signals;
  return perApplicant + gold.perApplicant === 0 || !plan.s.applicant.explicitSignals.includes(0);
}

export function accumulatorFor(plan: SeasonPlan, grouping: Grouping): Accumulator {
  return newAccumulator(plan.s.applicant.count, plan.s.program.count, grouping.keys.length, plan.maxApplicantList + 1);
}

/** Adds one season's value of a statistic in each world (NaN where undefined) to a STAT block. */
function addStat(cells: Float64Array, at: number, x: number, y: number): void {
  if (x === x) {
    cells[at + STAT.sumX]! += x;
    cells[at + STAT.sqX]! += x * x;
    cells[at + STAT.nX]!++;
  }
  if (y === y) {
    cells[at + STAT.sumY]! += y;
    cells[at + STAT.sqY]! += y * y;
    cells[at + STAT.nY]!++;
  }
  if (x === x && y === y) {
    const d = x - y;
    cells[at + STAT.both]!++;
    cells[at + STAT.diff]! += d;
    cells[at + STAT.diffSq]! += d * d;
  }
}

/** Adds one trial. `blockingPairs` is the instability of the called match (or 0). */
export function addTrial(acc: Accumulator, tally: Tally, ws: Workspace, r: TrialResult, blockingPairs: number): void {
  const { plan } = ws;
  const { s } = plan;
  const g = acc.global;
  acc.trials++;
  for (let i = 0; i < COUNT.size; i++) g[i]! += r.counts[i]!;
  g[GLOBAL.invitesWithout]! += ws.baseInviteCount;
  g[GLOBAL.blockingPairsVsUncalled]! += blockingPairs;
  g[GLOBAL.blockingPairsSq]! += blockingPairs * blockingPairs;
  const w = r.withCalls;
  const wo = r.withoutCalls;
  const width = acc.histogramWidth;
  // Locals, not acc.applicant and the like in the loop: each property read there is
  // repeated, checks and all, for every applicant.
  const { applicant, histogram, program } = acc;
  const nA = s.applicant.count;
  // Where the histogram's rows without calls start (see Accumulator.histogram).
  const rowsY = width * nA;
  const quality = s.applicant.quality;
  const { programOf, matchedRank, callsAbout } = w;
  const programOfWithout = wo.programOf;
  const matchedRankWithout = wo.matchedRank;
  const { groupSeason, qualityWith, qualityWithout } = tally;
  const members = tally.grouping.members;
  groupSeason.fill(0);
  qualityWith.fill(0);
  qualityWithout.fill(0);
  let matchedX = 0;
  let matchedY = 0;
  let firstX = 0;
  let firstY = 0;
  let changed = 0;
  // Without a branch on who matched (see addPair): an unmatched applicant's rank is 0, so
  // their histogram row is the last (rank - 1 + width), and their quality adds 0 at program 0.
  for (let a = 0; a < nA; a++) {
    const row = a * APPLICANT.size;
    const q = programOf[a]!;
    const q0 = programOfWithout[a]!;
    const mx = +(q >= 0);
    const my = +(q0 >= 0);
    const rx = matchedRank[a]!;
    const ry = matchedRankWithout[a]!;
    const fx = mx & +(rx === 1);
    const fy = my & +(ry === 1);
    addPair(applicant, row, w, a, wo, a);
    histogram[(rx - 1 + (mx ^ 1) * width) * nA + a]!++;
    histogram[rowsY + (ry - 1 + (my ^ 1) * width) * nA + a]!++;
    qualityWith[q & -mx]! += quality[a]! * mx;
    qualityWithout[q0 & -my]! += quality[a]! * my;
    matchedX += mx;
    matchedY += my;
    firstX += fx;
    firstY += fy;
    changed += +(q !== q0);
    for (let k = members.offsets[a]!; k < members.offsets[a + 1]!; k++) {
      const at = 4 * members.items[k]!;
      groupSeason[at]! += mx;
      groupSeason[at + 1]! += my;
      groupSeason[at + 2]! += fx;
      groupSeason[at + 3]! += fy;
    }
    applicant[row + APPLICANT.calls]! += callsAbout[a]!;
  }
  g[GLOBAL.matchedWith]! += matchedX;
  g[GLOBAL.matchedWithout]! += matchedY;
  g[GLOBAL.matchedDiffSq]! += (matchedX - matchedY) * (matchedX - matchedY);
  g[GLOBAL.firstWith]! += firstX;
  g[GLOBAL.firstWithout]! += firstY;
  g[GLOBAL.firstDiffSq]! += (firstX - firstY) * (firstX - firstY);
  g[GLOBAL.outcomeChanged]! += changed;
  g[GLOBAL.outcomeChangedSq]! += changed * changed;

  addGroups(acc.group, groupSeason, members);
  addEfficiency(g, tally, w, wo);
  addPrograms(program, ws, w, wo, tally);
  if (tally.signalling) {
    if (tally.signalEntries === undefined && listedSignals && signalsFixed(ws.plan)) tally.signalEntries = signalledEntries(ws);
    if (tally.signalEntries !== undefined && listedSignals) addListedSignals(g, program, ws, w, wo, tally, tally.signalEntries);
    else addSignals(g, program, ws, w, wo, tally);
  }
  addHomeInterviews(g, ws, w, wo);
}

/** The season's share of applicants with a home program who are invited there, in each world. */
function addHomeInterviews(g: Float64Array, ws: Workspace, w: World, wo: World): void {
  const { appProgram, plan } = ws;
  const home = plan.s.applicant.home;
  const appOff = plan.appOff;
  let n = 0, x = 0, y = 0;
  for (let a = 0; a < home.length; a++) {
    const h = home[a]!;
    if (h < 0) continue;
    n++;
    for (let k = appOff[a]!; k < appOff[a + 1]!; k++) {
      if (appProgram[k] !== h) continue;
      x += w.invited[k]!;
      y += wo.invited[k]!;
      break;
    }
  }
  if (n > 0) addStat(g, GLOBAL.homeInterviews, Math.round((x / n) * 1e4), Math.round((y / n) * 1e4));
}

/** The season's signals: who was invited and who matched where they signalled, overall and by program. */
function addSignals(g: Float64Array, program: Float64Array, ws: Workspace, w: World, wo: World, tally: Tally): void {
  const { plan, entrySignal, appProgram } = ws;
  const { s, appOff } = plan;
  const fixedList = s.program.hasRankList;
  const invitedX = w.invited;
  const invitedY = wo.invited;
  // Each entry adds to its program's counts: in the season's own small table (a few
  // numbers per program), not in the accumulator's program rows, whose width spreads them
  // over ten times the memory; a market of millions of applications waited on every one.
  const counts = tally.signalCounts;
  counts.fill(0);
  let sApps = 0, sX = 0, sY = 0, gApps = 0, gX = 0, gY = 0, pApps = 0, pX = 0, pY = 0, atX = 0, atY = 0, mX = 0, mY = 0;
  const nA = s.applicant.count;
  for (let a = 0; a < nA; a++) {
    const qx = w.programOf[a]!;
    const qy = wo.programOf[a]!;
    mX += +(qx >= 0);
    mY += +(qy >= 0);
    for (let k = appOff[a]!; k < appOff[a + 1]!; k++) {
      const q = appProgram[k]!;
      if (fixedList[q]) continue; // a fixed list invites no one
      const tier = entrySignal[k]!;
      const x = invitedX[k]!;
      const y = invitedY[k]!;
      const at = q * SIGNAL_COUNTS;
      if (tier !== 0) {
        sApps++;
        sX += x;
        sY += y;
        counts[at]!++;
        counts[at + 1]! += x;
        if (tier === 2) {
          gApps++;
          gX += x;
          gY += y;
        }
        if (q === qx) {
          atX++;
          counts[at + 4]!++;
        }
        if (q === qy) atY++;
      } else {
        pApps++;
        pX += x;
        pY += y;
        counts[at + 2]!++;
        counts[at + 3]! += x;
      }
    }
  }
  addSignalTotals(g, program, counts, { sApps, sX, sY, gApps, gX, gY, pApps, pX, pY, atX, atY, mX, mY });
}

/** The season's signal tallies, overall and each program's: how many applications, invitations and matches, with a signal and without. */
interface SignalTotals {
  sApps: number;
  sX: number;
  sY: number;
  gApps: number;
  gX: number;
  gY: number;
  pApps: number;
  pX: number;
  pY: number;
  atX: number;
  atY: number;
  mX: number;
  mY: number;
}

/** Folds a season's signal tallies into the accumulator: the programs' counts (SIGNAL_COUNTS each) and the overall ones. */
function addSignalTotals(g: Float64Array, program: Float64Array, counts: Int32Array, t: SignalTotals): void {
  const { sApps, sX, sY, gApps, gX, gY, pApps, pX, pY, atX, atY, mX, mY } = t;
  const nP = counts.length / SIGNAL_COUNTS;
  for (let q = 0; q < nP; q++) {
    const at = q * SIGNAL_COUNTS;
    const p = q * PROGRAM.size;
    program[p + PROGRAM.signalApps]! += counts[at]!;
    program[p + PROGRAM.signalInvited]! += counts[at + 1]!;
    program[p + PROGRAM.plainApps]! += counts[at + 2]!;
    program[p + PROGRAM.plainInvited]! += counts[at + 3]!;
    program[p + PROGRAM.matchedAtSignal]! += counts[at + 4]!;
  }
  g[GLOBAL.signalApps]! += sApps;
  g[GLOBAL.signalInvitedX]! += sX;
  g[GLOBAL.signalInvitedY]! += sY;
  g[GLOBAL.goldApps]! += gApps;
  g[GLOBAL.goldInvitedX]! += gX;
  g[GLOBAL.goldInvitedY]! += gY;
  g[GLOBAL.plainApps]! += pApps;
  g[GLOBAL.plainInvitedX]! += pX;
  g[GLOBAL.plainInvitedY]! += pY;
  g[GLOBAL.matchedAtSignalX]! += atX;
  g[GLOBAL.matchedAtSignalY]! += atY;
  const unit = (x: number, of: number, u: number) => (of > 0 ? Math.round((x / of) * u) : NaN);
  const ratio = (sx: number, px: number) => (sApps > 0 && pApps > 0 && sx > 0 && px > 0 ? Math.round((sx / sApps / (px / pApps)) * SIGNAL_UNIT[2]!) : NaN);
  const at = (i: number) => GLOBAL.signalStats + i * STAT.size;
  addStat(g, at(0), unit(sX, sApps, SIGNAL_UNIT[0]!), unit(sY, sApps, SIGNAL_UNIT[0]!));
  addStat(g, at(1), unit(pX, pApps, SIGNAL_UNIT[1]!), unit(pY, pApps, SIGNAL_UNIT[1]!));
  addStat(g, at(2), ratio(sX, pX), ratio(sY, pY));
  addStat(g, at(3), unit(atX, mX, SIGNAL_UNIT[3]!), unit(atY, mY, SIGNAL_UNIT[3]!));
}

/**
 * The signalled entries at programs that screen (a fixed list invites no one), in entry
 * order: read once, where they are the same every trial (see signalsFixed).
 */
function signalledEntries(ws: Workspace): Int32Array {
  const { entrySignal, appProgram } = ws;
  const fixedList = ws.plan.s.program.hasRankList;
  const out: number[] = [];
  for (let k = 0; k < ws.plan.totalApps; k++) if (entrySignal[k] !== 0 && !fixedList[appProgram[k]!]) out.push(k);
  return Int32Array.from(out);
}

/**
 * addSignals where the entries and their signals are the same every trial: only the
 * signalled entries are read (a sixth of the NRMP preset's 1.35 million), and what the
 * others add is the rest of each program's applications and invitations, which are known
 * without reading them: its entries (the plan's), its invitations without calls
 * (screening's invitesAt) and, where calls changed them, its invitations with calls
 * counted over its own entries. The same counts as addSignals (a test compares the two).
 */
function addListedSignals(g: Float64Array, program: Float64Array, ws: Workspace, w: World, wo: World, tally: Tally, listed: Int32Array): void {
  const { plan, entrySignal, appProgram, invitesAt } = ws;
  const { s, entryApplicant } = plan;
  const fixed = plan.programEntries!;
  const fixedList = s.program.hasRankList;
  const invitedX = w.invited;
  const invitedY = wo.invited;
  const counts = tally.signalCounts;
  counts.fill(0);
  let sApps = 0, sX = 0, sY = 0, gApps = 0, gX = 0, gY = 0, atX = 0, atY = 0, mX = 0, mY = 0;
  for (let i = 0; i < listed.length; i++) {
    const k = listed[i]!;
    const q = appProgram[k]!;
    const a = entryApplicant[k]!;
    const x = invitedX[k]!;
    const y = invitedY[k]!;
    const at = q * SIGNAL_COUNTS;
    sApps++;
    sX += x;
    sY += y;
    counts[at]!++;
    counts[at + 1]! += x;
    if (entrySignal[k] === 2) {
      gApps++;
      gX += x;
      gY += y;
    }
    if (q === w.programOf[a]) {
      atX++;
      counts[at + 4]!++;
    }
    if (q === wo.programOf[a]) atY++;
  }
  for (let a = 0; a < s.applicant.count; a++) {
    mX += +(w.programOf[a]! >= 0);
    mY += +(wo.programOf[a]! >= 0);
  }
  // Each program's applications and invitations without a signal: all of its own less
  // the signalled.
  let pApps = 0, pX = 0, pY = 0;
  const calls = w !== wo;
  for (let q = 0; q < s.program.count; q++) {
    if (fixedList[q]) continue;
    const from = fixed.offsets[q]!;
    const to = fixed.offsets[q + 1]!;
    let x = invitesAt[q]!;
    if (calls && w.invitesChangedAt[q]! > 0) {
      x = 0;
      for (let j = from; j < to; j++) x += invitedX[fixed.items[j]!]!;
    }
    const at = q * SIGNAL_COUNTS;
    counts[at + 2] = to - from - counts[at]!;
    counts[at + 3] = x - counts[at + 1]!;
    pApps += counts[at + 2]!;
    pX += counts[at + 3]!;
    pY += invitesAt[q]!;
  }
  pY -= sY;
  addSignalTotals(g, program, counts, { sApps, sX, sY, gApps, gX, gY, pApps, pX, pY, atX, atY, mX, mY });
}

/** Adds the season's tallies of each group. */
function addGroups(cells: Float64Array, season: Int32Array, members: { offsets: Int32Array; items: Int32Array }): void {
  const groups = season.length / 4;
  for (let k = 0; k < members.items.length; k++) cells[members.items[k]! * GROUP.size + GROUP.seasons]!++;
  for (let i = 0; i < groups; i++) {
    const at = i * GROUP.size;
    const [mx, my, fx, fy] = [season[4 * i]!, season[4 * i + 1]!, season[4 * i + 2]!, season[4 * i + 3]!];
    cells[at + GROUP.matchedWith]! += mx;
    cells[at + GROUP.matchedWithout]! += my;
    cells[at + GROUP.matchedDiffSq]! += (mx - my) * (mx - my);
    cells[at + GROUP.firstWith]! += fx;
    cells[at + GROUP.firstWithout]! += fy;
    cells[at + GROUP.firstDiffSq]! += (fx - fy) * (fx - fy);
  }
}

/** Adds the season's efficiency statistics in both worlds (once when calls are off). */
function addEfficiency(g: Float64Array, tally: Tally, w: World, wo: World): void {
  const { statWith, statWithout } = tally;
  efficiencyOf(tally.efficiency, wo, statWithout);
  if (w === wo) statWith.set(statWithout);
  else efficiencyOf(tally.efficiency, w, statWith);
  for (let i = 0; i < EFFICIENCY.length; i++) addStat(g, GLOBAL.efficiency + i * STAT.size, statWith[i]!, statWithout[i]!);
}

/** Adds each program's season: positions filled, mean quality matched, calls, drops, invitations. */
function addPrograms(program: Float64Array, ws: Workspace, w: World, wo: World, tally: Tally): void {
  const { s } = ws.plan;
  const { qualityWith, qualityWithout } = tally;
  const { callsByPhase, dropsAt, rippleDropsAt, invitesChangedAt } = w;
  const invitesAt = ws.invitesAt;
  const called = w !== wo;
  const filledX = tally.filledWith;
  const filledY = tally.filledWithout;
  filledX.fill(0);
  filledY.fill(0);
  for (let a = 0; a < s.applicant.count; a++) {
    if (w.programOf[a]! >= 0) filledX[w.programOf[a]!]!++;
    if (wo.programOf[a]! >= 0) filledY[wo.programOf[a]!]!++;
  }
  for (let q = 0; q < s.program.count; q++) {
    const p = q * PROGRAM.size;
    const x = filledX[q]!;
    const y = filledY[q]!;
    program[p + PROGRAM.filledWith]! += x;
    program[p + PROGRAM.filledWithout]! += y;
    program[p + PROGRAM.filledDiffSq]! += (x - y) * (x - y);
    addStat(program, p + PROGRAM.quality, x > 0 ? Math.round((qualityWith[q]! / x) * QUALITY_UNIT) : NaN, y > 0 ? Math.round((qualityWithout[q]! / y) * QUALITY_UNIT) : NaN);
    program[p + PROGRAM.invitations]! += invitesAt[q]!;
    if (!called) continue;
    for (let f = 0; f < 4; f++) program[p + PROGRAM.calls + f]! += callsByPhase[4 * q + f]!;
    program[p + PROGRAM.drops]! += dropsAt[q]!;
    program[p + PROGRAM.rippleDrops]! += rippleDropsAt[q]!;
    program[p + PROGRAM.invitesChanged]! += invitesChangedAt[q]!;
  }
}

/** Where the histogram cell of applicant `a` at `rank` (0-based; histogramWidth-1: unmatched) is, in world 0 (with calls) or 1. */
export function histogramAt(acc: Accumulator, world: number, rank: number, a: number): number {
  return (world * acc.histogramWidth + rank) * applicantsOf(acc) + a;
}

const applicantsOf = (acc: Accumulator): number => acc.applicant.length / APPLICANT.size;

/** Applicant a's histogram cells in one world (0: with calls, 1: without), ranks in order. */
export function histogramOf(acc: Accumulator, a: number, world: number): number[] {
  const cells: number[] = [];
  for (let r = 0; r < acc.histogramWidth; r++) cells.push(acc.histogram[histogramAt(acc, world, r, a)]!);
  return cells;
}

/** The histogram applicant by applicant (each applicant's cells with calls, then without), as shard files hold it. */
export function histogramByApplicant(acc: Accumulator): Float64Array {
  const width = acc.histogramWidth;
  const nA = applicantsOf(acc);
  const out = new Float64Array(acc.histogram.length);
  for (let w = 0; w < 2; w++) {
    for (let r = 0; r < width; r++) {
      const from = (w * width + r) * nA;
      for (let a = 0; a < nA; a++) out[(2 * a + w) * width + r] = acc.histogram[from + a]!;
    }
  }
  return out;
}

/** The accumulator's layout of a histogram given applicant by applicant (histogramByApplicant's inverse). */
export function histogramFromApplicantOrder(cells: ArrayLike<number>, applicants: number, width: number): Float64Array {
  const out = new Float64Array(cells.length);
  for (let w = 0; w < 2; w++) {
    for (let r = 0; r < width; r++) {
      const to = (w * width + r) * applicants;
      for (let a = 0; a < applicants; a++) out[to + a] = cells[(2 * a + w) * width + r]!;
    }
  }
  return out;
}

/** Adds `other` into `into`. Associative and commutative: cells are whole numbers. */
export function mergeInto(into: Accumulator, other: Accumulator): void {
  into.trials += other.trials;
  const add = (x: Float64Array, y: Float64Array) => {
    for (let i = 0; i < x.length; i++) x[i]! += y[i]!;
  };
  add(into.global, other.global);
  add(into.applicant, other.applicant);
  add(into.histogram, other.histogram);
  add(into.program, other.program);
  add(into.group, other.group);
}

/** An accumulator as plain data: what workers send back and shard files hold. */
export interface AccumulatorData {
  trials: number;
  histogramWidth: number;
  global: number[] | Float64Array;
  applicant: number[] | Float64Array;
  histogram: number[] | Float64Array;
  program: number[] | Float64Array;
  group: number[] | Float64Array;
}

export function toData(acc: Accumulator): AccumulatorData {
  return {
    trials: acc.trials,
    histogramWidth: acc.histogramWidth,
    global: acc.global,
    applicant: acc.applicant,
    histogram: acc.histogram,
    program: acc.program,
    group: acc.group,
  };
}

/** An accumulator from its data, taking over typed arrays as they are and copying plain lists (a shard file's). */
export function fromData(d: AccumulatorData): Accumulator {
  const own = (x: number[] | Float64Array) => (x instanceof Float64Array ? x : Float64Array.from(x));
  return {
    trials: d.trials,
    histogramWidth: d.histogramWidth,
    global: own(d.global),
    applicant: own(d.applicant),
    histogram: own(d.histogram),
    program: own(d.program),
    group: own(d.group),
  };
}
