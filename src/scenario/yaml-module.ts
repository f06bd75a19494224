import { createRequire } from "node:module";

/**
 * The yaml library, loaded on first use: a JSON scenario that is valid never needs it,
 * and on large files its load time is a noticeable share of the whole run.
 */
export function yamlModule(): typeof import("yaml") {
  return createRequire(import.meta.url)("yaml") as typeof import("yaml");
}
