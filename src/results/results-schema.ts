import * as z from "zod";
import { CompareResultsSchema } from "./compare-results.js";
import { MatchResultsSchema } from "./match-results.js";
import { RunResultsSchema } from "./run-results.js";
import { SweepResultsSchema } from "./sweep-results.js";
import { TraceModelSchema } from "./trace-results.js";

/** Every JSON result a command prints, told apart by `kind`. */
export const ResultsSchema = z.discriminatedUnion("kind", [RunResultsSchema, SweepResultsSchema, CompareResultsSchema, TraceModelSchema, MatchResultsSchema]);
export type Results = z.infer<typeof ResultsSchema>;

/**
 * The JSON Schema of the results (`match-sim schema --results`, schema/results.schema.json),
 * generated from the zod schemas the results are typed by (never written by hand).
 */
export function resultsJsonSchema(): Record<string, unknown> {
  // Schemas used in more than one place (a run's results inside a sweep point, the provenance) become $defs.
  const generated = z.toJSONSchema(ResultsSchema, { io: "output", unrepresentable: "any", target: "draft-2020-12", reused: "ref" });
  return {
    ...generated,
    $id: "https://match-sim.invalid/results.schema.json",
    title: "match-sim results",
    description: "What run, merge, sweep, compare, trace and match print with --format json, told apart by `kind`.",
  };
}
