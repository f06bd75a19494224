import * as z from "zod";
import { ModelParamsSchema } from "../scenario/model-params.js";
import { ProposerSchema } from "./estimates.js";

/**
 * Where a result comes from, in every JSON output: enough to tell two markets with the same
 * name apart (the fingerprint of everything but name, description, seed and runs) and to
 * run it again (seed, runs, proposer, the settings and every model parameter), with the
 * version of match-sim that made it.
 */
export const ProvenanceSchema = z.object({
  tool: z.literal("match-sim"),
  version: z.string(),
  scenario: z.object({ name: z.string(), fingerprint: z.string() }),
  /** Null where a command draws nothing (match) or tells one season (trace: no run). */
  seed: z.number().int().nullable(),
  runs: z.number().int().nullable(),
  proposer: ProposerSchema,
  settings: z.array(z.string()),
  model: ModelParamsSchema,
});
export type Provenance = z.infer<typeof ProvenanceSchema>;
