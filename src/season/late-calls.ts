import { uniform } from "../rng/streams.js";
import { csrRow } from "../scenario/csr.js";
import { COUNT, countCall, isSuppressed, scaled, type CallContext } from "./call-context.js";
import { moveBy, positionOn, roundSpots } from "./list-edits.js";
import { trustBetween } from "./reach.js";

function toldNumberOne(ctx: CallContext, a: number, q: number): boolean {
  const told = ctx.s.applicant.toldNumberOne;
  for (let j = told.offsets[a]!; j < told.offsets[a + 1]!; j++) if (told.items[j] === q) return true;
  return false;
}

/**
 * Step 8: a program whose list is short (fewer than `late.riskRatio × positions`) calls
 * the home directors of its `late.topCandidates` best-ranked candidates, each with
 * probability `late.callProbability × backchannelUse`. If the applicant told the program
 * it was their #1, the home director relays it and the program moves them up
 * `late.enthusiasmShift` spots.
 */
export function lateCalls(ctx: CallContext): void {
  const { s, world, streams } = ctx;
  const late = s.model.late;
  const top: number[] = [];
  for (let q = 0; q < s.program.count; q++) {
    const director = s.program.director[q]!;
    if (director < 0 || !(world.pLen[q]! < late.riskRatio * s.program.positions[q]!)) continue;
    const chance = scaled(late.callProbability, s.program.backchannelUse[q]!);
    top.length = 0;
    const start = world.pStart[q]!;
    for (let i = 0; i < Math.min(late.topCandidates, world.pLen[q]!); i++) top.push(world.pList[start + i]!);
    for (const a of top) {
      if (!(uniform(streams.lateCall, q, a) < chance)) continue;
      const home = s.applicant.home[a]!;
      const homeDirector = home >= 0 ? s.program.director[home]! : -1;
      if (homeDirector < 0 || trustBetween(s, director, homeDirector) < 0) continue;
      if (isSuppressed(ctx, "late", q, a)) continue;
      countCall(ctx, COUNT.lateCalls, q, a);
      const relayed = toldNumberOne(ctx, a, q);
      const from = positionOn(world, q, a);
      const to = relayed ? moveBy(world, q, from, roundSpots(late.enthusiasmShift)) : from;
      ctx.emit?.({ kind: "late-call", call: { phase: "late", program: q, applicant: a }, knower: homeDirector, relayed, from, to });
    }
  }
}

/**
 * Step 8, insincerity: an applicant who told two or more programs "you are my #1" whose
 * directors are tied (a relationship, the same person or the same institution) is caught
 * with `late.insincerity.detectProbability`, and moved `late.insincerity.shift` spots at
 * each of those programs.
 */
export function catchInsincerity(ctx: CallContext): void {
  const { s, world, streams } = ctx;
  const rule = s.model.late.insincerity;
  const caughtAt: number[] = [];
  for (let a = 0; a < s.applicant.count; a++) {
    const told = csrRow(s.applicant.toldNumberOne, a);
    if (told.length < 2) continue;
    caughtAt.length = 0;
    for (let i = 0; i < told.length; i++) {
      for (let j = 0; j < told.length; j++) {
        if (i === j) continue;
        const di = s.program.director[told[i]!]!;
        const dj = s.program.director[told[j]!]!;
        if (di >= 0 && dj >= 0 && trustBetween(s, di, dj) >= 0) {
          if (!caughtAt.includes(told[i]!)) caughtAt.push(told[i]!);
          break;
        }
      }
    }
    if (caughtAt.length === 0 || !(uniform(streams.insincerity, a) < rule.detectProbability)) continue;
    ctx.counts[COUNT.insincerityCaught]!++;
    const moves: { program: number; from: number; to: number }[] = [];
    for (const q of caughtAt) {
      const from = positionOn(world, q, a);
      if (from < 0) continue;
      const to = moveBy(world, q, from, roundSpots(rule.shift));
      if (ctx.emit) moves.push({ program: q, from, to });
    }
    ctx.emit?.({ kind: "insincerity-caught", applicant: a, programs: [...caughtAt], moves });
  }
}
