import { hashBoundBelow, pairNormal, pairRow, uniform, type TrialStreams } from "../rng/streams.js";
import { VERDICTS } from "../scenario/schema.js";
import { COUNT, countCall, isSuppressed, PHASE_NUMBER, scaled, type CallContext } from "./call-context.js";
import { bestContactOf, reachesAnyone } from "./reach.js";
import { CAUTIOUS, FINE, POSITIVE, saidVerdict, thoughtVerdict } from "./opinions.js";
import { SETTLING_TRIALS } from "./applications.js";
import { kthLargest, nextGuess } from "./select.js";
import type { Workspace } from "./workspace.js";

/**
 * Step 2, the part calls cannot change: each program scores its applications by paper
 * strength plus screening noise and invites its `interviewSlots` best. Applicants within
 * `band` of the cutoff (the score of the last one invited) are borderline. A program with
 * a fixed rank list does not screen.
 *
 * The scores are drawn applicant by applicant, in the order the applications were
 * written, and each is placed against a window around its program's guessed cutoff (as in
 * chooseApplications): above it is invited; inside it is filed under the program, where
 * the cutoff is then found among a few. Only a program whose window misses (its cutoff or
 * borderline band falls outside, or it has no more applications than slots) has all its
 * applications filed, in one pass over all of them. So most applications are never
 * filed by program at all, which would cost as much as drawing them.
 */
export function screen(ws: Workspace, streams: TrialStreams): void {
  const { plan } = ws;
  const { s, programAppStart } = plan;
  const { noise, band } = s.model.screening;
  const nP = s.program.count;
  const { interviewSlots: slotsOf, hasRankList } = s.program;
  ws.baseInviteCount = 0;
  ws.borderline.fill(0);
  ws.borderlineCount = 0;
  ws.cutoff.fill(NaN);
  // Per program, two values side by side: its window (low, high), and how many scored
  // above it and where its next application inside it goes. Pairs in one array rather
  // than four arrays: the engine checks each array a loop touches on every pass.
  const { screeningCutoff, screenFileAll: fileAll, screenWindow: window, screenTally: tally } = ws;
  // After the first trials each program's guess, width and filing stay as they are (as the
  // applications' guesses do): restored after every later trial's updates.
  if (ws.trialsScreened++ === SETTLING_TRIALS) {
    ws.settledScreening = { guess: screeningCutoff.slice(), width: ws.screenWidth.slice(), fileAll: fileAll.slice() };
  }
  // Wide enough to hold the borderline band around the cutoff too.
  const windowHalf = Math.max(noise, 1e-9) * 0.5;
  // Each program's window is widened where it missed and narrowed back as it holds: a
  // program whose cutoff varies more than most would otherwise miss trial after trial.
  const widthOf = ws.screenWidth;
  for (let q = 0; q < nP; q++) {
    const guess = screeningCutoff[q]!;
    let low = guess - band - windowHalf * widthOf[q]!;
    let high = guess + band + windowHalf * widthOf[q]!;
    if (hasRankList[q]) {
      // Does not screen: an empty window (no score compares true against NaN).
      low = high = NaN;
    } else if (slotsOf[q] === 0) {
      low = high = Infinity;
    } else if (Number.isNaN(guess) || fileAll[q]) {
      // No cutoff seen yet, or a program with few more applications than slots (see
      // invite): all its applications are filed.
      low = -Infinity;
      high = Infinity;
    }
    window[2 * q] = low;
    window[2 * q + 1] = high;
    tally[2 * q] = 0;
    tally[2 * q + 1] = programAppStart[q]!;
  }

  // The same steps in WebAssembly where it runs (kernel/season.wat); only a missed
  // window's filing is always here.
  const kernel = ws.kernel;
  let missed: number;
  if (kernel) {
    // Once the windows are settled, the entries the kernel chose are drawn only where they
    // can reach their program's window (see settleScreening).
    const bounded = ws.settledScreening !== undefined && kernel.draws && noise > 0 && screenBoundsOn;
    if (bounded && ws.screenBoundsNoise !== noise) settleScreening(ws, kernel.screenBound, noise);
    kernel.screen(s.applicant.count, streams.screening, noise, bounded ? 1 : 0);
    missed = kernel.screenCutoffs(nP, band);
  } else {
    scoreAndFile(ws, streams.screening, noise);
    missed = findCutoffs(ws, band);
  }
  if (missed > 0) fileMissed(ws, missed, streams.screening);
  if (kernel) {
    ws.baseInviteCount = kernel.screenInvitations(nP, band);
    ws.borderlineCount = ws.borderlineFrom[nP]!;
  } else {
    invite(ws, band);
  }
  const settled = ws.settledScreening;
  if (settled) {
    screeningCutoff.set(settled.guess);
    ws.screenWidth.set(settled.width);
    fileAll.set(settled.fileAll);
  }
}

