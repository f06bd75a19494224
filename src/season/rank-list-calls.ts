import { uniform } from "../rng/streams.js";
import { VERDICTS } from "../scenario/schema.js";
import { CATEGORIES, COUNT, countCall, isSuppressed, PHASE_NUMBER, scaled, type CallContext } from "./call-context.js";
import { interviewScore } from "./interviews.js";
import { moveBy, positionOn, removeAt, roundSpots } from "./list-edits.js";
import { FINE, saidVerdict, STRONG, thoughtVerdict } from "./opinions.js";
import { bestContactOf, reachesAnyone } from "./reach.js";
import { ripple } from "./ripple.js";
import type { Workspace } from "./workspace.js";

export type Category = (typeof CATEGORIES)[number];

/**
 * Which of the article's three groups an applicant on a list falls in: red flag (flags,
 * or paper and interview more than `conflictGap` apart), top (in the first `topFraction`
 * of the list as it stood before calls), or borderline.
 */
export function categoryOf(ctx: CallContext, q: number, a: number, baseRank: number, baseLength: number): Category {
  const { s } = ctx;
  const m = s.model.rankList;
  const gap = Math.abs(s.applicant.paper[a]! - interviewScore(s, ctx.streams, a, q));
  if (s.applicant.flagCount[a]! > 0 || gap > m.conflictGap) return "redFlag";
  return baseRank < m.topFraction * baseLength ? "top" : "borderline";
}

/**
 * Steps 5 and 6: each director calls about applicants on the program's list with the
 * probability of their category × `backchannelUse`, reaching the knower of highest
 * influence (clout × trust). Strong, positive and fine move the applicant by
 * round(shift × influence) spots; cautious and would-not-rank drop them with probability
 * equal to the influence, and a drop ripples (step 7).
 */
export function rankListCalls(ws: Workspace, ctx: CallContext): void {
  const { s, world, streams } = ctx;
  const m = s.model;
  const shifts = [m.effects.strong, m.effects.positive, m.effects.fine];
  for (let q = 0; q < s.program.count; q++) {
    const director = s.program.director[q]!;
    if (director < 0) continue;
    const use = s.program.backchannelUse[q]!;
    const baseStart = world.pStart[q]!;
    const baseLength = world.baseLen[q]!;
    const baseList = world.baseList;
    for (let r = 0; r < baseLength; r++) {
      const a = baseList[baseStart + r]!;
      // Whom the director reaches is worked out only for a call that is made; whether
      // anyone is reached is looked up first, since most directors reach no one.
      if (!reachesAnyone(s, ws.contacts, q, a)) continue;
      const from = positionOn(world, q, a, r);
      if (from < 0) continue; // already dropped by a ripple
      const category = categoryOf(ctx, q, a, r, baseLength);
      const c3 = CATEGORIES.indexOf(category);
      ctx.counts[COUNT.reachable + c3]!++;
      const chance = scaled(m.rankList.callProbability[category], use);
      if (!(uniform(streams.rankListCall, q, a) < chance)) continue;
      if (isSuppressed(ctx, "rankList", q, a)) continue;
      bestContactOf(s, ws.contacts, q, a, ctx.contact);
      const c = ctx.contact;
      countCall(ctx, COUNT.rankListCalls, q, a);
      ctx.counts[COUNT.callsByCategory + c3]!++;
      const thought = thoughtVerdict(s, streams, c.knower, a, c.slot);
      const said = saidVerdict(s, streams, c.knower, a, thought, PHASE_NUMBER.rankList, q);
      ctx.counts[COUNT.verdicts + said]!++;
      let to: number;
      if (said >= STRONG && said <= FINE) {
        to = moveBy(world, q, from, roundSpots(shifts[said]! * c.influence));
      } else if (uniform(streams.drop, q, a) < c.influence) {
        removeAt(world, q, from);
        ctx.counts[COUNT.drops]!++;
        to = -1;
      } else {
        to = from;
      }
      ctx.emit?.({
        kind: "rank-call",
        call: { phase: "rankList", program: q, applicant: a },
        category,
        knower: c.knower,
        trust: c.trust,
        influence: c.influence,
        thought: VERDICTS[thought]!,
        said: VERDICTS[said]!,
        from,
        to,
      });
      if (to < 0) ripple(ws, ctx, q, a, c.knower);
    }
  }
}

