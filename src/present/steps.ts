import type { Span } from "../report/document.js";
import { labelled } from "../report/trace-model.js";
import { narrate } from "../report/trace-narrative.js";
import type { TraceEvent, TraceModel } from "../results/trace-results.js";

/** One screen of the presenter: a season told a step at a time. */
export interface Step {
  /** What part of the season: invitations, invite-call, interviews, lists, rank-call, advocate-call, ripple, late-call, insincerity-caught, round, match. */
  readonly phase: string;
  readonly title: string;
  readonly lines: readonly (readonly Span[])[];
  /** Side-by-side columns (a list before and after, the match with and without calls). */
  readonly table?: { readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] };
  /** The tie a call went through, by referrer ids, to light up in the network. */
  readonly tie?: readonly [string, string];
  /** The call's id, for the switch that leaves it out. */
  readonly call?: string;
}

const t = (text: string): Span => ({ text });
const names = (xs: readonly string[]) => (xs.length === 0 ? "nobody" : xs.join(", "));

type Table = NonNullable<Step["table"]>;

/** A list before the calls and after them, side by side, rank by rank. */
function listsTable(before: readonly string[], after: readonly string[]): Table {
  const rows: string[][] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) rows.push([`#${i + 1}`, before[i] ?? "", after[i] ?? ""]);
  return { head: ["place", "before the calls", "after the calls"], rows };
}

const EVENT_TITLE: Record<TraceEvent["kind"], string> = {
  "invite-call": "A call before invitations",
  "rank-call": "A call about a rank list",
  "advocate-call": "An advocate calls",
  ripple: "The word spreads",
  "late-call": "A late call from a nervous program",
  "insincerity-caught": "\"#1\" told twice",
};

/** The tie a call went through: the director and the person asked (or the advocate and the director). */
function tieOf(e: TraceEvent): readonly [string, string] | undefined {
  switch (e.kind) {
    case "invite-call":
    case "rank-call":
    case "late-call":
      return [e.director, e.knower];
    case "advocate-call":
      return [e.advocate, e.director];
    default:
      return undefined;
  }
}

/**
 * A traced season as the presenter's steps: invitations, each call before them, interviews,
 * the lists before the calls, each call and ripple on the lists, the late calls, each round
 * of deferred acceptance, and the match beside the match without calls. Texts use the
 * file's names; ties and call ids keep the ids.
 */
export function stepsOf(ids: TraceModel): Step[] {
  const m = labelled(ids);
  const steps: Step[] = [];
  const invitations = m.invitations.filter((i) => i.screened);
  steps.push({
    phase: "invitations",
    title: "1. Invitations",
    lines:
      invitations.length === 0
        ? [[t("No program screens here: each ranks a fixed list.")]]
        : invitations.map((i) => {
            const gained = i.invited.filter((a) => !i.invitedWithoutCalls.includes(a));
            const lost = i.invitedWithoutCalls.filter((a) => !i.invited.includes(a));
            return [
              { text: i.program, tone: "strong" },
              t(` had ${i.applications} applications and invited ${names(i.invited)}`),
              ...(i.signalled.length > 0 ? [t(`; signalled by ${names(i.signalled)}`)] : []),
              ...(gained.length > 0 ? [t("; invited thanks to a call: "), { text: names(gained), tone: "good" as const }] : []),
              ...(lost.length > 0 ? [t("; lost to a call: "), { text: names(lost), tone: "bad" as const }] : []),
            ];
          }),
  });
  const eventStep = (e: TraceEvent, k: number): Step => {
    const original = ids.events[k]!;
    const call = "call" in original && original.kind !== "insincerity-caught" ? original.call.id : undefined;
    const tie = tieOf(original);
    const program = "call" in e ? e.call.program : e.to;
    const at = m.rankLists.find((l) => l.program === program);
    return {
      phase: e.kind,
      title: EVENT_TITLE[e.kind],
      lines: [narrate(e) as Span[]],
      ...(e.kind !== "invite-call" && at ? { table: listsTable(at.before, at.after) } : {}),
      ...(tie ? { tie } : {}),
      ...(call ? { call } : {}),
    };
  };
  m.events.forEach((e, k) => {
    if (e.kind === "invite-call") steps.push(eventStep(e, k));
  });
  steps.push({
    phase: "interviews",
    title: "2. Interviews",
    lines: m.interviews.map((i) => [{ text: i.applicant, tone: "strong" }, t(` interviewed at ${names(i.programs)}`)]),
  });
  steps.push({
    phase: "lists",
    title: "3. Rank lists before the calls",
    lines: m.rankLists.map((l) => [{ text: l.program, tone: "strong" }, t(` (${l.positions} position${l.positions === 1 ? "" : "s"}): ${l.before.map((a, i) => `${i + 1}. ${a}`).join("  ") || "nobody"}`)]),
  });
  m.events.forEach((e, k) => {
    if (e.kind !== "invite-call") steps.push(eventStep(e, k));
  });
  steps.push({
    phase: "lists-after",
    title: "4. Rank lists after the calls",
    lines: m.rankLists.map((l) => [{ text: l.program, tone: "strong" }, t(`: ${l.after.map((a, i) => `${i + 1}. ${a}`).join("  ") || "nobody"}`)]),
  });
  for (const r of m.rounds) {
    const pairs = (xs: readonly (readonly [string, string])[]) => names(xs.map(([a, q]) => `${a}→${q}`));
    steps.push({
      phase: "round",
      title: `5. Deferred acceptance, round ${r.round}`,
      lines: [
        [{ text: "Proposals: ", tone: "strong" }, t(pairs(r.proposals))],
        ...(r.unranked.length > 0 ? [[{ text: "Not ranked: ", tone: "strong" as const }, t(pairs(r.unranked))]] : []),
        [{ text: "Rejected: ", tone: "strong" }, { text: pairs(r.rejected), tone: "bad" }],
        [{ text: "Held: ", tone: "strong" }, { text: pairs(r.held), tone: "good" }],
      ],
    });
  }
  steps.push({
    phase: "match",
    title: "6. The match, beside the same season without calls",
    lines: [[t(`${m.summary.calls} call${m.summary.calls === 1 ? "" : "s"}; together they changed ${m.summary.matchesChangedByCalls} match${m.summary.matchesChangedByCalls === 1 ? "" : "es"}.`)]],
    table: {
      head: ["applicant", "with calls", "without calls", "change"],
      rows: m.match.map((x) => [x.applicant, x.withCalls ?? "unmatched", x.withoutCalls ?? "unmatched", x.withCalls === x.withoutCalls ? "" : x.withCalls === null ? "lost" : x.withoutCalls === null ? "gained" : "moved"]),
    },
  });
  return steps;
}
