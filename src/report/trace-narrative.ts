import type { Block, Line, Span } from "./document.js";
import { storyInWords, type Story } from "../season/stories.js";
import { labelled, type TraceEvent, type TraceModel } from "./trace-model.js";

// `trace` told as a story a class can follow: one section per phase of the season.

export interface NarrativeOptions {
  /** Only what concerns this program / this applicant. */
  readonly program?: string | undefined;
  readonly applicant?: string | undefined;
}

/** Up to this many applicants, every list, interview and round is shown in full. */
export const FULL_DETAIL_APPLICANTS = 50;

const good = (text: string): Span => ({ text, tone: "good" });
const bad = (text: string): Span => ({ text, tone: "bad" });
const strong = (text: string): Span => ({ text, tone: "strong" });
const t = (text: string): Span => ({ text });
const names = (xs: readonly string[]) => (xs.length === 0 ? "nobody" : xs.join(", "));
const num = (x: number) => x.toFixed(2);
const CATEGORY = { top: "top of the list", borderline: "borderline", redFlag: "red flag" } as const;
const PHASE = { preInterview: "before invitations", rankList: "on the rank list", advocacy: "an advocate's call", late: "late" } as const;

/** Who asked whom, through which tie, after the program's name: "'s director Dr. Lee asked Dr. Okafor (trust 1.00)". */
const asked = (e: { director: string; knower: string; trust: number }) => `'s director ${e.director} asked ${e.knower} (trust ${num(e.trust)})`;

/** Why an applicant counts as a red flag: their flags, or paper and interview far apart. */
const redFlagWhy = (e: { flags: number; gap: number }) =>
  e.flags > 0 ? `red flag: ${e.flags} flag${e.flags === 1 ? "" : "s"} on paper` : `red flag: paper and interview ${num(e.gap)} apart`;

/** The ripple's reason in the scenario's own terms: no "same specialty" where none is named. */
function rippleWhy(e: Extract<TraceEvent, { kind: "ripple" }>): string {
  switch (e.reason) {
    case "sameRegion":
      return `in the same region${e.region === null ? "" : ` (${e.region})`} as ${e.from}`;
    case "sameSpecialty":
      return e.specialty === null ? `in another region than ${e.from}` : `in the same specialty (${e.specialty}) as ${e.from}, another region`;
    case "crossSpecialty":
      return `in another specialty and region than ${e.from}`;
  }
}

const moved = (from: number, to: number | null, said: string): Span =>
  to === null
    ? bad("dropped from the list")
    : to < from
      ? good(`moved up to #${to}`)
      : to > from
        ? bad(`moved down to #${to}`)
        : t(said === "cautious" || said === "would-not-rank" ? "kept (the drop did not happen)" : "no change");

const INVITE_EFFECT = {
  invited: (e: { displaced: string | null }) => good(`invited${e.displaced === null ? "" : `, taking the slot of ${e.displaced}`}`),
  uninvited: (e: { promoted: string | null }) => bad(`invitation withdrawn${e.promoted === null ? "" : `; ${e.promoted} invited in their place`}`),
  secured: () => good("invitation secured"),
  vetoed: () => bad("vetoed: will not be invited"),
  unchanged: () => t("no change"),
} as const;

