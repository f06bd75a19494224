import * as z from "zod";
import { ProposerSchema } from "./estimates.js";
import { ProvenanceSchema } from "./provenance.js";

// One season told in full, as `trace --format json` prints it: ids throughout, with the
// file's names in `labels`.

const PhaseSchema = z.enum(["preInterview", "rankList", "advocacy", "late"]);
const VerdictSchema = z.enum(["strong", "positive", "fine", "cautious", "would-not-rank"]);
export type Verdict = z.infer<typeof VerdictSchema>;

export const CallRefSchema = z.object({
  phase: PhaseSchema,
  program: z.string(),
  applicant: z.string(),
  /** The advocate, on an advocate's call. */
  caller: z.string().optional(),
  /** The call's id, phase:program:applicant[:caller] by ids: what `trace --without` takes. */
  id: z.string(),
});
export type CallRef = z.infer<typeof CallRefSchema>;

/** What every call carries: how far the tie was trusted, how much the word weighed, what was thought and said. */
const WORD = { trust: z.number(), influence: z.number(), thought: VerdictSchema, said: VerdictSchema };

export const TraceEventSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("invite-call"),
    call: CallRefSchema,
    /** The program's director, who asked. */
    director: z.string(),
    knower: z.string(),
    ...WORD,
    effect: z.enum(["invited", "uninvited", "secured", "vetoed", "unchanged"]),
    /** Who lost their invitation to the applicant called about, and who got theirs. */
    displaced: z.string().nullable(),
    promoted: z.string().nullable(),
  }),
  z.object({
    kind: z.literal("rank-call"),
    call: CallRefSchema,
    director: z.string(),
    category: z.enum(["top", "borderline", "redFlag"]),
    /** Why a red flag: the applicant's flags, and how far paper and interview were apart. */
    flags: z.number().int(),
    gap: z.number(),
    knower: z.string(),
    ...WORD,
    /** 1-based rank before; after, or null when dropped. */
    from: z.number().int(),
    to: z.number().int().nullable(),
    /** A home or away director's would-not-rank: "we didn't rank them". */
    didNotRank: z.boolean(),
  }),
  z.object({
    kind: z.literal("advocate-call"),
    call: CallRefSchema,
    advocate: z.string(),
    /** The program's director, who took the call. */
    director: z.string(),
    pushed: z.boolean(),
    ...WORD,
    from: z.number().int(),
    to: z.number().int().nullable(),
  }),
  z.object({
    kind: z.literal("ripple"),
    applicant: z.string(),
    from: z.string(),
    to: z.string(),
    reason: z.enum(["sameRegion", "sameSpecialty", "crossSpecialty"]),
    /** What the two programs share, by the scenario's own names (null where it gives none). */
    region: z.string().nullable(),
    specialty: z.string().nullable(),
    knower: z.string(),
  }),
  z.object({
    kind: z.literal("late-call"),
    call: CallRefSchema,
    director: z.string(),
    reason: z.enum(["short", "topHeavy"]),
    knower: z.string(),
    trust: z.number(),
    influence: z.number(),
    relayed: z.boolean(),
    from: z.number().int(),
    to: z.number().int(),
  }),
  z.object({ kind: z.literal("insincerity-caught"), call: CallRefSchema, other: z.string(), from: z.number().int(), to: z.number().int() }),
]);
export type TraceEvent = z.infer<typeof TraceEventSchema>;

const PairSchema = z.tuple([z.string(), z.string()]);

export const TraceModelSchema = z.object({
  kind: z.literal("trace"),
  provenance: ProvenanceSchema,
  scenario: z.string(),
  seed: z.number().int(),
  trial: z.number().int(),
  proposer: ProposerSchema,
  callsEnabled: z.boolean(),
  /** Calls left out of the world with calls (trace --without), by id. */
  without: z.array(z.string()),
  size: z.object({ applicants: z.number().int(), programs: z.number().int() }),
  invitations: z.array(
    z.object({
      program: z.string(),
      screened: z.boolean(),
      applications: z.number().int(),
      invited: z.array(z.string()),
      invitedWithoutCalls: z.array(z.string()),
      borderline: z.array(z.string()),
      /** Applicants who sent the program a preference signal (either tier), and those whose signal was gold. */
      signalled: z.array(z.string()),
      gold: z.array(z.string()),
      cutoff: z.number().nullable(),
    }),
  ),
  interviews: z.array(z.object({ applicant: z.string(), programs: z.array(z.string()) })),
  events: z.array(TraceEventSchema),
  rankLists: z.array(z.object({ program: z.string(), positions: z.number().int(), before: z.array(z.string()), after: z.array(z.string()), withoutCalls: z.array(z.string()) })),
  applicantLists: z.array(z.object({ applicant: z.string(), programs: z.array(z.string()) })),
  rounds: z.array(z.object({ round: z.number().int(), proposals: z.array(PairSchema), unranked: z.array(PairSchema), rejected: z.array(PairSchema), held: z.array(PairSchema) })),
  match: z.array(
    z.object({
      applicant: z.string(),
      withCalls: z.string().nullable(),
      rankWithCalls: z.number().int().nullable(),
      withoutCalls: z.string().nullable(),
      rankWithoutCalls: z.number().int().nullable(),
    }),
  ),
  attribution: z.array(z.object({ call: CallRefSchema, changed: z.array(z.object({ applicant: z.string(), withCall: z.string().nullable(), withoutCall: z.string().nullable() })) })),
  summary: z.object({
    calls: z.number().int(),
    callsThatChangedAMatch: z.number().int(),
    callsThatChangedNothing: z.number().int(),
    matchesChangedByCalls: z.number().int(),
    blockingPairsVsUncalled: z.number().int(),
  }),
  blockingPairs: z.array(z.object({ applicant: z.string(), program: z.string() })),
  /** The trial `--find` chose, and the stories it was looking for. */
  found: z.object({ trial: z.number().int(), stories: z.array(z.object({ kind: z.string(), applicant: z.string().optional() })) }).optional(),
  /** How people are shown in the story: the file's names, where they differ from the ids. */
  labels: z.object({ applicants: z.record(z.string(), z.string()), programs: z.record(z.string(), z.string()), referrers: z.record(z.string(), z.string()) }),
});
export type TraceModel = z.infer<typeof TraceModelSchema>;