let screenBoundsOn = true;

/** Turns the kernel's bounded screening draws on or off (tests and benchmarks compare the two ways). */
export function useBoundedScreening(on: boolean): void {
  screenBoundsOn = on;
}

/**
 * Writes each candidate's screening bound (see SeasonKernel.screenBound) for the settled
 * windows, as settleWindows in applications.ts does for the choice: every hash below it
 * scores below its program's window's low end (hashBoundBelow) even with the most its
 * entry's bonus can be (home or away, and the larger signal's where the model sends
 * signals). A program whose window has no finite low end (it files all its applications,
 * or does not screen) draws every one.
 */
function settleScreening(ws: Workspace, bound: Uint16Array, noise: number): void {
  const { plan } = ws;
  const { s, candidates, candidateScreenBonus } = plan;
  const { paper, flagCount } = s.applicant;
  const { flagPenalty } = s.model.screening;
  const { perApplicant: silver, gold, screeningBonus } = s.model.signals;
  const signal = silver + gold.perApplicant > 0 ? Math.max(0, screeningBonus, gold.screeningBonus) : 0;
  const window = ws.screenWindow;
  for (let a = 0; a < s.applicant.count; a++) {
    const pa = paper[a]! - (flagCount[a]! > 0 ? flagPenalty : 0);
    for (let c = candidates.offsets[a]!; c < candidates.offsets[a + 1]!; c++) {
      const low = window[2 * candidates.items[c]!]!;
      if (!Number.isFinite(low)) {
        bound[c] = 0;
        continue;
      }
      bound[c] = hashBoundBelow((low - (pa + (candidateScreenBonus[c]! + signal))) / noise);
    }
  }
  ws.screenBoundsNoise = noise;
}

/**
 * Entry k's screening score, as screen draws it: for an entry the kernel left undrawn (NaN,
 * below its window) where a later step needs it after all (a missed window's filing, a
 * vetoed invitee's replacement). Kept in screenScore.
 */
export function screenScoreOf(ws: Workspace, key: number, k: number): number {
  const score = ws.screenScore;
  const v = score[k]!;
  if (v === v) return v;
  const { s, entryApplicant } = ws.plan;
  const a = entryApplicant[k]!;
  const pa = s.applicant.paper[a]! - (s.applicant.flagCount[a]! > 0 ? s.model.screening.flagPenalty : 0);
  return (score[k] = pa + ws.entryBonus[k]! + s.model.screening.noise * pairNormal(pairRow(key, s.applicant.key[a]!), s.program.key[ws.appProgram[k]!]!));
}

/**
 * A function filing entry k under program q, at the program's next place (the arrays read
 * once); an entry left undrawn is drawn (screenScoreOf) with the trial's screening key.
 */
function filer(ws: Workspace, key: number): (q: number, k: number) => void {
  const { screenTally: tally, screenByProgram: byProgram, screenFiledScore: filedScore, screenScore: score } = ws;
  return (q, k) => {
    const slot = tally[2 * q + 1]!++;
    byProgram[slot] = k;
    const v = score[k]!;
    filedScore[slot] = v === v ? v : screenScoreOf(ws, key, k);
  };
}

