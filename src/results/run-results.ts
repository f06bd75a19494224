import * as z from "zod";
import { CallsByPhaseSchema, DifferenceSchema, EstimateSchema, IntervalSchema, WorldsShareSchema, WorldsStatisticSchema } from "./estimates.js";
import { ProvenanceSchema } from "./provenance.js";

// The results of a run as numbers and labels: what the engine produces and every renderer
// reads, below both. The schemas are the contract (`match-sim schema --results`); the types
// are inferred from them.

export const ApplicantResultSchema = z.object({
  id: z.string(),
  /** The name the scenario gives, if any. */
  name: z.string().optional(),
  pMatch: z.number(),
  pMatchCi: z.tuple([z.number(), z.number()]),
  pMatchWithoutCalls: z.number(),
  /** pMatch − pMatchWithoutCalls, its paired interval, the exact McNemar p-value, and whether it stands after Benjamini–Hochberg. */
  delta: z.number(),
  deltaCi: IntervalSchema,
  deltaP: z.number(),
  stands: z.boolean(),
  pFirstChoice: z.number(),
  pFirstChoiceWithoutCalls: z.number(),
  firstChoiceDelta: DifferenceSchema,
  meanMatchedRank: z.number().nullable(),
  meanMatchedRankWithoutCalls: z.number().nullable(),
  /** The change in matched rank over the seasons matched in both worlds. */
  rankDelta: DifferenceSchema.nullable(),
  meanCalls: z.number(),
  /** Seasons matched at rank 1, 2, …, then unmatched, with calls. */
  rankHistogram: z.array(z.number().int()),
  /** The same seasons without calls (as long as rankHistogram). */
  rankHistogramWithoutCalls: z.array(z.number().int()),
  counts: z.object({
    seasons: z.number().int(),
    matchedBoth: z.number().int(),
    matchedOnlyWithCalls: z.number().int(),
    matchedOnlyWithoutCalls: z.number().int(),
    firstChoiceBoth: z.number().int(),
    firstChoiceOnlyWithCalls: z.number().int(),
    firstChoiceOnlyWithoutCalls: z.number().int(),
  }),
});
export type ApplicantResult = z.infer<typeof ApplicantResultSchema>;

export const ProgramResultSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  positions: z.number().int(),
  fillRate: z.number().nullable(),
  fillRateWithoutCalls: z.number().nullable(),
  fillDifference: DifferenceSchema.nullable(),
  /** Mean true quality of those matched, per season with anyone matched, averaged over those seasons. */
  meanQualityMatched: z.number().nullable(),
  meanQualityMatchedWithoutCalls: z.number().nullable(),
  qualityDifference: DifferenceSchema.nullable(),
  /** Calls in the program's name per season: made by its director, or taken from advocates. */
  callsMade: z.number(),
  calls: CallsByPhaseSchema,
  /** Drops per season by a call at this program, and by ripple from elsewhere. */
  drops: z.number(),
  rippleDrops: z.number(),
  /** Share of the program's invitations that differ from the season without calls. */
  invitesShaped: z.number(),
  /** With calls: the share of its signalled applications it invited, of the rest, and the share of its matches who had signalled it (null without signals). */
  signals: z
    .object({
      applications: z.number().int(),
      pInterview: z.number().nullable(),
      applicationsNoSignal: z.number().int(),
      pInterviewNoSignal: z.number().nullable(),
      matchesAtSignal: z.number().nullable(),
    })
    .nullable(),
  counts: z.object({
    seasons: z.number().int(),
    filledWithCalls: z.number().int(),
    filledWithoutCalls: z.number().int(),
    seasonsWithAnyMatchedWithCalls: z.number().int(),
    seasonsWithAnyMatchedWithoutCalls: z.number().int(),
    invitations: z.number().int(),
    invitationsChanged: z.number().int(),
  }),
});
export type ProgramResult = z.infer<typeof ProgramResultSchema>;

