import { normal, uniform, type TrialStreams } from "../rng/streams.js";
import { VERDICTS } from "../scenario/schema.js";
import { COUNT, countCall, isSuppressed, PHASE_NUMBER, scaled, type CallContext } from "./call-context.js";
import { bestContactOf, reachesAnyone } from "./reach.js";
import { CAUTIOUS, POSITIVE, saidVerdict, thoughtVerdict } from "./opinions.js";
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
  const { s, appOff, programAppStart } = plan;
  const { noise, band } = s.model.screening;
  const key = streams.screening;
  const nP = s.program.count;
  const { interviewSlots: slotsOf, hasRankList } = s.program;
  ws.baseInviteCount = 0;
  ws.borderline.fill(0);
  ws.borderlineCount = 0;
  ws.cutoff.fill(NaN);
  // Arrays in locals: read through ws inside a loop, each costs a property load and its
  // checks on every entry.
  const { baseInvited, appProgram, screenScore: score, screenByProgram: byProgram } = ws;
  const { screeningCutoff, cutoff: cutoffOf, needsAll, listRoom } = ws;
  // Per program, two values side by side: its window (low, high), and how many scored
  // above it and where its next application inside it goes. Pairs in one array rather
  // than four arrays: the engine checks each array a loop touches on every pass.
  const window = ws.screenWindow;
  const tally = ws.screenTally;
  const paper = s.applicant.paper;
  // Wide enough to hold the borderline band around the cutoff too.
  const windowHalf = band + Math.max(noise, 1e-9) * 0.5;
  for (let q = 0; q < nP; q++) {
    const guess = screeningCutoff[q]!;
    let low = guess - windowHalf;
    let high = guess + windowHalf;
    if (hasRankList[q]) {
      // Does not screen: an empty window (no score compares true against NaN).
      low = high = NaN;
    } else if (slotsOf[q] === 0) {
      low = high = Infinity;
    } else if (Number.isNaN(guess)) {
      // No cutoff seen yet, as for a program with no more applications than slots: all
      // its applications are filed.
      low = -Infinity;
      high = Infinity;
    }
    window[2 * q] = low;
    window[2 * q + 1] = high;
    tally[2 * q] = 0;
    tally[2 * q + 1] = programAppStart[q]!;
  }

  const nA = s.applicant.count;
  for (let a = 0; a < nA; a++) {
    const pa = paper[a]!;
    const to = appOff[a + 1]!;
    let k = appOff[a]!;
    // Two applications per pass, as in chooseApplications. The appends are written without
    // branches: the store is made, and the program's place advances by 0 or 1.
    for (; k + 1 < to; k += 2) {
      const q = appProgram[k]!;
      const r = appProgram[k + 1]!;
      const v = pa + noise * normal(key, a, q);
      const w = pa + noise * normal(key, a, r);
      score[k] = v;
      score[k + 1] = w;
      const upV = +(v > window[2 * q + 1]!);
      baseInvited[k] = upV;
      tally[2 * q]! += upV;
      byProgram[tally[2 * q + 1]!] = k;
      tally[2 * q + 1]! += +(v >= window[2 * q]!) & (1 - upV);
      const upW = +(w > window[2 * r + 1]!);
      baseInvited[k + 1] = upW;
      tally[2 * r]! += upW;
      byProgram[tally[2 * r + 1]!] = k + 1;
      tally[2 * r + 1]! += +(w >= window[2 * r]!) & (1 - upW);
    }
    if (k < to) {
      const q = appProgram[k]!;
      const v = pa + noise * normal(key, a, q);
      score[k] = v;
      const up = +(v > window[2 * q + 1]!);
      baseInvited[k] = up;
      tally[2 * q]! += up;
      byProgram[tally[2 * q + 1]!] = k;
      tally[2 * q + 1]! += +(v >= window[2 * q]!) & (1 - up);
    }
  }

  // The cutoff of each program whose window holds it; the others are marked to have all
  // their applications filed.
  const sortKey = ws.sortKey;
  let anyNeedsAll = false;
  for (let q = 0; q < nP; q++) {
    needsAll[q] = 0;
    if (hasRankList[q]) continue;
    const slots = slotsOf[q]!;
    const from = programAppStart[q]!;
    const inside = tally[2 * q + 1]! - from;
    if (slots === 0) continue;
    // Every application filed, and no more than slots: all are invited (below).
    if (window[2 * q] === -Infinity && inside <= slots) continue;
    // With exactly as many in and above the window as slots, the program may have no
    // more applications than slots, where no one is borderline: only all of them tell.
    if (tally[2 * q]! < slots && tally[2 * q]! + inside > slots) {
      for (let i = 0; i < inside; i++) sortKey[i] = score[byProgram[from + i]!]!;
      const cutoff = kthLargest(sortKey, inside, slots - tally[2 * q]!, ws.select);
      cutoffOf[q] = cutoff;
      screeningCutoff[q] = nextGuess(screeningCutoff[q]!, cutoff);
      if (cutoff - band >= window[2 * q]! && cutoff + band <= window[2 * q + 1]!) continue;
    }
    needsAll[q] = 1;
    anyNeedsAll = true;
  }
  if (anyNeedsAll) {
    for (let q = 0; q < nP; q++) if (needsAll[q]) tally[2 * q + 1] = programAppStart[q]!;
    const totalApps = plan.totalApps;
    for (let k = 0; k < totalApps; k++) {
      const q = appProgram[k]!;
      if (needsAll[q]) byProgram[tally[2 * q + 1]!++] = k;
    }
  }

  // Invitations and borderline applicants, program by program in the program's order of
  // applications, so that the borderline list reads the same whichever way it was found.
  for (let q = 0; q < nP; q++) {
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
    if ((needsAll[q] || window[2 * q] === -Infinity) && n <= slots) {
      // Every application is here, and there are no more than slots: all are invited.
      for (let i = 0; i < n; i++) baseInvited[byProgram[from + i]!] = 1;
      ws.baseInviteCount += n;
      listRoom[q] = n;
      continue;
    }
    if (Number.isNaN(cutoff)) {
      // A window that missed its cutoff: found among all the applications.
      for (let i = 0; i < n; i++) sortKey[i] = score[byProgram[from + i]!]!;
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
    let gainable = 0;
    for (let i = 0; i < n; i++) {
      const k = byProgram[from + i]!;
      const v = score[k]!;
      if (v > cutoff) {
        baseInvited[k] = 1;
        invited++;
        if (v - cutoff <= band) markOne(ws, k);
      } else if (v === cutoff) {
        equal[equals++] = k;
        markOne(ws, k);
      } else if (cutoff - v <= band) {
        markOne(ws, k);
        // Calls can win an invitation only for a borderline applicant not already invited.
        gainable++;
      }
    }
    for (let i = 0; i < equals; i++) {
      if (invited < slots) {
        baseInvited[equal[i]!] = 1;
        invited++;
      } else gainable++;
    }
    ws.baseInviteCount += slots;
    listRoom[q] = slots + gainable;
  }
}

