import { normal, uniform, type TrialStreams } from "../rng/streams.js";
import { VERDICTS } from "../scenario/schema.js";
import { COUNT, countCall, isSuppressed, PHASE_NUMBER, scaled, type CallContext } from "./call-context.js";
import { bestContactOf } from "./reach.js";
import { CAUTIOUS, POSITIVE, saidVerdict, thoughtVerdict } from "./opinions.js";
import { kthLargest, nextGuess } from "./select.js";
import type { Workspace } from "./workspace.js";

/**
 * Step 2, the part calls cannot change: each program scores its applications by paper
 * strength plus screening noise and invites its `interviewSlots` best. Applicants within
 * `band` of the cutoff (the score of the last one invited) are borderline. A program with
 * a fixed rank list does not screen.
 */
export function screen(ws: Workspace, streams: TrialStreams): void {
  const { s } = ws.plan;
  const { noise, band } = s.model.screening;
  const key = streams.screening;
  ws.baseInvited.fill(0);
  ws.baseInviteCount = 0;
  ws.borderline.fill(0);
  ws.borderlineCount = 0;
  ws.cutoff.fill(NaN);
  const aboveIdx = ws.aboveScratch;
  const insideIdx = ws.insideScratch;
  const paper = s.applicant.paper;
  // Arrays in locals: read through ws inside a loop, each costs a property load and its
  // checks on every entry.
  const { baseInvited, pAppEntry, sortKey } = ws;
  const applicantOf = ws.pAppApplicant;
  // Scores are kept in the program's order of applications (slot start + j), so they are
  // written in sequence; the index lists below hold j.
  const score = ws.screenScore;
  // Scores are placed against a window around each program's guessed cutoff as they are
  // drawn, as in chooseApplications; it is wide enough to hold the borderline band too.
  const windowHalf = band + Math.max(noise, 1e-9) * 0.5;
  for (let q = 0; q < s.program.count; q++) {
    if (s.program.hasRankList[q]) continue;
    const start = ws.plan.programAppStart[q]!;
    const n = ws.pAppCount[q]!;
    const slots = s.program.interviewSlots[q]!;
    // Ties at the cutoff are invited only while there is room: exactly min(n, slots).
    ws.baseInviteCount += Math.min(n, slots);
    const lo = ws.screeningCutoff[q]! - windowHalf;
    const hi = ws.screeningCutoff[q]! + windowHalf;
    let above = 0;
    let inside = 0;
    // Two applications per pass, as in chooseApplications.
    let j = 0;
    for (; j + 1 < n; j += 2) {
      const a = applicantOf[start + j]!;
      const b = applicantOf[start + j + 1]!;
      const v = paper[a]! + noise * normal(key, a, q);
      const w = paper[b]! + noise * normal(key, b, q);
      score[start + j] = v;
      score[start + j + 1] = w;
      aboveIdx[above] = j;
      above += +(v > hi);
      insideIdx[inside] = j;
      inside += +(v >= lo) & +(v <= hi);
      aboveIdx[above] = j + 1;
      above += +(w > hi);
      insideIdx[inside] = j + 1;
      inside += +(w >= lo) & +(w <= hi);
    }
    if (j < n) {
      const a = applicantOf[start + j]!;
      const v = paper[a]! + noise * normal(key, a, q);
      score[start + j] = v;
      aboveIdx[above] = j;
      above += +(v > hi);
      insideIdx[inside] = j;
      inside += +(v >= lo) & +(v <= hi);
    }
    if (n <= slots) {
      for (let j = 0; j < n; j++) baseInvited[pAppEntry[start + j]!] = 1;
      continue;
    }
    if (slots === 0) continue;
    if (above < slots && above + inside >= slots) {
      for (let i = 0; i < inside; i++) sortKey[i] = score[start + insideIdx[i]!]!;
      const cutoff = kthLargest(sortKey, inside, slots - above, ws.select);
      ws.cutoff[q] = cutoff;
      ws.screeningCutoff[q] = nextGuess(ws.screeningCutoff[q]!, cutoff);
      // Everyone above the window is in; inside it, those above the cutoff, and as many
      // equal to it as there is room for, in the program's order of applications.
      for (let i = 0; i < above; i++) baseInvited[pAppEntry[start + aboveIdx[i]!]!] = 1;
      let ties = slots - above;
      for (let i = 0; i < inside; i++) if (score[start + insideIdx[i]!]! > cutoff) ties--;
      for (let i = 0; i < inside; i++) {
        const j = insideIdx[i]!;
        const v = score[start + j]!;
        if (v > cutoff || (v === cutoff && ties-- > 0)) baseInvited[pAppEntry[start + j]!] = 1;
      }
      if (cutoff - band >= lo && cutoff + band <= hi) {
        for (let i = 0; i < inside; i++) {
          const j = insideIdx[i]!;
          if (Math.abs(score[start + j]! - cutoff) <= band) markOne(ws, pAppEntry[start + j]!);
        }
        continue;
      }
      markBorderline(ws, start, n, cutoff, band);
      continue;
    }
    sortKey.set(score.subarray(start, start + n));
    const cutoff = kthLargest(sortKey, n, slots, ws.select);
    ws.cutoff[q] = cutoff;
    ws.screeningCutoff[q] = nextGuess(ws.screeningCutoff[q]!, cutoff);
    let invited = 0;
    for (let j = 0; j < n; j++) {
      if (score[start + j]! > cutoff) {
        baseInvited[pAppEntry[start + j]!] = 1;
        invited++;
      }
    }
    for (let j = 0; j < n && invited < slots; j++) {
      if (score[start + j] === cutoff) {
        baseInvited[pAppEntry[start + j]!] = 1;
        invited++;
      }
    }
    markBorderline(ws, start, n, cutoff, band);
  }
}

/** Marks the program's applications (slots start … start+n-1 of pAppEntry) within band of the cutoff. */
function markBorderline(ws: Workspace, start: number, n: number, cutoff: number, band: number): void {
  const { screenScore, pAppEntry } = ws;
  for (let j = start; j < start + n; j++) {
    if (Math.abs(screenScore[j]! - cutoff) <= band) markOne(ws, pAppEntry[j]!);
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