/** How each kind of event is told. Adding a kind fails to compile until it is narrated here. */
const NARRATE: { [K in TraceEvent["kind"]]: (e: Extract<TraceEvent, { kind: K }>) => Line } = {
  "invite-call": (e) => [
    strong(e.call.program),
    t(`${asked(e)} about ${e.call.applicant}, influence ${num(e.influence)}: thinks "${e.thought}", said "${e.said}" → `),
    INVITE_EFFECT[e.effect](e),
  ],
  "rank-call": (e) => [
    strong(e.call.program),
    t(
      `${asked(e)} about ${e.call.applicant} (${e.category === "redFlag" ? redFlagWhy(e) : CATEGORY[e.category]}, #${e.from}), ` +
        `influence ${num(e.influence)}; thinks "${e.thought}", said "${e.said}"${e.didNotRank ? " (\"we didn't rank them\")" : ""} → `,
    ),
    moved(e.from, e.to, e.said),
  ],
  "advocate-call": (e) => [
    strong(e.call.program),
    t(
      `: ${e.advocate}${e.pushed ? ", pushed to call," : ""} called its director ${e.director} (trust ${num(e.trust)}) about ${e.call.applicant} (#${e.from}), ` +
        `influence ${num(e.influence)}; thinks "${e.thought}", said "${e.said}"${e.pushed && e.said === "fine" ? " (half-hearted)" : ""} → `,
    ),
    moved(e.from, e.to, e.said),
  ],
  ripple: (e) => [t(`  ↳ ripple: `), strong(e.to), t(`, ${rippleWhy(e)}, dropped ${e.applicant} on ${e.knower}'s word → `), bad("dropped")],
  "late-call": (e) => [
    strong(e.call.program),
    t(
      `, nervous about ${e.reason === "short" ? "its short list" : "a list of applicants stronger than it"}: its director ${e.director} asked ` +
        `${e.knower} (trust ${num(e.trust)}) about ${e.call.applicant} (#${e.from}) → `,
    ),
    e.relayed ? good(`"#1" relayed from their home institution: moved up to #${e.to}`) : t("nothing to relay"),
  ],
  "insincerity-caught": (e) => [
    t(`  ↳ ${e.call.applicant} told "#1" to ${e.other} as well, and the word came through them → `),
    bad(`caught: moved from #${e.from} to #${e.to} at ${e.call.program}`),
  ],
};

/** ", having signalled it (gold)" when the applicant in focus sent the program a signal. */
function signalNote(i: { signalled: readonly string[]; gold: readonly string[] }, applicant: string): Span[] {
  if (!i.signalled.includes(applicant)) return [];
  return [t(`, having signalled it${i.gold.includes(applicant) ? " (gold)" : ""}`)];
}

export function narrate(e: TraceEvent): Line {
  return (NARRATE[e.kind] as (x: TraceEvent) => Line)(e);
}

function concerns(e: TraceEvent, o: NarrativeOptions): boolean {
  const programs: string[] = [];
  const applicants: string[] = [];
  switch (e.kind) {
    case "invite-call":
    case "rank-call":
    case "late-call":
    case "advocate-call":
    case "insincerity-caught":
      programs.push(e.call.program);
      applicants.push(e.call.applicant);
      break;
    case "ripple":
      programs.push(e.from, e.to);
      applicants.push(e.applicant);
      break;
  }
  return (o.program === undefined || programs.includes(o.program)) && (o.applicant === undefined || applicants.includes(o.applicant));
}

const numbered = (xs: readonly string[]) => (xs.length === 0 ? "(empty)" : xs.map((x, i) => `${i + 1}. ${x}`).join("  "));

