import type { ModelParams } from "./scenario/model-params.js";

// The paths `set` takes in the library, as types: a model parameter's path is one of a
// fixed set (so a typo is a type error), a field of the scenario is addressed by ids the
// compiler cannot know, so only its list is checked.

/** Every leaf of an object type as a dotted path. */
type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends Record<string, unknown> ? Leaves<T[K], `${Prefix}${K}.`> : `${Prefix}${K}`;
}[keyof T & string];

/** The value at a dotted path of an object type. */
type ValueAt<T, P extends string> = P extends `${infer K}.${infer Rest}` ? (K extends keyof T ? ValueAt<T[K], Rest> : never) : P extends keyof T ? T[P] : never;

/** A model parameter's path, as `--set` takes it: `ripple.sameRegion`, `rankList.callProbability.top`. */
export type ParameterPath = Leaves<ModelParams>;

type Lists = "applicants" | "programs" | "referrers" | "relationships" | "opinions";

/**
 * Settings, as `--set` takes them: model parameters by path, with or without the `model.`
 * prefix (`{ "ripple.sameRegion": 0.8 }`, checked by the compiler), and fields of the
 * scenario by id (`{ "referrers.dr-x.clout": 0.5, "applicants.me.aways": ["P7"],
 * "opinions.dr-x~me": "strong" }`); a path ending in "+" appends to a list
 * (`{ "applicants.me.advocates+": { referrer: "dr-x" } }`, `{ "applicants+": { id: "me" } }`).
 */
export type Settings = Readonly<
  { [P in ParameterPath]?: ValueAt<ModelParams, P> } & { [P in ParameterPath as `model.${P}`]?: ValueAt<ModelParams, P> } & {
    [P in `${Lists}.${string}` | `${Lists}+`]?: unknown;
  } & { seed?: number; runs?: number; name?: string; description?: string }
>;
