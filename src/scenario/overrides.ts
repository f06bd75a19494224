import { UsageError } from "../errors.js";
import { didYouMean } from "./did-you-mean.js";
import { formatPath } from "./issue.js";
import { ModelParamsSchema, type ModelParams } from "./model-params.js";
import { checkAgainstSchema } from "./schema-issues.js";
import { yamlModule } from "./yaml-module.js";

/**
 * One `--set path=value` (or `path+=value`): a model parameter (without the `model.`
 * prefix), or a field of the scenario itself, addressed by ids (see edits.ts).
 */
export interface ParameterSetting {
  readonly path: string;
  /** "=" sets the value; "+=" appends it to a list. */
  readonly op: "=" | "+=";
  readonly value: unknown;
  /** As the user wrote it. */
  readonly text: string;
  /** Where it came from, as messages name it: `--set x=1` on the command line, `set["x"]` in the library. */
  readonly origin: string;
}

/**
 * The blocks of the model: a path that starts with one of them is a model parameter.
 * Worked out on first use: parsing the model's defaults compiles a reader for every block,
 * a fifth of loading a command that never reads a setting.
 */
let blocks: readonly string[] | undefined;
const modelBlocks = (): readonly string[] => (blocks ??= Object.keys(ModelParamsSchema.parse({})));

/**
 * Whether a setting's path names a model parameter (rather than a field of the scenario).
 * "opinions" is both a block of the model (its noise and thresholds) and a list of the
 * scenario (`opinions.REFERRER~APPLICANT`): the model's are only those two.
 */
export const isModelPath = (path: string): boolean => {
  const head = path.split(".")[0]!;
  if (head === "opinions") return path === "opinions.noise" || path === "opinions.thresholds" || path.startsWith("opinions.thresholds.");
  return modelBlocks().includes(head);
};

/** Every leaf path of the model block ("ripple.sameRegion", …), from its defaults. */
export function parameterPaths(model: ModelParams = ModelParamsSchema.parse({})): string[] {
  const out: string[] = [];
  const walk = (v: unknown, prefix: string) => {
    if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) walk(x, prefix ? `${prefix}.${k}` : k);
    else out.push(prefix);
  };
  walk(model, "");
  return out;
}

/**
 * A value written on the command line: a model parameter takes a number, true or false;
 * a scenario field takes any YAML flow value (`0.5`, `P7`, `[P7, P9]`, `{referrer: dr-x}`,
 * `null` to remove).
 */
function valueOf(raw: string, path: string, origin: string): unknown {
  if (isModelPath(path)) {
    const value = raw === "true" ? true : raw === "false" ? false : raw !== "" && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
    if (value === undefined) throw new UsageError(`${origin}: "${raw}" is not a number, true or false`);
    return value;
  }
  try {
    return yamlModule().parse(raw === "" ? "null" : raw) as unknown;
  } catch (err) {
    throw new UsageError(`${origin}: cannot read the value "${raw}": ${(err as Error).message.split("\n")[0]}`);
  }
}

/** Parses `path=value` or `path+=value` from the command line. */
export function parseSetting(text: string, origin = `--set ${text}`): ParameterSetting {
  const eq = text.indexOf("=");
  if (eq <= 0) throw new UsageError(`${origin}: expected path=value, for example ripple.sameRegion=0.8 or applicants.me.aways=[P7]`);
  const append = text[eq - 1] === "+";
  const path = text.slice(0, append ? eq - 1 : eq).trim().replace(/^model\./, "");
  const raw = text.slice(eq + 1).trim();
  if (append && isModelPath(path)) throw new UsageError(`${origin}: "+=" appends to a list of the scenario, not to a model parameter`);
  return { path, op: append ? "+=" : "=", value: valueOf(raw, path, origin), text, origin };
}

/**
 * A setting given to the library as `{ [path]: value }` (a path ending in "+" appends);
 * messages name the option it came in.
 */
export function librarySetting(option: string, key: string, value: unknown): ParameterSetting {
  const origin = `${option}[${JSON.stringify(key)}]`;
  const append = key.endsWith("+");
  const path = (append ? key.slice(0, -1) : key).replace(/^model\./, "");
  if (isModelPath(path) && typeof value !== "boolean" && (typeof value !== "number" || !Number.isFinite(value))) {
    throw new UsageError(`${origin}: expected a number, true or false, got ${JSON.stringify(value) ?? String(value)}`);
  }
  // Written as on the command line: a word as it is, anything else as JSON (a YAML flow value).
  const shown = typeof value === "string" ? value : JSON.stringify(value);
  return { path, op: append ? "+=" : "=", value, text: `${append ? key.slice(0, -1) : key}${append ? "+=" : "="}${shown}`, origin };
}

/** The model with the settings of model parameters applied, checked by the same schema as the file. */
export function applySettings(model: ModelParams, settings: readonly ParameterSetting[]): ModelParams {
  if (settings.length === 0) return model;
  const paths = parameterPaths(model);
  const copy = structuredClone(model) as Record<string, unknown>;
  for (const setting of settings) {
    if (!paths.includes(setting.path)) {
      const guess = didYouMean(setting.path, paths);
      throw new UsageError(
        `${setting.origin}: unknown parameter "${setting.path}"` +
          (guess ? ` (did you mean "${guess}"?)` : " (the parameters are listed in docs/model.md)"),
      );
    }
    const keys = setting.path.split(".");
    let node = copy;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[keys.at(-1)!] = setting.value;
  }
  const checked = checkAgainstSchema(ModelParamsSchema, copy);
  if (!checked.value) {
    const first = checked.issues[0]!;
    const path = formatPath(first.path);
    const setting = settings.find((s) => s.path === path) ?? settings.find((s) => path.startsWith(s.path.split(".")[0]!));
    throw new UsageError(`${setting?.origin ?? `--set ${path}`}: ${path}: ${first.message}`);
  }
  return checked.value;
}
