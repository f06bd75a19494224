import { stringify } from "yaml";
import type { ScenarioInput } from "../scenario/schema.js";

const LISTS = ["programs", "applicants", "referrers", "relationships", "opinions"] as const;

/**
 * A scenario as YAML or JSON text. YAML lists are written one entity per line as flow
 * mappings (JSON is a subset of YAML), which keeps a file of 45,000 applicants readable
 * and quick to write and read.
 */
export function scenarioText(input: ScenarioInput, format: "yaml" | "json", header = ""): string {
  if (format === "json") return `${JSON.stringify(input, null, 1)}\n`;
  const { programs, applicants, referrers, relationships, opinions, ...rest } = input;
  const lists = { programs, applicants, referrers, relationships, opinions };
  const comment = header === "" ? "" : `${header.split("\n").map((l) => (l === "" ? "#" : `# ${l}`)).join("\n")}\n`;
  const parts = [comment + stringify(rest, { lineWidth: 0 }).trimEnd()];
  for (const key of LISTS) {
    const items = lists[key];
    if (!items || items.length === 0) continue;
    const line = (x: object) => `  - {${Object.entries(x).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(", ")}}`;
    parts.push(`${key}:\n${items.map(line).join("\n")}`);
  }
  return `${parts.join("\n")}\n`;
}
