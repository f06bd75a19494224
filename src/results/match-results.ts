import * as z from "zod";
import { ProposerSchema } from "./estimates.js";
import { ProvenanceSchema } from "./provenance.js";

/** The result of one match in ids. Ranks are 1-based. */
export const MatchOutcomeSchema = z.object({
  proposer: ProposerSchema,
  stable: z.boolean(),
  blockingPairs: z.array(z.object({ applicant: z.string(), program: z.string() })),
  matches: z.array(z.object({ applicant: z.string(), program: z.string(), applicantRank: z.number().int(), programRank: z.number().int() })),
  unmatchedApplicants: z.array(z.string()),
  /** Open positions by program id, for programs with any. */
  unfilled: z.record(z.string(), z.number().int()),
});
export type MatchOutcome = z.infer<typeof MatchOutcomeSchema>;

/** What `match --format json` prints and the library's match() returns. */
export const MatchResultsSchema = z.object({ kind: z.literal("match"), provenance: ProvenanceSchema }).extend(MatchOutcomeSchema.shape);
export type MatchResults = z.infer<typeof MatchResultsSchema>;