export function traceDocument(ids: TraceModel, byId: NarrativeOptions = {}): Block[] {
  // The story is told in names; the options name ids, so they are turned into labels too.
  const m = labelled(ids);
  const o: NarrativeOptions = {
    program: byId.program === undefined ? undefined : (ids.labels.programs[byId.program] ?? byId.program),
    applicant: byId.applicant === undefined ? undefined : (ids.labels.applicants[byId.applicant] ?? byId.applicant),
  };
  const full = m.size.applicants <= FULL_DETAIL_APPLICANTS;
  const side = m.proposer === "applicant" ? "applicant-proposing" : "program-proposing";
  const wantProgram = (p: string) => o.program === undefined || o.program === p;
  const wantApplicant = (a: string) => o.applicant === undefined || o.applicant === a;
  const blocks: Block[] = [];
  const events = m.events.filter((e) => concerns(e, o));
  const phase = (kinds: TraceEvent["kind"][]) => events.filter((e) => kinds.includes(e.kind)).map(narrate);

  blocks.push({ kind: "heading", level: 1, text: `Trial ${m.trial} of ${m.scenario}` });
  blocks.push({
    kind: "para",
    line:
      `Seed ${m.seed}, ${side} match; ${m.size.applicants} applicants, ${m.size.programs} programs. ` +
      (m.callsEnabled
        ? "This is the season `run` counts as this trial, with the calls; the same season without any call is shown beside it at the end."
        : "Calls are turned off (calls.enabled = false): this season has none."),
  });
  if (m.found) {
    const words = m.found.stories.map((x) => storyInWords(x as Story, (id) => m.labels.applicants[id] ?? id));
    const list = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
    blocks.push({ kind: "para", line: [t("Found: "), strong(`trial ${m.found.trial}`), t(` is the first with ${list}. To tell it again: --trial ${m.found.trial}.`)] });
  }
  if (m.without.length > 0) {
    blocks.push({ kind: "para", line: [t("Left out of this season: "), strong(m.without.join(", ")), t(". Every other draw is as it was; \"with calls\" below means with the other calls.")] });
  }
  if (o.program !== undefined || o.applicant !== undefined) {
    blocks.push({ kind: "para", line: [t("Showing only what concerns "), strong([o.program, o.applicant].filter(Boolean).join(" and ")), t(".")] });
  }

  // 1. Invitations
  blocks.push({ kind: "heading", level: 2, text: "1. Invitations" });
  const fixed = m.invitations.filter((i) => !i.screened).map((i) => i.program);
  if (fixed.length > 0) blocks.push({ kind: "para", line: `Programs with a fixed rank list do not screen or invite: ${names(fixed.filter(wantProgram))}.` });
  const shownInvites = m.invitations.filter(
    (i) =>
      i.screened &&
      wantProgram(i.program) &&
      (full || o.program !== undefined || o.applicant !== undefined || i.invited.join() !== i.invitedWithoutCalls.join()) &&
      (o.applicant === undefined || i.invited.includes(o.applicant) || i.invitedWithoutCalls.includes(o.applicant)),
  );
  const inviteLines: Line[] = shownInvites.map((i) => {
    const gained = i.invited.filter((a) => !i.invitedWithoutCalls.includes(a) && wantApplicant(a));
    const lost = i.invitedWithoutCalls.filter((a) => !i.invited.includes(a) && wantApplicant(a));
    if (o.applicant !== undefined) {
      const status = gained.length > 0 ? good("invited thanks to a call") : lost.length > 0 ? bad("invitation lost to a call") : t("invited");
      return [strong(i.program), t(`: ${o.applicant} `), status, ...signalNote(i, o.applicant)];
    }
    return [
      strong(i.program),
      t(` had ${i.applications} applications and invited ${names(full || o.program ? i.invited : [`${i.invited.length} applicants`])}`),
      t(
        i.cutoff === null
          ? " (everyone)"
          : ` (cutoff ${num(i.cutoff)}; borderline: ${full || o.program ? names(i.borderline) : `${i.borderline.length} applicants`})`,
      ),
      ...(i.signalled.length === 0
        ? []
        : [t(`; signalled by ${full || o.program ? names(i.signalled) : `${i.signalled.length}`}${i.gold.length > 0 ? ` (gold: ${full || o.program ? names(i.gold) : i.gold.length})` : ""}, ${i.signalled.filter((a) => i.invited.includes(a)).length} of them invited`)]),
      ...(gained.length > 0 ? [t("; invited thanks to a call: "), good(names(gained))] : []),
      ...(lost.length > 0 ? [t("; lost to a call: "), bad(names(lost))] : []),
    ];
  });
  if (inviteLines.length > 0) blocks.push({ kind: "bullets", items: inviteLines });
  else if (!full) blocks.push({ kind: "para", line: "No program's invitations were changed by a call." });
  const inviteCalls = phase(["invite-call"]);
  blocks.push(inviteCalls.length > 0 ? { kind: "bullets", items: inviteCalls } : { kind: "para", line: "No calls before invitations." });

  // 2. Interviews
  blocks.push({ kind: "heading", level: 2, text: "2. Interviews and the applicants' rank lists" });
  const anyScreens = m.invitations.some((i) => i.screened);
  if (!anyScreens) {
    blocks.push({ kind: "para", line: "No program interviews here: each ranks a fixed list, which counts as having interviewed everyone on it." });
  }
  const ranks = new Map(m.applicantLists.map((l) => [l.applicant, l.programs]));
  const interviews = m.interviews.filter((i) => wantApplicant(i.applicant) && (o.program === undefined || i.programs.includes(o.program) || ranks.get(i.applicant)!.includes(o.program)));
  if (full || o.applicant !== undefined) {
    blocks.push({
      kind: "bullets",
      items: interviews.map((i) => `${i.applicant}${anyScreens ? ` interviewed at ${names(i.programs)};` : ""} ranks ${numbered(ranks.get(i.applicant)!)}`),
    });
  } else {
    const total = m.interviews.reduce((s, i) => s + i.programs.length, 0);
    blocks.push({ kind: "para", line: `${total} interviews in all, ${(total / Math.max(1, m.size.applicants)).toFixed(1)} per applicant.` });
  }

  // 3. Rank lists before calls
  const changed = (l: TraceModel["rankLists"][number]) => l.before.join() !== l.after.join();
  const lists = m.rankLists.filter((l) => wantProgram(l.program) && (o.applicant === undefined || l.before.includes(o.applicant) || l.after.includes(o.applicant)));
  const listed = full || o.program !== undefined || o.applicant !== undefined ? lists : lists.filter(changed);
  // For one applicant, where they stand on each list says more than the lists themselves.
  const place = (l: readonly string[]) => {
    const i = l.indexOf(o.applicant!);
    return i < 0 ? "not on the list" : `#${i + 1} of ${l.length}`;
  };
  blocks.push({ kind: "heading", level: 2, text: "3. Rank lists before the calls" });
  if (!full && o.program === undefined && o.applicant === undefined) {
    blocks.push({ kind: "para", line: "Only the lists that calls changed are shown (use --program to see any list)." });
  }
  blocks.push({
    kind: "bullets",
    items: listed.map((l) =>
      o.applicant !== undefined && o.program === undefined
        ? `${l.program} (${l.positions} position${l.positions === 1 ? "" : "s"}): ${o.applicant} ${place(l.before)}`
        : `${l.program} (${l.positions} position${l.positions === 1 ? "" : "s"}): ${numbered(l.before)}`,
    ),
  });

  // 4. Rank-list calls and ripples
  blocks.push({ kind: "heading", level: 2, text: "4. Calls about applicants on the rank lists" });
  const rankCalls = phase(["rank-call", "advocate-call", "ripple"]);
  blocks.push(rankCalls.length > 0 ? { kind: "bullets", items: rankCalls } : { kind: "para", line: "No calls on the rank lists." });

  // 5. Late calls
  blocks.push({ kind: "heading", level: 2, text: "5. Late calls" });
  const late = phase(["late-call", "insincerity-caught"]);
  blocks.push(late.length > 0 ? { kind: "bullets", items: late } : { kind: "para", line: "No late calls." });

  // 6. Rank lists after calls
  blocks.push({ kind: "heading", level: 2, text: "6. Rank lists after the calls" });
  const after = listed.filter(changed);
  blocks.push(
    after.length > 0
      ? {
          kind: "bullets",
          items: after.map((l) =>
            o.applicant !== undefined && o.program === undefined
              ? `${l.program}: ${o.applicant} ${place(l.before)} → ${place(l.after)}`
              : `${l.program}: ${numbered(l.after)}`,
          ),
        }
      : { kind: "para", line: "No list changed." },
  );

  // 7. Deferred acceptance
  blocks.push({ kind: "heading", level: 2, text: `7. The match: deferred acceptance, ${m.proposer}s proposing` });
  if (full) {
    const pairText = (xs: [string, string][]) => names(xs.filter(([a, p]) => wantApplicant(a) && wantProgram(p)).map(([a, p]) => `${a}→${p}`));
    blocks.push({
      kind: "bullets",
      items: m.rounds.map((r) => [
        strong(`Round ${r.round}`),
        t(`: proposals ${pairText(r.proposals)}`),
        ...(r.unranked.length > 0 ? [t(`; turned down at once (not ranked) ${pairText(r.unranked)}`)] : []),
        t(`; rejected ${pairText(r.rejected)}; held ${pairText(r.held)}`),
      ]),
    });
  } else {
    const proposals = m.rounds.reduce((s, r) => s + r.proposals.length, 0);
    blocks.push({ kind: "para", line: `${m.rounds.length} rounds, ${proposals} proposals (rounds are shown in full up to ${FULL_DETAIL_APPLICANTS} applicants).` });
  }

  // 8. Final match with and without calls
  blocks.push({ kind: "heading", level: 2, text: "8. Final match, with and without calls" });
  const rows = m.match
    .filter((x) => wantApplicant(x.applicant) && (o.program === undefined || x.withCalls === o.program || x.withoutCalls === o.program))
    .filter((x) => full || o.applicant !== undefined || o.program !== undefined || x.withCalls !== x.withoutCalls);
  const where = (p: string | null, r: number | null) => (p === null ? "unmatched" : `${p} (#${r})`);
  blocks.push({
    kind: "table",
    head: ["applicant", "with calls", "without calls", ""],
    rows: rows.map((x) => {
      const same = x.withCalls === x.withoutCalls;
      return [x.applicant, where(x.withCalls, x.rankWithCalls), where(x.withoutCalls, x.rankWithoutCalls), same ? "" : [x.withCalls === null ? bad("lost") : x.withoutCalls === null ? good("gained") : strong("moved")]];
    }),
  });
  if (!full && o.applicant === undefined && o.program === undefined) {
    blocks.push({ kind: "para", line: "Only the applicants whose match the calls changed are listed." });
  }

  // 9. Attribution
  blocks.push({ kind: "heading", level: 2, text: "9. What each call did" });
  const attribution = m.attribution.filter(
    (x) => wantProgram(x.call.program) && (o.applicant === undefined || x.call.applicant === o.applicant || x.changed.some((c) => c.applicant === o.applicant)),
  );
  const toldCalls = full || o.program !== undefined || o.applicant !== undefined ? attribution : attribution.filter((x) => x.changed.length > 0);
  if (toldCalls.length < attribution.length) {
    blocks.push({ kind: "para", line: `The ${toldCalls.length} calls that changed a match on their own (use --program or --applicant for the rest):` });
  }
  blocks.push({
    kind: "bullets",
    items: toldCalls.map((x) => [
      strong(`${x.call.program} about ${x.call.applicant}`),
      t(` (${PHASE[x.call.phase]}; --without ${x.call.id}): `),
      ...(x.changed.length === 0
        ? [t("changed nothing")]
        : [t("without it, "), t(x.changed.map((c) => `${c.applicant} ${c.withoutCall ?? "unmatched"} instead of ${c.withCall ?? "unmatched"}`).join("; "))]),
    ]),
  });
  const s = m.summary;
  blocks.push({
    kind: "para",
    line: `${s.calls} call${s.calls === 1 ? "" : "s"}: ${s.callsThatChangedAMatch} changed someone's match on their own, ${s.callsThatChangedNothing} changed nothing; together the calls changed ${s.matchesChangedByCalls} applicant${s.matchesChangedByCalls === 1 ? "'s" : "s'"} match.`,
  });

  // 10. Instability
  blocks.push({ kind: "heading", level: 2, text: "10. How far the calls bent the match" });
  blocks.push({
    kind: "para",
    line:
      s.blockingPairsVsUncalled === 0
        ? "Under the programs' lists as the interviews left them, no applicant and program would rather have each other: the calls did not bend the match away from what the interviews said."
        : `Under the programs' lists as the interviews left them, ${s.blockingPairsVsUncalled} pair${s.blockingPairsVsUncalled === 1 ? "" : "s"} would rather have each other than the final match: ${m.blockingPairs.map((b) => `${b.applicant}–${b.program}`).join(", ")}.`,
  });
  return blocks;
}
