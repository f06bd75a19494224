import { createHash } from "node:crypto";
import type { Scenario } from "./schema.js";

/**
 * A fingerprint of a checked scenario (with any --set applied): the market and every
 * parameter, not the name, description, seed or runs, which shard parts check apart.
 */
export function scenarioHash(s: Scenario): string {
  const { name: _name, description: _description, seed: _seed, runs: _runs, ...market } = s;
  return createHash("sha256").update(JSON.stringify(market)).digest("hex").slice(0, 32);
}

/** A loaded scenario's fingerprint, as every output's provenance records it. */
export const fingerprintOf = (loaded: { scenario: Scenario }): string => scenarioHash(loaded.scenario);
