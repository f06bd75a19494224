import { uniform } from "../rng/streams.js";
import { COUNT, type CallContext } from "./call-context.js";
import { positionOn, removeAt } from "./list-edits.js";
import type { Workspace } from "./workspace.js";

export type RippleReason = "sameRegion" | "sameSpecialty" | "crossSpecialty";

/**
 * Step 7: a drop spreads. Every other program that ranks the applicant drops them too,
 * with probability `ripple.sameRegion` if it is in the dropping program's region, else
 * `ripple.sameSpecialty` if in its specialty, else `ripple.crossSpecialty`, each times the
 * clout of the knower whose word caused the drop and the receiving program's
 * `backchannelUse` (capped at 1): a program that uses no backchannel hears nothing. A
 * drop by ripple does not spread again.
 */
export function ripple(ws: Workspace, ctx: CallContext, from: number, a: number, knower: number): void {
  const { s, world, streams } = ctx;
  const { plan } = ws;
  const r = s.model.ripple;
  const clout = s.referrer.clout[knower]!;
  const region = s.program.region[from]!;
  const specialty = s.program.specialty[from]!;
  const appProgram = ws.appProgram;
  const { interviewed } = world;
  const fixedList = s.program.hasRankList;
  const end = plan.appOff[a + 1]!;
  for (let k = plan.appOff[a]!; k < end; k++) {
    const q = appProgram[k]!;
    // A program ranks only those it interviewed, unless its list is fixed: the others need
    // no search of its list.
    if (q === from || (interviewed[k] === 0 && fixedList[q] === 0)) continue;
    const at = positionOn(world, q, a);
    if (at < 0) continue;
    const reason: RippleReason =
      region >= 0 && s.program.region[q] === region
        ? "sameRegion"
        : s.program.specialty[q] === specialty
          ? "sameSpecialty"
          : "crossSpecialty";
    const draw = uniform(streams.ripple, s.program.key[q]!, s.applicant.key[a]!, s.program.key[from]!);
    if (!(draw < Math.min(1, r[reason] * clout * s.program.backchannelUse[q]!))) continue;
    removeAt(world, q, at);
    ctx.counts[COUNT.rippleDrops]!++;
    world.rippleDropsAt[q]!++;
    ctx.emit?.({ kind: "ripple", applicant: a, from, to: q, reason, knower });
  }
}