/**
 * Each application's score, drawn applicant by applicant in entry order and placed
 * against its program's window: above it, invited and counted; inside it, staged, then
 * filed under the program.
 */
function scoreAndFile(ws: Workspace, key: number, noise: number): void {
  const { plan } = ws;
  const { s, appOff } = plan;
  const nA = s.applicant.count;
  // Arrays in locals: read through ws inside a loop, each costs a property load and its
  // checks on every entry.
  const { baseInvited, appProgram, screenScore: score, screenWindow: window, screenTally: tally } = ws;
  const { paper, flagCount, key: applicantKey } = s.applicant;
  const programKey = s.program.key;
  const flagPenalty = s.model.screening.flagPenalty;
  // What each application's program adds to the applicant's paper (home, away, signal),
  // written as the applications were chosen.
  const bonusOf = ws.entryBonus;
  // The entries inside their program's window, in entry order: filed by program after the
  // pass. Filed during it, every entry stored to its program's place (the store is made
  // whether or not the place advances), and with thousands of programs those places lie
  // far apart: in the NRMP preset a fifth of the step's profile fell on those stores,
  // though only a quarter of the entries are filed.
  const staged = ws.screenStaged;
  let stagedCount = 0;
  for (let a = 0; a < nA; a++) {
    // A red flag is on paper: every program sees it, with calls or without.
    const pa = paper[a]! - (flagCount[a]! > 0 ? flagPenalty : 0);
    const row = pairRow(key, applicantKey[a]!);
    const to = appOff[a + 1]!;
    let k = appOff[a]!;
    // Two applications per pass, as in chooseApplications. The appends are written without
    // branches: the store is made, and the count advances by 0 or 1.
    for (; k + 1 < to; k += 2) {
      const q = appProgram[k]!;
      const r = appProgram[k + 1]!;
      const v = pa + bonusOf[k]! + noise * pairNormal(row, programKey[q]!);
      const w = pa + bonusOf[k + 1]! + noise * pairNormal(row, programKey[r]!);
      score[k] = v;
      score[k + 1] = w;
      const upV = +(v > window[2 * q + 1]!);
      baseInvited[k] = upV;
      tally[2 * q]! += upV;
      staged[stagedCount] = k;
      stagedCount += +(v >= window[2 * q]!) & (1 - upV);
      const upW = +(w > window[2 * r + 1]!);
      baseInvited[k + 1] = upW;
      tally[2 * r]! += upW;
      staged[stagedCount] = k + 1;
      stagedCount += +(w >= window[2 * r]!) & (1 - upW);
    }
    if (k < to) {
      const q = appProgram[k]!;
      const v = pa + bonusOf[k]! + noise * pairNormal(row, programKey[q]!);
      score[k] = v;
      const up = +(v > window[2 * q + 1]!);
      baseInvited[k] = up;
      tally[2 * q]! += up;
      staged[stagedCount] = k;
      stagedCount += +(v >= window[2 * q]!) & (1 - up);
    }
  }
  // Each program's filed entries in its order of applications, as entry order gives them.
  const file = filer(ws, key);
  for (let i = 0; i < stagedCount; i++) file(appProgram[staged[i]!]!, staged[i]!);
}

/**
 * The cutoff of each program whose window holds it; the others are marked to have all
 * their applications filed (needsAll). Returns how many were marked.
 */
