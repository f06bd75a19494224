import * as z from "zod";

// The shapes every result shares: an interval, a difference with its interval, an estimate
// with its interval, and a statistic seen in both worlds. Types come from these schemas,
// and so does the published JSON Schema of the results.

/** A 95% interval, or null when there is none to give (no season differed, or too few seasons). */
export const IntervalSchema = z.tuple([z.number(), z.number()]).nullable();
export type Interval = z.infer<typeof IntervalSchema>;

/** A difference between two worlds on the same seasons, with its paired 95% interval. */
export const DifferenceSchema = z.object({ estimate: z.number(), interval: IntervalSchema });
export type Difference = z.infer<typeof DifferenceSchema>;

/** A mean over seasons with its 95% interval. */
export const EstimateSchema = z.object({ estimate: z.number(), interval: IntervalSchema });
export type Estimate = z.infer<typeof EstimateSchema>;

/**
 * A per-season statistic in the world with calls and without: its mean over the seasons it
 * was defined in, each world's interval, and the paired difference over the seasons it was
 * defined in both.
 */
export const WorldsStatisticSchema = z.object({
  withCalls: EstimateSchema.nullable(),
  withoutCalls: EstimateSchema.nullable(),
  difference: DifferenceSchema.nullable(),
  seasons: z.object({ withCalls: z.number().int(), withoutCalls: z.number().int(), both: z.number().int() }),
});
export type WorldsStatistic = z.infer<typeof WorldsStatisticSchema>;

/** A share of applicant-seasons in both worlds, its paired difference, and the counts it comes from. */
export const WorldsShareSchema = z.object({
  withCalls: z.number(),
  withoutCalls: z.number(),
  difference: DifferenceSchema,
  counts: z.object({ applicantSeasons: z.number().int(), withCalls: z.number().int(), withoutCalls: z.number().int() }),
});
export type WorldsShare = z.infer<typeof WorldsShareSchema>;

/** Calls per season in each phase of the season. */
export const CallsByPhaseSchema = z.object({ preInterview: z.number(), rankList: z.number(), advocacy: z.number(), late: z.number() });
export type CallsByPhase = z.infer<typeof CallsByPhaseSchema>;

export const ProposerSchema = z.enum(["applicant", "program"]);
