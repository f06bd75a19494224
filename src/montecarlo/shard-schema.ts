import * as z from "zod";
import { ModelParamsSchema } from "../scenario/model-params.js";
import { SHARD_FORMAT, type ShardFile } from "./shard.js";

const counts = z.array(z.number().int().min(0));
const whole = z.number().int().min(0);

/** Shape check of a shard part before merging, so a damaged file gets a clear refusal. */
export const ShardFileSchema: z.ZodType<ShardFile> = z.object({
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
  applicants: z.array(z.string()),
  programs: z.array(z.string()),
  applicantNames: z.array(z.string().nullable()).optional(),
  programNames: z.array(z.string().nullable()).optional(),
  positions: z.array(whole),
  counts: z.object({ trials: whole, histogramWidth: whole.min(1), global: counts, applicant: counts, histogram: counts, program: counts }),
}) as unknown as z.ZodType<ShardFile>;