function findCutoffs(ws: Workspace, band: number): number {
  const { s, programAppStart } = ws.plan;
  const { interviewSlots: slotsOf, hasRankList } = s.program;
  const { screenFiledScore: filedScore, screeningCutoff, cutoff: cutoffOf, needsAll, screenWindow: window, screenTally: tally, screenWidth: widthOf } = ws;
  const sortKey = ws.sortKey;
  let missed = 0;
  for (let q = 0; q < s.program.count; q++) {
    needsAll[q] = 0;
    if (hasRankList[q]) continue;
    const slots = slotsOf[q]!;
    const from = programAppStart[q]!;
    const inside = tally[2 * q + 1]! - from;
    if (slots === 0) continue;
    // Every application filed, and no more than slots: all are invited (see invite).
    if (window[2 * q] === -Infinity && inside <= slots) continue;
    // With exactly as many in and above the window as slots, the program may have no
    // more applications than slots, where no one is borderline: only all of them tell.
    if (tally[2 * q]! < slots && tally[2 * q]! + inside > slots) {
      for (let i = 0; i < inside; i++) sortKey[i] = filedScore[from + i]!;
      const cutoff = kthLargest(sortKey, inside, slots - tally[2 * q]!, ws.select);
      cutoffOf[q] = cutoff;
      screeningCutoff[q] = nextGuess(screeningCutoff[q]!, cutoff);
      if (cutoff - band >= window[2 * q]! && cutoff + band <= window[2 * q + 1]!) {
        widthOf[q] = Math.max(1, widthOf[q]! * 0.95);
        continue;
      }
    }
    if (window[2 * q] !== -Infinity) widthOf[q] = Math.min(8, widthOf[q]! * 2);
    needsAll[q] = 1;
    missed++;
  }
  return missed;
}

/** All the applications of each program marked needsAll, filed afresh in entry order. */
function fileMissed(ws: Workspace, missed: number, key: number): void {
  const { plan, needsAll, appProgram, screenTally: tally } = ws;
  const nP = plan.s.program.count;
  const programAppStart = plan.programAppStart;
  for (let q = 0; q < nP; q++) if (needsAll[q]) tally[2 * q + 1] = programAppStart[q]!;
  const file = filer(ws, key);
  const fixed = plan.programEntries;
  if (fixed) {
    // The same entries every trial: each missed program's own, in ascending order, as the
    // pass over all of them below would file them.
    for (let q = 0; q < nP; q++) {
      if (needsAll[q]) for (let j = fixed.offsets[q]!; j < fixed.offsets[q + 1]!; j++) file(q, fixed.items[j]!);
    }
  } else if (ws.kernel && missed <= FEW_SCANS) {
    // In WebAssembly, a missed program's entries are found by a scan of every entry eight
    // at a time, which costs less than a tenth of the pass below: a few such scans still win.
    for (let q = 0; q < nP; q++) if (needsAll[q]) ws.kernel.fileProgram(q, plan.totalApps, key, plan.s.model.screening.noise);
  } else if (missed <= FEW_MISSED) {
    // A program or two missed (most trials that miss at all): each one's entries found
    // by the engine's own search of the entries, in ascending order, rather than by a
    // loop over every entry.
    for (let q = 0; q < nP; q++) {
      if (!needsAll[q]) continue;
      for (let k = appProgram.indexOf(q); k >= 0; k = appProgram.indexOf(q, k + 1)) file(q, k);
    }
  } else {
    const totalApps = plan.totalApps;
    for (let k = 0; k < totalApps; k++) if (needsAll[appProgram[k]!]) file(appProgram[k]!, k);
  }
}

/**
 * Invitations and borderline applicants, program by program in the program's order of
 * applications, so that the borderline list reads the same whichever way it was found.
 */
