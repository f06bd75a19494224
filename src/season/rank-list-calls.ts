import { uniform } from "../rng/streams.js";
import { csrRow } from "../scenario/csr.js";
import type { IndexedScenario } from "../scenario/index-scenario.js";
import { VERDICTS } from "../scenario/schema.js";
import { CATEGORIES, COUNT, countCall, isSuppressed, PHASE_NUMBER, scaled, type CallContext } from "./call-context.js";
import { interviewScore } from "./interviews.js";
import { moveBy, positionOn, removeAt, roundSpots } from "./list-edits.js";
import { FINE, isFixedOpinion, knowerSlot, POSITIVE, saidVerdict, STRONG, thoughtVerdict, WOULD_NOT_RANK } from "./opinions.js";
import { bestContactOf, reachesAnyone, trustBetween } from "./reach.js";
import { ripple } from "./ripple.js";
import type { Workspace } from "./workspace.js";

// Categories as indices of CATEGORIES.
const TOP = 0;
const BORDERLINE = 1;
const RED_FLAG = 2;

/**
 * Which of the article's three groups an applicant on a list falls in, as an index of
 * CATEGORIES: red flag (flags, or paper and interview more than `conflictGap` apart, `gap`
 * being that distance), top (in the first `topFraction` of the list as it stood before
 * calls), or borderline.
 */
function categoryOf(s: IndexedScenario, a: number, gap: number, baseRank: number, baseLength: number): number {
  const m = s.model.rankList;
  if (s.applicant.flagCount[a]! > 0 || gap > m.conflictGap) return RED_FLAG;
  return baseRank < m.topFraction * baseLength ? TOP : BORDERLINE;
}

/** Whether referrer k directs applicant a's home program or one of their away programs. */
function directsHomeOrAway(s: IndexedScenario, k: number, a: number): boolean {
  const home = s.applicant.home[a]!;
  if (home >= 0 && s.program.director[home] === k) return true;
  for (const q of csrRow(s.applicant.aways, a)) if (s.program.director[q] === k) return true;
  return false;
}

/**
 * Step 6: what a word does to applicant a at `from` on program q's list. Strong, positive
 * and fine move them by round(shift × influence) spots; cautious and would-not-rank drop
 * them with probability equal to the influence, or `effects.homeAwayWouldNotRank` for a
 * would-not-rank from the director of their home or an away program ("we didn't rank
 * them"). Returns the new place, -1 if dropped, and whether it was that home/away word.
 */
function applyWord(ctx: CallContext, q: number, a: number, from: number, said: number, influence: number, knower: number): { to: number; didNotRank: boolean } {
  const { s, world, streams } = ctx;
  const e = s.model.effects;
  if (said <= FINE) {
    const shift = said === STRONG ? e.strong : said === POSITIVE ? e.positive : e.fine;
    return { to: moveBy(world, q, from, roundSpots(shift * influence)), didNotRank: false };
  }
  const didNotRank = said === WOULD_NOT_RANK && directsHomeOrAway(s, knower, a);
  if (!(uniform(streams.drop, s.program.key[q]!, s.applicant.key[a]!) < (didNotRank ? e.homeAwayWouldNotRank : influence))) return { to: from, didNotRank };
  removeAt(world, q, from);
  ctx.counts[COUNT.drops]!++;
  world.dropsAt[q]!++;
  return { to: -1, didNotRank };
}

/**
 * Steps 5 to 7, the directors' side: each director calls about applicants on the
 * program's list with the probability of their category × `backchannelUse`, reaching the
 * knower of highest influence (clout × trust). What is said takes effect (applyWord), and
 * a drop ripples. Then the advocates call (advocacyCalls).
 */
