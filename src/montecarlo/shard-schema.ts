import * as z from "zod";
import { ModelParamsSchema } from "../scenario/model-params.js";

export const SHARD_FORMAT = "match-sim-shard";
/** 3: paired counts (discordant seasons, sums of squares), groups, settings, signals. */
export const SHARD_VERSION = 5;

const whole = z.number().int().min(0);
/** Counts may be negative where they sum differences between the worlds. */
const counts = z.array(z.number().int());

/** What `run --shard i/n --format json` writes and `merge` reads; checked before merging, so a damaged file gets a clear refusal. */
export const ShardFileSchema = z.object({
  format: z.literal(SHARD_FORMAT),
  version: z.number().int(),
  scenario: z.string(),
  scenarioHash: z.string(),
  seed: whole,
  runs: whole.min(1),
  proposer: z.enum(["applicant", "program"]),
  shard: z.object({ index: whole.min(1), count: whole.min(1) }),
  trials: z.object({ first: whole, count: whole }),
  parameters: ModelParamsSchema,
  settings: z.array(z.string()),
  groups: z.object({ by: z.string(), keys: z.array(z.string()), labels: z.array(z.string()) }),
  signalling: z.boolean(),
  applicants: z.array(z.string()),
  programs: z.array(z.string()),
  /** Names from the file (null: none), so merged results are labelled as a whole run's. */
  applicantNames: z.array(z.string().nullable()).optional(),
  programNames: z.array(z.string().nullable()).optional(),
  positions: z.array(whole),
  counts: z.object({ trials: whole, histogramWidth: whole.min(1), global: counts, applicant: counts, histogram: counts, program: counts, group: counts }),
});
export type ShardFile = z.infer<typeof ShardFileSchema>;