function invite(ws: Workspace, band: number): void {
  const { s, programAppStart } = ws.plan;
  const nP = s.program.count;
  const { interviewSlots: slotsOf, hasRankList } = s.program;
  const { baseInvited, screenByProgram: byProgram, screenFiledScore: filedScore, screeningCutoff, cutoff: cutoffOf, needsAll, listRoom } = ws;
  const { screenFileAll: fileAll, screenWindow: window, screenTally: tally, borderlineFrom, invitesAt, sortKey } = ws;
  for (let q = 0; q < nP; q++) {
    borderlineFrom[q] = ws.borderlineCount;
    invitesAt[q] = 0;
    if (hasRankList[q]) continue;
    const slots = slotsOf[q]!;
    const from = programAppStart[q]!;
    const n = tally[2 * q + 1]! - from;
    if (slots === 0) {
      listRoom[q] = 0;
      continue;
    }
    let invited = tally[2 * q]!;
    let cutoff = cutoffOf[q]!;
    if (needsAll[q]) {
      // All of the program's applications: the marks made as scores were drawn are redone.
      for (let i = 0; i < n; i++) baseInvited[byProgram[from + i]!] = 0;
      invited = 0;
    }
    const whole = needsAll[q] === 1 || window[2 * q] === -Infinity;
    // A program that has all its applications here and few more than slots files them all
    // next trial: with about as many applications as slots, whether there are more than
    // slots is known only from all of them, and a window would miss almost every trial,
    // each miss a pass over every application of the market.
    fileAll[q] = +(whole && n <= 2 * slots);
    if (whole && n <= slots) {
      // Every application is here, and there are no more than slots: all are invited.
      for (let i = 0; i < n; i++) baseInvited[byProgram[from + i]!] = 1;
      ws.baseInviteCount += n;
      invitesAt[q] = n;
      listRoom[q] = n;
      continue;
    }
    if (Number.isNaN(cutoff)) {
      // A window that missed its cutoff: found among all the applications.
      for (let i = 0; i < n; i++) sortKey[i] = filedScore[from + i]!;
      cutoff = kthLargest(sortKey, n, slots, ws.select);
      cutoffOf[q] = cutoff;
      screeningCutoff[q] = nextGuess(screeningCutoff[q]!, cutoff);
    }
    // Those above the cutoff, then as many equal to it as there is room for (ties arise
    // only without noise), in the program's order of applications; and those within band
    // of the cutoff, in the same pass. Those equal to the cutoff (with noise, the cutoff
    // alone) are set aside until it is known how many fit.
    const equal = ws.sortIdx;
    let equals = 0;
    for (let i = 0; i < n; i++) {
      const k = byProgram[from + i]!;
      const v = filedScore[from + i]!;
      if (v > cutoff) {
        baseInvited[k] = 1;
        invited++;
        if (v - cutoff <= band) markOne(ws, k);
      } else if (v === cutoff) {
        equal[equals++] = k;
        markOne(ws, k);
      } else if (cutoff - v <= band) {
        markOne(ws, k);
      }
    }
    for (let i = 0; i < equals; i++) {
      if (invited < slots) {
        baseInvited[equal[i]!] = 1;
        invited++;
      }
    }
    ws.baseInviteCount += slots;
    invitesAt[q] = slots;
    // Calls trade invitations but never add one: the list never holds more than the slots.
    listRoom[q] = slots;
  }
  borderlineFrom[nP] = ws.borderlineCount;
}

/** Up to this many programs missing their window, each one's entries are searched for apart. */
const FEW_MISSED = 3;
/** Up to how many missed programs the kernel scans the entries once for each (see fileMissed). */
const FEW_SCANS = 8;

/**
 * Among entries[from … to-1] (applications when `program` is -1; else every entry, those of
 * `program` taken), the lowest-scored invitee not secured (`lowest`), or the best-scored
 * applicant neither invited nor vetoed; -1 if none. Ties as screening breaks them: the
 * earlier entry ranks higher.
 */
function extremeOf(ws: Workspace, key: number, invited: Uint8Array, entries: Int32Array, from: number, to: number, program: number, lowest: boolean): number {
  const { screenScore: score, secured, vetoed, appProgram } = ws;
  let best = -1;
  let bestScore = 0;
  for (let j = from; j < to; j++) {
    const k = program < 0 ? entries[j]! : j;
    if (program >= 0 && appProgram[k] !== program) continue;
    if (lowest ? invited[k] !== 1 || secured[k] === 1 : invited[k] !== 0 || vetoed[k] === 1) continue;
    let v = score[k]!;
    if (v !== v) v = screenScoreOf(ws, key, k); // left undrawn, below its window
    if (best < 0 || (lowest ? v < bestScore || (v === bestScore && k > best) : v > bestScore || (v === bestScore && k < best))) {
      best = k;
      bestScore = v;
    }
  }
  return best;
}