export function rankListCalls(ws: Workspace, ctx: CallContext): void {
  const { s, world, streams } = ctx;
  const m = s.model;
  const { paper } = s.applicant;
  const { baseList, pStart, baseLen } = world;
  const probability = m.rankList.callProbability;
  // Each category's chance of a call at the program in hand, by category index: looked up
  // by number for every applicant in reach, not by the category's name.
  const chance = new Float64Array(CATEGORIES.length);
  for (let q = 0; q < s.program.count; q++) {
    const director = s.program.director[q]!;
    const use = s.program.backchannelUse[q]!;
    if (director < 0 || !(use > 0)) continue;
    chance[TOP] = scaled(probability.top, use);
    chance[BORDERLINE] = scaled(probability.borderline, use);
    chance[RED_FLAG] = scaled(probability.redFlag, use);
    const baseStart = pStart[q]!;
    const baseLength = baseLen[q]!;
    for (let r = 0; r < baseLength; r++) {
      const a = baseList[baseStart + r]!;
      // Whom the director reaches is worked out only for a call that is made; whether
      // anyone is reached is looked up first, since most directors reach no one.
      if (!reachesAnyone(s, ws.contacts, q, a)) continue;
      const from = positionOn(world, q, a, r);
      if (from < 0) continue; // already dropped by a ripple
      const gap = Math.abs(paper[a]! - interviewScore(s, streams, a, q));
      const c3 = categoryOf(s, a, gap, r, baseLength);
      ctx.counts[COUNT.reachable + c3]!++;
      if (!(uniform(streams.rankListCall, s.program.key[q]!, s.applicant.key[a]!) < chance[c3]!)) continue;
      if (isSuppressed(ctx, "rankList", q, a)) continue;
      bestContactOf(s, ws.contacts, q, a, ctx.contact);
      const c = ctx.contact;
      countCall(ctx, "rankList", q, a);
      ctx.counts[COUNT.callsByCategory + c3]!++;
      const thought = thoughtVerdict(s, streams, c.knower, a, c.slot);
      const said = saidVerdict(s, streams, c.knower, a, thought, PHASE_NUMBER.rankList, q);
      ctx.counts[COUNT.verdicts + said]!++;
      const { to, didNotRank } = applyWord(ctx, q, a, from, said, c.influence, c.knower);
      ctx.emit?.({
        kind: "rank-call",
        call: { phase: "rankList", program: q, applicant: a },
        category: CATEGORIES[c3]!,
        knower: c.knower,
        trust: c.trust,
        influence: c.influence,
        thought: VERDICTS[thought]!,
        said: VERDICTS[said]!,
        from,
        to,
        flags: s.applicant.flagCount[a]!,
        gap,
        didNotRank,
      });
      if (to < 0) ripple(ws, ctx, q, a, c.knower);
    }
  }
  advocacyCalls(ws, ctx);
}

/**
 * Step 5, advocacy: each advocate of an applicant calls, with probability
 * `advocacy.callProbability × backchannelUse`, each program of their `programs` (by
 * default every program whose list holds the applicant) whose director they reach and
 * whose list holds the applicant. One who thinks strong or positive says so (candor as
 * usual); one who thinks fine or worse calls only if pushed, and then says "fine".
 */
export function advocacyCalls(ws: Workspace, ctx: CallContext): void {
  const { s, world, streams } = ctx;
  const adv = s.applicant.advocates;
  if (adv.items.length === 0) return;
  const p = s.model.advocacy.callProbability;
  const { director: directorOf, backchannelUse } = s.program;
  const targets: number[] = [];
  for (let a = 0; a < s.applicant.count; a++) {
    for (let j = adv.offsets[a]!; j < adv.offsets[a + 1]!; j++) {
      const r = adv.items[j]!;
      const pushed = s.applicant.advocatePushed[j] === 1;
      targets.length = 0;
      if (s.applicant.advocateHasPrograms[j]) targets.push(...csrRow(s.applicant.advocatePrograms, j));
      else programsHolding(ws, a, targets);
      const slot = knowerSlot(s, a, r);
      const thought = thoughtVerdict(s, streams, r, a, slot);
      // A genuine advocate thinks well of the applicant; a pushed one may not, and says "fine".
      if (thought > POSITIVE && !pushed) continue;
      for (const q of targets) {
        const use = backchannelUse[q]!;
        const director = directorOf[q]!;
        if (director < 0 || !(use > 0)) continue;
        const trust = trustBetween(s, r, director);
        if (trust < 0) continue;
        const from = positionOn(world, q, a);
        if (from < 0) continue;
        if (!(uniform(streams.advocacyCall, s.program.key[q]!, s.applicant.key[a]!, s.referrer.key[r]!) < scaled(p, use))) continue;
        if (isSuppressed(ctx, "advocacy", q, a, r)) continue;
        let said: number;
        if (thought <= POSITIVE) {
          // Candor as usual: the verdict held, or one step kinder; a fixed opinion as written.
          const candid = isFixedOpinion(s, r, a) || uniform(streams.advocacyCandor, s.program.key[q]!, s.applicant.key[a]!, s.referrer.key[r]!) < s.referrer.candor[r]!;
          said = candid ? thought : Math.max(STRONG, thought - 1);
        } else {
          said = FINE;
          ctx.counts[COUNT.halfHearted]!++;
        }
        countCall(ctx, "advocacy", q, a);
        ctx.counts[COUNT.verdicts + said]!++;
        const influence = s.referrer.clout[r]! * trust;
        const { to } = applyWord(ctx, q, a, from, said, influence, r);
        ctx.emit?.({
          kind: "advocate-call",
          call: { phase: "advocacy", program: q, applicant: a, caller: r },
          advocate: r,
          pushed,
          trust,
          influence,
          thought: VERDICTS[thought]!,
          said: VERDICTS[said]!,
          from,
          to,
        });
      }
    }
  }
}

/** The programs whose lists (in the world with calls) hold applicant a, in program order. */
function programsHolding(ws: Workspace, a: number, out: number[]): void {
  const { plan } = ws;
  const world = ws.withCalls;
  for (let k = plan.appOff[a]!; k < plan.appOff[a + 1]!; k++) {
    const q = ws.appProgram[k]!;
    if (positionOn(world, q, a) >= 0) out.push(q);
  }
  for (const q of csrRow(plan.fixedPrograms, a)) if (!out.includes(q) && positionOn(world, q, a) >= 0) out.push(q);
  out.sort((x, y) => x - y);
}
