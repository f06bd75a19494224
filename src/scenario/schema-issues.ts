import type * as z from "zod";
import { didYouMean } from "./did-you-mean.js";
import { quote, type PathSegment, type UnplacedIssue } from "./issue.js";
import { parseByKeySets } from "./keyed-parse.js";

// Turns zod's issues into ours: one issue per unknown key (with a did-you-mean drawn from
// the keys the schema allows at that place), messages in our words.

type AnySchema = z.core.$ZodType;

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
  tuple: "a list",
};

/** Walks a schema along a data path to the object schema found there, if any. */
function objectKeysAt(schema: AnySchema, path: readonly PathSegment[]): string[] | undefined {
  let s: AnySchema | undefined = schema;
  let i = 0;
  while (s) {
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    switch (def.type) {
      case "optional":
      case "default":
      case "prefault":
      case "nullable":
      case "readonly":
        s = def["innerType"] as AnySchema;
        continue;
      case "pipe":
        s = def["in"] as AnySchema;
        continue;
      case "object":
        if (i === path.length) return Object.keys(def["shape"] as object);
        s = (def["shape"] as Record<string, AnySchema>)[String(path[i++])];
        continue;
      case "array":
        if (i === path.length) return undefined;
        i++;
        s = def["element"] as AnySchema;
        continue;
      default:
        return undefined;
    }
  }
  return undefined;
}

function genericMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case "too_small":
      return issue.origin === "array" ? `expected at least ${String(issue.minimum)} items` : issue.message;
    case "too_big":
      return issue.origin === "array" ? `expected at most ${String(issue.maximum)} items` : issue.message;
    default:
      return issue.message;
  }
}

export interface SchemaCheck<T> {
  readonly value: T | undefined;
  readonly issues: UnplacedIssue[];
}

/** Checks data as a parser gives it (no value is `undefined`), with every issue in our words. */
export function checkAgainstSchema<S extends z.ZodType>(schema: S, data: unknown): SchemaCheck<z.output<S>> {
  const result = parseByKeySets(schema, data, { error: (iss) => genericMessage(iss as z.core.$ZodIssue) });
  if (result.success) return { value: result.data, issues: [] };
  const issues: UnplacedIssue[] = [];
  for (const issue of result.issues) {
    const path = issue.path.filter((s): s is PathSegment => typeof s !== "symbol");
    if (issue.code === "unrecognized_keys") {
      const known = objectKeysAt(schema, path) ?? [];
      for (const key of issue.keys) {
        const guess = didYouMean(key, known);
        const hint = guess ? ` (did you mean "${guess}"?)` : known.length > 0 ? ` (allowed: ${known.join(", ")})` : "";
        issues.push({ path: [...path, key], message: `unknown key ${quote(key)}${hint}`, atKey: true });
      }
    } else {
      issues.push({ path, message: issue.message });
    }
  }
  return { value: undefined, issues };
}