function markOne(ws: Workspace, k: number): void {
  ws.borderline[k] = 1;
  ws.borderlineApplicant[ws.borderlineCount] = ws.plan.entryApplicant[k]!;
  ws.borderlineEntries[ws.borderlineCount++] = k;
}

/** A pre-interview call, kept until the program's calls are applied best score first. */
interface InviteCall {
  entry: number;
  applicant: number;
  knower: number;
  trust: number;
  influence: number;
  thought: number;
  said: number;
  effective: boolean;
}

/**
 * Step 2, the calls: for each borderline applicant a program's director reaches someone
 * about, the director asks with probability `preInterview.callProbability ×
 * backchannelUse`; the verdict takes effect with probability equal to the influence.
 * Strong or positive secures an invitation (taking the slot of the lowest-scored invitee
 * not secured, if the applicant had none); cautious or would-not-rank vetoes the applicant
 * (whose slot, if they had one, goes to the best-scored applicant neither invited nor
 * vetoed); fine changes nothing. A program never invites more than its slots. Calls are
 * applied best score first; whether a call is made and what is said are addressed draws,
 * the same in any order. The applicants whose invitations changed are listed for
 * attendInterviewsFrom, the programs' changed invitations counted.
 */
export function preInterviewCalls(ws: Workspace, ctx: CallContext): void {
  const { s, streams, world } = ctx;
  world.invited.set(ws.baseInvited);
  ws.applicantChanged.fill(0);
  ws.changedApplicantCount = 0;
  const p = s.model.preInterview.callProbability;
  const { borderlineEntries, borderlineApplicant, borderlineFrom, screenScore } = ws;
  const { director: directorOf, backchannelUse } = s.program;
  const calls: InviteCall[] = [];
  for (let q = 0; q < s.program.count; q++) {
    const from = borderlineFrom[q]!;
    const to = borderlineFrom[q + 1]!;
    if (from === to || directorOf[q]! < 0 || !(backchannelUse[q]! > 0)) continue;
    calls.length = 0;
    for (let i = from; i < to; i++) {
      const k = borderlineEntries[i]!;
      const a = borderlineApplicant[i]!;
      // Whether anyone is reached is looked up first: most directors reach no one who
      // knows most applicants, and the lookup is cheaper than the draw.
      if (!reachesAnyone(s, ws.contacts, q, a)) continue;
      if (!(uniform(streams.preInterviewCall, s.program.key[q]!, s.applicant.key[a]!) < scaled(p, backchannelUse[q]!))) continue;
      if (!bestContactOf(s, ws.contacts, q, a, ctx.contact)) continue;
      if (isSuppressed(ctx, "preInterview", q, a)) continue;
      const c = ctx.contact;
      countCall(ctx, "preInterview", q, a);
      const thought = thoughtVerdict(s, streams, c.knower, a, c.slot);
      const said = saidVerdict(s, streams, c.knower, a, thought, PHASE_NUMBER.preInterview, q);
      ctx.counts[COUNT.verdicts + said]!++;
      const effective = said !== FINE && uniform(streams.preInterviewEffect, s.program.key[q]!, s.applicant.key[a]!) < c.influence;
      calls.push({ entry: k, applicant: a, knower: c.knower, trust: c.trust, influence: c.influence, thought, said, effective });
    }
    if (calls.length === 0) continue;
    if (calls.length > 1) calls.sort((x, y) => screenScore[y.entry]! - screenScore[x.entry]! || x.entry - y.entry);
    applyInviteCalls(ws, ctx, q, calls);
  }
}

