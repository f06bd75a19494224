import { uniform } from "../rng/streams.js";
import { csrRow } from "../scenario/csr.js";
import type { IndexedScenario } from "../scenario/index-scenario.js";
import { COUNT, countCall, isSuppressed, scaled, type CallContext } from "./call-context.js";
import { moveBy, positionOn, roundSpots } from "./list-edits.js";
import { bestContactOf, isOrTiedTo, reachesAnyone } from "./reach.js";
import type { Workspace } from "./workspace.js";

function toldNumberOne(s: IndexedScenario, a: number, q: number): boolean {
  const told = s.applicant.toldNumberOne;
  for (let j = told.offsets[a]!; j < told.offsets[a + 1]!; j++) if (told.items[j] === q) return true;
  return false;
}

/** Whether knower k is from applicant a's home institution: its director, or anyone there. */
function fromHomeInstitution(s: IndexedScenario, k: number, a: number): boolean {
  const home = s.applicant.home[a]!;
  if (home < 0) return false;
  if (s.program.director[home] === k) return true;
  const inst = s.program.institution[home]!;
  return inst >= 0 && s.referrer.institution[k] === inst;
}

/**
 * Why program q is nervous, or null: a short list (fewer than `late.riskRatio × positions`)
 * or a top-heavy one (the mean paper strength of its first `positions` applicants above its
 * prestige by more than `late.dreamGap`: it fears they will all go elsewhere).
 */
function nervousness(ctx: CallContext, q: number): "short" | "topHeavy" | null {
  const { s, world } = ctx;
  const late = s.model.late;
  const positions = s.program.positions[q]!;
  const n = world.pLen[q]!;
  if (n < late.riskRatio * positions) return "short";
  const top = Math.min(positions, n);
  if (top === 0) return null;
  const start = world.pStart[q]!;
  let sum = 0;
  for (let i = 0; i < top; i++) sum += s.applicant.paper[world.pList[start + i]!]!;
  return sum / top > s.program.prestige[q]! + late.dreamGap ? "topHeavy" : null;
}

/**
 * Step 8: a nervous program calls about its `late.topCandidates` best-ranked applicants,
 * each with probability `late.callProbability × backchannelUse`, reaching the knower of
 * highest influence. If the applicant told this program "#1" and the knower is from their
 * home institution, the word is relayed and they move up `late.enthusiasmShift` spots. If
 * they also told another program "#1" and the knower is that program's director or tied
 * to it, the insincerity is caught with `late.insincerity.detectProbability` and they move
 * `late.insincerity.shift` spots here. Insincerity is caught only on such a call.
 */
export function lateCalls(ws: Workspace, ctx: CallContext): void {
  const { s, world, streams } = ctx;
  const late = s.model.late;
  const top: number[] = [];
  for (let q = 0; q < s.program.count; q++) {
    const director = s.program.director[q]!;
    const use = s.program.backchannelUse[q]!;
    if (director < 0 || !(use > 0)) continue;
    const reason = nervousness(ctx, q);
    if (reason === null) continue;
    const chance = scaled(late.callProbability, use);
    // The candidates as the list stands when the program grows nervous.
    top.length = 0;
    const start = world.pStart[q]!;
    for (let i = 0; i < Math.min(late.topCandidates, world.pLen[q]!); i++) top.push(world.pList[start + i]!);
    let called = 0;
    for (const a of top) {
      if (!reachesAnyone(s, ws.contacts, q, a)) continue;
      if (!(uniform(streams.lateCall, s.program.key[q]!, s.applicant.key[a]!) < chance)) continue;
      if (!bestContactOf(s, ws.contacts, q, a, ctx.contact)) continue;
      if (isSuppressed(ctx, "late", q, a)) continue;
      const c = ctx.contact;
      const knower = c.knower;
      countCall(ctx, "late", q, a);
      called = 1;
      const told = toldNumberOne(s, a, q);
      const relayed = told && fromHomeInstitution(s, knower, a);
      const from = positionOn(world, q, a);
      const to = relayed ? moveBy(world, q, from, roundSpots(late.enthusiasmShift)) : from;
      if (relayed) ctx.counts[COUNT.relayed]!++;
      const call = { phase: "late" as const, program: q, applicant: a };
      ctx.emit?.({ kind: "late-call", call, knower, trust: c.trust, influence: c.influence, reason, relayed, from, to });
      if (!told) continue;
      // "#1" told elsewhere too, heard through that program's director or someone tied to them.
      for (const other of csrRow(s.applicant.toldNumberOne, a)) {
        const otherDirector = s.program.director[other]!;
        if (other === q || otherDirector < 0 || !isOrTiedTo(s, knower, otherDirector)) continue;
        if (uniform(streams.insincerity, s.program.key[q]!, s.applicant.key[a]!) < late.insincerity.detectProbability) {
          ctx.counts[COUNT.insincerityCaught]!++;
          const before = positionOn(world, q, a);
          const after = moveBy(world, q, before, roundSpots(late.insincerity.shift));
          ctx.emit?.({ kind: "insincerity-caught", call, other, from: before, to: after });
        }
        break;
      }
    }
    ctx.counts[COUNT.lateCallers]! += called;
  }
}
