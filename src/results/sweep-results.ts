import * as z from "zod";
import { DifferenceSchema, EstimateSchema, ProposerSchema, WorldsShareSchema } from "./estimates.js";
import { ProvenanceSchema } from "./provenance.js";
import { ApplicantResultSchema, RunResultsSchema } from "./run-results.js";

const AxisValueSchema = z.union([z.number(), z.boolean(), z.string()]);

/** One applicant at one point: their odds in both worlds, and against the baseline point. */
export const SweepFocusSchema = ApplicantResultSchema.pick({ name: true, pMatch: true, pMatchCi: true, pMatchWithoutCalls: true, delta: true, deltaCi: true }).extend({
  applicant: z.string(),
  /** The change in P(match), with calls, against the baseline point (null at the baseline). */
  vsBaseline: DifferenceSchema.nullable(),
});

export const SweepPointSchema = z.object({
  parameters: z.record(z.string(), AxisValueSchema),
  matchRate: WorldsShareSchema,
  /** Against the baseline point on the same seasons (null at the baseline itself). */
  vsBaseline: z
    .object({
      matchRateWithCalls: DifferenceSchema,
      matchRateWithoutCalls: DifferenceSchema,
      outcomeChanged: DifferenceSchema,
    })
    .nullable(),
  callsPerSeason: z.number(),
  invitesShaped: z.number(),
  outcomeChanged: EstimateSchema,
  /** Present (null when there is no focus) so that every point has the same fields. */
  focus: SweepFocusSchema.nullable(),
  /** The point's full results, with --full (and always in the library). */
  results: RunResultsSchema.optional(),
});
export type SweepPoint = z.infer<typeof SweepPointSchema>;

/** The results of `sweep`, as `sweep --format json` prints them. */
export const SweepResultsSchema = z.object({
  kind: z.literal("sweep"),
  provenance: ProvenanceSchema,
  scenario: z.string(),
  runs: z.number().int(),
  seed: z.number().int(),
  proposer: ProposerSchema,
  axes: z.array(z.object({ path: z.string(), values: z.array(AxisValueSchema) })),
  /** The point every other is compared with (an index into points). */
  baseline: z.number().int(),
  /** Whether the season without calls was computed once per season for every point (no axis can change it). */
  sharedWorldWithoutCalls: z.boolean(),
  points: z.array(SweepPointSchema),
});
export type SweepResults = z.infer<typeof SweepResultsSchema>;