/** Applies program q's pre-interview calls, in order, to the invitations of the world with calls. */
function applyInviteCalls(ws: Workspace, ctx: CallContext, q: number, calls: readonly InviteCall[]): void {
  const { world, counts } = ctx;
  const invited = world.invited;
  const { secured, vetoed, screenByProgram: filed, appProgram } = ws;
  const filedFrom = ws.plan.programAppStart[q]!;
  const filedTo = ws.screenTally[2 * q + 1]!;
  // Screening filed the applications around the cutoff (all of them, for some programs),
  // which is where calls trade slots: the lowest invitee and the best of the rest are
  // there. Only a trade that reaches past them looks at all of the program's, and from then
  // on every search does, since entries outside the filed ones may have changed.
  // A program whose applications were all filed (its window missed, or it had none) is
  // searched among the filed ones alone: they are all of its applications, and a search of
  // every application of the market for them cost a third of an NRMP season.
  const complete = ws.needsAll[q] === 1 || ws.screenWindow[2 * q] === -Infinity;
  const key = ctx.streams.screening;
  let all = false;
  const extreme = (lowest: boolean): number => {
    if (!all) {
      const k = extremeOf(ws, key, invited, filed, filedFrom, filedTo, -1, lowest);
      if (k >= 0 || complete) return k;
      all = true;
    }
    return extremeOf(ws, key, invited, appProgram, 0, ws.plan.totalApps, q, lowest);
  };
  let traded = false;
  for (const call of calls) {
    const k = call.entry;
    let effect: "invited" | "uninvited" | "secured" | "vetoed" | "unchanged" = "unchanged";
    let displaced = -1;
    let promoted = -1;
    if (call.effective && call.said <= POSITIVE) {
      if (invited[k]) {
        secured[k] = 1;
        effect = "secured";
      } else {
        // The slot comes from the lowest-scored invitee nobody has vouched for.
        const loser = extreme(true);
        if (loser >= 0) {
          invited[loser] = 0;
          invited[k] = 1;
          secured[k] = 1;
          displaced = ws.plan.entryApplicant[loser]!;
          effect = "invited";
          traded = true;
        }
      }
    } else if (call.effective && call.said >= CAUTIOUS) {
      vetoed[k] = 1;
      effect = "vetoed";
      if (invited[k]) {
        invited[k] = 0;
        effect = "uninvited";
        traded = true;
        // The slot goes to the best-scored applicant not invited and not vetoed.
        const winner = extreme(false);
        if (winner >= 0) {
          invited[winner] = 1;
          promoted = ws.plan.entryApplicant[winner]!;
        }
      }
    }
    ctx.emit?.({
      kind: "invite-call",
      call: { phase: "preInterview", program: q, applicant: call.applicant },
      knower: call.knower,
      trust: call.trust,
      influence: call.influence,
      thought: VERDICTS[call.thought]!,
      said: VERDICTS[call.said]!,
      effect,
      displaced,
      promoted,
    });
  }
  // The marks cleared for the next trial, and what the calls changed: only trades change
  // invitations, and only among the applications searched.
  for (const call of calls) secured[call.entry] = vetoed[call.entry] = 0;
  if (!traded) return;
  let changed = 0;
  const note = (k: number) => {
    if (invited[k] === ws.baseInvited[k]) return;
    changed++;
    counts[invited[k]! > ws.baseInvited[k]! ? COUNT.invitesGained : COUNT.invitesLost]!++;
    const a = ws.plan.entryApplicant[k]!;
    if (!ws.applicantChanged[a]) {
      ws.applicantChanged[a] = 1;
      ws.changedApplicants[ws.changedApplicantCount++] = a;
    }
  };
  if (all) {
    for (let k = 0; k < ws.plan.totalApps; k++) if (appProgram[k] === q) note(k);
  } else {
    for (let j = filedFrom; j < filedTo; j++) note(filed[j]!);
  }
  world.invitesChangedAt[q] = changed;
}
