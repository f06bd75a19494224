import * as z from "zod";
import { ScenarioSchema } from "./schema.js";

/**
 * The JSON Schema of scenario files, generated from the zod schema (never written by
 * hand): what an editor needs to complete keys and flag mistakes as one types.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ScenarioSchema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
  return {
    ...generated,
    $id: "https://match-sim.invalid/scenario.schema.json",
    title: "match-sim scenario",
    description: "Applicants, programs, the people who vouch for applicants, their ties, and model parameters.",
  };
}