function markOne(ws: Workspace, k: number): void {
  ws.borderline[k] = 1;
  ws.borderlineEntries[ws.borderlineCount++] = k;
}

/**
 * Step 2, the calls: for each borderline applicant, the director asks someone who knows
 * them, with probability `preInterview.callProbability × backchannelUse`. Strong or
 * positive wins the invitation, cautious or would-not-rank loses it, fine changes nothing.
 * The applicants whose invitations changed are listed for attendInterviewsFrom.
 */
export function preInterviewCalls(ws: Workspace, ctx: CallContext): void {
  const { s, streams, world } = ctx;
  world.invited.set(ws.baseInvited);
  ws.applicantChanged.fill(0);
  ws.changedApplicantCount = 0;
  const p = s.model.preInterview.callProbability;
  // Only borderline applications can be called about; they are listed by program, in
  // each program's order of applications.
  const { borderlineEntries, appProgram } = ws;
  const entryApplicant = ws.plan.entryApplicant;
  const { director: directorOf, backchannelUse } = s.program;
  for (let i = 0; i < ws.borderlineCount; i++) {
    const k = borderlineEntries[i]!;
    const q = appProgram[k]!;
    const director = directorOf[q]!;
    if (director < 0) continue;
    const a = entryApplicant[k]!;
    // Whether anyone is reached first: it is looked up, where the draw is worked out, and
    // most directors reach no one who knows most applicants.
    if (!reachesAnyone(s, ws.contacts, q, a)) continue;
    if (!(uniform(streams.preInterviewCall, q, a) < scaled(p, backchannelUse[q]!))) continue;
    if (!bestContactOf(s, ws.contacts, q, a, ctx.contact)) continue;
    if (isSuppressed(ctx, "preInterview", q, a)) continue;
    const c = ctx.contact;
    countCall(ctx, COUNT.preInterviewCalls, q, a);
    const thought = thoughtVerdict(s, streams, c.knower, a, c.slot);
    const said = saidVerdict(s, streams, c.knower, a, thought, PHASE_NUMBER.preInterview, q);
    ctx.counts[COUNT.verdicts + said]!++;
    const before = world.invited[k]!;
    if (said <= POSITIVE) world.invited[k] = 1;
    else if (said >= CAUTIOUS) world.invited[k] = 0;
    ctx.emit?.({
      kind: "invite-call",
      call: { phase: "preInterview", program: q, applicant: a },
      knower: c.knower,
      trust: c.trust,
      influence: c.influence,
      thought: VERDICTS[thought]!,
      said: VERDICTS[said]!,
      effect: world.invited[k] === before ? "unchanged" : world.invited[k] ? "invited" : "uninvited",
    });
    // Each application is called about at most once, so `before` is the no-call invitation.
    if (world.invited[k] === before) continue;
    ctx.counts[world.invited[k]! > before ? COUNT.invitesGained : COUNT.invitesLost]!++;
    if (!ws.applicantChanged[a]) {
      ws.applicantChanged[a] = 1;
      ws.changedApplicants[ws.changedApplicantCount++] = a;
    }
  }
}