/** What signals did, when anyone could send one: invitation rates with and without, and matches at signalled programs. */
export const SignalsSchema = z.object({
  counts: z.object({
    signalled: z.number().int(),
    gold: z.number().int(),
    unsignalled: z.number().int(),
    signalledInvitedWithCalls: z.number().int(),
    signalledInvitedWithoutCalls: z.number().int(),
    goldInvitedWithCalls: z.number().int(),
    goldInvitedWithoutCalls: z.number().int(),
    unsignalledInvitedWithCalls: z.number().int(),
    unsignalledInvitedWithoutCalls: z.number().int(),
    matchesAtSignalWithCalls: z.number().int(),
    matchesAtSignalWithoutCalls: z.number().int(),
  }),
  /** Per season: the share of signalled applications invited, of unsignalled ones, their ratio, and the share of matches at a program the applicant signalled. */
  pInterviewSignal: WorldsStatisticSchema,
  pInterviewNoSignal: WorldsStatisticSchema,
  ratio: WorldsStatisticSchema,
  matchesAtSignal: WorldsStatisticSchema,
  /** Over all seasons: the share of gold-signalled applications invited (null without gold signals). */
  pInterviewGold: z.object({ withCalls: z.number().nullable(), withoutCalls: z.number().nullable() }),
});
export type Signals = z.infer<typeof SignalsSchema>;

export const GroupResultSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** Applicants in the group (the same every season). */
  applicants: z.number().int(),
  pMatch: WorldsShareSchema,
  pFirstChoice: WorldsShareSchema,
});
export type GroupResult = z.infer<typeof GroupResultSchema>;

export const EfficiencySchema = z.object({
  /** Spearman's correlation between matched applicants' quality and their programs' prestige. */
  qualityPrestigeCorrelation: WorldsStatisticSchema,
  meanQualityMatched: WorldsStatisticSchema,
  meanQualityUnmatched: WorldsStatisticSchema,
  /** Mean matched rank of those matched, per season. */
  meanMatchedRank: WorldsStatisticSchema,
});
export type Efficiency = z.infer<typeof EfficiencySchema>;

export const SummarySchema = z.object({
  matchRate: WorldsShareSchema,
  firstChoiceRate: WorldsShareSchema,
  /** Calls per season, by phase. */
  calls: CallsByPhaseSchema,
  verdicts: z.object({ strong: z.number(), positive: z.number(), fine: z.number(), cautious: z.number(), wouldNotRank: z.number() }),
  drops: z.number(),
  rippleDrops: z.number(),
  insincerityCaught: z.number(),
  /** Late calls per season that relayed an applicant's "#1" from their home institution. */
  relayed: z.number(),
  /** Pushed advocates' half-hearted "fine", per season. */
  halfHearted: z.number(),
  /** The share of programs that place at least one late call, per season. */
  programsCallingLate: z.number(),
  /** Of applicants with a home program, the share invited to interview there; null when none has one. */
  homeInterviews: WorldsStatisticSchema.nullable(),
  invitesShaped: z.number(),
  /** The share of applicant-seasons whose match differs between the worlds. */
  outcomeChanged: EstimateSchema.extend({ counts: z.object({ applicantSeasons: z.number().int(), changed: z.number().int() }) }),
  blockingPairsVsUncalled: EstimateSchema,
  efficiency: EfficiencySchema,
  /** Null when no applicant can send a signal. */
  signals: SignalsSchema.nullable(),
  /** How many applicants' changes in P(match) stand after a Benjamini–Hochberg correction. */
  applicantsMoved: z.object({ tested: z.number().int(), standing: z.number().int(), falseDiscoveryRate: z.number() }),
  /** Rank-list calls per entry a director could call about, by category, beside the parameter. */
  callRates: z.object({
    top: z.object({ measured: z.number().nullable(), parameter: z.number() }),
    borderline: z.object({ measured: z.number().nullable(), parameter: z.number() }),
    redFlag: z.object({ measured: z.number().nullable(), parameter: z.number() }),
  }),
});
export type Summary = z.infer<typeof SummarySchema>;

/** The results of `run`, as `run --format json` prints them and the library returns them. */
export const RunResultsSchema = z.object({
  kind: z.literal("run"),
  provenance: ProvenanceSchema,
  scenario: z.string(),
  runs: z.number().int(),
  seed: z.number().int(),
  proposer: z.enum(["applicant", "program"]),
  /** The settings applied to the file (`--set`, `--opinion`), as written; absent when none. */
  settings: z.array(z.string()).optional(),
  summary: SummarySchema,
  groups: z.object({ by: z.string(), groups: z.array(GroupResultSchema) }),
  applicants: z.array(ApplicantResultSchema),
  programs: z.array(ProgramResultSchema),
});
export type RunResults = z.infer<typeof RunResultsSchema>;
