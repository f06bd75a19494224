import * as z from "zod";
import { IntervalSchema, ProposerSchema } from "./estimates.js";
import { ProvenanceSchema } from "./provenance.js";

// The results of `compare`: a what-if against its base on the same seasons, applicant by
// applicant, in the world with calls and in the world without them.

/** A paired difference of a proportion, with its discordant seasons and the exact McNemar p-value. */
export const ProportionChangeSchema = z.object({
  estimate: z.number(),
  interval: IntervalSchema,
  /** Seasons where only the variant, or only the base, had the outcome. */
  variantOnly: z.number().int(),
  baseOnly: z.number().int(),
  pValue: z.number(),
});
export type ProportionChange = z.infer<typeof ProportionChangeSchema>;

export const OutcomeComparisonSchema = z.object({
  base: z.number().nullable(),
  variant: z.number(),
  change: ProportionChangeSchema.nullable(),
});
export type OutcomeComparison = z.infer<typeof OutcomeComparisonSchema>;

export const WorldComparisonSchema = z.object({
  pMatch: OutcomeComparisonSchema,
  pFirstChoice: OutcomeComparisonSchema,
  /** Mean matched rank in each; the change over the seasons the applicant matched in both. */
  meanMatchedRank: z.object({
    base: z.number().nullable(),
    variant: z.number().nullable(),
    change: z.object({ estimate: z.number(), interval: IntervalSchema }).nullable(),
    seasonsBothMatched: z.number().int(),
  }),
});
export type WorldComparison = z.infer<typeof WorldComparisonSchema>;

export const ApplicantComparisonSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  /** An applicant the variant adds: nothing to compare with. */
  added: z.boolean(),
  withCalls: WorldComparisonSchema,
  /** The same with calls off in both: what the edit does on paper, without any call. */
  withoutCalls: WorldComparisonSchema,
});
export type ApplicantComparison = z.infer<typeof ApplicantComparisonSchema>;

export const VariantResultSchema = z.object({
  name: z.string(),
  /** The settings that make it, as written, and the file it was read from, if any. */
  settings: z.array(z.string()),
  file: z.string().optional(),
  /** The variant's scenario fingerprint. */
  fingerprint: z.string(),
  applicants: z.array(ApplicantComparisonSchema),
});
export type VariantResult = z.infer<typeof VariantResultSchema>;

/** One knower of the focus applicant: their calls, what they said, and what their silence would change. */
export const KnowerResultSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  /** Calls about the applicant that went through them, per season (advocates' own calls included). */
  callsPerSeason: z.number(),
  said: z.object({ strong: z.number(), positive: z.number(), fine: z.number(), cautious: z.number(), wouldNotRank: z.number() }),
  /** The change in the applicant's P(match) if this knower said nothing about them (same seasons). */
  ifSilent: OutcomeComparisonSchema,
});
export type KnowerResult = z.infer<typeof KnowerResultSchema>;

export const CompareResultsSchema = z.object({
  kind: z.literal("compare"),
  provenance: ProvenanceSchema,
  scenario: z.string(),
  runs: z.number().int(),
  seed: z.number().int(),
  proposer: ProposerSchema,
  focus: z.string().optional(),
  variants: z.array(VariantResultSchema),
  knowers: z.array(KnowerResultSchema).optional(),
});
export type CompareResults = z.infer<typeof CompareResultsSchema>;
